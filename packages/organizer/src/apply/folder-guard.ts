/**
 * Folders an organize run reads from and writes into are reached without following a symbolic
 * link: every part of a path below the root (or `--out`) is checked with `lstat` under the lock,
 * right before the first file goes through it, and made one part at a time where it is missing. A
 * link swapped in while the plan waited for its confirmation, or one that was always there, is
 * refused rather than followed, so no frame is ever moved out of the folders the user named.
 */
import { dirname, join } from 'node:path';
import { folderKind } from '@astrotrack/core/internal';
import { codeOf, OperationError } from './file-operations.js';

export class FolderGuard {
  private readonly known = new Set<string>(['.', '']);

  constructor(
    readonly base: string,
    private readonly mkdir: (path: string) => void,
  ) {}

  /** Throws `ELINK` when an existing part of `folder` is a link or a file; missing parts are fine (the file is then missing too). */
  check(folder: string): void {
    if (this.known.has(folder)) return;
    this.check(dirname(folder));
    const kind = folderKind(join(this.base, folder));
    if (kind === 'missing') return;
    if (kind !== 'folder') throw linked(folder);
    this.known.add(folder);
  }

  /** Makes `folder` and its missing parents, telling `beforeCreate` of each before it is made. */
  ensure(folder: string, beforeCreate: (folder: string) => void = () => {}): void {
    if (this.known.has(folder)) return;
    this.ensure(dirname(folder), beforeCreate);
    const path = join(this.base, folder);
    let kind = folderKind(path);
    if (kind === 'missing') {
      beforeCreate(folder);
      try {
        this.mkdir(path);
      } catch (error) {
        if (codeOf(error) !== 'EEXIST') throw error;
      }
      kind = folderKind(path);
    }
    if (kind !== 'folder') throw linked(folder);
    this.known.add(folder);
  }
}

function linked(folder: string): OperationError {
  return new OperationError(
    'ELINK',
    `${folder} is a symbolic link or not a folder; nothing is moved through it`,
  );
}
