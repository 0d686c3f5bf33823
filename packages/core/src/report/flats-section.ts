/**
 * The flats section of the report: what the flats plugin (`@astrotrack/flats`) fills and every
 * reporter reads. Part of the report's contract, so reporters depend on it, not on the plugin.
 */

export interface Arc {
  from: number;
  to: number;
}

export interface OwnedFlat {
  /** Null for a flat set without an angle (no rotator). */
  angle: number | null;
  /** `YYYY-MM-DD`. */
  date: string;
  old: boolean;
  /** Days from `date` to the report's day, where known. */
  ageDays?: number;
}

export type CoverageStatus = 'have-all' | 'need-some' | 'need-all';

/** The lights without an angle, and the flat without an angle that calibrates them. */
export interface FixedCameraCoverage {
  frames: number;
  /** The newest usable flat set without an angle; null: one is still to shoot. */
  flat: OwnedFlat | null;
}

export interface CoverageGroup {
  /** The flat's angle; for a flat still to shoot, the angle suggested. */
  flat: number;
  /** False for a flat still to shoot (shown `?→…`). */
  owned: boolean;
  /** The lights it covers, as an arc. */
  lights: Arc;
  frames: number;
}

export interface FilterCoverage {
  /** The lights' angles: the shortest arc holding them all, and how many distinct angles and frames. */
  detected: (Arc & { angles: number; frames: number }) | null;
  /** Lights with no angle in their header or name (a fixed camera). */
  framesWithoutAngle: number;
  /** How those are covered; null when every light has an angle. */
  withoutAngle: FixedCameraCoverage | null;
  owned: OwnedFlat[];
  /** Whole-degree angles to shoot, the fewest that cover every uncovered light. */
  needed: number[];
  status: CoverageStatus;
  /** Owned flats with the lights each covers (nearest flat wins), then the flats to shoot. */
  groups: CoverageGroup[];
  coveredFrames: number;
  uncoveredFrames: number;
}

export interface FilterFlats extends FilterCoverage {
  filter: string;
  /** Set when the filter's lights come in more than one binning. */
  binning: string | null;
}

export interface FlatsSection {
  tolerance: number;
  maxAgeDays: number;
  oldFlatsCover: boolean;
  libraryPath: string | null;
  filters: FilterFlats[];
}
