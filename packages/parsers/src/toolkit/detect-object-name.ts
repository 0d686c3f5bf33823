/**
 * The toolkit's object rule, made stricter: the nearest folder that is not a filter, a frame kind, a
 * date in any common format, a session, a reject folder, a placeholder (`Test`) or a capture
 * program's or a storage's own folder (`Autorun`, `SharpCap Captures`, `MyWorks`, `data`).
 */
import {
  createFilterSet,
  isCatalogueName,
  isTargetName,
  type FieldSource,
  type FilterSet,
} from '@astrotrack/core/internal';
import { kindOfWord } from './detect-frame-kind.js';
import { folderNames } from './name-tokens.js';

/** Folders capture programs, storage and people make that say nothing of the target. */
const GENERIC_FOLDERS = new Set([
  // ASIAIR, Seestar, SharpCap, N.I.N.A., SGP, Ekos, APT and friends.
  'autorun',
  'plan',
  'live',
  'preview',
  'udisk',
  'emmc',
  'zwo',
  'asiair',
  'asistudio',
  'asiimg',
  'myworks',
  'seestar',
  'sharpcap',
  'sharpcap captures',
  'capture',
  'captures',
  'n.i.n.a',
  'n.i.n.a.',
  'nina',
  'sgp',
  'sgpro',
  'sequence generator pro',
  'ekos',
  'kstars',
  'apt',
  'apt_images',
  'maxim',
  'maxim dl',
  'voyager',
  'guidingdarklibrary',
  // Kinds of frames and stages of work.
  'subs',
  'sub',
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
  'reject',
  'rejected',
  'rejects',
  'bad',
  'good',
  'keep',
  'trash',
  'discarded',
  'processed',
  'processing',
  'stacked',
  'masters',
  'master',
  'output',
  'pixinsight',
  'siril',
  'wbpp',
  'archive',
  'backup',
  'new',
  'old',
  'misc',
  'other',
  'temp',
  'tmp',
  'test',
  'astro',
  'astrophotography',
  'astronomy',
  'imaging',
  'pictures',
]);
const MONTHS = new Set([
  'jan',
  'january',
  'feb',
  'february',
  'mar',
  'march',
  'apr',
  'april',
  'may',
  'jun',
  'june',
  'jul',
  'july',
  'aug',
  'august',
  'sep',
  'sept',
  'september',
  'oct',
  'october',
  'nov',
  'november',
  'dec',
  'december',
]);
const DATE_WORDS = new Set(['night', 'of', 'the', 'and', 'to', 'am', 'pm', 'utc', 'local']);
const WEEKDAY = /^(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(day|nesday|sday|urday)?$/;
const SESSION_FOLDER = /^session[_ -]?\d+(\.\d+)?(deg)?$/i;

/**
 * A date or a time in any common way of writing one: `2025-09-16`, `20250916`, `16.09.2025`,
 * `09-16-2025`, `9th August 2026`, `Sept 16, 2025`, `2025-09-16 night`, SharpCap's `22_15_03`.
 */
export function isDateLike(folder: string): boolean {
  const tokens = folder
    .toLowerCase()
    .split(/[\s\-_.,/]+/)
    .filter(Boolean);
  if (tokens.length === 0) return false;
  let numbers = 0;
  let digits = 0;
  let month = false;
  for (const token of tokens) {
    if (/^\d{1,8}$/.test(token)) {
      numbers++;
      digits += token.length;
    } else if (/^\d{1,2}(st|nd|rd|th)$/.test(token)) numbers++;
    else if (MONTHS.has(token)) month = true;
    else if (!DATE_WORDS.has(token) && !WEEKDAY.test(token)) return false;
  }
  const year = tokens.some((token) => /^(19|20)\d{2}$/.test(token) || /^\d{8}$/.test(token));
  return month ? numbers > 0 : year || (numbers >= 2 && digits >= 4);
}

export interface ObjectMatch {
  target: string;
  source: FieldSource;
}

/** Seestar keeps subs in `<target>_sub` (older firmware `<target>-sub`). */
const SEESTAR_SUBS = /^(.+?)[_-]sub$/i;

/**
 * The nearest folder that is a plausible target. The scanned folder's own name (`folders[0]`) only
 * when it is a catalogue designation or a known common name: `scan ~/astro/M31` is M31, but
 * `scan ~/data` or `scan /mnt/nas` says nothing of a target.
 */
export function findObjectName(folders: readonly string[], filters: FilterSet): ObjectMatch | null {
  for (let i = folders.length - 1; i >= 0; i--) {
    const folder = SEESTAR_SUBS.exec(folders[i]!)?.[1] ?? folders[i]!;
    if (isDescriptiveFolder(folder, filters) || !isTargetName(folder)) continue;
    if (i === 0 && !isCatalogueName(folder)) continue;
    return { target: folder, source: { origin: 'folder', detail: folders[i]! } };
  }
  return null;
}

function isDescriptiveFolder(folder: string, filters: FilterSet): boolean {
  return (
    filters.canonical(folder) !== null ||
    kindOfWord(folder) !== null ||
    GENERIC_FOLDERS.has(folder.toLowerCase()) ||
    isDateLike(folder) ||
    SESSION_FOLDER.test(folder)
  );
}

const defaultFilters = createFilterSet();

/** `detect_object_name(path)`: the target's name, or null (the toolkit returned "Unknown"). */
export function detectObjectName(path: string, filters: FilterSet = defaultFilters): string | null {
  return findObjectName(folderNames(path), filters)?.target ?? null;
}
