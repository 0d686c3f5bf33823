/**
 * The file operations of an organize run, none of which ever replaces an existing name:
 * - a move is `link` then `unlink` (a kill in between leaves two names for one file, never none;
 *   an unlink that fails takes the new name away again);
 *   where hard links are not supported it is `rename` after checking the name is free;
 * - across file systems it is copy → flush → compare size and SHA-256 → delete the source;
 * - copies are written under a hidden `.astrotrack-partial` name and only then given their own.
 * The system calls go through `FileSystemCalls` so tests can make one of them fail.
 */
import {
  closeSync,
  constants,
  copyFileSync,
  fsyncSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readlinkSync,
  renameSync,
  rmdirSync,
  rmSync,
  symlinkSync,
  unlinkSync,
} from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { sameContent } from './file-content.js';
import type { OrganizeMode } from '../plan/plan-types.js';

export interface FileSystemCalls {
  link(existing: string, path: string): void;
  rename(from: string, to: string): void;
  unlink(path: string): void;
  copyFile(from: string, to: string): void;
  symlink(target: string, path: string): void;
  mkdir(path: string): void;
  rmdir(path: string): void;
}

export const realFileSystem: FileSystemCalls = {
  link: linkSync,
  rename: renameSync,
  unlink: unlinkSync,
  copyFile: (from, to) => copyFileSync(from, to, constants.COPYFILE_EXCL),
  symlink: (target, path) => symlinkSync(target, path),
  mkdir: (path) => mkdirSync(path),
  rmdir: rmdirSync,
};

/** An operation failed in a way the user can act on; `code` is the system's (EACCES, ENOSPC…). */
export class OperationError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const LINK_UNSUPPORTED = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EMLINK', 'EINVAL']);

export function codeOf(error: unknown): string {
  if (error instanceof OperationError) return error.code;
  return (error as NodeJS.ErrnoException)?.code ?? 'EUNKNOWN';
}

export function partialName(path: string): string {
  return join(dirname(path), `.${basename(path)}.astrotrack-partial`);
}

/** Moves a file to a free name; never replaces one. */
export function moveFile(from: string, to: string, fs: FileSystemCalls): void {
  try {
    fs.link(from, to);
  } catch (error) {
    const code = codeOf(error);
    if (code === 'EXDEV') moveAcrossDevices(from, to, fs);
    else if (LINK_UNSUPPORTED.has(code)) renameToFreeName(from, to, fs);
    else throw error;
    return;
  }
  removeSource(from, to, fs);
}

/**
 * The last step of a move whose new name `to` is made (a link, or a verified copy across file
 * systems): the source name goes. When it cannot (a read-only folder), the new name goes instead,
 * so no frame is left twice.
 */
export function removeSource(from: string, to: string, fs: FileSystemCalls): void {
  try {
    fs.unlink(from);
  } catch (error) {
    fs.unlink(to);
    throw error;
  }
}

function renameToFreeName(from: string, to: string, fs: FileSystemCalls): void {
  if (exists(to)) throw new OperationError('EEXIST', `${to} already exists`);
  try {
    fs.rename(from, to);
  } catch (error) {
    if (codeOf(error) !== 'EXDEV') throw error;
    moveAcrossDevices(from, to, fs);
  }
}

function moveAcrossDevices(from: string, to: string, fs: FileSystemCalls): void {
  copyVerified(from, to, fs);
  removeSource(from, to, fs);
}

/** Copies to a hidden name, flushes it, compares it with the source, then gives it its name. */
export function copyVerified(from: string, to: string, fs: FileSystemCalls): void {
  const partial = partialName(to);
  rmSync(partial, { force: true });
  fs.copyFile(from, partial);
  flush(partial);
  if (!sameContent(from, partial)) {
    rmSync(partial, { force: true });
    throw new OperationError('EVERIFY', `the copy of ${from} does not match it (disk error?)`);
  }
  try {
    fs.link(partial, to);
    fs.unlink(partial);
  } catch (error) {
    if (!LINK_UNSUPPORTED.has(codeOf(error))) {
      rmSync(partial, { force: true });
      throw error;
    }
    renameToFreeName(partial, to, fs);
  }
}

export function linkFile(from: string, to: string, fs: FileSystemCalls): void {
  try {
    fs.link(from, to);
  } catch (error) {
    if (codeOf(error) === 'EXDEV')
      throw new OperationError(
        'EXDEV',
        'hard links cannot cross file systems; use --mode copy or symlink',
      );
    throw error;
  }
}

/** Relative, so the tree keeps working when the whole folder is moved or mounted elsewhere. */
export function symlinkTarget(from: string, to: string): string {
  return relative(dirname(to), from);
}

export function performOperation(
  mode: OrganizeMode,
  from: string,
  to: string,
  fs: FileSystemCalls,
): void {
  if (mode === 'move') moveFile(from, to, fs);
  else if (mode === 'copy') copyVerified(from, to, fs);
  else if (mode === 'hardlink') linkFile(from, to, fs);
  else fs.symlink(symlinkTarget(from, to), to);
}

/**
 * Where an operation stands, judged from the files alone: a journal can say what was intended,
 * only the disk can say how far it got.
 */
export type OperationState =
  | 'pending'
  | 'done'
  /** Move: both names exist and are the same file or the same bytes; only the source's removal is left. */
  | 'source-left'
  /** Both names exist with different content: something else wrote there. */
  | 'both-differ'
  | 'missing';

export function operationState(mode: OrganizeMode, from: string, to: string): OperationState {
  const hasFrom = exists(from);
  if (mode === 'symlink') return isOurSymlink(from, to) ? 'done' : hasFrom ? 'pending' : 'missing';
  const hasTo = exists(to);
  if (!hasTo) return hasFrom ? 'pending' : 'missing';
  if (mode === 'move') {
    if (!hasFrom) return 'done';
    return sameContent(from, to) ? 'source-left' : 'both-differ';
  }
  if (mode === 'hardlink') return hasFrom && sameFile(from, to) ? 'done' : 'both-differ';
  return !hasFrom || sameContent(from, to) ? 'done' : 'both-differ';
}

export function isOurSymlink(from: string, to: string): boolean {
  try {
    return lstatSync(to).isSymbolicLink() && readlinkSync(to) === symlinkTarget(from, to);
  } catch {
    return false;
  }
}

export function sameFile(a: string, b: string): boolean {
  try {
    const [sa, sb] = [lstatSync(a), lstatSync(b)];
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

export function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch (error) {
    if (codeOf(error) === 'ENOENT' || codeOf(error) === 'ENOTDIR') return false;
    throw error;
  }
}

function flush(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
