/** Where the calibration library lives: as the flat library (`--library`, the rig's `calibration.library`, else the data folder). */
import { type LibraryLocationOptions, libraryPath } from '@astrotrack/flats';
import { CALIBRATION_LIBRARY_FILE } from './calibration-library.js';

export function calibrationLibraryPath(
  options: Omit<LibraryLocationOptions, 'fileName'> = {},
): string {
  return libraryPath({ ...options, fileName: CALIBRATION_LIBRARY_FILE });
}
