/** Reading and changing the calibration library: locked, re-read, applied and written atomically, as the flat library. */
import { readFile } from 'node:fs/promises';
import { errorCode, errors, writeFileAtomic } from '@astrotrack/core/internal';
import { withFileLock, type LockOptions } from '@astrotrack/flats';
import {
  emptyCalibrationLibrary,
  parseCalibrationLibrary,
  serialiseCalibrationLibrary,
  type CalibrationLibrary,
} from './calibration-library.js';

const lockOptions = (lock?: LockOptions): LockOptions => ({
  busy: errors.calibrationLibraryBusy,
  ...lock,
});

/** The library at `file`; a missing file is an empty library, a broken one an error. */
export async function loadCalibrationLibrary(file: string): Promise<CalibrationLibrary> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyCalibrationLibrary();
    throw errors.calibrationLibraryCorrupt(file, `${errorCode(error)}, check its permissions`);
  }
  return await parseCalibrationLibrary(text, file);
}

/**
 * Applies `change` to the current library and writes the result, all under the lock, so two
 * processes never lose each other's changes. A library that cannot be read is left untouched.
 */
export async function updateCalibrationLibrary<T>(
  file: string,
  change: (library: CalibrationLibrary) => T,
  lock?: LockOptions,
): Promise<T> {
  return withFileLock(
    file,
    async () => {
      const library = await loadCalibrationLibrary(file);
      const before = serialiseCalibrationLibrary(library);
      const result = change(library);
      const after = serialiseCalibrationLibrary(library);
      if (after !== before) {
        await writeChecked(file, after);
      }
      return result;
    },
    lockOptions(lock),
  );
}

/** Nothing is written that this reader would refuse later. */
async function writeChecked(file: string, text: string): Promise<void> {
  try {
    await parseCalibrationLibrary(text, file);
  } catch (error) {
    const problem = (error as Error).message.replace(/^.*cannot be read: /, '');
    throw errors.calibrationLibraryNotWritten(file, problem);
  }
  await writeFileAtomic(file, text);
}
