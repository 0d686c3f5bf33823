/**
 * The flat library: which flats a rig owns, per filter (and binning), with angle and date. A JSON
 * file people can read and fix by hand; `schemaVersion` lets later versions migrate it.
 */
import { errors } from '@astrotrack/core/internal';
import { isCalendarDate, isObject } from './json-shape.js';

export const LIBRARY_SCHEMA_VERSION = 1;
/** The rig key used when the config names no rig. */
export const DEFAULT_RIG = 'default';

export type FlatSource = 'added' | 'learned' | 'imported';

export interface FlatRecord {
  filter: string;
  /** Rotator angle in degrees, [0, 360); absent for a camera without a rotator (fixed). */
  angle?: number;
  /** Capture date (the night, for learned flats), `YYYY-MM-DD`. */
  date: string;
  /** `1x1`, `2x2`…; absent: any binning. */
  binning?: string;
  source: FlatSource;
  /** Flat frames in the set, for learned ones. */
  frames?: number;
  /**
   * For learned sets, what their frames' headers agree on: what the flats' own calibration (dark
   * flats, bias) matches by. Absent: unknown.
   */
  camera?: string;
  exposureSeconds?: number;
  gain?: number;
  offset?: number;
}

/** The facts a learned flat set may carry beyond filter, angle, binning and date. */
export const FLAT_SETUP_FIELDS = ['camera', 'exposureSeconds', 'gain', 'offset'] as const;

export interface FlatLibrary {
  schemaVersion: typeof LIBRARY_SCHEMA_VERSION;
  rigs: Record<string, { flats: FlatRecord[] }>;
}

/** Rig names come from configs and files: the rigs are kept without inherited keys (`constructor`). */
export function emptyLibrary(): FlatLibrary {
  return { schemaVersion: LIBRARY_SCHEMA_VERSION, rigs: Object.create(null) };
}

export function serialiseLibrary(library: FlatLibrary): string {
  return `${JSON.stringify(library, null, 2)}\n`;
}

const SOURCES = new Set<string>(['added', 'learned', 'imported']);

/** Parses and checks a library file's text; any problem is a FlatLibraryCorrupt naming where. */
export function parseLibrary(text: string, file: string): FlatLibrary {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw errors.flatLibraryCorrupt(file, `not valid JSON (${(error as Error).message})`);
  }
  const corrupt = (problem: string) => errors.flatLibraryCorrupt(file, problem);
  if (!isObject(data)) throw corrupt('expected a JSON object');
  const version = data.schemaVersion;
  if (typeof version !== 'number') throw corrupt('schemaVersion is missing');
  if (version > LIBRARY_SCHEMA_VERSION) throw errors.flatLibraryTooNew(file, version);
  if (version !== LIBRARY_SCHEMA_VERSION) throw corrupt(`unknown schemaVersion ${version}`);
  if (!isObject(data.rigs)) throw corrupt('"rigs" must be an object');
  const rigs: FlatLibrary['rigs'] = Object.create(null);
  for (const [rig, entry] of Object.entries(data.rigs)) {
    if (!isObject(entry) || !Array.isArray(entry.flats))
      throw corrupt(`rigs.${rig}.flats must be a list`);
    rigs[rig] = {
      flats: entry.flats.map((flat, index) =>
        checkRecord(flat, `rigs.${rig}.flats[${index}]`, corrupt),
      ),
    };
  }
  return { schemaVersion: LIBRARY_SCHEMA_VERSION, rigs };
}

function checkRecord(
  value: unknown,
  path: string,
  corrupt: (problem: string) => Error,
): FlatRecord {
  if (!isObject(value)) throw corrupt(`${path} must be an object`);
  const { filter, angle, date, binning, source, frames, camera, exposureSeconds, gain, offset } =
    value;
  if (typeof filter !== 'string' || filter === '') throw corrupt(`${path}.filter must be a name`);
  const fixed = angle === undefined || angle === null;
  if (!fixed && (typeof angle !== 'number' || !(angle >= 0 && angle < 360)))
    throw corrupt(`${path}.angle must be a number from 0 up to 360, or absent (no rotator)`);
  if (!isCalendarDate(date)) throw corrupt(`${path}.date must be YYYY-MM-DD`);
  if (binning !== undefined && typeof binning !== 'string')
    throw corrupt(`${path}.binning must be text like "1x1"`);
  if (typeof source !== 'string' || !SOURCES.has(source))
    throw corrupt(`${path}.source must be one of ${[...SOURCES].join(', ')}`);
  if (frames !== undefined && !(Number.isInteger(frames) && (frames as number) > 0))
    throw corrupt(`${path}.frames must be a positive whole number`);
  if (camera !== undefined && (typeof camera !== 'string' || camera === ''))
    throw corrupt(`${path}.camera must be a name`);
  for (const [field, number] of [
    ['exposureSeconds', exposureSeconds],
    ['gain', gain],
    ['offset', offset],
  ] as const) {
    if (number !== undefined && !(typeof number === 'number' && Number.isFinite(number)))
      throw corrupt(`${path}.${field} must be a number`);
  }
  if (typeof exposureSeconds === 'number' && exposureSeconds < 0)
    throw corrupt(`${path}.exposureSeconds must not be negative`);
  return {
    filter,
    ...(fixed ? {} : { angle: angle as number }),
    date,
    ...(binning === undefined ? {} : { binning: binning as string }),
    source: source as FlatSource,
    ...(frames === undefined ? {} : { frames: frames as number }),
    ...(camera === undefined ? {} : { camera: camera as string }),
    ...(exposureSeconds === undefined ? {} : { exposureSeconds: exposureSeconds as number }),
    ...(gain === undefined ? {} : { gain: gain as number }),
    ...(offset === undefined ? {} : { offset: offset as number }),
  };
}

/** Two records are the same flat set when filter, binning, angle (or both none) and date agree. */
export function sameFlatSet(a: FlatRecord, b: FlatRecord): boolean {
  return (
    a.filter === b.filter &&
    (a.binning ?? '') === (b.binning ?? '') &&
    sameAngle(a.angle, b.angle) &&
    a.date === b.date
  );
}

/** Angles equal to the last bit of rounding, or both absent (no rotator). */
export function sameAngle(a: number | undefined, b: number | undefined): boolean {
  return a === undefined || b === undefined ? a === b : Math.abs(a - b) < 1e-9;
}
