/** Angles on the rotator's circle. */

/** Into [0, 360). */
export function normaliseAngle(degrees: number): number {
  const turned = degrees % 360;
  const normalised = turned < 0 ? turned + 360 : turned;
  // Rounding noise: 359.99999999999994 is 0.
  return Math.abs(normalised - 360) < 1e-9 ? 0 : normalised;
}

/** `to − from` folded into (−180, 180]: how far to turn from one angle to the other. */
export function signedTurn(from: number, to: number): number {
  const turn = normaliseAngle(to - from);
  return turn > 180 ? turn - 360 : turn;
}

import type { Arc } from '@astrotrack/core/internal';

export type { Arc };

/**
 * The shortest arc that holds every angle, going up from `from` to `to` (which may pass 0°): the
 * circle minus its widest empty gap.
 */
export function spanOf(angles: readonly number[]): Arc | null {
  if (angles.length === 0) return null;
  const sorted = [...new Set(angles.map(normaliseAngle))].sort((a, b) => a - b);
  let widest = -1;
  let after = 0;
  for (let i = 0; i < sorted.length; i++) {
    const next = i + 1 < sorted.length ? sorted[i + 1]! : sorted[0]! + 360;
    const gap = next - sorted[i]!;
    if (gap > widest) {
      widest = gap;
      after = (i + 1) % sorted.length;
    }
  }
  return { from: sorted[after]!, to: sorted[(after - 1 + sorted.length) % sorted.length]! };
}
