/**
 * Applies a plan, finishes an interrupted run, or undoes one, with the journal kept in step. Every
 * operation's state is judged from the disk before it is redone or reversed, so running any of them
 * twice, or after a kill at any point, ends in the same tree.
 */
import { readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { OrganizePlan } from '../plan/plan-types.js';
import {
  codeOf,
  exists,
  isOurSymlink,
  moveFile,
  operationState,
  partialName,
  performOperation,
  realFileSystem,
  sameFile,
  type FileSystemCalls,
} from './file-operations.js';
import { sameContent } from './file-content.js';
import { JournalWriter, type RunRecord } from './journal.js';
import { lockFolder } from './run-lock.js';

export interface RunProgress {
  phase: 'apply' | 'finish' | 'undo';
  done: number;
  total: number;
}

export interface RunOptions {
  fs?: FileSystemCalls;
  onProgress?: (progress: RunProgress) => void;
}

export interface OperationFailure {
  from: string;
  to: string;
  code: string;
  message: string;
}

export interface RunOutcome {
  journal: string;
  /** Operations carried out (or reversed) by this call. */
  done: number;
  /** Operations already done (finish) or never done (undo): nothing to do for them. */
  unchanged: number;
  failures: OperationFailure[];
  /** Set when a disk-wide error (full, read-only) stopped the run part way. */
  stopped: string | null;
  /** Folders left behind by undo because something else is in them now. */
  foldersKept: string[];
}

/** Errors that will hit every next operation too: stop instead of failing them one by one. */
const DISK_WIDE = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EIO']);

export function applyPlan(plan: OrganizePlan, options: RunOptions = {}): RunOutcome {
  const lock = lockFolder(plan.root);
  try {
    const journal = JournalWriter.create(
      {
        startedAt: new Date().toISOString(),
        root: plan.root,
        output: plan.output,
        mode: plan.mode,
        layout: plan.layout,
        operations: plan.operations.length,
      },
      plan.operations,
    );
    try {
      return forward(journal, plan, 'apply', options, false);
    } finally {
      journal.close();
    }
  } finally {
    lock.release();
  }
}

/** Carries out what an interrupted or stopped run left undone. */
export function finishRun(run: RunRecord, options: RunOptions = {}): RunOutcome {
  const lock = lockFolder(run.header.root);
  try {
    const journal = JournalWriter.reopen(run.file);
    try {
      return forward(journal, planOf(run), 'finish', options, true);
    } finally {
      journal.close();
    }
  } finally {
    lock.release();
  }
}

type ForwardPlan = Pick<OrganizePlan, 'root' | 'output' | 'mode' | 'operations'>;

function planOf(run: RunRecord): ForwardPlan {
  return {
    root: run.header.root,
    output: run.header.output,
    mode: run.header.mode,
    operations: run.operations,
  };
}

function forward(
  journal: JournalWriter,
  plan: ForwardPlan,
  phase: 'apply' | 'finish',
  options: RunOptions,
  inspect: boolean,
): RunOutcome {
  const fs = options.fs ?? realFileSystem;
  const outcome = emptyOutcome(journal.file);
  journal.state('applying');
  const folders = new FolderMaker(plan.output, journal, fs);
  const emptied = new Set<string>();
  const total = plan.operations.length;
  for (let index = 0; index < total; index++) {
    const operation = plan.operations[index]!;
    const from = join(plan.root, operation.from);
    const to = join(plan.output, operation.to);
    try {
      const state = inspect ? operationState(plan.mode, from, to) : 'pending';
      if (state === 'done') outcome.unchanged++;
      else if (state === 'source-left') {
        fs.unlink(from);
        outcome.done++;
      } else if (state === 'missing') {
        fail(
          outcome,
          journal,
          index,
          operation,
          'ENOENT',
          `${operation.from} is gone: it was moved or deleted by something else`,
        );
      } else if (state === 'both-differ') {
        fail(
          outcome,
          journal,
          index,
          operation,
          'EEXIST',
          `${operation.to} exists with other content; both left as they are`,
        );
      } else {
        if (inspect) rmSync(partialName(to), { force: true });
        folders.ensure(dirname(operation.to));
        performOperation(plan.mode, from, to, fs);
        outcome.done++;
      }
      if (plan.mode === 'move') emptied.add(dirname(operation.from));
    } catch (error) {
      const code = codeOf(error);
      fail(outcome, journal, index, operation, code, messageOf(error, operation.from));
      if (DISK_WIDE.has(code)) {
        outcome.stopped = `${code}: ${messageOf(error, operation.to)}`;
        break;
      }
    }
    options.onProgress?.({ phase, done: index + 1, total });
  }
  if (!outcome.stopped) removeEmptied(plan.root, emptied, journal, fs);
  journal.state(outcome.stopped ? 'stopped' : 'applied', outcome.stopped ?? undefined);
  return outcome;
}

/** Undoes a run: every file back where it was, the folders it made removed, those it removed made again. */
export function undoRun(run: RunRecord, options: RunOptions = {}): RunOutcome {
  const lock = lockFolder(run.header.root);
  try {
    const journal = JournalWriter.reopen(run.file);
    try {
      return backward(journal, run, options);
    } finally {
      journal.close();
    }
  } finally {
    lock.release();
  }
}

function backward(journal: JournalWriter, run: RunRecord, options: RunOptions): RunOutcome {
  const fs = options.fs ?? realFileSystem;
  const { root, output, mode } = run.header;
  const outcome = emptyOutcome(journal.file);
  journal.state('undoing');
  const folders = new Set<string>();
  const ensure = (folder: string) => {
    if (folders.has(folder)) return;
    ensureFolder(folder, fs);
    folders.add(folder);
  };
  for (const folder of run.removedFolders) ensure(join(root, folder));
  const total = run.operations.length;
  for (let index = total - 1; index >= 0; index--) {
    const operation = run.operations[index]!;
    const from = join(root, operation.from);
    const to = join(output, operation.to);
    try {
      if (reverse(mode, from, to, { fs, ensure }, operation, outcome, journal, index))
        outcome.done++;
    } catch (error) {
      const code = codeOf(error);
      fail(outcome, journal, index, operation, code, messageOf(error, operation.to));
      if (DISK_WIDE.has(code)) {
        outcome.stopped = `${code}: ${messageOf(error, operation.from)}`;
        break;
      }
    }
    options.onProgress?.({ phase: 'undo', done: total - index, total });
  }
  if (!outcome.stopped) {
    for (const folder of [...run.createdFolders].reverse()) {
      try {
        fs.rmdir(join(output, folder));
      } catch (error) {
        if (codeOf(error) !== 'ENOENT') outcome.foldersKept.push(folder);
      }
    }
  }
  const clean = !outcome.stopped && outcome.failures.length === 0;
  // A partial undo stays "undoing": running undo again carries on from where the disk says it is.
  journal.state(clean ? 'undone' : 'undoing', outcome.stopped ?? undefined);
  return outcome;
}

/** One operation reversed; false when there was nothing to reverse. Problems are recorded, not thrown. */
function reverse(
  mode: RunRecord['header']['mode'],
  from: string,
  to: string,
  { fs, ensure }: { fs: FileSystemCalls; ensure: (folder: string) => void },
  operation: { from: string; to: string },
  outcome: RunOutcome,
  journal: JournalWriter,
  index: number,
): boolean {
  const hasFrom = exists(from);
  if (mode === 'symlink') {
    if (!isOurSymlink(from, to)) return unchanged(outcome);
    fs.unlink(to);
    return true;
  }
  if (!exists(to)) {
    // Never done, or killed while copying: a hidden partial copy may be left to clear.
    rmSync(partialName(to), { force: true });
    if (hasFrom) return unchanged(outcome);
    fail(
      outcome,
      journal,
      index,
      operation,
      'ENOENT',
      `${operation.from} and ${operation.to} are both gone; nothing to put back`,
    );
    return false;
  }
  if (mode === 'move') {
    if (!hasFrom) {
      ensure(dirname(from));
      moveFile(to, from, fs);
      return true;
    }
    if (sameContent(from, to)) {
      fs.unlink(to);
      return true;
    }
  } else if (mode === 'hardlink') {
    if (hasFrom && sameFile(from, to)) {
      fs.unlink(to);
      return true;
    }
  } else if (hasFrom && sameContent(from, to)) {
    fs.unlink(to);
    return true;
  } else if (!hasFrom) {
    fail(
      outcome,
      journal,
      index,
      operation,
      'ENOENT',
      `${operation.from} is gone, so its copy ${operation.to} is kept: it is the only one`,
    );
    return false;
  }
  fail(
    outcome,
    journal,
    index,
    operation,
    'EEXIST',
    `${operation.to} was changed after the run; both left as they are`,
  );
  return false;
}

function unchanged(outcome: RunOutcome): false {
  outcome.unchanged++;
  return false;
}

function fail(
  outcome: RunOutcome,
  journal: JournalWriter,
  index: number,
  operation: { from: string; to: string },
  code: string,
  message: string,
): void {
  outcome.failures.push({ ...operation, code, message });
  journal.write({ failed: index, code, message });
}

function emptyOutcome(journal: string): RunOutcome {
  return { journal, done: 0, unchanged: 0, failures: [], stopped: null, foldersKept: [] };
}

function messageOf(error: unknown, path: string): string {
  const code = codeOf(error);
  const what: Record<string, string> = {
    EACCES: `permission denied for ${path}`,
    EPERM: `not permitted for ${path}`,
    ENOENT: `${path} is gone`,
    EEXIST: `${path} appeared meanwhile; not overwritten`,
    ENOSPC: 'the disk is full',
    EDQUOT: 'the disk quota is used up',
    EROFS: 'the file system is read-only',
    EIO: 'the disk reported an I/O error',
  };
  return what[code] ?? (error as Error).message ?? String(error);
}

/** Makes the output's folders as needed, writing each to the journal before it exists. */
class FolderMaker {
  private readonly known = new Set<string>(['.', '']);

  constructor(
    private readonly output: string,
    private readonly journal: JournalWriter,
    private readonly fs: FileSystemCalls,
  ) {}

  ensure(folder: string): void {
    if (this.known.has(folder)) return;
    this.ensure(dirname(folder));
    const path = join(this.output, folder);
    if (!exists(path)) {
      this.journal.write({ created: folder });
      try {
        this.fs.mkdir(path);
      } catch (error) {
        if (codeOf(error) !== 'EEXIST') throw error;
      }
    }
    this.known.add(folder);
  }
}

function ensureFolder(path: string, fs: FileSystemCalls): void {
  if (exists(path)) return;
  ensureFolder(dirname(path), fs);
  try {
    fs.mkdir(path);
  } catch (error) {
    if (codeOf(error) !== 'EEXIST') throw error;
  }
}

/** Source folders a move emptied are removed (and written down, so undo makes them again). */
function removeEmptied(
  root: string,
  emptied: ReadonlySet<string>,
  journal: JournalWriter,
  fs: FileSystemCalls,
): void {
  const candidates = new Set<string>();
  for (let folder of emptied) {
    while (folder !== '.' && folder !== '' && !candidates.has(folder)) {
      candidates.add(folder);
      folder = dirname(folder);
    }
  }
  const deepestFirst = [...candidates].sort(
    (a, b) => b.split('/').length - a.split('/').length || (a < b ? 1 : -1),
  );
  for (const folder of deepestFirst) {
    const path = join(root, folder);
    try {
      if (readdirSync(path).length > 0) continue;
      journal.write({ removed: folder });
      fs.rmdir(path);
    } catch {
      // Not empty, gone, or not ours to remove: leave it.
    }
  }
}
