/** Reading and changing the library file: every change is locked, re-read, applied and written atomically. */
import { readFile, rm } from 'node:fs/promises';
import { errorCode, errors, writeFileAtomic } from '@astrotrack/core/internal';
import { emptyLibrary, parseLibrary, serialiseLibrary, type FlatLibrary } from './flat-library.js';
import { withFileLock, type LockOptions } from './file-lock.js';

/** The library at `file`; a missing file is an empty library, a broken one an error. */
export async function loadFlatLibrary(file: string): Promise<FlatLibrary> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyLibrary();
    throw errors.flatLibraryCorrupt(file, `${errorCode(error)}, check its permissions`);
  }
  return parseLibrary(text, file);
}

/** Replaces the library with `library` (under the lock). */
export async function saveFlatLibrary(
  file: string,
  library: FlatLibrary,
  lock?: LockOptions,
): Promise<void> {
  await withFileLock(file, () => writeChecked(file, serialiseLibrary(library)), lock);
}

/**
 * Applies `change` to the current library and writes the result, all under the lock, so
 * concurrent changes are never lost. A library that cannot be read is left untouched.
 */
export async function updateFlatLibrary<T>(
  file: string,
  change: (library: FlatLibrary) => T,
  lock?: LockOptions,
): Promise<T> {
  return withFileLock(
    file,
    async () => {
      const library = await loadFlatLibrary(file);
      const before = serialiseLibrary(library);
      const result = change(library);
      const after = serialiseLibrary(library);
      if (after !== before) await writeChecked(file, after);
      return result;
    },
    lock,
  );
}

/** Deletes the library file; true if there was one. */
export async function deleteFlatLibrary(file: string, lock?: LockOptions): Promise<boolean> {
  return withFileLock(
    file,
    async () => {
      try {
        await rm(file);
        return true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
        throw error;
      }
    },
    lock,
  );
}

/** Nothing is written that this reader would later refuse (an empty filter, an angle that is not a number). */
async function writeChecked(file: string, text: string): Promise<void> {
  try {
    parseLibrary(text, file);
  } catch (error) {
    const problem = (error as Error).message.replace(/^.*cannot be read: /, '');
    throw errors.flatLibraryNotWritten(file, problem);
  }
  await writeFileAtomic(file, text);
}
