import type { ObserverPlugin, ParserPlugin, ReporterPlugin } from '../plugin.js';
import type { SortKey } from '../report/sort-rows.js';

/** A plugin named in JSON/YAML: `'toolkit'` or `['toolkit', { ...options }]`; JS/TS configs may pass the object. */
export type PluginSpec<P> = string | readonly [string, Record<string, unknown>] | P;

export interface FilterSettings {
  /** Canonical filters in report order; replaces the default list. */
  known?: string[];
  /** Filters added after the known ones. */
  extra?: string[];
  /** Other spellings → canonical name, e.g. `{ Lum: 'L' }`. */
  aliases?: Record<string, string>;
  /**
   * What lights and flats through no filter count as (a colour camera, a DSLR, a mono camera
   * without a wheel); default `OSC`. Plan and allocate it like any filter: `--alloc OSC=100`.
   */
  noFilter?: string;
}

export interface TargetSettings {
  /**
   * Names → the name they mean, e.g. `{ 'My Nebula': 'Sh2-240', Andromeda: 'M31' }`. Catalogue
   * spellings (`M 31` = `M031` = `NGC 224`) and common names merge without it.
   */
  aliases?: Record<string, string>;
}

export interface PlanSettings {
  /** Total usable integration wanted, in hours. */
  targetHours?: number;
  /** Percent of the target per filter, e.g. `{ L: 40, R: 20, G: 20, B: 20 }`. */
  allocation?: Record<string, number>;
  /** Percent added to the target for frames that will be rejected. Default 15. */
  rejectionBuffer?: number;
}

export interface ReportSettings {
  sort?: SortKey;
  includeUnknown?: boolean;
  /**
   * Folder names (any letter case) whose frames are rejected: not counted, shown apart. Added to
   * `reject`, `rejects`, `rejected`, `bad`, `bad_frames`, `_bad_frames`, `badframes`, `trash`, `discarded`.
   */
  rejectFolders?: string[];
}

export interface FlatSettings {
  /** The flat library file; relative paths are from the config file's folder. */
  library?: string;
  /** How far from a light's angle a flat still calibrates it, in degrees (default 2.5, at least 0.5). */
  tolerance?: number;
  /** Flats older than this many days are "old" (default 90). */
  maxAgeDays?: number;
  /** Whether old flats still count as coverage (default true; they are shown as old either way). */
  oldFlatsCover?: boolean;
  /** `flats learn` rounds angles to this many degrees (default 0.1). */
  anglePrecision?: number;
}

export interface OrganizeSettings {
  /**
   * Where `astrotrack organize` puts lights, as folders under DIR: `{filter}` (default),
   * `Session_{session}deg/{filter}`, `{target}/{night}/{filter}`… (docs/organizing.md).
   */
  layout?: string;
  /** move (default), copy, hardlink or symlink. */
  mode?: 'move' | 'copy' | 'hardlink' | 'symlink';
  /** Degrees either side of a flat angle that one session takes (default 2). */
  tolerance?: number;
}

export interface AstrobinSettings {
  /**
   * AstroBin's numeric equipment id per filter, e.g. `{ L: 4531, Ha: 4536 }` (the number in the
   * filter's page address on app.astrobin.com), for the `astrobin` reporter's `filter` column.
   */
  filterIds?: Record<string, number>;
  /** The site's Bortle class, 1–9, for every row; without it, one is estimated from `meanSqm`. */
  bortle?: number;
  /** The site's sky brightness in mag/arcsec², for rows whose frames have no `MPSAS`/`SQM` card. */
  meanSqm?: number;
}

export interface CacheSettings {
  /** Keep what was read from headers between scans (default true); `--no-cache` turns it off. */
  enabled?: boolean;
  /** Where, instead of `<DIR>/.astrotrack/cache`: for read-only archives. Relative to the config. */
  folder?: string;
}

export interface RigSettings {
  /** Read FITS/XISF headers (default true); false: file names only, faster, less truthful. */
  headers?: boolean;
  /** The angle used for flats: the rotator's mechanical position (default) or the sky position angle. */
  angle?: 'mechanical' | 'sky';
  /** Hours east of UTC at the site (e.g. 2, -5), for the night of frames whose header has only DATE-OBS. */
  utcOffset?: number;
  filters?: FilterSettings;
  targets?: TargetSettings;
  parsers?: PluginSpec<ParserPlugin>[];
  plugins?: PluginSpec<ObserverPlugin>[];
  plan?: PlanSettings;
  report?: ReportSettings;
  flats?: FlatSettings;
  organize?: OrganizeSettings;
  /** Reporters of your own (JS/TS configs), or built-ins with options: [docs/plugins.md](plugins.md). */
  reporters?: PluginSpec<ReporterPlugin>[];
  astrobin?: AstrobinSettings;
  cache?: CacheSettings;
}

export interface AstrotrackConfig extends RigSettings {
  /** The rig used when `--rig` is not given. */
  rig?: string;
  /** Settings per rig; each is merged over the top-level settings. */
  rigs?: Record<string, RigSettings>;
}
