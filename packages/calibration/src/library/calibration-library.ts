/**
 * The calibration library (`calibration.json`, beside the flat library): per rig, the darks, bias,
 * dark flats and masters a rig owns, each set with what calibration matches on. JSON people can
 * read and fix by hand; one schema checks it and names every problem by its path. A fact written
 * `null` is unknown (a names-only set, a master without the card).
 */
import type { CalibrationSet } from '@astrotrack/core/internal';

export const CALIBRATION_LIBRARY_VERSION = 1;
export const CALIBRATION_LIBRARY_FILE = 'calibration.json';
export const DEFAULT_RIG = 'default';

/**
 * One set as the library keeps it (calibration-library-schema.ts checks it): the report's set, with
 * a known date, the folder (or master file) it was learned from, absolute, and how it came in.
 */
export type CalibrationRecord = Omit<CalibrationSet, 'date' | 'source' | 'where'> & {
  /** `YYYY-MM-DD`: the night it was shot. */
  date: string;
  path: string | null;
  source: 'learned' | 'added';
};

export interface CalibrationLibrary {
  schemaVersion: typeof CALIBRATION_LIBRARY_VERSION;
  rigs: Record<string, { sets: CalibrationRecord[] }>;
}

export function emptyCalibrationLibrary(): CalibrationLibrary {
  return { schemaVersion: CALIBRATION_LIBRARY_VERSION, rigs: Object.create(null) };
}

export function serialiseCalibrationLibrary(library: CalibrationLibrary): string {
  return `${JSON.stringify(library, null, 2)}\n`;
}

/** Parses and checks a library's text; every problem is listed by its path in one error. */
export async function parseCalibrationLibrary(
  text: string,
  file: string,
): Promise<CalibrationLibrary> {
  const { checkCalibrationLibrary } = await import('./calibration-library-schema.js');
  return checkCalibrationLibrary(text, file);
}

/** The identity of a set: twice learned is once recorded. Frames and path do not count. */
export function sameCalibrationSet(a: CalibrationRecord, b: CalibrationRecord): boolean {
  return identity(a) === identity(b);
}

export function identity(record: CalibrationRecord): string {
  return JSON.stringify([
    record.kind,
    record.master,
    record.camera?.trim().toLowerCase() ?? null,
    record.exposureSeconds,
    record.gain,
    record.offset,
    record.binning,
    record.readoutMode,
    record.sensorTemperature === null ? null : Math.round(record.sensorTemperature),
    record.filter,
    record.angle,
    record.date,
    record.master ? record.path : null,
  ]);
}

/** A library record as the report's set. */
export function setOfRecord(record: CalibrationRecord, libraryFile: string): CalibrationSet {
  const { path, source: _, ...facts } = record;
  return { ...facts, source: 'library', where: path ?? libraryFile };
}
