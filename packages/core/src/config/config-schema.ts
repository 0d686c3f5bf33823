/** The config's shape. Semantic checks (known parser names, filters) live in validate-config.ts. */
import * as z from '../zod.js';
import type { ObserverPlugin, ParserPlugin, ReporterPlugin } from '../plugin.js';
import {
  cacheSettingsSchema,
  filterSettingsSchema,
  flatSettingsSchema,
  organizeSettingsSchema,
  planSettingsSchema,
  reportSettingsSchema,
  settingsShape,
  targetSettingsSchema,
} from './settings-schema.js';

const SPEC_MESSAGE = 'expected a plugin name, a [name, options] pair or a plugin object';

function pluginObject<P>() {
  return z.custom<P>(
    (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
    { message: SPEC_MESSAGE },
  );
}

const namedWithOptions = z.tuple([z.string().min(1), z.record(z.string(), z.unknown())]);

/** `'nina'`, `['nina', { pattern }]`, or (JS/TS configs) the plugin object itself. */
function pluginSpec<P>() {
  return z.union([z.string().min(1), namedWithOptions, pluginObject<P>()], {
    error: SPEC_MESSAGE,
  });
}

/**
 * Reporters are chosen with `--reporter`; the config gives a built-in its options
 * (`['astrobin', { filterIds }]`) or adds one of your own (the object).
 */
const reporterSpec = z.union([namedWithOptions, pluginObject<ReporterPlugin>()], {
  error: 'expected a [name, options] pair or a reporter object',
});

const rigShape = {
  ...settingsShape,
  parsers: z
    .array(pluginSpec<ParserPlugin>())
    .optional()
    .describe('File-name parsers tried in order: nina, asiair, sgp, ekos, seestar, toolkit.'),
  plugins: z
    .array(pluginSpec<ObserverPlugin>())
    .optional()
    .describe('Observer plugins (JS/TS configs).'),
  reporters: z
    .array(reporterSpec)
    .optional()
    .describe(
      'Options of built-in reporters, e.g. [astrobin, { filterIds }], and reporters of your own.',
    ),
};

const oneOrMore = z.union([z.string().trim().min(1), z.array(z.string().trim().min(1)).min(1)]);

/** Which frames are a rig's: every field given must fit (see rig-match.ts). */
export const rigMatchSchema = z
  .strictObject({
    camera: oneOrMore
      .optional()
      .describe("The camera (INSTRUME), e.g. 'ZWO ASI2600MM Pro'; a list: any of them."),
    telescope: oneOrMore
      .optional()
      .describe("The telescope (TELESCOP), e.g. 'RedCat 51'; a list: any of them."),
    focalLength: z
      .union([z.number().gt(0), z.tuple([z.number().min(0), z.number().gt(0)])])
      .optional()
      .describe('The focal length in mm (FOCALLEN): within 5 % of a number, or [min, max].'),
  })
  .refine((match) => Object.values(match).some((value) => value !== undefined), {
    message: 'name at least one of camera, telescope, focalLength',
  });

export const rigSettingsSchema = z.strictObject({
  ...rigShape,
  match: rigMatchSchema
    .optional()
    .describe(
      "Which frames are this rig's, by their headers: a scan without --rig splits a mixed archive by it.",
    ),
});

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
      rigSettingsSchema,
      rigMatchSchema,
      filterSettingsSchema,
      targetSettingsSchema,
      planSettingsSchema,
      reportSettingsSchema,
      flatSettingsSchema,
      organizeSettingsSchema,
      cacheSettingsSchema,
    ].flatMap((schema) => Object.keys(schema.shape)),
  ),
];

/** Settings that have moved, and where to: named in the problem instead of "unknown setting". */
export const MOVED_KEYS: Readonly<Record<string, string>> = {
  astrobin:
    "moved: the astrobin reporter's options go with it, reporters: [[astrobin, { filterIds, bortle, meanSqm }]]",
};
