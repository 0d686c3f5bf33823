/**
 * The exposure report's schema: the contract between the engine, reporters and scripts (see
 * docs/json-report.md). The report's types are this schema's output (report-types.ts) and the
 * published JSON Schema is written from it (report-json-schema.ts), so the two cannot disagree.
 * Loads zod: the engine imports only the types.
 */
import * as z from '../zod.js';
import { FRAME_KINDS } from '../frame.js';
import { CALIBRATION_SECTION_ID, FLATS_SECTION_ID } from './report-sections.js';
import { calibrationSectionSchema } from './calibration-section-schema.js';
import { flatsSectionSchema } from './flats-section-schema.js';
import { REPORT_SCHEMA_VERSION, SKIP_CODES, WARNING_CODES } from './report-codes.js';
import { SORT_KEYS } from './sort-keys.js';

// Shared by many fields, so each is one `$defs` entry of the JSON Schema.
const count = z.int().min(0).meta({ id: 'count' });
const seconds = z.number().min(0).meta({ id: 'seconds' });
const night = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .nullable()
  .meta({ id: 'nightOrNull', description: '`YYYY-MM-DD`, the local date 12 h before capture.' });

export const exposureRowSchema = z
  .object({
    filter: z.string().describe('Canonical filter name; `Unknown` only with includeUnknown.'),
    exposureSeconds: seconds,
    subs: count,
    totalSeconds: seconds,
  })
  .meta({ id: 'exposureRow', description: 'Integration of one filter at one exposure length.' });

export const exposureTotalSchema = z.object({
  exposureSeconds: seconds,
  subs: count,
  totalSeconds: seconds,
});

export const filterPlanSchema = z.object({
  filter: z.string(),
  allocationPercent: z.number().min(0).max(100),
  targetSeconds: seconds.describe('Target including the rejection buffer, whole seconds.'),
  integratedSeconds: seconds,
  remainingSeconds: seconds,
  subExposureSeconds: z
    .number()
    .gt(0)
    .nullable()
    .describe(
      "Exposure length the remaining subs are counted in: the filter's most used one. Null when the filter has no frames yet.",
    ),
  remainingSubs: z
    .int()
    .min(0)
    .nullable()
    .describe('Subs still to shoot, rounded up. Null when subExposureSeconds is null.'),
  rejectionBufferPercent: z
    .number()
    .min(0)
    .optional()
    .describe("With a measured buffer: this filter's, from its rejects (or the fallback)."),
  bufferSource: z
    .enum(['measured', 'fallback'])
    .optional()
    .describe('Measured from its rejects, or the fallback for too few frames.'),
  bufferFrames: z
    .int()
    .min(0)
    .optional()
    .describe('The lights (accepted and rejected) the buffer was measured on.'),
});

export const planSchema = z.object({
  targetHours: z.number().gt(0),
  rejectionBufferPercent: z
    .number()
    .min(0)
    .describe(
      'The buffer; with a measured one, what the filters’ buffers come to over the whole goal.',
    ),
  bufferSource: z
    .literal('measured')
    .optional()
    .describe(
      "Set when the buffer is measured from the rejects (`plan.rejectionBuffer: 'measured'`).",
    ),
  captureSeconds: seconds.describe('Target hours plus the buffer, in seconds.'),
  allocationPercentTotal: z.number().min(0),
  remainingSeconds: seconds.describe(
    'What is still to shoot: the sum over allocated filters, or target minus all integration when there is no allocation.',
  ),
  filters: z.array(filterPlanSchema),
});

export const projectSchema = z
  .object({
    rig: z
      .string()
      .nullable()
      .optional()
      .describe('With rigs chosen from the frames: the rig whose frames these are.'),
    target: z.string(),
    goalFrom: z
      .enum(['target', 'mosaic', 'rig'])
      .describe(
        "The target's own goal (`targets` in the config), its mosaic's (a panel), or the rig's plan.",
      ),
    plan: planSchema,
    percentComplete: z
      .number()
      .min(0)
      .max(100)
      .describe('Of the goal with its buffer; per allocated filter up to its share.'),
  })
  .describe('A target with a goal, and how far it is.');

export const mosaicSchema = z
  .object({
    rig: z
      .string()
      .nullable()
      .optional()
      .describe('With rigs chosen from the frames: the rig whose frames these are.'),
    mosaic: z.string().describe('The name before the panels: `M31` for `M31 Panel 1`.'),
    subs: count,
    totalSeconds: seconds,
    panels: z
      .array(
        z.object({
          panel: z.int().min(0),
          target: z.string(),
          subs: count,
          totalSeconds: seconds,
          percentComplete: z
            .number()
            .nullable()
            .describe(
              "Of the panel's goal (its own, the mosaic's or the rig's); null without one.",
            ),
        }),
      )
      .describe('Furthest behind first: the least done of its goal, else the least integration.'),
  })
  .describe('Targets named as panels of one mosaic (`M31 Panel 1`, `M31_P2`…).');

