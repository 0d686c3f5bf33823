/** Picks the rig to use and merges its settings over the top-level ones. */
import type { ObserverPlugin, ParserPlugin, ReporterPlugin } from '../plugin.js';
import type {
  AstrobinSettings,
  AstrotrackConfig,
  CacheSettings,
  FlatSettings,
  OrganizeSettings,
  PlanSettings,
  PluginSpec,
  ReportSettings,
  RigSettings,
  TargetSettings,
} from './config-types.js';
import { createFilterSet, type FilterSet } from '../filters/filter-set.js';
import { errors } from '../errors/catalogue.js';

export interface ResolvedRig {
  /** The rig's name, or null when the config defines none (or none was chosen). */
  name: string | null;
  headers: boolean;
  angle: 'mechanical' | 'sky';
  utcOffset: number | undefined;
  filters: FilterSet;
  targets: Required<TargetSettings>;
  parsers: PluginSpec<ParserPlugin>[];
  plugins: PluginSpec<ObserverPlugin>[];
  plan: PlanSettings;
  report: ReportSettings;
  flats: FlatSettings;
  organize: OrganizeSettings;
  reporters: PluginSpec<ReporterPlugin>[];
  astrobin: AstrobinSettings;
  cache: CacheSettings;
}

/**
 * Objects merge key by key (a rig's `plan.allocation` replaces the top-level allocation as a whole);
 * lists (`parsers`, `plugins`, `filters.known`) replace; `filters.aliases` and `targets.aliases` merge.
 */
export function resolveRig(config: AstrotrackConfig, requested?: string): ResolvedRig {
  const name = requested ?? config.rig ?? null;
  // Own keys only: a rig named `constructor` is not Object's.
  const rig =
    name === null
      ? {}
      : config.rigs && Object.hasOwn(config.rigs, name)
        ? config.rigs[name]
        : undefined;
  if (!rig) throw errors.rigNotFound(name!, Object.keys(config.rigs ?? {}));
  return {
    name,
    headers: rig.headers ?? config.headers ?? true,
    angle: rig.angle ?? config.angle ?? 'mechanical',
    utcOffset: rig.utcOffset ?? config.utcOffset,
    filters: rigFilterSet(config, rig),
    targets: { aliases: { ...config.targets?.aliases, ...rig.targets?.aliases } },
    parsers: rig.parsers ?? config.parsers ?? [],
    plugins: rig.plugins ?? config.plugins ?? [],
    plan: { ...config.plan, ...rig.plan },
    report: { ...config.report, ...rig.report },
    flats: { ...config.flats, ...rig.flats },
    organize: { ...config.organize, ...rig.organize },
    reporters: rig.reporters ?? config.reporters ?? [],
    cache: { ...config.cache, ...rig.cache },
    astrobin: {
      ...config.astrobin,
      ...rig.astrobin,
      filterIds: { ...config.astrobin?.filterIds, ...rig.astrobin?.filterIds },
    },
  };
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
