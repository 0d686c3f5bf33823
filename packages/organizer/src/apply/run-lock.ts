/**
 * One organize or undo at a time per folder: `<DIR>/.astrotrack/lock`, taken with the lock helper
 * every astrotrack writer shares. A lock whose process is gone (killed, power cut) is taken over: the
 * journal, not the lock, says what that process left unfinished.
 */
import { rmdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  ensureRealFolder,
  errors,
  folderKind,
  tryLock,
  type HeldLock,
} from '@astrotrack/core/internal';
import { STATE_FOLDER } from './journal.js';

export type RunLock = HeldLock;

export function lockFolder(root: string): RunLock {
  const made = folderKind(join(root, STATE_FOLDER)) === 'missing';
  const folder = ensureRealFolder(root, STATE_FOLDER);
  const attempt = tryLock(join(folder, 'lock'));
  if ('holder' in attempt) throw errors.organizeBusy(root, attempt.holder.pid);
  return {
    file: attempt.file,
    release() {
      attempt.release();
      // A run that changed nothing (answered no) leaves no state folder behind.
      if (made)
        try {
          rmdirSync(folder);
        } catch {}
    },
  };
}
