/**
 * The journal of one organize run, `<DIR>/.astrotrack/journal/<time>-<pid>.jsonl`: a header with
 * every operation the run will do, flushed to disk before the first file is touched; then one line
 * per folder created or removed, per file done, per failure, and per change of state. JSON Lines, so
 * a line torn by a kill is the only thing lost, and people can read it.
 *
 * A journal is bound to the folder it lives in: every path in it is relative to that folder (or to
 * `--out`), so a copy of the archive, or the archive moved elsewhere, is undone or finished in
 * place and never reaches back to where the journal was written. Paths that would leave the folder
 * make the journal refused, not followed.
 */
import {
  closeSync,
  fsyncSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
  writeSync,
} from 'node:fs';
import { isAbsolute, join, relative, resolve, win32 } from 'node:path';
import { ensureRealFolder, errors } from '@astrotrack/core/internal';
import type { OrganizeMode, PlannedOperation } from '../plan/plan-types.js';

export const JOURNAL_VERSION = 2;
/** Journals of version 1 stored `root` and `output` as absolute paths only; they are still read. */
const READABLE_VERSIONS = new Set([1, 2]);
export const STATE_FOLDER = '.astrotrack';

export type RunState =
  /** Written but never started: nothing was touched. */
  | 'planned'
  | 'applying'
  | 'applied'
  /** Stopped by a disk-wide error (full, read-only); can be finished or undone. */
  | 'stopped'
  | 'undoing'
  | 'undone';

export interface JournalHeader {
  astrotrackJournal: number;
  id: string;
  startedAt: string;
  /** Where the run was made, absolute: to tell a copy or a moved archive; never acted on. */
  root: string;
  /** The organized folder's device and inode when the run was made (a copy has others). */
  rootIdentity?: FolderIdentity;
  /** `.` or a path below the root, or an absolute path outside it (`--out` elsewhere). */
  output: string;
  mode: OrganizeMode;
  layout: string;
  operations: number;
}

export interface FolderIdentity {
  dev: number;
  ino: number;
}

export interface RunRecord {
  file: string;
  header: JournalHeader;
  /** The folder the run is acted on: the one given, whatever the journal says. */
  root: string;
  /** Where its layout is, absolute. */
  output: string;
  /** Set when the journal was written for another folder (this one is a copy of it, or was moved). */
  madeIn: string | null;
  operations: PlannedOperation[];
  state: RunState;
  /** Folders this run created, in creation order. */
  createdFolders: string[];
  /** Source folders this run removed once empty. */
  removedFolders: string[];
  failures: { index: number; code: string; message: string }[];
  /** The last state line's reason, if any (why it stopped). */
  reason?: string;
}

export type JournalEntry =
  | { state: RunState; at: string; reason?: string }
  | { created: string }
  | { removed: string }
  | { failed: number; code: string; message: string };

export function journalFolder(root: string): string {
  return join(root, STATE_FOLDER, 'journal');
}

export interface NewJournal {
  startedAt: string;
  root: string;
  output: string;
  mode: OrganizeMode;
  layout: string;
  operations: number;
}

export class JournalWriter {
  private constructor(
    readonly file: string,
    private readonly fd: number,
  ) {}

  /** Writes the header and every operation, and flushes them, before anything else happens. */
  static create(run: NewJournal, operations: readonly PlannedOperation[]): JournalWriter {
    const folder = ensureRealFolder(run.root, join(STATE_FOLDER, 'journal'));
    const id = `${run.startedAt.replace(/[:.]/g, '-')}-${process.pid}`;
    const file = join(folder, `${id}.jsonl`);
    const fd = openSync(file, 'wx');
    const writer = new JournalWriter(file, fd);
    const header: JournalHeader = {
      astrotrackJournal: JOURNAL_VERSION,
      id,
      startedAt: run.startedAt,
      root: run.root,
      rootIdentity: identityOf(run.root) ?? undefined,
      output: storedOutput(run.root, run.output),
      mode: run.mode,
      layout: run.layout,
      operations: run.operations,
    };
    const lines = [JSON.stringify(header)];
    for (const { from, to } of operations) lines.push(JSON.stringify({ from, to }));
    lines.push(JSON.stringify({ state: 'planned', at: new Date().toISOString() }));
    writer.writeText(`${lines.join('\n')}\n`);
    writer.flush();
    return writer;
  }

