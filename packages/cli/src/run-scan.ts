/** Config → rig → plugins → engine: what `astrotrack scan` and `calculateTotalExposure` share. */
import { accessSync, constants } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import {
  cacheFolderFor,
  errors,
  instantiatePlugins,
  loadConfig,
  matchingRigs,
  resolveRig,
  scanArchive,
  silentLogger,
  TargetNames,
  validateConfigOrThrow,
  type AstrotrackConfig,
  type FilterSet,
  type Logger,
  type ObserverPlugin,
  type ParserPlugin,
  type PlanInput,
  type ResolvedRig,
  type ScanResult,
  type Settings,
} from '@astrotrack/core/internal';
import { flatsPlugin, libraryPath, loadFlatLibrary, localToday } from '@astrotrack/flats';
import {
  calibrationLibraryPath,
  calibrationPlugin,
  loadCalibrationLibrary,
} from '@astrotrack/calibration';
import { builtinParsers, DEFAULT_PARSERS } from '@astrotrack/parsers';
import { builtinReporters } from '@astrotrack/reporters';
import { configModules } from './config-modules.js';

export const KNOWN_PLUGINS = {
  parsers: new Set(Object.keys(builtinParsers)),
  plugins: new Set<string>(),
  reporters: new Set(Object.keys(builtinReporters)),
  loadReporterOptions: async () =>
    (await import('@astrotrack/reporters/options')).reporterOptionProblems,
};

export interface RunScanOptions {
  dir: string;
  /** `--config FILE`; otherwise astro.config.* is searched for. */
  configFile?: string;
  /** A config object instead of a file (programmatic use); skips the search. */
  config?: AstrotrackConfig;
  rig?: string;
  /**
   * Settings over the rig's, checked by the config's schema: the command line's flags
   * (`--target-hours` is `plan.targetHours`, `--no-headers` is `headers: false`…).
   */
  settings?: Settings;
  /** `--target`: count only this target's lights. */
  target?: string;
  /** false: no flat recommendations (`--no-flats`). */
  flats?: boolean;
  /** `--library FILE`: the flat library to compare the lights with. */
  library?: string;
  /** false: no calibration section (`--no-calibration`). */
  calibration?: boolean;
  /** `--calibration-library FILE`: the calibration library (darks, bias, dark flats, masters). */
  calibrationLibrary?: string;
  /** `YYYY-MM-DD` flat ages are counted to; default today. */
  today?: string;
  logger?: Logger;
  /** Observers the command adds (progress on a terminal). */
  observers?: ObserverPlugin[];
}

export interface RunScanResult extends ScanResult {
  configPath: string | null;
  /** The rig the scan used, for reporters that read its settings. */
  rig: ResolvedRig;
}

export interface PreparedRig {
  rig: ResolvedRig;
  /**
   * The rigs that say which frames are theirs (`rigs.<name>.match`), when no rig was asked for:
   * a scan splits the archive among them. Empty: every frame is `rig`'s.
   */
  rigs: ResolvedRig[];
  parsers: ParserPlugin[];
  plugins: ObserverPlugin[];
  configPath: string | null;
}

export interface RigOptions {
  searchFrom: string;
  configFile?: string;
  config?: AstrotrackConfig;
  rig?: string;
  /** The command line's settings, over the rig's. */
  settings?: Settings;
  logger?: Logger;
}

/** Config (found, given or passed) → the chosen rig → its parser and plugin objects. */
export async function prepareRig(options: RigOptions): Promise<PreparedRig> {
  const { rig, rigs, configPath } = await loadRig(options);
  return {
    rig,
    rigs,
    parsers: instantiatePlugins(
      rig.parsers.length ? rig.parsers : [...DEFAULT_PARSERS],
      builtinParsers,
    ),
    plugins: instantiatePlugins<ObserverPlugin>(rig.plugins, {}, 'plugins'),
    configPath,
  };
}

/** Every rig a frame may be counted under: the rigs with a match, and the scan's rig. */
export function withScanRig(rigs: readonly ResolvedRig[], rig: ResolvedRig): ResolvedRig[] {
  return rigs.some((entry) => entry.name === rig.name) ? [...rigs] : [...rigs, rig];
}

/** Config (found, given or passed) → the chosen rig, its plugins not made yet. */
export async function loadRig(
  options: RigOptions,
): Promise<{ rig: ResolvedRig; rigs: ResolvedRig[]; configPath: string | null }> {
  const logger = options.logger ?? silentLogger;
  const { config, filepath, warnings } = options.config
    ? {
        config: await validateConfigOrThrow(options.config, KNOWN_PLUGINS, 'the config object'),
        filepath: null,
        warnings: [],
      }
    : await loadConfig({
        searchFrom: options.searchFrom,
        configFile: options.configFile,
        known: KNOWN_PLUGINS,
        modules: configModules,
      });
  for (const warning of warnings) logger.warn(warning);
  logger.info(filepath ? `using config ${filepath}` : 'no astro.config found: using defaults');
  return {
    rig: resolveRig(config, options.rig, options.settings),
    rigs: matchingRigs(config, options.rig, options.settings),
    configPath: filepath,
  };
}

