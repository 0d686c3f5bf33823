/**
 * Reads ahead across folders on a slow disk. A network share answers each open, read and stat after
 * a round trip: a scan keeps many of them in flight, across as many folders as it takes (a night's
 * folder of 20 flats would otherwise cap it at 20), while the engine still takes the folders, and
 * each folder's files, in the walker's order, so which of two copies is counted never depends on
 * which read finished first.
 *
 * On a fast disk (`parallel()` false) nothing is read ahead by this thread: each folder is handed
 * over as it comes and read synchronously by the engine, or, in a large archive, read by a header
 * worker thread (`whole`) while the engine takes the folders before it.
 */
import { Gate } from './gate.js';

export interface ReadAheadOptions<B extends readonly unknown[], C, R> {
  /** Called once per folder, before any of its files is read (the folder's header cache). */
  open(batch: B): C;
  /** Whether to read ahead, asked as each folder arrives: the disk may turn out slow mid-scan. */
  parallel(): boolean;
  /**
   * Reads the whole batch at once, when it can (a header worker): asked first, as each folder
   * arrives; null: read it by `parallel` and `read`. Resolves to each item's result by index, made
   * when it is asked for: a folder's results made all at once would outlive a garbage collection.
   */
  whole?(batch: B, context: C): Promise<(index: number) => R> | null;
  /** Reads the batch's item at `index`. */
  read(batch: B, index: number, context: C): Promise<R>;
  /** Reads in flight at most. */
  limit: number;
  /** Files read ahead at most (memory: outcomes waiting for the engine). */
  window: number;
}

export interface ReadAheadBatch<B, C, R> {
  batch: B;
  context: C;
  /** Each file's outcome by its index; null: read them yourself. */
  results: ((index: number) => R) | null;
}

interface Queued<B, C, R> {
  batch: B;
  context: C;
  results: Promise<(index: number) => R> | null;
}

export async function* readAhead<B extends readonly unknown[], C, R>(
  batches: AsyncIterable<B>,
  options: ReadAheadOptions<B, C, R>,
): AsyncGenerator<ReadAheadBatch<B, C, R>> {
  const iterator = batches[Symbol.asyncIterator]();
  const gate = new Gate(options.limit);
  const queue: Queued<B, C, R>[] = [];
  let queuedFiles = 0;
  let done = false;
  const pull = async () => {
    const step = await iterator.next();
    if (step.done) {
      done = true;
      return;
    }
    const batch = step.value;
    const context = options.open(batch);
    const results =
      options.whole?.(batch, context) ??
      (options.parallel()
        ? Promise.all(
            batch.map((_, index) => gate.run(() => options.read(batch, index, context))),
          ).then((list) => (index: number) => list[index]!)
        : null);
    queue.push({ batch, context, results });
    queuedFiles += batch.length;
  };
  try {
    while (true) {
      if (queue.length === 0) {
        if (done) return;
        await pull();
        continue;
      }
      // Keep the window full while the folder at the head is being read ahead.
      while (!done && queue[0]!.results && queuedFiles < options.window) await pull();
      const head = queue.shift()!;
      queuedFiles -= head.batch.length;
      yield {
        batch: head.batch,
        context: head.context,
        results: head.results ? await head.results : null,
      };
    }
  } finally {
    await iterator.return?.();
  }
}

/** `read(index)` for every index from `from` to `to` (excluded), `limit` at a time, by index. */
export async function readRemaining<R>(
  from: number,
  to: number,
  limit: number,
  read: (index: number) => Promise<R>,
): Promise<R[]> {
  const gate = new Gate(limit);
  const results = new Array<R>(to);
  const reads: Promise<void>[] = [];
  for (let index = from; index < to; index++)
    reads.push(
      gate.run(async () => {
        results[index] = await read(index);
      }),
    );
  await Promise.all(reads);
  return results;
}
