/**
 * The bounds of numeric settings, one place for the config schema and the command-line options,
 * so the command line never accepts what the config refuses.
 */
export const SETTING_BOUNDS = {
  /** Degrees either side of a flat's angle (flats.tolerance, organize.tolerance, --tolerance). */
  tolerance: { min: 0.5, max: 90 },
  /** Degrees a learned flat set's angle is rounded to: finer than 0.001° no rotator holds. */
  anglePrecision: { min: 0.001, max: 10 },
  /** Hours of integration wanted per target (plan.targetHours, --target-hours). */
  targetHours: { min: 0.01, max: 100_000 },
  /** Percent added to the target for frames that will be rejected (plan.rejectionBuffer, --buffer). */
  rejectionBuffer: { min: 0, max: 1000 },
  /** Days after which a flat is old (flats.maxAgeDays, flats list --max-age). */
  maxAgeDays: { min: 0.01, max: 36_500 },
  /** Milliseconds `watch` waits after the last change (--quiet-ms). */
  quietMs: { min: 0, max: 600_000 },
} as const;
