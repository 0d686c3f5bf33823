/**
 * Which flats cover which lights of one filter, what is left uncovered, and the fewest new flats
 * that would cover it. The status always follows from the coverage: the toolkit once showed
 * "✓ Have" next to an uncovered range (docs/toolkit-differences.md).
 *
 * Lights without an angle (a camera without a rotator) are calibrated by flats without an angle of
 * the same filter and binning, the newest usable one; flats with an angle never cover them, nor do
 * flats without an angle cover lights with one (the camera's angle then is unknown).
 */
import { withinTolerance } from '../angular-distance.js';
import type {
  CoverageGroup,
  CoverageStatus,
  FilterCoverage,
  OwnedFlat,
} from '@astrotrack/core/internal';
import { normaliseAngle, signedTurn, spanOf } from './arc.js';

export type {
  CoverageGroup,
  CoverageStatus,
  FilterCoverage,
  FixedCameraCoverage,
  OwnedFlat,
} from '@astrotrack/core/internal';
import { fewestFlats } from './fewest-flats.js';

export interface CoverageOptions {
  /** Degrees either side of a flat's angle that it still calibrates. */
  tolerance: number;
  /** Whether flats past the age limit still count (they are listed as old either way). */
  oldFlatsCover: boolean;
  /** Where new flats may be placed: multiples of this (default 1°). */
  step?: number;
}

/** Lights' angles (null: none) with how many lights are at each. */
export type LightAngles = ReadonlyMap<number | null, number>;

/** The lights by their angles: one angle per light, or each distinct angle with its count. */
export function filterCoverage(
  lights: readonly (number | null)[] | LightAngles,
  owned: readonly OwnedFlat[],
  options: CoverageOptions,
): FilterCoverage {
  // Lights at the same angle are interchangeable: each distinct angle is matched once, with its count.
  const counts = new Map<number, number>();
  let withAngle = 0;
  let total = 0;
  const count = (angle: number | null, frames: number) => {
    total += frames;
    if (angle === null) return;
    withAngle += frames;
    const key = normaliseAngle(angle);
    counts.set(key, (counts.get(key) ?? 0) + frames);
  };
  if (Array.isArray(lights)) for (const angle of lights) count(angle, 1);
  else for (const [angle, frames] of lights as LightAngles) count(angle, frames);
  const usable = owned.filter((flat) => options.oldFlatsCover || !flat.old);
  const angled = usable.filter(
    (flat): flat is OwnedFlat & { angle: number } => flat.angle !== null,
  );
  const byFlat = new Map<number, number[]>();
  const uncovered: number[] = [];
  let uncoveredFrames = 0;
  for (const [light, count] of counts) {
    const flat = nearestCovering(light, angled, options.tolerance);
    if (flat === null) {
      uncovered.push(light);
      uncoveredFrames += count;
    } else if (byFlat.has(flat)) byFlat.get(flat)!.push(light);
    else byFlat.set(flat, [light]);
  }
  const newFlats = fewestFlats(uncovered, options.tolerance, options.step ?? 1);
  const framesAt = (angles: readonly number[]) =>
    angles.reduce((sum, angle) => sum + counts.get(angle)!, 0);
  const groups: CoverageGroup[] = [
    ...[...byFlat]
      .sort(([a], [b]) => a - b)
      .map(([flat, lights]) => group(flat, true, lights, framesAt(lights))),
    ...newFlats.map((flat) => group(flat.angle, false, flat.lights, framesAt(flat.lights))),
  ];
  const distinct = [...counts.keys()];
  const span = spanOf(distinct);
  const framesWithoutAngle = total - withAngle;
  const withoutAngle =
    framesWithoutAngle === 0
      ? null
      : { frames: framesWithoutAngle, flat: newest(usable.filter((flat) => flat.angle === null)) };
  const uncoveredFixed = withoutAngle && !withoutAngle.flat ? framesWithoutAngle : 0;
  return {
    detected: span && {
      ...span,
      angles: distinct.length,
      frames: withAngle,
    },
    framesWithoutAngle,
    withoutAngle,
    owned: [...owned].sort((a, b) => (a.angle ?? -1) - (b.angle ?? -1)),
    needed: newFlats.map((flat) => flat.angle).sort((a, b) => a - b),
    status: statusOf(total, uncoveredFrames + uncoveredFixed),
    groups,
    coveredFrames: total - uncoveredFrames - uncoveredFixed,
    uncoveredFrames: uncoveredFrames + uncoveredFixed,
  };
}

/** The most recent flat (the latest date; the first listed on a tie), or null. */
function newest(flats: readonly OwnedFlat[]): OwnedFlat | null {
  let best: OwnedFlat | null = null;
  for (const flat of flats) if (!best || flat.date > best.date) best = flat;
  return best;
}

function statusOf(lights: number, uncovered: number): CoverageStatus {
  if (uncovered === 0) return 'have-all';
  return uncovered === lights ? 'need-all' : 'need-some';
}

/** The flat nearest the light within tolerance; on a tie, the lower angle. */
function nearestCovering(
  light: number,
  flats: readonly (OwnedFlat & { angle: number })[],
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
function group(
  flat: number,
  owned: boolean,
  lights: readonly number[],
  frames: number,
): CoverageGroup {
  let lowest = Number.POSITIVE_INFINITY;
  let highest = Number.NEGATIVE_INFINITY;
  let from = flat;
  let to = flat;
  for (const light of lights) {
    const turn = signedTurn(flat, light);
    // The lights' own angles, not the flat's plus a turn: 45 − 0.1 is 44.89999999999998.
    if (turn < lowest) [lowest, from] = [turn, light];
    if (turn > highest) [highest, to] = [turn, light];
  }
  return {
    flat,
    owned,
    lights: { from: normaliseAngle(from), to: normaliseAngle(to) },
    frames,
  };
}
