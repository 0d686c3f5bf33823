/**
 * What the toolkit's flat history could do, as changes to a library: add (or replace) angles for
 * filters, remove angles, clear filters, list with ages. Each works on one rig's flats.
 */
import { normaliseAngle } from '../coverage/arc.js';
import {
  DEFAULT_RIG,
  FLAT_SETUP_FIELDS,
  sameAngle,
  sameFlatSet,
  type FlatLibrary,
  type FlatRecord,
} from './flat-library.js';

export function rigFlats(library: FlatLibrary, rig: string | null): FlatRecord[] {
  return library.rigs[rig ?? DEFAULT_RIG]?.flats ?? [];
}

function ensureRig(library: FlatLibrary, rig: string | null): FlatRecord[] {
  const key = rig ?? DEFAULT_RIG;
  library.rigs[key] ??= { flats: [] };
  return library.rigs[key].flats;
}

export interface AddFlatsOptions {
  /** `YYYY-MM-DD`; default today. */
  date: string;
  /** Replace the filter's angles instead of adding to them. */
  replace?: boolean;
  binning?: string;
  source?: FlatRecord['source'];
}

export interface AddFlatsResult {
  added: FlatRecord[];
  /** Already in the library (same filter, binning, angle and date). */
  known: FlatRecord[];
  /** Replaced away. */
  removed: FlatRecord[];
}

/** `anglesByFilter`: a filter with no angles records one flat set without an angle (no rotator). */
export function addFlats(
  library: FlatLibrary,
  rig: string | null,
  anglesByFilter: Readonly<Record<string, readonly number[]>>,
  options: AddFlatsOptions,
): AddFlatsResult {
  const records = Object.entries(anglesByFilter).flatMap(([filter, angles]) =>
    (angles.length > 0 ? angles : [undefined]).map(
      (angle): FlatRecord => ({
        filter,
        ...(angle === undefined ? {} : { angle: normaliseAngle(angle) }),
        date: options.date,
        ...(options.binning ? { binning: options.binning } : {}),
        source: options.source ?? 'added',
      }),
    ),
  );
  const flats = ensureRig(library, rig);
  const removed: FlatRecord[] = [];
  if (options.replace) {
    const replaced = new Set(Object.keys(anglesByFilter));
    for (let i = flats.length - 1; i >= 0; i--) {
      if (replaced.has(flats[i]!.filter)) removed.unshift(...flats.splice(i, 1));
    }
  }
  return { ...addRecords(flats, records), removed };
}

/** Adds the records that are not already there; a known one gains the facts it lacked (camera, gain…). */
export function addRecords(
  flats: FlatRecord[],
  records: readonly FlatRecord[],
): Omit<AddFlatsResult, 'removed'> {
  const added: FlatRecord[] = [];
  const known: FlatRecord[] = [];
  for (const record of records) {
    const existing = flats.find((flat) => sameFlatSet(flat, record));
    if (existing) {
      known.push(record);
      Object.assign(existing, { ...missingFacts(record, existing) });
    } else {
      flats.push(record);
      added.push(record);
    }
  }
  flats.sort(byFilterAngleDate);
  return { added, known };
}

export function addFlatRecords(
  library: FlatLibrary,
  rig: string | null,
  records: readonly FlatRecord[],
): Omit<AddFlatsResult, 'removed'> {
  return addRecords(ensureRig(library, rig), records);
}

/** Removes a filter's flats at the given angles (every date), or with no angles its angle-less ones. */
export function removeFlatAngles(
  library: FlatLibrary,
  rig: string | null,
  filter: string,
  angles: readonly number[],
): FlatRecord[] {
  const flats = rigFlats(library, rig);
  const wanted = angles.length > 0 ? angles.map(normaliseAngle) : [undefined];
  const removed: FlatRecord[] = [];
  for (let i = flats.length - 1; i >= 0; i--) {
    const flat = flats[i]!;
    if (flat.filter === filter && wanted.some((angle) => sameAngle(angle, flat.angle))) {
      removed.unshift(...flats.splice(i, 1));
    }
  }
  return removed;
}

/** Removes every flat of the given filters, or of all filters when none are given. */
export function clearFlats(
  library: FlatLibrary,
  rig: string | null,
  filters?: readonly string[],
): FlatRecord[] {
  const flats = rigFlats(library, rig);
  const removed: FlatRecord[] = [];
  for (let i = flats.length - 1; i >= 0; i--) {
    if (!filters || filters.includes(flats[i]!.filter)) removed.unshift(...flats.splice(i, 1));
  }
  return removed;
}

export interface ListedFlat extends FlatRecord {
  ageDays: number;
  old: boolean;
}

/** The rig's flats with their age on `today` (`YYYY-MM-DD`) and whether they are old. */
export function listFlats(
  library: FlatLibrary,
  rig: string | null,
  today: string,
  maxAgeDays: number,
): ListedFlat[] {
  return rigFlats(library, rig).map((flat) => {
    const ageDays = daysBetween(flat.date, today);
    return { ...flat, ageDays, old: ageDays > maxAgeDays };
  });
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Today's local date, `YYYY-MM-DD`. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function byFilterAngleDate(a: FlatRecord, b: FlatRecord): number {
  return (
    a.filter.localeCompare(b.filter) ||
    (a.angle ?? -1) - (b.angle ?? -1) ||
    a.date.localeCompare(b.date) ||
    (a.binning ?? '').localeCompare(b.binning ?? '')
  );
}

/** The setup facts `record` has and `existing` lacks. */
function missingFacts(record: FlatRecord, existing: FlatRecord): Partial<FlatRecord> {
  return Object.fromEntries(
    FLAT_SETUP_FIELDS.filter(
      (field) => existing[field] === undefined && record[field] !== undefined,
    ).map((field) => [field, record[field]]),
  );
}
