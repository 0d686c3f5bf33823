/**
 * When the engine hands folders to header workers (header-workers.ts) instead of reading them
 * itself: on a disk the pace found fast (a slow one is read many at once, asynchronously), once the
 * walk shows an archive large enough to pay for a thread; from then on every folder, each answered
 * when the engine takes it. A worker that cannot start or fails leaves the reading to the engine.
 */
import { availableParallelism } from 'node:os';
import { type FolderCache, sameStamp } from './header-cache.js';
import { DO_NOT_READ, type HeaderAnswers, type HeaderJob } from './header-job.js';
import type { HeaderReadPace } from './header-read-pace.js';
import { HeaderWorkers } from './header-workers.js';
import { type FrameOutcome, type FrameReader, mayOpen } from './read-frame.js';
import type { FolderBatch } from './walk-frames.js';

/** `auto`: large archives on a fast disk; `always`: every folder (tests); `never`. */
export type HeaderWorkerMode = 'auto' | 'always' | 'never';

/**
 * A worker is started once the scan has seen this many files and the walk knows of at least
 * `WORKERS_FOR_FILES_AHEAD` more (measured on two cores: starting one costs the scan 50–80 ms,
 * and it then saves about 3.5 µs a frame; a 20,000-frame archive was 10% slower with one started
 * at its end, 100,000 frames 15% faster).
 */
export const WORKERS_AFTER_FILES = 2000;
export const WORKERS_FOR_FILES_AHEAD = 30_000;
/** Files in one job at most: its answers stay far under a worker's heap. */
export const FILES_PER_JOB = 2048;
/** More workers than this outrun the engine, which takes each folder's answers on one thread. */
const MAX_WORKERS = 3;

export class WorkerReads {
  private workers: HeaderWorkers | null = null;
  private started = false;
  private seen = 0;
  private folderCount = 0;
  /** Folders a worker answered. */
  folders = 0;

  constructor(
    private readonly mode: HeaderWorkerMode,
    private readonly reader: FrameReader,
    private readonly pace: HeaderReadPace,
    private readonly startWorkers: (count: number) => HeaderWorkers | null = HeaderWorkers.start,
  ) {}

  /**
   * The folder's outcomes by index, from a worker's answers (each made when asked for); null: the
   * engine reads the folder itself.
   */
  read(
    batch: FolderBatch,
    cache: FolderCache | null,
  ): Promise<(index: number) => FrameOutcome> | null {
    this.seen += batch.length;
    this.folderCount++;
    if (this.mode === 'never') return null;
    if (this.mode === 'auto' && !this.started) {
      const fast = this.pace.decided && this.pace.mode === 'sync';
      // A folder the cache answers is only stat'ed: not worth a message to another thread.
      if (!fast || !headersToRead(batch, cache)) return null;
      // The folders the walk has found and not handed over, at the average size so far.
      const ahead = ((batch.foldersAhead ?? 0) * this.seen) / this.folderCount;
      if (this.seen < WORKERS_AFTER_FILES || ahead < WORKERS_FOR_FILES_AHEAD) return null;
    }
    const workers = this.start();
    if (!workers) return null;
    // Once used, always used: a folder read here between the worker's would cost more than it
    // saves (measured).
    return workers
      .whenReady()
      .then((ready) => (ready ? this.send(workers, batch, cache) : this.local(batch, cache)));
  }

  async close(): Promise<void> {
    await this.workers?.close();
  }

  private start(): HeaderWorkers | null {
    if (!this.started) {
      this.started = true;
      this.workers = this.startWorkers(Math.min(MAX_WORKERS, availableParallelism() - 1));
    }
    return this.workers;
  }

  private send(
    workers: HeaderWorkers,
    batch: FolderBatch,
    cache: FolderCache | null,
  ): Promise<(index: number) => FrameOutcome> {
    // A folder of many thousand frames goes in parts: a worker's heap is small (header-workers.ts).
    const parts: Promise<HeaderAnswers>[] = [];
    for (let from = 0; from < batch.length; from += FILES_PER_JOB)
      parts.push(workers.send(folderJob(batch, cache, from, from + FILES_PER_JOB)));
    return Promise.all(parts).then(
      (answers) => {
        this.folders++;
        const outcomes = answers.map((part, at) =>
          answeredOutcomes(this.reader, batch, cache, part, at * FILES_PER_JOB),
        );
        return (index) => outcomes[Math.floor(index / FILES_PER_JOB)]!(index);
      },
      () => this.local(batch, cache),
    );
  }

  private local(batch: FolderBatch, cache: FolderCache | null): (index: number) => FrameOutcome {
    return (index) => this.reader.readSync(batch[index]!, cache, batch.states?.[index]);
  }
}

/** Whether some file of the folder has no cache entry (a stale entry is found by the stat). */
function headersToRead(batch: FolderBatch, cache: FolderCache | null): boolean {
  if (!cache) return true;
  for (const file of batch) if (mayOpen(file.name) && !cache.stamp(file.name)) return true;
  return false;
}

/** What a worker is asked for one folder's files `from`…`to`: which to stat, which it may skip. */
export function folderJob(
  batch: FolderBatch,
  cache: FolderCache | null,
  from = 0,
  to = batch.length,
): Omit<HeaderJob, 'id'> {
  const { states } = batch;
  const files = batch.slice(from, Math.min(to, batch.length));
  const expect = new Float64Array(files.length * 3).fill(Number.NaN);
  files.forEach((file, at) => {
    if (!mayOpen(file.name)) expect[at * 3] = DO_NOT_READ;
    else {
      const stamp = cache?.stamp(file.name);
      const known = states?.[from + at];
      // The listing already stat'ed it: unchanged, it is the cache's to answer.
      if (stamp && known && sameStamp(stamp, known)) expect[at * 3] = DO_NOT_READ;
      else if (stamp) expect.set(stamp, at * 3);
    }
  });
  return {
    paths: files.map((file) => file.bytes ?? file.path),
    stat: cache !== null && states === undefined,
    expect,
  };
}

/**
 * The outcomes of a folder's files from a worker's answers for those from `from` on, by index in
 * the folder: the frame program, run on this thread.
 */
export function answeredOutcomes(
  reader: FrameReader,
  batch: FolderBatch,
  cache: FolderCache | null,
  answers: HeaderAnswers,
  from = 0,
): (index: number) => FrameOutcome {
  return (index) =>
    reader.readAnswered(batch[index]!, cache, batch.states?.[index], answers, index - from);
}
