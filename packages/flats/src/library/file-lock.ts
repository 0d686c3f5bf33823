/**
 * A lock file beside the library (`flats.json.lock`, created exclusively) so two astrotrack
 * processes never interleave a read-change-write. A lock left by a process that died is taken over.
 */
import { open, readFile, rm, stat } from 'node:fs/promises';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { errors } from '@astrotrack/core';

export interface LockOptions {
  /** Give up after this long (default 30 s). */
  timeoutMs?: number;
  /** A lock older than this is stale even if its process seems alive (pid reuse; default 2 min). */
  staleMs?: number;
}

export async function withFileLock<T>(
  file: string,
  work: () => Promise<T>,
  options: LockOptions = {},
): Promise<T> {
  const lock = `${file}.lock`;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const staleMs = options.staleMs ?? 120_000;
  const started = Date.now();
  await mkdir(dirname(file), { recursive: true }).catch(() => {});
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(lock, 'wx');
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST')
        throw errors.fileNotWritten(lock, error);
    }
    // Known gap: two processes that find the same stale lock at once could each remove it, the
    // second removing the first's new lock. It needs a dead holder and two writers in the same
    // moment; the cost would be one interleaved change, never a damaged file (writes are atomic).
    if (await isStale(lock, staleMs)) {
      await rm(lock, { force: true });
      continue;
    }
    if (Date.now() - started > timeoutMs)
      throw errors.flatLibraryBusy(file, Math.round(timeoutMs / 1000));
    // Back off a little more each time, with jitter so waiting processes do not move in step.
    await sleep(Math.min(100, 2 + attempt * 2) * (0.5 + Math.random()));
  }
  try {
    return await work();
  } finally {
    await rm(lock, { force: true });
  }
}

async function isStale(lock: string, staleMs: number): Promise<boolean> {
  try {
    const [text, info] = await Promise.all([readFile(lock, 'utf8'), stat(lock)]);
    if (Date.now() - info.mtimeMs > staleMs) return true;
    const pid = Number.parseInt(text, 10);
    // Not written yet: the owner is between creating and writing it.
    if (!Number.isInteger(pid) || pid <= 0) return false;
    return !isAlive(pid);
  } catch {
    return false;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
