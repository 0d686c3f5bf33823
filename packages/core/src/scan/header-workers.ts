/**
 * Header workers: threads that stat files and read their headers while the engine, on the main
 * thread, turns the previous folder's answers into frames. On a local disk a cold scan is half
 * opening and parsing headers, half the engine's own work: two cores do both at once.
 *
 * A worker that fails to start, crashes or is missing (a source checkout without a build) only
 * costs speed: every job it held is rejected, and the engine reads those files itself.
 */
import { existsSync } from 'node:fs';
import type { Worker } from 'node:worker_threads';
import type { HeaderAnswers, HeaderJob } from './header-job.js';

/** Loaded when a worker is first started: 2 ms at start-up that most scans never need. */
const workerThreads = () =>
  process.getBuiltinModule('node:worker_threads') as typeof import('node:worker_threads');

/** Where the built worker is: beside the bundle in dist/, or dist/ seen from the sources (tests). */
const SCRIPT_CANDIDATES = ['./scan/header-worker.js', '../../dist/scan/header-worker.js'];

function workerScript(): URL | null {
  for (const candidate of SCRIPT_CANDIDATES) {
    const url = new URL(candidate, import.meta.url);
    if (existsSync(url)) return url;
  }
  return null;
}

/**
 * A worker holds one job's headers at a time: a small heap keeps what it adds to the scan's peak
 * memory down (measured at a million frames: about +65 MB with V8's defaults, 25–45 MB so; a smaller
 * one saved nothing more and lost the worker's gain). One that runs out stops with an error, and the
 * engine reads on itself.
 */
const WORKER_HEAP = { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 24 };

interface Pending {
  resolve(answers: HeaderAnswers): void;
  reject(error: Error): void;
}

export class HeaderWorkers {
  private readonly workers: Worker[] = [];
  private readonly ready = new Set<Worker>();
  private readonly pending = new Map<number, Pending>();
  private readonly readyWaiters: ((ready: boolean) => void)[] = [];
  private nextId = 0;
  private turn = 0;
  private broken = false;

  /** Null when there is no built worker script to start (or no second core). */
  static start(
    this: void,
    count: number,
    script: URL | null = workerScript(),
  ): HeaderWorkers | null {
    if (!script || count < 1) return null;
    return new HeaderWorkers(script, count);
  }

  private constructor(script: URL, count: number) {
    const { Worker } = workerThreads();
    for (let index = 0; index < count; index++) {
      const worker = new Worker(script, { resourceLimits: WORKER_HEAP });
      // Held only while it has work: a scan's end never waits on an idle thread.
      worker.unref();
      worker.on('message', (message: HeaderAnswers | 'ready') => {
        if (message === 'ready') {
          this.ready.add(worker);
          for (const waiter of this.readyWaiters.splice(0)) waiter(true);
          return;
        }
        const pending = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (this.pending.size === 0) for (const each of this.workers) each.unref();
        pending?.resolve(message);
      });
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', () => this.fail(new Error('a header worker stopped')));
      this.workers.push(worker);
    }
  }

  /** Whether a job sent now would be answered by a worker (one has started and none failed). */
  get usable(): boolean {
    return !this.broken && this.ready.size > 0;
  }

  /** Resolves when a worker is ready; false if they failed first. */
  whenReady(): Promise<boolean> {
    if (this.usable || this.broken) return Promise.resolve(this.usable);
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  /** One folder's job; rejected if the workers fail before answering it. */
  send(job: Omit<HeaderJob, 'id'>): Promise<HeaderAnswers> {
    if (!this.usable) return Promise.reject(new Error('no header worker is running'));
    const ready = [...this.ready];
    const worker = ready[this.turn++ % ready.length]!;
    const id = this.nextId++;
    const answer = new Promise<HeaderAnswers>((resolve, reject) =>
      this.pending.set(id, { resolve, reject }),
    );
    if (this.pending.size === 1) for (const each of this.workers) each.ref();
    worker.postMessage({ ...job, id } satisfies HeaderJob);
    return answer;
  }

  async close(): Promise<void> {
    this.fail(new Error('the header workers were closed'));
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  private fail(error: Error): void {
    if (this.broken) return;
    this.broken = true;
    for (const waiter of this.readyWaiters.splice(0)) waiter(false);
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
    for (const worker of this.workers) void worker.terminate();
  }
}