  static reopen(file: string): JournalWriter {
    return new JournalWriter(file, openSync(file, 'a'));
  }

  /** Written and flushed: a state change must survive a power cut. */
  state(state: RunState, reason?: string): void {
    this.write({ state, at: new Date().toISOString(), ...(reason ? { reason } : {}) });
    this.flush();
  }

  /** Written to the OS, not flushed: after a kill the OS still has it; lost in a power cut, it costs an empty folder. */
  write(entry: JournalEntry): void {
    this.writeText(`${this.takePending()}${JSON.stringify(entry)}\n`);
  }

  /**
   * An operation done. Runs of consecutive operations are kept back and written as one line,
   * `{"done":[first,last]}`, with the next line or every few hundred. For people reading the
   * journal: finishing and undoing judge each operation from the disk, which a kill cannot tear.
   */
  done(index: number): void {
    const range = this.pendingDone;
    if (range && index === range[1] + 1 && index - range[0] < 255) range[1] = index;
    else {
      if (range) this.writeText(this.takePending());
      this.pendingDone = [index, index];
    }
  }

  close(): void {
    if (this.pendingDone) this.writeText(this.takePending());
    closeSync(this.fd);
  }

  private pendingDone: [number, number] | null = null;

  private takePending(): string {
    const range = this.pendingDone;
    this.pendingDone = null;
    return range ? `{"done":[${range[0]},${range[1]}]}\n` : '';
  }

  private writeText(text: string): void {
    const bytes = Buffer.from(text, 'utf8');
    let written = 0;
    while (written < bytes.length) written += writeSync(this.fd, bytes, written);
  }

  private flush(): void {
    fsyncSync(this.fd);
  }
}

/** Every run in the folder's journal, oldest first. Unreadable journals are named, not skipped silently. */
export function readRuns(root: string): {
  runs: RunRecord[];
  unreadable: { file: string; problem: string }[];
} {
  root = resolve(root);
  const here = identityOf(root);
  const folder = journalFolder(root);
  let names: string[];
  try {
    names = readdirSync(folder).filter((name) => name.endsWith('.jsonl'));
  } catch {
    return { runs: [], unreadable: [] };
  }
  const runs: RunRecord[] = [];
  const unreadable: { file: string; problem: string }[] = [];
  for (const name of names.sort()) {
    const file = join(folder, name);
    try {
      const run = readRun(file, root, here);
      if (run) runs.push(run);
    } catch (error) {
      if (error instanceof JournalOutsideError) throw errors.journalOutside(file, error.path);
      unreadable.push({ file, problem: (error as Error).message });
    }
  }
  return { runs, unreadable };
}

/**
 * A run from its journal, acted on in `root` (the folder the journal is in); null when the journal
 * was cut off before its header was whole (nothing was done).
 */
export function readRun(
  file: string,
  root: string,
  here: FolderIdentity | null = identityOf(root),
): RunRecord | null {
  const text = readFileSync(file, 'utf8');
  if (!text.includes('\n')) return null;
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const header = JSON.parse(lines[0] ?? '') as JournalHeader;
  if (!READABLE_VERSIONS.has(header?.astrotrackJournal)) {
    throw new Error(`not an astrotrack journal of version ${JOURNAL_VERSION}`);
  }
  if (typeof header.root !== 'string' || typeof header.output !== 'string')
    throw new Error('its header has no root or output folder');
  const run: RunRecord = {
    file,
    header,
    root,
    ...placeOf(header, root, here),
    operations: [],
    state: 'planned',
    createdFolders: [],
    removedFolders: [],
    failures: [],
  };
  let sawState = false;
  for (let i = 1; i < lines.length; i++) {
    let entry: Record<string, unknown>;
    try {
      entry = JSON.parse(lines[i]!);
    } catch (error) {
      // Only the last line can be torn (a kill while writing it); anything else is damage.
      if (i === lines.length - 1) break;
      throw new Error(`line ${i + 1} is not JSON (${(error as Error).message})`);
    }
    if (!sawState && typeof entry.from === 'string' && typeof entry.to === 'string') {
      run.operations.push({ from: entry.from, to: entry.to });
    } else if (typeof entry.state === 'string') {
      sawState = true;
      run.state = entry.state as RunState;
      run.reason = typeof entry.reason === 'string' ? entry.reason : undefined;
    } else if (typeof entry.created === 'string') run.createdFolders.push(entry.created);
    else if (typeof entry.removed === 'string') run.removedFolders.push(entry.removed);
    else if (typeof entry.failed === 'number')
      run.failures.push({
        index: entry.failed,
        code: String(entry.code),
        message: String(entry.message),
      });
  }
  // A header whose operations were not all written (killed while writing it) never started.
  if (!sawState || run.operations.length !== header.operations) run.state = 'planned';
  // Only a run that `undo` or finishing can still act on has its paths checked: one never started or
  // undone already is never acted on again, and an archive keeps every journal.
  if (run.state !== 'planned' && run.state !== 'undone') checkInside(run);
  return run;
}

