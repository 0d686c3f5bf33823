/** How the toolkit split names: the stem without extension, tokens on `_` (and on `-` for filters). */
import { basename, dirname, sep } from 'node:path';
import { stripFrameExtension } from '@astrotrack/core/internal';

export function fileStem(pathOrName: string): string {
  return stripFrameExtension(basename(pathOrName));
}

/** Every folder name of a path, outermost first. */
export function folderNames(path: string): string[] {
  return dirname(path)
    .split(/[\\/]/)
    .filter((part) => part && part !== '.' && part !== sep);
}
