/** Picks the rig to use and merges its settings over the top-level ones and the defaults. */
import type { ObserverPlugin, ParserPlugin, ReporterPlugin } from '../plugin.js';
import type { AstrotrackConfig, PluginSpec, RigSettings } from './config-types.js';
import { SETTING_DEFAULTS, type ResolvedSettings, type TargetGoal } from './setting-defaults.js';
import type { Settings } from './settings-schema.js';
import { createFilterSet, type FilterSet } from '../filters/filter-set.js';
import { errors } from '../errors/catalogue.js';
import type { RigMatch } from './rig-match.js';

export interface ResolvedRig extends ResolvedSettings {
  parsers: PluginSpec<ParserPlugin>[];
  plugins: PluginSpec<ObserverPlugin>[];
  reporters: PluginSpec<ReporterPlugin>[];
  /** Which frames are this rig's (`rigs.<name>.match`); null: it claims none by itself. */
  match: RigMatch | null;
}

/**
 * Objects merge key by key (a rig's `plan.allocation` replaces the top-level allocation as a whole);
 * lists (`parsers`, `plugins`, `filters.known`) replace; `filters.aliases` and `targets.aliases` merge.
 * `overrides` (the command line's flags, already checked by the same schema) go over everything.
 */
export function resolveRig(
  config: AstrotrackConfig,
  requested?: string,
  overrides: Settings = {},
): ResolvedRig {
  const name = requested ?? config.rig ?? null;
  // Own keys only: a rig named `constructor` is not Object's.
  const chosen =
    name === null
      ? {}
      : config.rigs && Object.hasOwn(config.rigs, name)
        ? config.rigs[name]
        : undefined;
  if (!chosen) throw errors.rigNotFound(name!, Object.keys(config.rigs ?? {}));
  const rig: RigSettings = overlay(chosen, overrides);
  const defaults = SETTING_DEFAULTS;
  return {
    name,
    headers: rig.headers ?? config.headers ?? defaults.headers,
    angle: rig.angle ?? config.angle ?? defaults.angle,
    utcOffset: rig.utcOffset ?? config.utcOffset,
    filters: rigFilterSet(config, rig),
    targets: {
      aliases: { ...config.targets?.aliases, ...rig.targets?.aliases },
      goals: { ...targetGoals(config), ...targetGoals(rig) },
      ownGoals: name === null ? [] : Object.keys(targetGoals(chosen)),
    },
    parsers: rig.parsers ?? config.parsers ?? [],
    plugins: rig.plugins ?? config.plugins ?? [],
    plan: { ...defaults.plan, ...defined(config.plan), ...defined(rig.plan) },
    report: { ...defaults.report, ...defined(config.report), ...defined(rig.report) },
    flats: { ...defaults.flats, ...defined(config.flats), ...defined(rig.flats) },
    calibration: calibrationSettings(config, rig),
    quality: { ...defined(config.quality), ...defined(rig.quality) },
    organize: { ...defaults.organize, ...defined(config.organize), ...defined(rig.organize) },
    reporters: [...(config.reporters ?? []), ...(rig.reporters ?? [])],
    cache: { ...defaults.cache, ...defined(config.cache), ...defined(rig.cache) },
    match: name === null ? null : (chosen.match ?? null),
  };
}

/**
 * The rigs that say which frames are theirs (`match`), in the config's order, each resolved as
 * `--rig` would: one scan splits a mixed archive among them. None when a rig was asked for by
 * name (`--rig`: every frame is that rig's).
 */
export function matchingRigs(
  config: AstrotrackConfig,
  requested: string | undefined,
  overrides: Settings = {},
): ResolvedRig[] {
  if (requested !== undefined || !config.rigs) return [];
  return Object.keys(config.rigs)
    .filter((name) => config.rigs![name]!.match !== undefined)
    .map((name) => resolveRig(config, name, overrides));
}

/** The targets a config gives goals: every key of `targets` but `aliases` (no inherited keys). */
function targetGoals(settings: RigSettings): Record<string, TargetGoal> {
  const goals: Record<string, TargetGoal> = Object.create(null);
  for (const [name, entry] of Object.entries(settings.targets ?? {})) {
    if (name === 'aliases' || entry === undefined) continue;
    goals[name] = (entry as { plan: TargetGoal }).plan;
  }
  return goals;
}

/** `framesPerSet` is one number for every kind, or numbers per kind over the defaults'. */
function calibrationSettings(
  config: RigSettings,
  rig: RigSettings,
): ResolvedSettings['calibration'] {
  const defaults = SETTING_DEFAULTS.calibration;
  const merged = { ...defaults, ...defined(config.calibration), ...defined(rig.calibration) };
  const perSet = (value: number | Partial<Record<string, number>> | undefined) =>
    typeof value === 'number'
      ? { dark: value, bias: value, darkflat: value, flat: value }
      : defined(value ?? {});
  return {
    ...merged,
    framesPerSet: {
      ...defaults.framesPerSet,
      ...perSet(config.calibration?.framesPerSet),
      ...perSet(rig.calibration?.framesPerSet),
    },
  };
}

/** The command line's settings over a rig's, section by section. */
function overlay(rig: RigSettings, overrides: Settings): RigSettings {
  const merged: Record<string, unknown> = { ...rig };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) continue;
    const base = merged[key];
    merged[key] = isSection(value)
      ? { ...(isSection(base) ? base : {}), ...defined(value) }
      : value;
  }
  return merged as RigSettings;
}

/**
 * A section's keys that are set: `{ tolerance: undefined }` (a JS config may write it) overrides
 * nothing, so a default is never lost to it.
 */
function defined<T extends object>(section: T | undefined): Partial<T> {
  if (!section) return {};
  return Object.fromEntries(
    Object.entries(section).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}

function isSection(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A rig's filters merged over the top-level ones, as every reader of the config sees them. */
export function rigFilterSet(config: RigSettings, rig: RigSettings): FilterSet {
  return createFilterSet({
    known: rig.filters?.known ?? config.filters?.known,
    extra: [...(config.filters?.extra ?? []), ...(rig.filters?.extra ?? [])],
    aliases: { ...config.filters?.aliases, ...rig.filters?.aliases },
    noFilter: rig.filters?.noFilter ?? config.filters?.noFilter,
  });
}
