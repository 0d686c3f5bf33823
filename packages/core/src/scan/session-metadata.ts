/**
 * N.I.N.A.'s Session Metadata plugin writes `ImageMetaData.csv` beside the frames, a row per image
 * with what was measured: `DetectedStars`, `HFR`, `FWHM`, `Eccentricity`, `GuidingRMSArcSec`. A
 * frame whose name and header did not say takes them from there (source `sidecar`). NaN, and 0 for
 * guiding, mean not measured.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Frame } from '../frame.js';

export const SESSION_METADATA_FILE = 'ImageMetaData.csv';

type Measured = Partial<
  Record<'hfr' | 'fwhm' | 'starCount' | 'eccentricity' | 'guidingRms', number>
>;

/** File name (lower case) → what was measured on it. */
export type SessionMetadata = ReadonlyMap<string, Measured>;

const COLUMNS: ReadonlyArray<[string, keyof Measured, (value: number) => boolean]> = [
  ['HFR', 'hfr', (v) => v > 0],
  ['FWHM', 'fwhm', (v) => v > 0],
  ['DetectedStars', 'starCount', (v) => v >= 0 && Number.isInteger(v)],
  ['Eccentricity', 'eccentricity', (v) => v >= 0 && v <= 1],
  ['GuidingRMSArcSec', 'guidingRms', (v) => v > 0],
];

/** The folder's `ImageMetaData.csv` (in any case, as the walker finds it), or null when it has none. */
export function readSessionMetadata(folder: string): SessionMetadata | null {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return null;
  }
  const name = names.find((entry) => entry.toLowerCase() === SESSION_METADATA_FILE.toLowerCase());
  return name === undefined ? null : readSessionMetadataFile(join(folder, name));
}

/** A sidecar the walker found by name (any case); null when it cannot be read. */
export function readSessionMetadataFile(file: string): SessionMetadata | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  if (lines.length < 2) return null;
  const header = splitCsvLine(lines[0]!);
  const path = header.indexOf('FilePath');
  if (path < 0) return null;
  const columns = COLUMNS.map(
    ([name, field, valid]) => [header.indexOf(name), field, valid] as const,
  );
  const metadata = new Map<string, Measured>();
  for (const line of lines.slice(1)) {
    const cells = splitCsvLine(line);
    const file = cells[path];
    if (!file) continue;
    const measured: Measured = {};
    for (const [index, field, valid] of columns) {
      if (index < 0) continue;
      const value = Number(cells[index]);
      if (cells[index] !== '' && Number.isFinite(value) && valid(value)) measured[field] = value;
    }
    // Windows paths as N.I.N.A. wrote them: the name is what follows the last separator.
    metadata.set(
      file.slice(Math.max(file.lastIndexOf('\\'), file.lastIndexOf('/')) + 1).toLowerCase(),
      measured,
    );
  }
  return metadata;
}

/** The frame with what the sidecar measured, where its name and header said nothing. */
export function withSessionMetadata(frame: Frame, metadata: SessionMetadata | null): Frame {
  const measured = metadata?.get(basename(frame.path).toLowerCase());
  if (!measured) return frame;
  let changed: Frame | null = null;
  for (const [column, field] of COLUMNS) {
    const value = measured[field];
    if (value === undefined || frame[field] !== null) continue;
    changed ??= { ...frame, sources: { ...frame.sources } };
    changed[field] = value;
    changed.sources[field] = { origin: 'sidecar', detail: `${SESSION_METADATA_FILE} ${column}` };
  }
  return changed ?? frame;
}

/** One CSV line (RFC 4180 quoting: CsvHelper quotes paths with commas). */
function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!;
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      cells.push(cell);
      cell = '';
    } else cell += char;
  }
  cells.push(cell);
  return cells;
}
