/**
 * Applies a plan, finishes an interrupted run, or undoes one, with the journal kept in step. Every
 * operation's state is judged from the disk before it is redone or reversed, so running any of them
 * twice, or after a kill at any point, ends in the same tree.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { OrganizePlan } from '../plan/plan-types.js';
import { FolderGuard } from './folder-guard.js';
import { PartialCopies } from './partial-copies.js';
import {
  codeOf,
  exists,
  isOurSymlink,
  moveFile,
  operationState,
  performOperation,
  realFileSystem,
  removeSource,
  sameFile,
  type FileSystemCalls,
} from './file-operations.js';
import { sameContent } from './file-content.js';
import { JournalWriter, type RunRecord } from './journal.js';
import { lockFolder, type RunLock } from './run-lock.js';

export interface RunProgress {
  phase: 'apply' | 'finish' | 'undo';
  done: number;
  total: number;
}

export interface RunOptions {
  fs?: FileSystemCalls;
  onProgress?: (progress: RunProgress) => void;
  /**
   * The folder's lock, when the caller took it already (to make the plan under it); otherwise it is
   * taken and released here.
   */
  lock?: RunLock;
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
  /** Operations never reached because the run stopped. */
  notStarted: number;
  /** Folders left behind by undo because something else is in them now. */
  foldersKept: string[];
}

/** Errors that will hit every next operation too: stop instead of failing them one by one. */
const DISK_WIDE = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EIO']);

export function applyPlan(plan: OrganizePlan, options: RunOptions = {}): RunOutcome {
  const header = {
    startedAt: new Date().toISOString(),
    root: plan.root,
    output: plan.output,
    mode: plan.mode,
    layout: plan.layout,
    operations: plan.operations.length,
  };
  return underLock(
    plan.root,
    options.lock,
    () => JournalWriter.create(header, plan.operations),
    (journal) => forward(journal, plan, 'apply', options),
  );
}

/** Carries out what an interrupted or stopped run left undone. */
export function finishRun(run: RunRecord, options: RunOptions = {}): RunOutcome {
  const { root, output } = run;
  const { mode } = run.header;
  return underLock(
    root,
    options.lock,
    () => JournalWriter.reopen(run.file),
    (journal) =>
      forward(journal, { root, output, mode, operations: run.operations }, 'finish', options),
  );
}

/** Undoes a run: every file back where it was, the folders it made removed, those it removed made again. */
export function undoRun(run: RunRecord, options: RunOptions = {}): RunOutcome {
  return underLock(
    run.root,
    options.lock,
    () => JournalWriter.reopen(run.file),
    (journal) => backward(journal, run, options),
  );
}

function underLock(
  root: string,
  held: RunLock | undefined,
  openJournal: () => JournalWriter,
  work: (journal: JournalWriter) => RunOutcome,
): RunOutcome {
  const lock = held ?? lockFolder(root);
  try {
    const journal = openJournal();
    try {
      return work(journal);
    } finally {
      journal.close();
    }
  } finally {
    if (!held) lock.release();
  }
}

type ForwardPlan = Pick<OrganizePlan, 'root' | 'output' | 'mode' | 'operations'>;

/** Applies operations in order; when finishing (`phase` finish) each is first judged from the disk. */
function forward(
  journal: JournalWriter,
  plan: ForwardPlan,
  phase: 'apply' | 'finish',
  options: RunOptions,
): RunOutcome {
  const fs = options.fs ?? realFileSystem;
  const record = new Recorder(journal);
  journal.state('applying');
  const sources = new FolderGuard(plan.root, fs.mkdir);
  const destinations = new FolderGuard(plan.output, fs.mkdir);
  const created = (folder: string) => journal.write({ created: folder });
  const partials = new PartialCopies();
  const emptied = new Set<string>();
  const total = plan.operations.length;
  let index = 0;
  for (; index < total; index++) {
    const operation = plan.operations[index]!;
    const from = join(plan.root, operation.from);
    const to = join(plan.output, operation.to);
    try {
      const sourceFolder = folderOf(operation.from);
      sources.check(sourceFolder);
      destinations.check(folderOf(operation.to));
      // A new plan was made under the lock with free destinations: only finishing needs the disk's word.
      const state = phase === 'finish' ? operationState(plan.mode, from, to) : 'pending';
      if (state === 'done') {
        partials.clear(to);
        record.unchanged();
      } else if (state === 'source-left') {
        // Killed between giving a copy its name and removing its hidden one: both name one file.
        partials.clear(to);
        removeSource(from, to, fs);
        record.done(index);
      } else if (state === 'missing') {
        record.fail(
          index,
          operation,
          'ENOENT',
          `${operation.from} is gone: moved or deleted by something else`,
        );
      } else if (state === 'both-differ') {
        record.fail(
          index,
          operation,
          'EEXIST',
          `${operation.to} exists with other content; both left as they are`,
        );
      } else {
        if (phase === 'finish') partials.clear(to);
        destinations.ensure(folderOf(operation.to), created);
        performOperation(plan.mode, from, to, fs);
        record.done(index);
      }
      if (plan.mode === 'move') emptied.add(sourceFolder);
    } catch (error) {
      if (record.error(index, operation, error)) {
        index++;
        break;
      }
    }
    options.onProgress?.({ phase, done: index + 1, total });
  }
  const { outcome } = record;
  outcome.notStarted = total - index;
  if (!outcome.stopped) removeEmptied(plan.root, emptied, journal, fs);
  journal.state(outcome.stopped ? 'stopped' : 'applied', outcome.stopped ?? undefined);
  return outcome;
}