const measuredSummary = z
  .object({ frames: count, median: z.number(), min: z.number(), max: z.number() })
  .nullable();

export const qualityRowSchema = z
  .object({
    rig: z
      .string()
      .nullable()
      .optional()
      .describe('With rigs chosen from the frames: the rig whose frames these are.'),
    night: night,
    target: z.string().nullable(),
    filter: z.string(),
    frames: count.describe('Lights with at least one measured value.'),
    likelyRejects: count.describe("Past one of the rig's `quality` thresholds."),
    hfr: measuredSummary,
    fwhm: measuredSummary,
    starCount: measuredSummary,
    eccentricity: measuredSummary,
    guidingRms: measuredSummary,
  })
  .describe('What the capture program measured, per night × target × filter: median and spread.');

export const likelyRejectsSchema = z.object({
  count,
  examples: z
    .array(z.object({ relativePath: z.string(), why: z.array(z.string()) }))
    .describe('The first 20, each with the thresholds it is past.'),
});

export const skipSummarySchema = z.object({
  code: z.enum(SKIP_CODES),
  reason: z.string().describe('What the files of this group have in common.'),
  count,
  examples: z
    .array(z.string())
    .max(5)
    .describe(
      "The first few paths (relative to the scanned folder), with the file's own problem where it has one.",
    ),
});

export const warningCodeSchema = z.enum(WARNING_CODES);

export const reportWarningSchema = z.object({
  code: warningCodeSchema,
  message: z.string(),
  count: count.optional(),
  examples: z.array(z.string()).optional(),
});

export const frameCountsSchema = z.object({
  files: count.describe('Frame files found (all kinds).'),
  skipped: count.describe('Files no parser recognised.'),
  byKind: z.object({ light: count, flat: count, dark: count, bias: count, darkflat: count }),
  counted: count.describe('Lights counted in the rows.'),
  unknownFilter: count.describe(
    'Lights whose filter is unknown (counted only with includeUnknown).',
  ),
  noExposure: count.describe('Lights with no exposure time.'),
  otherTargets: count.describe('Lights of other targets, left out by --target.'),
  rejected: count.describe(
    'Frames in reject folders (rejected/, bad/, _bad_frames/…), not counted (lights among them: the rejected rows).',
  ),
  duplicates: count.describe(
    'Frames found again (hard links, copies with the same header facts), counted once.',
  ),
});

export const duplicateFrameSchema = z
  .strictObject({
    relativePath: z.string(),
    sameAs: z.string().describe('The frame counted in its place.'),
    how: z.enum(['same file', 'copy']),
  })
  .describe('A frame found again, and left out: the same file by another path, or a copy of it.');

export const reportSectionSchema = z
  .object({
    id: z.string().describe('Stable id, e.g. `flats`.'),
    plugin: z.string().describe('The plugin that made it.'),
    title: z.string(),
    data: z
      .unknown()
      .describe("Belongs to the plugin; a registered section's data has that section's schema."),
  })
  .describe(
    "A plugin's part of the report. Reporters render the ids they know; the json reporter passes every section through.",
  );

/** The sections registered in core's contract (ReportSections), by id. */
export const REPORT_SECTION_SCHEMAS = {
  [FLATS_SECTION_ID]: flatsSectionSchema,
  [CALIBRATION_SECTION_ID]: calibrationSectionSchema,
} as const;

export const nightRowSchema = z
  .object({
    night: night,
    target: z.string().nullable(),
    filter: z.string(),
    exposureSeconds: seconds,
    gain: z.number().nullable(),
    binning: z.string().nullable(),
    sensorTemperature: z.int().nullable(),
    offset: z.number().nullable().optional(),
    camera: z.string().nullable().optional().describe('The camera (INSTRUME); null when unknown.'),
    subs: count,
    totalSeconds: seconds,
    focalRatio: z.number().nullable().optional(),
    ambientTemperature: z.number().nullable().optional(),
    skyQuality: z.number().nullable().optional(),
    fwhm: z
      .number()
      .nullable()
      .optional()
      .describe('Mean FWHM in arcseconds: measured (or twice the HFR) times the plate scale.'),
  })
  .describe(
    "Lights of one night × target × filter × exposure × gain × binning × sensor temperature (whole °C) × offset × camera: one AstroBin row each. focalRatio, ambientTemperature, skyQuality and fwhm are means over the row's frames that have them.",
  );

