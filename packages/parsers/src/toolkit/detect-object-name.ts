/**
 * The toolkit's object rule: the nearest folder that is not a filter, a frame kind, a date, a
 * session or a capture program's own folder.
 */
import { createFilterSet, type FieldSource, type FilterSet } from '@astrotrack/core';
import { kindOfWord } from './detect-frame-kind.js';
import { folderNames } from './name-tokens.js';

const GENERIC_FOLDERS = new Set([
  'autorun',
  'plan',
  'live',
  'preview',
  'subs',
  'subframes',
  'raw',
  'frames',
  'fits',
  'data',
  'images',
  'calibrated',
  'calibration',
  'snapshot',
  'snapshots',
  'n.i.n.a',
  'nina',
  'sgp',
  'asiair',
]);
const MONTHS = 'jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec';
const DATE_LIKE = new RegExp(
  `^(\\d{4}([-_. ]?\\d{2}([-_. ]?\\d{2})?)?|\\d{4}[ _-](${MONTHS})[a-z]*|(${MONTHS})[a-z]*[ _-]\\d{4})$`,
  'i',
);
const SESSION_FOLDER = /^session[_ -]?\d+(\.\d+)?(deg)?$/i;

export interface ObjectMatch {
  target: string;
  source: FieldSource;
}

export function findObjectName(folders: readonly string[], filters: FilterSet): ObjectMatch | null {
  for (let i = folders.length - 1; i >= 0; i--) {
    const folder = folders[i]!;
    if (isDescriptiveFolder(folder, filters)) continue;
    return { target: folder, source: { origin: 'folder', detail: folder } };
  }
  return null;
}

function isDescriptiveFolder(folder: string, filters: FilterSet): boolean {
  return (
    filters.canonical(folder) !== null ||
    kindOfWord(folder) !== null ||
    GENERIC_FOLDERS.has(folder.toLowerCase()) ||
    DATE_LIKE.test(folder) ||
    SESSION_FOLDER.test(folder)
  );
}

const defaultFilters = createFilterSet();

/** `detect_object_name(path)`: the target's name, or null (the toolkit returned "Unknown"). */
export function detectObjectName(path: string, filters: FilterSet = defaultFilters): string | null {
  return findObjectName(folderNames(path), filters)?.target ?? null;
}
