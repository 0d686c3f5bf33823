/**
 * The settings of a rig, other than its plugins: their shape, their bounds and their defaults, in
 * one place. The config schema, the command-line flags (a partial config checked by these same
 * schemas) and the resolved rig every package reads all come from here.
 */
import * as z from '../zod.js';
import { SORT_KEYS } from '../report/sort-keys.js';
import { ORGANIZE_MODES } from './organize-modes.js';
import { CALIBRATION_KINDS } from '../report/calibration-section.js';

/** A number from `min` to `max`, and the same words for every way it can be wrong. */
export function boundedNumber(min: number, max: number, integer = false) {
  const message = `expected ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}`;
  const number = z.number({ error: message }).min(min, message).max(max, message);
  return integer ? number.int(message) : number;
}

const percent = boundedNumber(0, 100);

export const filterSettingsSchema = z.strictObject({
  known: z.array(z.string().min(1)).min(1).optional(),
  extra: z.array(z.string().min(1)).optional(),
  aliases: z.record(z.string().min(1), z.string().min(1)).optional(),
  noFilter: z
    .string()
    .trim()
    .min(1)
    .optional()
    .describe(
      'What lights and flats through no filter count as (colour cameras, DSLRs); default OSC.',
    ),
});

export const planSettingsSchema = z.strictObject({
  targetHours: boundedNumber(0.01, 100_000).optional(),
  allocation: z.record(z.string().min(1), percent).optional(),
  rejectionBuffer: z
    .union([boundedNumber(0, 1000), z.literal('measured')])
    .optional()
    .describe(
      "Percent added for frames you will throw away, or 'measured': per filter, the share of lights in reject folders.",
    ),
  bufferFallback: boundedNumber(0, 1000)
    .optional()
    .describe(
      "With 'measured': the percent for a filter with too few frames to measure (default 15).",
    ),
  bufferMinFrames: boundedNumber(1, 1_000_000, true)
    .optional()
    .describe(
      "With 'measured': the frames a filter needs, accepted and rejected, to be measured (default 30).",
    ),
});

/** One target's goal: `targets: { "M 31": { plan: { targetHours: 20, allocation: { … } } } }`. */
export const targetGoalSchema = z.strictObject({
  plan: planSettingsSchema
    .extend({ targetHours: boundedNumber(0.01, 100_000) })
    .describe("The target's goal: hours, allocation per filter, rejection buffer."),
});

/** `aliases`, and every other key a target with its goal. */
export const targetSettingsSchema = z
  .object({
    aliases: z.record(z.string().trim().min(1), z.string().trim().min(1)).optional(),
  })
  .catchall(targetGoalSchema);

export const reportSettingsSchema = z.strictObject({
  sort: z.enum(SORT_KEYS).optional(),
  includeUnknown: z.boolean().optional(),
  rejectFolders: z
    .array(
      z
        .string()
        .min(1)
        .regex(/^[^/\\]+$/, 'a folder name, not a path'),
    )
    .optional()
    .describe(
      'Folder names whose lights are rejected, added to reject, rejected, bad, _bad_frames, trash, discarded…',
    ),
});

/** Degrees either side of a flat's angle that still count as it. */
const angleTolerance = boundedNumber(0.5, 90);

export const flatSettingsSchema = z.strictObject({
  library: z.string().min(1).optional(),
  tolerance: angleTolerance.optional(),
  maxAgeDays: boundedNumber(0.01, 36_500).optional(),
  oldFlatsCover: z.boolean().optional(),
  // Finer than 0.001° no rotator holds.
  anglePrecision: boundedNumber(0.001, 10).optional(),
});

const framesPerSet = boundedNumber(1, 10_000, true);

