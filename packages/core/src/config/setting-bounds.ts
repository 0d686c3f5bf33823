/**
 * The bounds of numeric settings, one place for the config schema and the command-line options,
 * so the command line never accepts what the config refuses.
 */
export const SETTING_BOUNDS = {
  /** Degrees either side of a flat's angle (flats.tolerance, organize.tolerance, --tolerance). */
  tolerance: { min: 0.5, max: 90 },
  /** Degrees a learned flat set's angle is rounded to: finer than 0.001° no rotator holds. */
  anglePrecision: { min: 0.001, max: 10 },
} as const;
