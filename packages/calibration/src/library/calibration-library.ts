/**
 * The calibration library (`calibration.json`, beside the flat library): per rig, the darks, bias,
 * dark flats and masters a rig owns, each set with what calibration matches on. JSON people can
 * read and fix by hand; one schema checks it and names every problem by its path. A fact written
 * `null` is unknown (a names-only set, a master without the card).
 */
import { z } from 'zod';
import { errors } from '@astrotrack/core/internal';
import { CALIBRATION_KINDS, type CalibrationSet } from '@astrotrack/core/internal';

export const CALIBRATION_LIBRARY_VERSION = 1;
export const CALIBRATION_LIBRARY_FILE = 'calibration.json';
export const DEFAULT_RIG = 'default';

const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine(
    (text) => new Date(`${text}T00:00:00Z`).toISOString().startsWith(text),
    'not a day that exists',
  );

export const calibrationRecordSchema = z.strictObject({
  kind: z.enum(CALIBRATION_KINDS),
  master: z.boolean(),
  camera: z.string().min(1).nullable(),
  exposureSeconds: z.number().min(0).nullable(),
  gain: z.number().nullable(),
  offset: z.number().nullable(),
  binning: z
    .string()
    .regex(/^\d+x\d+$/, 'expected like 1x1')
    .nullable(),
  readoutMode: z.string().min(1).nullable(),
  sensorTemperature: z.number().min(-100).max(100).nullable(),
  filter: z.string().min(1).nullable(),
  angle: z.number().min(0).lt(360).nullable(),
  date: calendarDate,
  frames: z.int().min(1).nullable(),
  /** The folder (or master file) it was learned from, absolute. */
  path: z.string().min(1).nullable(),
  source: z.enum(['learned', 'added']),
});

export type CalibrationRecord = z.output<typeof calibrationRecordSchema>;

const librarySchema = z.strictObject({
  schemaVersion: z.literal(CALIBRATION_LIBRARY_VERSION),
  rigs: z.record(z.string(), z.strictObject({ sets: z.array(calibrationRecordSchema) })),
});

export type CalibrationLibrary = z.output<typeof librarySchema>;

export function emptyCalibrationLibrary(): CalibrationLibrary {
  return { schemaVersion: CALIBRATION_LIBRARY_VERSION, rigs: Object.create(null) };
}

export function serialiseCalibrationLibrary(library: CalibrationLibrary): string {
  return `${JSON.stringify(library, null, 2)}\n`;
}

/** Parses and checks a library's text; every problem is listed by its path in one error. */
export function parseCalibrationLibrary(text: string, file: string): CalibrationLibrary {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw errors.calibrationLibraryCorrupt(file, `not valid JSON (${(error as Error).message})`);
  }
  const version = (data as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === 'number' && version > CALIBRATION_LIBRARY_VERSION)
    throw errors.calibrationLibraryTooNew(file, version);
  const parsed = librarySchema.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join('.') || '(top)'}: ${issue.message}`);
    const more = parsed.error.issues.length - problems.length;
    throw errors.calibrationLibraryCorrupt(
      file,
      problems.join('; ') + (more > 0 ? `; and ${more} more` : ''),
    );
  }
  // Rig names come from configs: kept without inherited keys (`constructor`).
  const rigs: CalibrationLibrary['rigs'] = Object.create(null);
  for (const [rig, entry] of Object.entries(parsed.data.rigs)) rigs[rig] = entry;
  return { schemaVersion: CALIBRATION_LIBRARY_VERSION, rigs };
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
