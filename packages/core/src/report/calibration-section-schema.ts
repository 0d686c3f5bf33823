/**
 * The calibration section's schema: what the calibration plugin (`@astrotrack/calibration`) fills
 * and every reporter reads. Per light group (target × night × camera, exposure, gain, offset,
 * binning, readout mode, temperature, filter and angle), the darks, flats and the flats' own
 * calibration it has, and across all groups the fewest sets still to shoot.
 */
import * as z from '../zod.js';
import { CALIBRATION_KINDS } from './calibration-section.js';

export const calibrationKindSchema = z.enum(CALIBRATION_KINDS);

const unknownable = <T extends z.ZodType>(schema: T) => schema.nullable();

export const calibrationSetSchema = z
  .object({
    kind: calibrationKindSchema,
    master: z.boolean().describe('A master (already stacked), not a set of frames.'),
    camera: unknownable(z.string()),
    exposureSeconds: unknownable(z.number().min(0)),
    gain: unknownable(z.number()),
    offset: unknownable(z.number()),
    binning: unknownable(z.string()),
    readoutMode: unknownable(z.string()),
    sensorTemperature: unknownable(z.number()).describe('°C, the mean of its frames.'),
    filter: unknownable(z.string()).describe('Flats only.'),
    angle: unknownable(z.number()).describe('Flats only: the rotator angle, null without one.'),
    date: unknownable(z.string()).describe('`YYYY-MM-DD`: the night it was shot.'),
    frames: unknownable(z.int().min(0)).describe('Frames in the set; null for a master.'),
    source: z
      .enum(['scan', 'library', 'flat-library'])
      .describe('Found in this scan, in the calibration library, or in the flat library.'),
    where: unknownable(z.string()).describe(
      'Its folder (relative to the scanned folder) or master file; the library file for library sets.',
    ),
  })
  .describe('A calibration set: frames (or a master) that share what calibration matches on.');

export const calibrationStatusSchema = z
  .enum(['ok', 'warn', 'missing'])
  .describe('ok ✓: matched; warn ⚠: matched, with a caveat; missing ✗: nothing matches.');

export const kindMatchSchema = z.object({
  status: calibrationStatusSchema,
  set: calibrationSetSchema.nullable().describe('The set used; null when none matches.'),
  ageDays: z
    .number()
    .nullable()
    .describe('Days from the set to the night: positive when the set is older.'),
  notes: z.array(z.string()).describe('How the set differs from the lights, within the rules.'),
  warnings: z.array(z.string()).describe('Why the match is ⚠: what could not be compared.'),
  missing: z.string().nullable().describe('What to shoot, when nothing matches.'),
  nearest: z
    .object({ set: calibrationSetSchema, why: z.array(z.string()) })
    .nullable()
    .describe('When nothing matches: the closest set of this kind, and why it does not count.'),
});

export const lightGroupSchema = z.object({
  target: z.string().nullable(),
  night: z.string().nullable(),
  filter: z.string(),
  camera: z.string().nullable(),
  exposureSeconds: z.number().min(0),
  gain: z.number().nullable(),
  offset: z.number().nullable(),
  binning: z.string().nullable(),
  readoutMode: z.string().nullable(),
  sensorTemperature: z.number().nullable().describe('°C, the mean of its frames.'),
  angle: z
    .object({ from: z.number(), to: z.number() })
    .nullable()
    .describe("The lights' rotator angles; null without one."),
  frames: z.int().min(1),
  status: calibrationStatusSchema.describe('The worst of its kinds.'),
  dark: kindMatchSchema,
  flat: kindMatchSchema,
  flatDarks: kindMatchSchema.describe("The flat's own calibration: dark flats, else bias."),
  rig: z
    .string()
    .nullable()
    .optional()
    .describe('The rig whose frames these are, when a mixed archive is split by rig.'),
});

export const setToShootSchema = z.object({
  kind: calibrationKindSchema,
  camera: z.string().nullable(),
  exposureSeconds: z.number().nullable().describe('Null: at the exposure of the flats it is for.'),
  gain: z.number().nullable(),
  offset: z.number().nullable(),
  binning: z.string().nullable(),
  readoutMode: z.string().nullable(),
  sensorTemperature: z.number().nullable().describe('°C to cool to; null: as the lights were.'),
  filter: z.string().nullable(),
  angle: z.number().nullable(),
  frames: z.int().min(1).describe("How many to shoot: the rig's calibration.framesPerSet."),
  groups: z.int().min(1).describe('Light groups it calibrates.'),
  nights: z.int().min(0),
  targets: z.array(z.string()),
  rig: z
    .string()
    .nullable()
    .optional()
    .describe('The rig it is for, when a mixed archive is split by rig.'),
});

export const calibrationSectionSchema = z.object({
  rules: z.object({
    temperatureTolerance: z.number(),
    exposureTolerance: z.number(),
    scaleDarks: z.boolean(),
    darkMaxAgeDays: z.number(),
    biasMaxAgeDays: z.number(),
    flatMaxAgeDays: z.number(),
    oldFlatsCover: z.boolean(),
    angleTolerance: z.number(),
  }),
  libraryPath: z.string().nullable(),
  groups: z.array(lightGroupSchema),
  toShoot: z
    .array(setToShootSchema)
    .describe('The fewest sets that calibrate every group still missing some, by kind.'),
  tooOld: z
    .int()
    .min(0)
    .describe(
      'Groups missing a set that a set shot today would be too young for (the age limits).',
    ),
  summary: z.object({
    groups: z.int().min(0),
    ok: z.int().min(0),
    warn: z.int().min(0),
    missing: z.int().min(0),
  }),
});