/** The folder part of a journal path (always `/`-separated), faster than `dirname` per file. */
function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '.' : path.slice(0, slash);
}

function backward(journal: JournalWriter, run: RunRecord, options: RunOptions): RunOutcome {
  const fs = options.fs ?? realFileSystem;
  const { root, output } = run;
  const { mode } = run.header;
  const record = new Recorder(journal, { logDone: false });
  journal.state('undoing');
  const sources = new FolderGuard(root, fs.mkdir);
  const destinations = new FolderGuard(output, fs.mkdir);
  const partials = new PartialCopies();
  const total = run.operations.length;
  for (const folder of run.removedFolders) {
    try {
      sources.ensure(folder);
    } catch {
      // A link put in its place: each file that goes back there fails, named, below.
    }
  }
  let index = total - 1;
  for (; index >= 0; index--) {
    const operation = run.operations[index]!;
    try {
      const fail = (code: string, message: string) => record.fail(index, operation, code, message);
      destinations.check(folderOf(operation.to));
      sources.check(folderOf(operation.from));
      const paths = { from: join(root, operation.from), to: join(output, operation.to) };
      const ensure = () => sources.ensure(folderOf(operation.from));
      const result = reverse(mode, paths, operation, { fs, ensure, fail, partials });
      if (result === 'put-back') record.done(index);
      else if (result === 'untouched') record.unchanged();
    } catch (error) {
      if (record.error(index, operation, error)) {
        index--;
        break;
      }
    }
    options.onProgress?.({ phase: 'undo', done: total - index, total });
  }
  const { outcome } = record;
  outcome.notStarted = index + 1;
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

/**
 * One operation reversed: `put-back`, `untouched` when it had never been done, or `failed` when it
 * could not be reversed (then `fail` has been told why).
 */
function reverse(
  mode: RunRecord['header']['mode'],
  { from, to }: { from: string; to: string },
  names: { from: string; to: string },
  {
    fs,
    ensure,
    fail,
    partials,
  }: {
    fs: FileSystemCalls;
    ensure: () => void;
    partials: PartialCopies;
    fail: (code: string, message: string) => void;
  },
): 'put-back' | 'untouched' | 'failed' {
  const hasFrom = exists(from);
  if (mode === 'symlink') {
    if (!isOurSymlink(from, to)) return 'untouched';
    fs.unlink(to);
    return 'put-back';
  }
  // Killed while copying, or between naming a copy and removing its hidden name: clear it.
  partials.clear(to);
  if (!exists(to)) {
    if (hasFrom) return 'untouched';
    fail('ENOENT', `${names.from} and ${names.to} are both gone; nothing to put back`);
    return 'failed';
  }
  if (mode === 'move' && !hasFrom) {
    ensure();
    moveFile(to, from, fs);
    return 'put-back';
  }
  if (!hasFrom) {
    fail('ENOENT', `${names.from} is gone, so its copy ${names.to} is kept: it is the only one`);
    return 'failed';
  }
  if (mode === 'hardlink' ? sameFile(from, to) : sameContent(from, to)) {
    fs.unlink(to);
    return 'put-back';
  }
  fail('EEXIST', `${names.to} was changed after the run; both left as they are`);
  return 'failed';
}

/** Keeps the outcome of a run and writes its failures to the journal. */
class Recorder {
  readonly outcome: RunOutcome;

  constructor(
    private readonly journal: JournalWriter,
    private readonly options: { logDone: boolean } = { logDone: true },
  ) {
    this.outcome = {
      journal: journal.file,
      done: 0,
      unchanged: 0,
      failures: [],
      stopped: null,
      notStarted: 0,
      foldersKept: [],
    };
  }

  done(index: number): void {
    this.outcome.done++;
    if (this.options.logDone) this.journal.done(index);
  }

  unchanged(): void {
    this.outcome.unchanged++;
  }

  fail(
    index: number,
    operation: { from: string; to: string },
    code: string,
    message: string,
  ): void {
    this.outcome.failures.push({ ...operation, code, message });
    this.journal.write({ failed: index, code, message });
  }

  /** Records a thrown error; true when it will hit every next operation too, so the run must stop. */
  error(index: number, operation: { from: string; to: string }, error: unknown): boolean {
    const code = codeOf(error);
    this.fail(index, operation, code, messageOf(error, operation.from));
    if (!DISK_WIDE.has(code)) return false;
    this.outcome.stopped = `${code}: ${messageOf(error, operation.to)}`;
    return true;
  }
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