export const targetSummarySchema = z.object({
  target: z
    .string()
    .nullable()
    .describe('Null for lights with no target; else the name shown for all its spellings (M31).'),
  names: z
    .array(z.string())
    .optional()
    .describe('The names its frames were written as, when more than the one shown.'),
  subs: count,
  totalSeconds: seconds,
  nights: count.describe('Distinct nights with lights of it.'),
  firstNight: night,
  lastNight: night,
  rows: z.array(exposureRowSchema).describe('Its lights per filter × exposure, in filter order.'),
});

export const rigSummarySchema = z
  .object({
    rig: z.string().nullable().describe('Null: the top-level settings (the config names no rig).'),
    match: z
      .string()
      .nullable()
      .describe(
        'Its `match`, as text (`camera ZWO ASI2600MM Pro, telescope RedCat 51`); null when it has none.',
      ),
    default: z.boolean().describe('The rig frames no match fits are counted under.'),
    frames: count.describe(
      'Frames of every kind counted under it (reject folders and copies aside).',
    ),
    unmatched: count.describe("Of them, frames no rig's match fits: the default rig's only."),
    subs: count,
    totalSeconds: seconds,
    rows: z.array(exposureRowSchema).describe('Its lights per filter × exposure.'),
    targets: z.array(targetSummarySchema).describe('Its integration per target, most first.'),
  })
  .describe('One optical train of a mixed archive: the frames its `match` fits.');

export const calibrationGroupSchema = z
  .object({
    kind: z.enum(FRAME_KINDS).exclude(['light']),
    night: night,
    filter: z.string().nullable(),
    exposureSeconds: z.number().min(0).nullable(),
    gain: z.number().nullable(),
    binning: z.string().nullable(),
    sensorTemperature: z
      .int()
      .nullable()
      .optional()
      .describe('Whole degrees; null when unknown. Darks match lights by it.'),
    offset: z.number().nullable().optional(),
    camera: z.string().nullable().optional().describe('The camera (INSTRUME); null when unknown.'),
    count,
  })
  .describe(
    'Calibration frames that share kind, night, filter, exposure, gain, binning, sensor temperature, offset and camera.',
  );

export const exposureReportSchema = z
  .object({
    schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
    root: z.string().describe('Absolute path of the scanned folder.'),
    rig: z.string().nullable(),
    sortedBy: z.enum(SORT_KEYS),
    filterOrder: z
      .array(z.string())
      .describe('Canonical filter order of the rig, for reporters that sort.'),
    frames: frameCountsSchema,
    rows: z.array(exposureRowSchema),
    rejected: z
      .array(exposureRowSchema)
      .describe('Lights in reject folders per filter × exposure; in no total.'),
    duplicates: z
      .array(duplicateFrameSchema)
      .describe('Frames left out as found already: the first 100 (frames.duplicates counts all).'),
    totalsByExposure: z.array(exposureTotalSchema),
    totalSeconds: seconds,
    totalSubs: count,
    plan: planSchema.nullable(),
    skipped: z.array(skipSummarySchema),
    warnings: z.array(reportWarningSchema),
    sections: z
      .array(reportSectionSchema)
      .describe('What plugins added, in the order they were set up.'),
    target: z.string().nullable().describe('The --target the lights were narrowed to.'),
    targets: z.array(targetSummarySchema).describe('Integration per target, most first.'),
    quality: z
      .array(qualityRowSchema)
      .describe('Measured quality per night × target × filter; empty when nothing was measured.'),
    likelyRejects: likelyRejectsSchema.describe(
      "Lights past the rig's quality thresholds: listed, never moved, still counted.",
    ),
    mosaics: z
      .array(mosaicSchema)
      .describe('Mosaics, each with its panels; empty when no target is named as a panel.'),
    rigs: z
      .array(rigSummarySchema)
      .describe(
        'With rigs chosen from the frames (`rigs.<name>.match`, no --rig): integration per rig, in the config’s order, the default rig last; empty otherwise.',
      ),
    projects: z
      .array(projectSchema)
      .describe(
        'Every target with a goal (its own, else the rig plan), furthest behind first; goals without frames yet included.',
      ),
    nights: z.array(nightRowSchema).describe('Lights per night and setup, by night.'),
    calibration: z
      .array(calibrationGroupSchema)
      .describe('Calibration frames (flats, darks, bias, dark flats) by kind and setup.'),
  })
  .describe(
    'What `astrotrack scan --reporter json` prints. Times are in seconds. Fields are only ever added within a schema version. See docs/json-report.md.',
  );
