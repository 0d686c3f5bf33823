/**
 * Replaces a file's content all at once: written to a temporary file beside it, flushed to disk,
 * then renamed over it. A process killed half way leaves the old file whole. What is there is
 * respected: a symbolic link is followed (the file it points to is replaced, the link stays), the
 * file's permissions are kept, and a read-only file, a folder, a FIFO or a device is refused rather
 * than replaced.
 */
import { randomBytes } from 'node:crypto';
import { lstatSync, readlinkSync, type Stats, statSync } from 'node:fs';
import { chmod, mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { errors } from '../errors/catalogue.js';

export async function writeFileAtomic(file: string, text: string): Promise<void> {
  const target = writeTarget(file);
  const mode = existingMode(target);
  const temporary = join(
    dirname(target),
    `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  try {
    await mkdir(dirname(target), { recursive: true });
    const handle = await open(temporary, 'wx');
    try {
      await handle.writeFile(text, 'utf8');
      if (mode !== null) await chmod(temporary, mode);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw errors.fileNotWritten(file, error);
  }
}

/** Throws the error `writeFileAtomic` would, before any work is done: refused targets fail fast. */
export function checkReplaceable(file: string): void {
  existingMode(writeTarget(file));
}

/** The path a write to `file` lands on: `file` itself, or where its symbolic links lead. */
export function writeTarget(file: string): string {
  let path = resolve(file);
  for (let hops = 0; hops < 40; hops++) {
    let link: string;
    try {
      if (!lstatSync(path).isSymbolicLink()) return path;
      link = readlinkSync(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return path;
      throw errors.fileNotWritten(file, error);
    }
    path = resolve(dirname(path), link);
  }
  throw errors.fileNotWritten(file, Object.assign(new Error('ELOOP'), { code: 'ELOOP' }));
}

/** The permission bits of the file to be replaced, or null when there is none; refuses what must not be replaced. */
function existingMode(target: string): number | null {
  let info: Stats;
  try {
    info = statSync(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw errors.fileNotWritten(target, error);
  }
  if (!info.isFile()) throw errors.notARegularFile(target, describeKind(info));
  if ((info.mode & 0o222) === 0) throw errors.readOnlyFile(target);
  return info.mode & 0o7777;
}

function describeKind(info: Stats): string {
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a FIFO';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isSocket()) return 'a socket';
  return 'not a regular file';
}
