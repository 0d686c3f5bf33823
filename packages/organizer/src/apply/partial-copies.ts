/**
 * Hidden partial copies (`.name.astrotrack-partial`) a killed run may have left beside a destination.
 * Each destination folder is listed once, so clearing them costs one `readdir` per folder rather
 * than one system call per file.
 */
import { readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { partialName } from './file-operations.js';

const PARTIAL = '.astrotrack-partial';

export class PartialCopies {
  private readonly byFolder = new Map<string, Set<string>>();

  /** Removes the partial copy of `path`, if one is there. */
  clear(path: string): void {
    const folder = dirname(path);
    let names = this.byFolder.get(folder);
    if (!names) {
      names = partialsIn(folder);
      this.byFolder.set(folder, names);
    }
    const name = basename(partialName(path));
    if (names.delete(name)) rmSync(join(folder, name), { force: true });
  }
}

function partialsIn(folder: string): Set<string> {
  try {
    return new Set(readdirSync(folder).filter((name) => name.endsWith(PARTIAL)));
  } catch {
    return new Set();
  }
}
