/** The exposure report: the contract between the engine, reporters and scripts (see docs/json-report.md). */
import type { FrameKind } from '../frame.js';
import type { SortKey } from './sort-keys.js';

/** Why a file is not a frame, stable for grouping; `reason` has the file's own detail. */
export type SkipCode =
  | 'derived'
  | 'not-integration'
  | 'no-parser'
  | 'parser-failed'
  | 'unreadable-header'
  | 'unreadable-file';

export const REPORT_SCHEMA_VERSION = 1;

/** Integration of one filter at one exposure length. Times are in seconds. */
export interface ExposureRow {
  /** Canonical filter name; `Unknown` only with `includeUnknown`. */
  filter: string;
  exposureSeconds: number;
  subs: number;
  totalSeconds: number;
}

export interface ExposureTotal {
  exposureSeconds: number;
  subs: number;
  totalSeconds: number;
}

/** The plan for one filter that has an allocation. */
export interface FilterPlan {
  filter: string;
  allocationPercent: number;
  /** Target including the rejection buffer, whole seconds. */
  targetSeconds: number;
  integratedSeconds: number;
  remainingSeconds: number;
  /** Exposure length the remaining subs are counted in: the filter's most used one. Null when the filter has no frames yet. */
  subExposureSeconds: number | null;
  /** Subs still to shoot, rounded up. Null when `subExposureSeconds` is null. */
  remainingSubs: number | null;
}

export interface Plan {
  targetHours: number;
  rejectionBufferPercent: number;
  /** Target hours plus the buffer, in seconds. */
  captureSeconds: number;
  allocationPercentTotal: number;
  /** What is still to shoot: the sum over allocated filters, or target minus all integration when there is no allocation. */
  remainingSeconds: number;
  filters: FilterPlan[];
}

export interface SkipSummary {
  code: SkipCode;
  /** What the files of this group have in common. */
  reason: string;
  count: number;
  /** The first few paths (relative to the scanned folder), with the file's own problem where it has one. */
  examples: string[];
}

export type WarningCode =
  | 'unknown-filter'
  | 'no-filter-named'
  | 'no-exposure'
  | 'allocation-over-100'
  | 'unreadable-folder'
  | 'skipped-files'
  | 'plugin-failed'
  | 'header-name-disagreement'
  | 'header-problems'
  | 'night-from-utc'
  | 'duplicate-frames'
  | 'rejected-lights'
  | 'target-not-found'
  | 'old-flats';

export interface ReportWarning {
  code: WarningCode;
  message: string;
  count?: number;
  examples?: string[];
}

export interface FrameCounts {
  /** Frame files found (all kinds). */
  files: number;
  /** Files no parser recognised. */
  skipped: number;
  byKind: Record<FrameKind, number>;
  /** Lights counted in the rows. */
  counted: number;
  /** Lights whose filter is unknown (counted only with includeUnknown). */
  unknownFilter: number;
  /** Lights with no exposure time. */
  noExposure: number;
  /** Lights of other targets, left out by `--target`. */
  otherTargets: number;
  /** Frames in reject folders, not counted (lights among them: `rejected` rows). */
  rejected: number;
  /** Frames counted once though found several times (hard links, copies). */
  duplicates: number;
}

/** A frame found again, and left out: the same file by another path, or a copy of it. */
export interface DuplicateFrame {
  relativePath: string;
  /** The frame counted in its place. */
  sameAs: string;
  how: 'same file' | 'copy';
}

/**
 * A plugin's part of the report (the flat recommendations, …). Reporters render the ids they know;
 * the `json` reporter passes every section through.
 */
export interface ReportSection<T = unknown> {
  /** Stable id, e.g. `flats`. */
  id: string;
  /** The plugin that made it. */
  plugin: string;
  title: string;
  data: T;
}

/**
 * Lights of one night × target × filter × exposure × gain × binning × sensor temperature (rounded to
 * whole °C): the finest grouping, one AstroBin CSV row each.
 */
export interface NightRow {
  /** `YYYY-MM-DD`, the local date 12 h before capture; null when unknown. */
  night: string | null;
  target: string | null;
  filter: string;
  exposureSeconds: number;
  gain: number | null;
  binning: string | null;
  sensorTemperature: number | null;
  subs: number;
  totalSeconds: number;
  /** Means over the row's frames that have them (AstroBin's fNumber, temperature, meanSqm). */
  focalRatio?: number | null;
  ambientTemperature?: number | null;
  skyQuality?: number | null;
}

/** One target's integration. */
export interface TargetSummary {
  /** Null for lights with no target; else the name shown for all its spellings (`M31`). */
  target: string | null;
  /** The names its frames were written as, when more than the one shown (`M 31`, `NGC 224`). */
  names?: string[];
  subs: number;
  totalSeconds: number;
  /** Distinct nights with lights of it. */
  nights: number;
  firstNight: string | null;
  lastNight: string | null;
  /** Its lights per filter × exposure, in filter order. */
  rows: ExposureRow[];
}

/** Calibration frames that share kind, night, filter, exposure, gain and binning. */
export interface CalibrationGroup {
  kind: Exclude<FrameKind, 'light'>;
  night: string | null;
  filter: string | null;
  exposureSeconds: number | null;
  gain: number | null;
  binning: string | null;
  /** Whole degrees; null when unknown. Darks match lights by it. */
  sensorTemperature?: number | null;
  count: number;
}

export interface ExposureReport {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  root: string;
  rig: string | null;
  sortedBy: SortKey;
  /** Canonical filter order of the rig, for reporters that sort. */
  filterOrder: string[];
  frames: FrameCounts;
  rows: ExposureRow[];
  /** Lights in reject folders per filter × exposure: not in `rows` nor any total. */
  rejected: ExposureRow[];
  /** Frames left out as found already (the first 100; `frames.duplicates` counts them all). */
  duplicates: DuplicateFrame[];
  totalsByExposure: ExposureTotal[];
  totalSeconds: number;
  totalSubs: number;
  plan: Plan | null;
  skipped: SkipSummary[];
  warnings: ReportWarning[];
  /** What plugins added, in the order they were set up. */
  sections: ReportSection[];
  /** The `--target` the lights were narrowed to, or null for all. */
  target: string | null;
  /** Integration per target, most first. */
  targets: TargetSummary[];
  /** Lights per night and setup, by night. */
  nights: NightRow[];
  /** Calibration frames (flats, darks, bias, dark flats) by kind and setup. */
  calibration: CalibrationGroup[];
}
