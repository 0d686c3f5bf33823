/**
 * Which flats cover which lights of one filter, what is left uncovered, and the fewest new flats
 * that would cover it. The status always follows from the coverage: the toolkit once showed
 * "✓ Have" next to an uncovered range (docs/toolkit-differences.md).
 */
import { withinTolerance } from '../angular-distance.js';
import { normaliseAngle, signedTurn, spanOf, type Arc } from './arc.js';
import { fewestFlats } from './fewest-flats.js';

export interface OwnedFlat {
  angle: number;
  /** `YYYY-MM-DD`. */
  date: string;
  old: boolean;
}

export type CoverageStatus = 'have-all' | 'need-some' | 'need-all' | 'no-angles';

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
  /** Lights with no angle in their header or name: never matched, always reported. */
  framesWithoutAngle: number;
  owned: OwnedFlat[];
  /** Whole-degree angles to shoot, the fewest that cover every uncovered light. */
  needed: number[];
  status: CoverageStatus;
  /** Owned flats with the lights each covers (nearest flat wins), then the flats to shoot. */
  groups: CoverageGroup[];
  coveredFrames: number;
  uncoveredFrames: number;
}

export interface CoverageOptions {
  /** Degrees either side of a flat's angle that it still calibrates. */
  tolerance: number;
  /** Whether flats past the age limit still count (they are listed as old either way). */
  oldFlatsCover: boolean;
  /** Where new flats may be placed: multiples of this (default 1°). */
  step?: number;
}

export function filterCoverage(
  lightAngles: readonly (number | null)[],
  owned: readonly OwnedFlat[],
  options: CoverageOptions,
): FilterCoverage {
  const angles = lightAngles.filter((angle): angle is number => angle !== null);
  const usable = owned.filter((flat) => options.oldFlatsCover || !flat.old);
  const byFlat = new Map<number, number[]>();
  const uncovered: number[] = [];
  for (const light of angles) {
    const flat = nearestCovering(light, usable, options.tolerance);
    if (flat === null) uncovered.push(light);
    else if (byFlat.has(flat)) byFlat.get(flat)!.push(light);
    else byFlat.set(flat, [light]);
  }
  const newFlats = fewestFlats(uncovered, options.tolerance, options.step ?? 1);
  const groups: CoverageGroup[] = [
    ...[...byFlat].sort(([a], [b]) => a - b).map(([flat, lights]) => group(flat, true, lights)),
    ...newFlats.map((flat) => group(flat.angle, false, flat.lights)),
  ];
  const span = spanOf(angles);
  return {
    detected: span && {
      ...span,
      angles: new Set(angles.map(normaliseAngle)).size,
      frames: angles.length,
    },
    framesWithoutAngle: lightAngles.length - angles.length,
    owned: [...owned].sort((a, b) => a.angle - b.angle),
    needed: newFlats.map((flat) => flat.angle).sort((a, b) => a - b),
    status: statusOf(angles.length, uncovered.length),
    groups,
    coveredFrames: angles.length - uncovered.length,
    uncoveredFrames: uncovered.length,
  };
}

function statusOf(lights: number, uncovered: number): CoverageStatus {
  if (lights === 0) return 'no-angles';
  if (uncovered === 0) return 'have-all';
  return uncovered === lights ? 'need-all' : 'need-some';
}

/** The flat nearest the light within tolerance; on a tie, the lower angle. */
function nearestCovering(
  light: number,
  flats: readonly OwnedFlat[],
  tolerance: number,
): number | null {
  let best: number | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const { angle } of flats) {
    if (!withinTolerance(light, angle, tolerance)) continue;
    const distance = Math.abs(signedTurn(angle, light));
    if (distance < bestDistance || (distance === bestDistance && angle < best!)) {
      best = angle;
      bestDistance = distance;
    }
  }
  return best;
}

/** The lights around a flat as an arc: offsets from the flat never exceed the tolerance, so no wrap confusion. */
function group(flat: number, owned: boolean, lights: readonly number[]): CoverageGroup {
  const turns = lights.map((light) => signedTurn(flat, light));
  return {
    flat,
    owned,
    lights: {
      from: normaliseAngle(flat + Math.min(...turns)),
      to: normaliseAngle(flat + Math.max(...turns)),
    },
    frames: lights.length,
  };
}
