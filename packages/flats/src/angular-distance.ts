/** Distance between two rotator angles on the circle: 359.6° and 0.3° are 0.7° apart. */
export function angularDistance(a: number, b: number): number {
  const difference = Math.abs((((a - b) % 360) + 360) % 360);
  return Math.min(difference, 360 - difference);
}

/** Whether a flat taken at `flat` degrees calibrates a light at `light` degrees. */
export function withinTolerance(light: number, flat: number, toleranceDegrees: number): boolean {
  // A hair of slack so 72.5° is within 2.5° of 70° despite binary floating point.
  return angularDistance(light, flat) <= toleranceDegrees + 1e-9;
}