export const calibrationSettingsSchema = z.strictObject({
  library: z
    .string()
    .min(1)
    .optional()
    .describe(
      'The calibration library file (darks, bias, dark flats, masters); default beside flats.json.',
    ),
  temperatureTolerance: boundedNumber(0, 30)
    .optional()
    .describe('°C a dark may be off the lights’ sensor temperature (default 2).'),
  exposureTolerance: boundedNumber(0, 3600)
    .optional()
    .describe('Seconds a dark’s exposure may be off the lights’ (default 0: equal).'),
  scaleDarks: z
    .boolean()
    .optional()
    .describe('Longer darks count for shorter lights when a matching bias exists (dark scaling).'),
  darkMaxAgeDays: boundedNumber(1, 36_500)
    .optional()
    .describe('Days apart a dark and the lights may be (default 365).'),
  biasMaxAgeDays: boundedNumber(1, 36_500)
    .optional()
    .describe('Days apart a bias and the frames it calibrates may be (default 365).'),
  framesPerSet: z
    .union([framesPerSet, z.partialRecord(z.enum(CALIBRATION_KINDS), framesPerSet)])
    .optional()
    .describe(
      'Frames to shoot per calibration set, one number or per kind (default dark 30, bias 50, darkflat 30, flat 30).',
    ),
});

export const qualitySettingsSchema = z.strictObject({
  maxHfr: boundedNumber(0.01, 100)
    .optional()
    .describe('Lights with a larger HFR (pixels) are likely rejects.'),
  maxFwhm: boundedNumber(0.01, 100)
    .optional()
    .describe('Lights with a larger FWHM (pixels) are likely rejects.'),
  minStars: boundedNumber(0, 1_000_000, true)
    .optional()
    .describe('Lights with fewer stars are likely rejects.'),
  maxEccentricity: boundedNumber(0, 1)
    .optional()
    .describe('Lights with rounder-than-this stars pass.'),
  maxGuidingRms: boundedNumber(0.01, 100)
    .optional()
    .describe('Lights guided worse (arcsec RMS) are likely rejects.'),
});

export const organizeSettingsSchema = z.strictObject({
  layout: z.string().min(1).optional(),
  mode: z.enum(ORGANIZE_MODES).optional(),
  tolerance: angleTolerance.optional(),
});

// The descriptions show in editors through the JSON Schema made from this (docs/configuration.md has more).
export const cacheSettingsSchema = z.strictObject({
  enabled: z.boolean().optional(),
  folder: z.string().min(1).optional(),
});

export const settingsShape = {
  headers: z
    .boolean()
    .optional()
    .describe('Read FITS/XISF headers (default true); false: names only.'),
  angle: z
    .enum(['mechanical', 'sky'])
    .optional()
    .describe('The angle flats follow: the rotator position (default) or the sky position angle.'),
  utcOffset: boundedNumber(-12, 14)
    .optional()
    .describe('Hours east of UTC at the site, for frames whose header has only DATE-OBS.'),
  filters: filterSettingsSchema
    .optional()
    .describe('Filter names: known, extra, aliases, noFilter.'),
  targets: targetSettingsSchema
    .optional()
    .describe(
      'Target names (aliases merged over M 31 = M31 = NGC 224 = Andromeda Galaxy) and each target’s goal: { "M 31": { plan: { targetHours: 20 } } }.',
    ),
  plan: planSettingsSchema
    .optional()
    .describe('Target hours, allocation per filter, rejection buffer.'),
  report: reportSettingsSchema.optional().describe('Row order, and whether unknown filters count.'),
  flats: flatSettingsSchema.optional().describe('The flat library and how flats match lights.'),
  calibration: calibrationSettingsSchema
    .optional()
    .describe(
      'How darks, bias and dark flats match lights, and how many frames a set to shoot has.',
    ),
  quality: qualitySettingsSchema
    .optional()
    .describe(
      'Thresholds on what the capture program measured: past one, a light is a likely reject.',
    ),
  organize: organizeSettingsSchema
    .optional()
    .describe('Layout, mode and session tolerance of organize.'),
  cache: cacheSettingsSchema
    .optional()
    .describe('The header cache: on by default, in DIR/.astrotrack/cache unless folder is set.'),
};

/** A rig's settings as written (every key optional), without its plugins. */
export const settingsSchema = z.strictObject(settingsShape);
export type Settings = z.output<typeof settingsSchema>;
