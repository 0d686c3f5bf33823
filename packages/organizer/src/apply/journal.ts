/**
 * The journal of one organize run, `<DIR>/.astrotrack/journal/<time>-<pid>.jsonl`: a header with
 * every operation the run will do, flushed to disk before the first file is touched; then one line
 * per folder created or removed, per failure, and per change of state. JSON Lines, so a line torn by
 * a kill is the only thing lost, and people can read it.
 */
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import type { OrganizeMode, PlannedOperation } from '../plan/plan-types.js';

export const JOURNAL_VERSION = 1;
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
  astrotrackJournal: typeof JOURNAL_VERSION;
  id: string;
  startedAt: string;
  root: string;
  output: string;
  mode: OrganizeMode;
  layout: string;
  operations: number;
}

export interface RunRecord {
  file: string;
  header: JournalHeader;
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

export class JournalWriter {
  private constructor(
    readonly file: string,
    private readonly fd: number,
  ) {}

  /** Writes the header and every operation, and flushes them, before anything else happens. */
  static create(
    header: Omit<JournalHeader, 'astrotrackJournal' | 'id'>,
    operations: readonly PlannedOperation[],
  ): JournalWriter {
    const folder = journalFolder(header.root);
    mkdirSync(folder, { recursive: true });
    const id = `${header.startedAt.replace(/[:.]/g, '-')}-${process.pid}`;
    const file = join(folder, `${id}.jsonl`);
    const fd = openSync(file, 'wx');
    const writer = new JournalWriter(file, fd);
    const lines = [JSON.stringify({ astrotrackJournal: JOURNAL_VERSION, id, ...header })];
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
    this.writeText(`${JSON.stringify(entry)}\n`);
  }

  close(): void {
    closeSync(this.fd);
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
      const run = readRun(file);
      if (run) runs.push(run);
    } catch (error) {
      unreadable.push({ file, problem: (error as Error).message });
    }
  }
  return { runs, unreadable };
}

/** A run from its journal; null when the journal was cut off before its header was whole (nothing was done). */
export function readRun(file: string): RunRecord | null {
  const text = readFileSync(file, 'utf8');
  if (!text.includes('\n')) return null;
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const header = JSON.parse(lines[0] ?? '') as JournalHeader;
  if (header.astrotrackJournal !== JOURNAL_VERSION) {
    throw new Error(`not an astrotrack journal of version ${JOURNAL_VERSION}`);
  }
  const run: RunRecord = {
    file,
    header,
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
  return run;
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
