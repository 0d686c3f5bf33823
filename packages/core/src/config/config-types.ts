/**
 * The config's types are its schema's: nothing here is written by hand, so the type editors check
 * an `astro.config.ts` against is the shape astrotrack accepts.
 */
import type { z } from 'zod';
import type { configSchema, rigSettingsSchema } from './config-schema.js';
import type {
  cacheSettingsSchema,
  filterSettingsSchema,
  flatSettingsSchema,
  organizeSettingsSchema,
  planSettingsSchema,
  reportSettingsSchema,
  targetSettingsSchema,
} from './settings-schema.js';

/** A plugin named in JSON/YAML: `'toolkit'` or `['toolkit', { ...options }]`; JS/TS configs may pass the object. */
export type PluginSpec<P> = string | readonly [string, Record<string, unknown>] | P;

export type FilterSettings = z.output<typeof filterSettingsSchema>;
export type TargetSettings = z.output<typeof targetSettingsSchema>;
export type PlanSettings = z.output<typeof planSettingsSchema>;
export type ReportSettings = z.output<typeof reportSettingsSchema>;
export type FlatSettings = z.output<typeof flatSettingsSchema>;
export type OrganizeSettings = z.output<typeof organizeSettingsSchema>;
export type CacheSettings = z.output<typeof cacheSettingsSchema>;
export type RigSettings = z.output<typeof rigSettingsSchema>;
export type AstrotrackConfig = z.output<typeof configSchema>;
