/** The config's shape. Semantic checks (known parser names, filters) live in validate-config.ts. */
import { z } from 'zod';
import { SORT_KEYS } from '../report/sort-rows.js';
import { SETTING_BOUNDS } from './setting-bounds.js';

const pluginObject = z.custom<{ name: string }>(
  (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
  { message: 'expected a plugin name, a [name, options] pair or a plugin object' },
);

const pluginSpec = z.union(
  [
    z.string().min(1),
    z.tuple([z.string().min(1), z.record(z.string(), z.unknown())]),
    pluginObject,
  ],
  { error: 'expected a plugin name, a [name, options] pair or a plugin object' },
);

const percent = z.number().min(0).max(100);

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

export const targetSettingsSchema = z.strictObject({
  aliases: z.record(z.string().trim().min(1), z.string().trim().min(1)).optional(),
});

export const planSettingsSchema = z.strictObject({
  targetHours: z
    .number()
    .min(SETTING_BOUNDS.targetHours.min)
    .max(SETTING_BOUNDS.targetHours.max)
    .optional(),
  allocation: z.record(z.string().min(1), percent).optional(),
  rejectionBuffer: z
    .number()
    .min(SETTING_BOUNDS.rejectionBuffer.min)
    .max(SETTING_BOUNDS.rejectionBuffer.max)
    .optional(),
});

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

export const flatSettingsSchema = z.strictObject({
  library: z.string().min(1).optional(),
  tolerance: z
    .number()
    .min(SETTING_BOUNDS.tolerance.min)
    .max(SETTING_BOUNDS.tolerance.max)
    .optional(),
  maxAgeDays: z
    .number()
    .min(SETTING_BOUNDS.maxAgeDays.min)
    .max(SETTING_BOUNDS.maxAgeDays.max)
    .optional(),
  oldFlatsCover: z.boolean().optional(),
  anglePrecision: z
    .number()
    .min(SETTING_BOUNDS.anglePrecision.min)
    .max(SETTING_BOUNDS.anglePrecision.max)
    .optional(),
});

export const organizeSettingsSchema = z.strictObject({
  layout: z.string().min(1).optional(),
  mode: z.enum(['move', 'copy', 'hardlink', 'symlink']).optional(),
  tolerance: z
    .number()
    .min(SETTING_BOUNDS.tolerance.min)
    .max(SETTING_BOUNDS.tolerance.max)
    .optional(),
});

export const astrobinSettingsSchema = z.strictObject({
  filterIds: z.record(z.string().min(1), z.number().int().positive()).optional(),
  bortle: z.number().int().min(1).max(9).optional(),
  meanSqm: z.number().min(10).max(25).optional(),
});

// The descriptions show in editors through the JSON Schema made from this (docs/configuration.md has more).
export const cacheSettingsSchema = z.strictObject({
  enabled: z.boolean().optional(),
  folder: z.string().min(1).optional(),
});

const rigShape = {
  headers: z
    .boolean()
    .optional()
    .describe('Read FITS/XISF headers (default true); false: names only.'),
  angle: z
    .enum(['mechanical', 'sky'])
    .optional()
    .describe('The angle flats follow: the rotator position (default) or the sky position angle.'),
  utcOffset: z
    .number()
    .min(-12)
    .max(14)
    .optional()
    .describe('Hours east of UTC at the site, for frames whose header has only DATE-OBS.'),
  filters: filterSettingsSchema
    .optional()
    .describe('Filter names: known, extra, aliases, noFilter.'),
  targets: targetSettingsSchema
    .optional()
    .describe('Target names: aliases merged over M 31 = M31 = NGC 224 = Andromeda Galaxy.'),
  parsers: z
    .array(pluginSpec)
    .optional()
    .describe('File-name parsers tried in order: nina, asiair, sgp, ekos, seestar, toolkit.'),
  plugins: z.array(pluginSpec).optional().describe('Observer plugins (JS/TS configs).'),
  plan: planSettingsSchema
    .optional()
    .describe('Target hours, allocation per filter, rejection buffer.'),
  report: reportSettingsSchema.optional().describe('Row order, and whether unknown filters count.'),
  flats: flatSettingsSchema.optional().describe('The flat library and how flats match lights.'),
  organize: organizeSettingsSchema
    .optional()
    .describe('Layout, mode and session tolerance of organize.'),
  reporters: z.array(pluginSpec).optional().describe('Reporters of your own (JS/TS configs).'),
  astrobin: astrobinSettingsSchema
    .optional()
    .describe('AstroBin filter ids, and the site Bortle class or SQM, for the astrobin reporter.'),
  cache: cacheSettingsSchema
    .optional()
    .describe('The header cache: on by default, in DIR/.astrotrack/cache unless folder is set.'),
};

export const rigSettingsSchema = z.strictObject(rigShape);

export const configSchema = z.strictObject({
  /** Lets editors find the JSON Schema (`astrotrack init` writes it); ignored by astrotrack. */
  $schema: z.string().optional(),
  ...rigShape,
  rig: z.string().min(1).optional().describe('The rig used when --rig is not given.'),
  rigs: z
    .record(z.string().min(1), rigSettingsSchema)
    .optional()
    .describe('Settings per rig, merged over the top-level ones.'),
});

/** Every key the schema knows, for "did you mean" on unknown keys. */
export const KNOWN_KEYS = [
  ...new Set(
    [
      configSchema,
      filterSettingsSchema,
      targetSettingsSchema,
      planSettingsSchema,
      reportSettingsSchema,
      flatSettingsSchema,
      organizeSettingsSchema,
      astrobinSettingsSchema,
      cacheSettingsSchema,
    ].flatMap((schema) => Object.keys(schema.shape)),
  ),
];
