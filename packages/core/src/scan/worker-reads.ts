/**
 * When the engine hands folders to header workers (header-workers.ts) instead of reading them
 * itself: on a disk the pace found fast (a slow one is read many at once, asynchronously), once the
 * archive is large enough to pay for a thread (`after` files), and only while a worker is up: until
 * the first one is ready, and after any failure, the engine reads on as before.
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

/** Files seen before workers start: below that a thread's start-up costs more than it saves. */
export const WORKERS_AFTER_FILES = 20_000;
/** More workers than this outrun the engine, which takes each folder's answers on one thread. */
const MAX_WORKERS = 3;

export class WorkerReads {
  private workers: HeaderWorkers | null = null;
  private started = false;
  private seen = 0;
  /** Folders a worker answered. */
  folders = 0;

  constructor(
    private readonly mode: HeaderWorkerMode,
    private readonly reader: FrameReader,
    private readonly pace: HeaderReadPace,
    private readonly startWorkers: (count: number) => HeaderWorkers | null = HeaderWorkers.start,
  ) {}

  /** The folder's outcomes, read by a worker; null: the engine reads the folder itself. */
  read(batch: FolderBatch, cache: FolderCache | null): Promise<FrameOutcome[]> | null {
    this.seen += batch.length;
    if (this.mode === 'never') return null;
    if (this.mode === 'auto') {
      const fast = this.pace.decided && this.pace.mode === 'sync';
      if (!fast || this.seen < WORKERS_AFTER_FILES) return null;
    }
    // A folder the cache answers is only stat'ed: not worth a message to another thread.
    if (this.mode === 'auto' && !headersToRead(batch, cache)) return null;
    const workers = this.start();
    if (!workers) return null;
    if (this.mode === 'auto' && !workers.usable) return null;
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
  ): Promise<FrameOutcome[]> {
    return workers.send(folderJob(batch, cache)).then(
      (answers) => {
        this.folders++;
        return outcomesOf(this.reader, batch, cache, answers);
      },
      () => this.local(batch, cache),
    );
  }

  private local(batch: FolderBatch, cache: FolderCache | null): FrameOutcome[] {
    return batch.map((file, index) => this.reader.readSync(file, cache, batch.states?.[index]));
  }
}

/** Whether some file of the folder has no cache entry (a stale entry is found by the stat). */
function headersToRead(batch: FolderBatch, cache: FolderCache | null): boolean {
  if (!cache) return true;
  for (const file of batch) if (mayOpen(file.name) && !cache.stamp(file.name)) return true;
  return false;
}

/** What a worker is asked for one folder: which files to stat, and which headers it may skip. */
export function folderJob(batch: FolderBatch, cache: FolderCache | null): Omit<HeaderJob, 'id'> {
  const { states } = batch;
  const expect = new Float64Array(batch.length * 3).fill(Number.NaN);
  for (let index = 0; index < batch.length; index++) {
    const file = batch[index]!;
    if (!mayOpen(file.name)) expect[index * 3] = DO_NOT_READ;
    else {
      const stamp = cache?.stamp(file.name);
      const known = states?.[index];
      // The listing already stat'ed it: unchanged, it is the cache's to answer.
      if (stamp && known && sameStamp(stamp, known)) expect[index * 3] = DO_NOT_READ;
      else if (stamp) expect.set(stamp, index * 3);
    }
  }
  return {
    paths: batch.map((file) => file.bytes ?? file.path),
    stat: cache !== null && states === undefined,
    expect,
  };
}

/** The folder's outcomes from a worker's answers: the frame program, run on this thread. */
export function outcomesOf(
  reader: FrameReader,
  batch: FolderBatch,
  cache: FolderCache | null,
  answers: HeaderAnswers,
): FrameOutcome[] {
  return batch.map((file, index) =>
    reader.readAnswered(file, cache, batch.states?.[index], answers, index),
  );
}
