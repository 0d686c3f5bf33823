/** The plugin contract. A plugin is a plain object with a `name`, made by a factory that takes options. */
import type { Logger } from './logging/create-logger.js';
import type { EngineEvents } from './events/engine-events.js';
import type { BusHandler } from './events/event-bus.js';
import type { FieldSources, FrameFields } from './frame.js';
import type { FilterSet } from './filters/filter-set.js';
import type { ResolvedSettings } from './config/setting-defaults.js';
import type { ReportSection, ReportWarning } from './report/report-types.js';

/** A file the walker found, as parsers see it. */
export interface FrameFile {
  /** Absolute path. A name that is not valid UTF-8 shows its stray bytes as `\ufffd` here. */
  path: string;
  /**
   * The path as the file system has it, when `path` cannot say it: a name that is not valid UTF-8
   * (written by an old camera or a Windows code page). Readers open this one.
   */
  bytes?: Buffer;
  /** Relative to the scanned folder, `/`-separated. */
  relativePath: string;
  /** File name with extension. */
  name: string;
  /**
   * Folder names from the scanned folder's own name down to the file's parent, nearest last.
   * Folders above the scanned folder are never looked at: they say nothing about the frames.
   */
  folders: readonly string[];
}

export interface ParseContext {
  filters: FilterSet;
}

export interface ParsedFrame {
  fields: Partial<FrameFields>;
  sources: FieldSources;
}

/**
 * Answers "what is this file?". The engine asks the rig's parsers in order; the first that returns
 * a result wins. Returning `null` means "not mine", never an error.
 */
export interface ParserPlugin {
  name: string;
  parse(file: FrameFile, context: ParseContext): ParsedFrame | null;
  /** Optional: subscribe to engine events, e.g. to reset a cache on `scan:start`. */
  setup?(context: PluginContext): void | Promise<void>;
}

export interface PluginContext {
  /** Subscribe to an engine event. Async handlers are awaited before the report is built. */
  on<K extends keyof EngineEvents>(event: K, handler: BusHandler<EngineEvents[K]>): void;
  logger: Logger;
  rig: ResolvedSettings;
  /**
   * Every rig a frame may be counted under (`frame.rig` names it): the rigs with a `match` and the
   * scan's rig when a mixed archive is split by rig, else the scan's rig alone.
   */
  rigs: readonly ResolvedSettings[];
  /** The target the scan is narrowed to (`--target`), or null: sections should narrow too. */
  target: string | null;
  /**
   * Contribute a section to the report. `build` runs once, after `scan:end` (every frame seen)
   * and before reporters run; returning null adds nothing.
   */
  addReportSection(build: ReportSectionBuilder): void;
}

/** A section, and optionally warnings for the report's warning list (e.g. old flats). */
export type NewReportSection = Omit<ReportSection, 'plugin'> & { warnings?: ReportWarning[] };

export type ReportSectionBuilder = () => NewReportSection | null | Promise<NewReportSection | null>;

/** Observes the engine's events: organizers, progress, custom statistics. */
export interface ObserverPlugin {
  name: string;
  setup(context: PluginContext): void | Promise<void>;
}

const NAMESPACED = /^[a-z0-9][a-z0-9._-]*\/[a-z0-9][a-z0-9._-]*$/i;

/** Third-party plugin names must be namespaced (`acme/my-parser`) so they never clash with built-ins. */
export function checkPluginName(name: unknown, builtins: ReadonlySet<string>): string | null {
  if (typeof name !== 'string' || name.length === 0)
    return 'a plugin needs a non-empty string "name"';
  if (builtins.has(name) || NAMESPACED.test(name)) return null;
  return `plugin name "${name}" must be namespaced, like "you/${name}", so it cannot clash with a built-in`;
}

export interface ReporterOptions {
  /** ANSI colours allowed (a TTY, and NO_COLOR unset). */
  color: boolean;
  /** Spell every choice out (`--explain`): the calibration set each group uses, and why. */
  explain?: boolean;
  /** A live report (`watch`): a page that reloads itself this often, in seconds; absent: never. */
  refreshSeconds?: number;
  /** A live report: when it was made, as shown to the user (`21:04:10`). */
  updatedAt?: string;
}

/** Turns a report into text. Pure: the CLI decides where the text goes. */
export interface ReporterPlugin {
  name: string;
  format(
    report: import('./report/report-types.js').ExposureReport,
    options: ReporterOptions,
  ): string;
  /** Optional: what the output will lack and how to fix it; the CLI prints each on stderr. */
  warnings?(report: import('./report/report-types.js').ExposureReport): string[];
}
