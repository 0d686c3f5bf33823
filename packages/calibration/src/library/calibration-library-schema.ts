/**
 * The calibration library's schema: zod, loaded only when a library file is read or written, so a
 * command that never touches one starts without it.
 */
import * as z from '@astrotrack/core/zod';
import { CALIBRATION_KINDS, errors } from '@astrotrack/core/internal';
import {
  CALIBRATION_LIBRARY_VERSION,
  type CalibrationLibrary,
  type CalibrationRecord,
} from './calibration-library.js';

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
}) satisfies z.ZodType<CalibrationRecord>;

export const librarySchema = z.strictObject({
  schemaVersion: z.literal(CALIBRATION_LIBRARY_VERSION),
  rigs: z.record(z.string(), z.strictObject({ sets: z.array(calibrationRecordSchema) })),
}) satisfies z.ZodType<CalibrationLibrary>;

export function checkCalibrationLibrary(text: string, file: string): CalibrationLibrary {
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