export interface PreparedScan extends PreparedRig {
  /** Walks the archive and builds the report: everything before it has been checked. */
  run(): Promise<RunScanResult>;
}

/**
 * Everything a scan needs, resolved and checked before the first file is read: config, rig,
 * parsers, plugins, the flat library and the plan. Commands check their outputs (reporters)
 * between this and `run()`.
 */
export async function prepareScan(options: RunScanOptions): Promise<PreparedScan> {
  const logger = options.logger ?? silentLogger;
  const prepared = await prepareRig({ ...options, searchFrom: options.dir, logger });
  const { rig, parsers, plugins, configPath } = prepared;
  const goals = goalInputs(rig, configPath);
  const plan = targetGoal(options, rig, goals) ?? planInput(options.settings, rig);
  const flats = options.flats === false ? [] : [await flatsFor(options, rig, configPath)];
  const calibration =
    options.calibration === false ? [] : [await calibrationFor(options, rig, configPath)];
  return {
    ...prepared,
    run: async () => {
      const result = await scanArchive({
        root: options.dir,
        rig,
        parsers,
        plugins: [...plugins, ...flats, ...calibration, ...(options.observers ?? [])],
        logger,
        sort: rig.report.sort,
        includeUnknown: rig.report.includeUnknown,
        target: options.target ?? null,
        cacheFolder: cacheFolderOf(options.dir, rig, configPath),
        readHeaders: rig.headers,
        headerWorkers: headerWorkersFromEnvironment(),
        plan,
        goals: { goals, fallback: planInput(options.settings, rig) },
        rigs: prepared.rigs.map((laneRig) => ({
          rig: laneRig,
          goals: laneGoals(laneRig, laneRig.name === rig.name, options.settings, configPath),
        })),
      });
      if (result.report.frames.files === 0) throw errors.noFramesFound(options.dir);
      return { ...result, configPath, rig };
    },
  };
}

/**
 * `ASTROTRACK_HEADER_WORKERS=never|always|auto`: for the benchmark, which times a scan with and
 * without header worker threads in the same run (docs/development.md); anything else is `auto`.
 */
function headerWorkersFromEnvironment(): 'never' | 'always' | 'auto' {
  const value = process.env.ASTROTRACK_HEADER_WORKERS;
  return value === 'never' || value === 'always' ? value : 'auto';
}

export async function runScan(options: RunScanOptions): Promise<RunScanResult> {
  return (await prepareScan(options)).run();
}

/**
 * The library is read before the scan: a damaged one is `FlatLibraryCorrupt` with its hint and exit
 * 65, not a plugin failure at the end of a long scan.
 */
async function flatsFor(options: RunScanOptions, rig: ResolvedRig, configPath: string | null) {
  const file = flatLibraryFile(rig, configPath, options.library);
  const library = await loadFlatLibrary(file);
  return flatsPlugin({
    library: async () => library,
    libraryPath: file,
    today: options.today ?? localToday(),
  });
}

/** Both libraries read before the scan, as for flats: a damaged one stops it before it starts. */
async function calibrationFor(
  options: RunScanOptions,
  rig: ResolvedRig,
  configPath: string | null,
) {
  const file = calibrationLibraryFile(rig, configPath, options.calibrationLibrary);
  const library = await loadCalibrationLibrary(file);
  const flatFile = flatLibraryFile(rig, configPath, options.library);
  const flatLibrary = options.flats === false ? null : await loadFlatLibrary(flatFile);
  return calibrationPlugin({
    library,
    libraryPath: file,
    flatLibrary,
    flatLibraryPath: flatFile,
    today: options.today ?? localToday(),
  });
}

/** The rig's calibration library: `--calibration-library`, else `calibration.library`, else the data folder. */
export function calibrationLibraryFile(
  rig: ResolvedRig,
  configPath: string | null,
  explicit?: string,
): string {
  return calibrationLibraryPath({ explicit, configured: rig.calibration.library, configPath });
}

/** The header cache's folder for this archive, or null when the cache is off. */
export function cacheFolderOf(
  dir: string,
  rig: ResolvedRig,
  configPath: string | null,
): string | null {
  if (!rig.cache.enabled) return null;
  const root = resolve(dir);
  if (rig.cache.folder) {
    return cacheFolderFor(
      root,
      resolve(configPath ? dirname(configPath) : process.cwd(), rig.cache.folder),
    );
  }
  // A read-only archive (a NAS share, a DVD) keeps its cache in the user's cache folder instead.
  return cacheFolderFor(root, writable(root) ? undefined : userCacheFolder());
}

