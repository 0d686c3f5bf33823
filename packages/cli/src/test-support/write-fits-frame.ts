/** A frame with a small but real FITS header (no pixels), at a path whose folders are made. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { formatFitsHeader, type FitsCard } from '@astrotrack/fits';

export function writeFitsFrame(path: string, cards: readonly FitsCard[]): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, formatFitsHeader([['SIMPLE', true], ['BITPIX', 16], ['NAXIS', 0], ...cards]));
}
