/**
 * Folders astrotrack writes into are reached without following a symbolic link: each part of the
 * path below the folder the user named is checked with `lstat` (and made, if missing, one at a time).
 * A link put there, by mistake or on purpose, would otherwise send writes outside that folder.
 */
import { lstatSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { errors } from '../errors/catalogue.js';

/** Throws `LinkedFolder` when a part of `relative` below `base` is a link or not a folder. */
export function ensureRealFolder(base: string, relative: string): string {
  let path = base;
  for (const part of relative.split(/[\\/]/).filter((p) => p !== '' && p !== '.')) {
    path = join(path, part);
    const kind = folderKind(path);
    if (kind === 'missing') {
      try {
        mkdirSync(path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST')
          throw errors.fileNotWritten(path, error);
      }
      if (folderKind(path) !== 'folder') throw errors.linkedFolder(path);
    } else if (kind !== 'folder') throw errors.linkedFolder(path);
  }
  return path;
}

export function folderKind(path: string): 'folder' | 'link' | 'other' | 'missing' {
  try {
    const info = lstatSync(path);
    return info.isDirectory() ? 'folder' : info.isSymbolicLink() ? 'link' : 'other';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return 'missing';
    throw error;
  }
}
