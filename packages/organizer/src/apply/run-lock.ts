/**
 * One organize or undo at a time per folder: `<DIR>/.astrotrack/lock` holds the pid of the process
 * working on it. A lock whose process is gone (killed, power cut) is taken over: the journal, not the
 * lock, says what that process left unfinished.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { errors } from '@astrotrack/core';
import { STATE_FOLDER } from './journal.js';

export interface RunLock {
  release(): void;
}

export function lockFolder(root: string): RunLock {
  const folder = join(root, STATE_FOLDER);
  const file = join(folder, 'lock');
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw errors.fileNotWritten(folder, error);
  }
  for (let attempt = 0; attempt < 2; attempt++) {
    let fd: number;
    try {
      fd = openSync(file, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST')
        throw errors.fileNotWritten(file, error);
      const holder = readHolder(file);
      if (holder && holderAlive(holder)) throw errors.organizeBusy(root, holder.pid);
      rmSync(file, { force: true });
      continue;
    }
    writeSync(fd, `${process.pid} ${hostname()}\n`);
    closeSync(fd);
    return { release: () => rmSync(file, { force: true }) };
  }
  throw errors.organizeBusy(root, null);
}

function readHolder(file: string): { pid: number; host: string } | null {
  try {
    const [pid, host] = readFileSync(file, 'utf8').trim().split(' ');
    const number = Number.parseInt(pid ?? '', 10);
    return Number.isInteger(number) ? { pid: number, host: host ?? '' } : null;
  } catch {
    return null;
  }
}

function holderAlive(holder: { pid: number; host: string }): boolean {
  // A lock from another machine (the folder is on a NAS) cannot be checked: assume it is alive.
  if (holder.host !== hostname()) return true;
  if (holder.pid === process.pid) return false;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
