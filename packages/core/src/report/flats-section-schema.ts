/**
 * The flats section's schema: what the flats plugin (`@astrotrack/flats`) fills and every reporter
 * reads. Part of the report's contract, so reporters depend on it, not on the plugin.
 */
import * as z from '../zod.js';

export const arcSchema = z.object({ from: z.number(), to: z.number() });

export const ownedFlatSchema = z.object({
  angle: z.number().nullable().describe('Null for a flat set without an angle (no rotator).'),
  date: z.string().describe('`YYYY-MM-DD`.'),
  old: z.boolean(),
  ageDays: z.number().optional().describe("Days from `date` to the report's day, where known."),
});

export const coverageStatusSchema = z.enum(['have-all', 'need-some', 'need-all']);

export const fixedCameraCoverageSchema = z
  .object({
    frames: z.int().min(0),
    flat: ownedFlatSchema
      .nullable()
      .describe('The newest usable flat set without an angle; null: one is still to shoot.'),
  })
  .describe('The lights without an angle, and the flat without an angle that calibrates them.');

export const coverageGroupSchema = z.object({
  flat: z.number().describe("The flat's angle; for a flat still to shoot, the angle suggested."),
  owned: z.boolean().describe('False for a flat still to shoot (shown `?→…`).'),
  lights: arcSchema.describe('The lights it covers, as an arc.'),
  frames: z.int().min(0),
});

export const filterCoverageSchema = z.object({
  detected: arcSchema
    .extend({ angles: z.int().min(0), frames: z.int().min(0) })
    .nullable()
    .describe(
      "The lights' angles: the shortest arc holding them all, and how many distinct angles and frames.",
    ),
  framesWithoutAngle: z
    .int()
    .min(0)
    .describe('Lights with no angle in their header or name (a fixed camera).'),
  withoutAngle: fixedCameraCoverageSchema
    .nullable()
    .describe('How those are covered; null when every light has an angle.'),
  owned: z.array(ownedFlatSchema),
  needed: z
    .array(z.number())
    .describe('Whole-degree angles to shoot, the fewest that cover every uncovered light.'),
  status: coverageStatusSchema,
  groups: z
    .array(coverageGroupSchema)
    .describe(
      'Owned flats with the lights each covers (nearest flat wins), then the flats to shoot.',
    ),
  coveredFrames: z.int().min(0),
  uncoveredFrames: z.int().min(0),
});

export const filterFlatsSchema = filterCoverageSchema.extend({
  rig: z
    .string()
    .nullable()
    .optional()
    .describe(
      "With rigs chosen from the frames: the rig whose lights these are, matched with that rig's flats only.",
    ),
  filter: z.string(),
  binning: z
    .string()
    .nullable()
    .describe("Set when the filter's lights come in more than one binning."),
});

export const flatsSectionSchema = z.object({
  tolerance: z.number().min(0),
  maxAgeDays: z.number().min(0),
  oldFlatsCover: z.boolean(),
  libraryPath: z.string().nullable(),
  filters: z.array(filterFlatsSchema),
});