function checkInside(run: RunRecord): void {
  for (const { from, to } of run.operations) {
    if (!staysInside(from)) throw new JournalOutsideError(from);
    if (!staysInside(to)) throw new JournalOutsideError(to);
  }
  for (const folder of [...run.createdFolders, ...run.removedFolders])
    if (!staysInside(folder)) throw new JournalOutsideError(folder);
}

/** The newest run that changed files and is not undone yet: what `undo` reverses. */
export function lastRun(runs: readonly RunRecord[]): RunRecord | null {
  return (
    [...runs].reverse().find((run) => run.state !== 'planned' && run.state !== 'undone') ?? null
  );
}

/** The newest run left half way (killed, stopped by a full disk, or an undo cut short). */
export function unfinishedRun(runs: readonly RunRecord[]): RunRecord | null {
  const last = lastRun(runs);
  return last && last.state !== 'applied' ? last : null;
}

class JournalOutsideError extends Error {
  constructor(readonly path: string) {
    super(`names a path outside its folder: ${path}`);
  }
}

/** A relative path that stays below the folder it is relative to. */
function staysInside(path: string): boolean {
  if (path === '' || path.includes('\0') || isAbsolute(path) || win32.isAbsolute(path))
    return false;
  // Checked for every path of every journal read: split only when a `..` part is possible.
  return !path.includes('..') || path.split(/[\\/]/).every((part) => part !== '..');
}

function identityOf(folder: string): FolderIdentity | null {
  try {
    const { dev, ino } = statSync(folder);
    return { dev, ino };
  } catch {
    return null;
  }
}

/** How `output` is written down: relative when it is the root or below it, absolute otherwise. */
function storedOutput(root: string, output: string): string {
  const below = relative(root, output);
  if (below === '') return '.';
  return staysInside(below) ? below : resolve(output);
}

/**
 * Where a run is acted on, in the folder its journal is in. A journal written for another path, or
 * for a folder with another identity, belongs to a copy or a moved archive: its layout is looked for
 * here too. Only a layout built outside the root keeps its absolute place, and `undo`/`finish` ask
 * for it to be named when the journal is not this folder's own.
 */
function placeOf(
  header: JournalHeader,
  root: string,
  here: FolderIdentity | null,
): { output: string; madeIn: string | null } {
  const recordedRoot = resolve(header.root);
  const sameIdentity =
    !header.rootIdentity ||
    (here !== null && here.dev === header.rootIdentity.dev && here.ino === header.rootIdentity.ino);
  const madeIn = recordedRoot === root && sameIdentity ? null : recordedRoot;
  const stored = isAbsolute(header.output)
    ? storedOutput(recordedRoot, header.output)
    : header.output;
  if (!isAbsolute(stored) && !staysInside(stored) && stored !== '.')
    throw new JournalOutsideError(stored);
  return { output: isAbsolute(stored) ? stored : join(root, stored), madeIn };
}

/** Whether the run's layout was built outside its root (so a copy of the root does not hold it). */
export function outputOutside(run: RunRecord): boolean {
  return !isInside(run.root, run.output);
}

function isInside(root: string, path: string): boolean {
  const below = relative(root, path);
  return below === '' || staysInside(below);
}