function writable(folder: string): boolean {
  try {
    accessSync(folder, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** `$XDG_CACHE_HOME/astrotrack`, else `~/.cache/astrotrack` (`%LOCALAPPDATA%\astrotrack` on Windows). */
function userCacheFolder(): string {
  if (process.env.XDG_CACHE_HOME) return join(process.env.XDG_CACHE_HOME, 'astrotrack');
  if (process.platform === 'win32' && process.env.LOCALAPPDATA)
    return join(process.env.LOCALAPPDATA, 'astrotrack', 'cache');
  return join(homedir(), '.cache', 'astrotrack');
}

/** The rig's flat library: `--library`, else its `flats.library`, else the data folder. */
export function flatLibraryFile(
  rig: ResolvedRig,
  configPath: string | null,
  explicit?: string,
): string {
  return libraryPath({ explicit, configured: rig.flats.library, configPath });
}

/**
 * A rig's goals when the archive is split by rig. Goals without frames yet are listed under the
 * rig whose own section sets them; the top level's, under the scan's rig: each once.
 */
function laneGoals(
  rig: ResolvedRig,
  isScanRig: boolean,
  settings: Settings | undefined,
  configPath: string | null,
) {
  const goals = goalInputs(rig, configPath);
  const unshot = isScanRig
    ? goals
    : Object.fromEntries(
        Object.entries(goals).filter(([target]) => rig.targets.ownGoals.includes(target)),
      );
  return { goals, fallback: planInput(settings, rig), unshot };
}

/** Each target's goal from the config, its allocation's filters canonical; a filter nobody knows is a config error. */
function goalInputs(rig: ResolvedRig, configPath: string | null): Record<string, PlanInput> {
  const inputs: Record<string, PlanInput> = Object.create(null);
  for (const [target, goal] of Object.entries(rig.targets.goals)) {
    try {
      inputs[target] = {
        targetHours: goal.targetHours,
        allocation: canonicalAllocation(goal.allocation ?? {}, rig.filters),
        rejectionBufferPercent: goal.rejectionBuffer ?? rig.plan.rejectionBuffer,
        bufferFallback: rig.plan.bufferFallback,
        bufferMinFrames: rig.plan.bufferMinFrames,
      };
    } catch (error) {
      throw errors.configInvalid(configPath ?? 'the config', [
        `targets.${target}.plan.allocation: ${(error as Error).message}`,
      ]);
    }
  }
  return inputs;
}

/**
 * `--target NAME` with a goal of its own in the config: that goal is the report's plan, unless a
 * plan flag (`--target-hours`, `--alloc`, `--buffer`) says otherwise.
 */
function targetGoal(
  options: RunScanOptions,
  rig: ResolvedRig,
  goals: Record<string, PlanInput>,
): PlanInput | null {
  // Plan flags on the command line win: they say what this run's plan is.
  if (!options.target || options.settings?.plan !== undefined) return null;
  const names = new TargetNames({ aliases: rig.targets.aliases });
  const found = Object.keys(goals).find((name) => names.same(name, options.target!));
  return found === undefined ? null : goals[found]!;
}

/** The rig's plan, or null without a target; a plan flag without one is a usage error. */
function planInput(given: Settings | undefined, rig: ResolvedRig): PlanInput | null {
  const { targetHours, allocation, rejectionBuffer } = rig.plan;
  if (targetHours === undefined) {
    for (const [flag, value] of [
      ['--alloc', given?.plan?.allocation],
      ['--buffer', given?.plan?.rejectionBuffer],
    ] as const) {
      if (value !== undefined)
        throw errors.badUsage(
          `${flag} needs a target`,
          'add --target-hours H, or plan.targetHours in astro.config',
        );
    }
    return null;
  }
  return {
    targetHours,
    allocation: canonicalAllocation(allocation ?? {}, rig.filters),
    rejectionBufferPercent: rejectionBuffer,
    bufferFallback: rig.plan.bufferFallback,
    bufferMinFrames: rig.plan.bufferMinFrames,
  };
}

function canonicalAllocation(
  allocation: Record<string, number>,
  filters: FilterSet,
): Record<string, number> {
  const canonical: Record<string, number> = Object.create(null);
  for (const [name, percent] of Object.entries(allocation)) {
    const filter = filters.canonical(name);
    if (!filter) {
      throw errors.badUsage(
        `unknown filter "${name}" in the allocation`,
        `known filters: ${filters.order.join(', ')}; add others under filters.extra in astro.config`,
      );
    }
    if (Object.hasOwn(canonical, filter)) {
      throw errors.badUsage(
        `the allocation names filter ${filter} twice ("${name}" is an alias of it)`,
      );
    }
    canonical[filter] = percent;
  }
  return canonical;
}
