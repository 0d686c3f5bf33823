/**
 * One lock helper for everything astrotrack changes in place (an organized folder, the flat
 * library). The lock file appears whole: its content (pid, host, a token of this lock) is written to
 * a temporary file first and then hard-linked to the lock's name, which fails if the name is taken.
 * A lock is held while its process lives (same host), always when it comes from another host, and
 * for a few seconds when it is empty (left by an older astrotrack that created it before writing).
 * A stale lock is taken over by renaming it away first, so two processes cannot both take it over,
 * and a lock is only ever removed by its owner.
 */
import { randomBytes } from 'node:crypto';
import { linkSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { errors } from '../errors/catalogue.js';

export interface HeldLock {
  readonly file: string;
  release(): void;
}

export interface LockHolder {
  pid: number | null;
  host: string | null;
}

export interface LockOptions {
  /** A lock older than this is stale even if its process seems alive (pid reuse). Default: never. */
  staleMs?: number;
}

/** How long an empty lock (no pid yet) is taken to be held. */
const EMPTY_LOCK_HELD_MS = 10_000;
/** Where hard links are not supported, the lock is created exclusively and written after. */
const LINK_UNSUPPORTED = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS']);

export function tryLock(
  file: string,
  options: LockOptions = {},
): HeldLock | { holder: LockHolder } {
  const token = `${process.pid} ${hostname()} ${randomBytes(6).toString('hex')}\n`;
  for (let attempt = 0; attempt < 3; attempt++) {
    if (create(file, token)) return heldLock(file, token);
    const seen = readLock(file);
    if (seen === null) continue;
    const holder = parseHolder(seen.text);
    if (!isStale(holder, seen.ageMs, options.staleMs)) return { holder };
    if (!takeAway(file, seen.text)) return { holder };
  }
  return { holder: { pid: null, host: null } };
}

function create(file: string, token: string): boolean {
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    writeFileSync(temporary, token, { flag: 'wx' });
    linkSync(temporary, file);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code === 'EEXIST') return false;
    if (LINK_UNSUPPORTED.has(code)) return createExclusively(file, token);
    throw errors.fileNotWritten(file, error);
  } finally {
    rmSync(temporary, { force: true });
  }
}

function createExclusively(file: string, token: string): boolean {
  try {
    writeFileSync(file, token, { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    rmSync(file, { force: true });
    throw errors.fileNotWritten(file, error);
  }
}

function heldLock(file: string, token: string): HeldLock {
  let released = false;
  return {
    file,
    release() {
      if (released) return;
      released = true;
      if (readLock(file)?.text === token) rmSync(file, { force: true });
    },
  };
}

function readLock(file: string): { text: string; ageMs: number } | null {
  try {
    const text = readFileSync(file, 'utf8');
    return { text, ageMs: Date.now() - statSync(file).mtimeMs };
  } catch {
    return null;
  }
}

function parseHolder(text: string): LockHolder {
  const [pid, host] = text.trim().split(' ');
  const number = Number.parseInt(pid ?? '', 10);
  return Number.isInteger(number) && number > 0
    ? { pid: number, host: host || null }
    : { pid: null, host: null };
}

function isStale(holder: LockHolder, ageMs: number, staleMs = Number.POSITIVE_INFINITY): boolean {
  if (ageMs > staleMs) return true;
  if (holder.pid === null) return ageMs > EMPTY_LOCK_HELD_MS;
  // A lock from another machine (the folder is on a NAS) cannot be checked: it is held. Locks of
  // older versions name no host: they are this machine's.
  if (holder.host !== null && holder.host !== hostname()) return false;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'EPERM';
  }
}

/**
 * Renames the stale lock away and checks it is the one judged stale; if another process took it
 * over meanwhile, its lock is put back and this one gives way.
 */
function takeAway(file: string, staleText: string): boolean {
  const aside = `${file}.stale.${process.pid}.${randomBytes(4).toString('hex')}`;
  try {
    renameSync(file, aside);
  } catch {
    return true;
  }
  let text: string | null = null;
  try {
    text = readFileSync(aside, 'utf8');
  } catch {}
  if (text === staleText) {
    rmSync(aside, { force: true });
    return true;
  }
  try {
    linkSync(aside, file);
  } catch {}
  rmSync(aside, { force: true });
  return false;
}
