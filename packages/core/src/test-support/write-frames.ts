import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { formatFitsHeader, type FitsCard } from '@astrotrack/fits';

/** Writes frames with small but real FITS headers at the given relative paths. */
export function writeFrames(
  root: string,
  paths: readonly string[],
  cards: readonly FitsCard[] = [],
): void {
  for (const path of paths) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(
      full,
      formatFitsHeader([['SIMPLE', true], ['BITPIX', 16], ['NAXIS', 0], ...cards]),
    );
  }
}
