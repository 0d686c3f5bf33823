/**
 * A lock file beside the library (`flats.json.lock`) so two astrotrack processes never interleave a
 * read-change-write; taken with the lock helper every astrotrack writer shares, and waited for.
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { errors, tryLock, writeTarget } from '@astrotrack/core/internal';

export interface LockOptions {
  /** Give up after this long (default 30 s). */
  timeoutMs?: number;
  /** A lock older than this is stale even if its process seems alive (pid reuse; default 2 min). */
  staleMs?: number;
  /** The error when the lock stays taken (default: the flat library's). */
  busy?: (file: string, seconds: number) => Error;
}

export async function withFileLock<T>(
  file: string,
  work: () => Promise<T>,
  options: LockOptions = {},
): Promise<T> {
  // A library reached through a symbolic link is locked where it really is.
  const lock = `${writeTarget(file)}.lock`;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const staleMs = options.staleMs ?? 120_000;
  const started = Date.now();
  await mkdir(dirname(lock), { recursive: true }).catch(() => {});
  for (let attempt = 0; ; attempt++) {
    const taken = tryLock(lock, { staleMs });
    if (!('holder' in taken)) {
      try {
        return await work();
      } finally {
        taken.release();
      }
    }
    if (Date.now() - started > timeoutMs)
      throw (options.busy ?? errors.flatLibraryBusy)(file, Math.round(timeoutMs / 1000));
    // Back off a little more each time, with jitter so waiting processes do not move in step.
    await sleep(Math.min(100, 2 + attempt * 2) * (0.5 + Math.random()));
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
