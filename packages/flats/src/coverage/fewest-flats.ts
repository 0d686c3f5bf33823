/**
 * The fewest flats, at whole multiples of `step` degrees, that cover every given light angle within
 * the tolerance, on the circle. Each flat is then placed as near the middle of the lights it covers
 * as the step allows.
 *
 * Each light accepts the flat positions in a window [lo, hi] (in steps). Choosing the fewest
 * positions that hit every window is interval stabbing: on a line, sweeping the windows by their
 * right end and placing a flat at the right end of the first window not yet hit is optimal. On the
 * circle the sweep is run from every starting window and the best kept (fewest-flats.test.ts
 * checks it against brute force).
 */
import { normaliseAngle } from './arc.js';

export interface NewFlat {
  /** Where to shoot it, in [0, 360). */
  angle: number;
  /** The lights' angles it covers, as given. */
  lights: number[];
}

interface Window {
  lo: number;
  hi: number;
  /** Light angles with this window, in [0, 360). */
  angles: number[];
}

const SLACK = 1e-9;

export function fewestFlats(angles: readonly number[], tolerance: number, step = 1): NewFlat[] {
  if (angles.length === 0) return [];
  const positions = 360 / step;
  if (!Number.isInteger(positions)) throw new RangeError(`step ${step}° does not divide 360°`);
  const windows = windowsOf(angles, tolerance, step);
  let best: Met[][] | null = null;
  for (let start = 0; start < windows.length; start++) {
    const groups = sweep(windows, start, positions);
    if (!best || groups.length < best.length) best = groups;
    if (best.length === 1) break;
  }
  return best!.map((group) => placeFlat(group, step, positions));
}

/** One window per distinct [lo, hi]: lights with the same window are interchangeable. */
function windowsOf(angles: readonly number[], tolerance: number, step: number): Window[] {
  // Keyed by a number: a string key per angle cost more than the sweep (18,000 distinct angles).
  const byWindow = new Map<number, Window>();
  for (const angle of angles) {
    const unit = normaliseAngle(angle) / step;
    const lo = Math.ceil(unit - tolerance / step - SLACK);
    const hi = Math.floor(unit + tolerance / step + SLACK);
    if (lo > hi) {
      throw new RangeError(
        `no multiple of ${step}° is within ${tolerance}° of ${angle}°: the tolerance must be at least half the step`,
      );
    }
    // A window is never a million steps wide: the key is unique.
    const key = lo * 1e6 + (hi - lo);
    const window = byWindow.get(key);
    if (window) window.angles.push(normaliseAngle(angle));
    else byWindow.set(key, { lo, hi, angles: [normaliseAngle(angle)] });
  }
  return [...byWindow.values()].sort((a, b) => a.lo - b.lo || a.hi - b.hi);
}

/** A window as the sweep meets it: `turn` is 1 once the sweep has gone past 360°. */
interface Met {
  window: Window;
  turn: number;
}

/** The line sweep, starting at window `start` and going once round the circle. */
function sweep(windows: readonly Window[], start: number, positions: number): Met[][] {
  const groups: Met[][] = [];
  let flat = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < windows.length; i++) {
    const turn = start + i >= windows.length ? 1 : 0;
    const window = windows[(start + i) % windows.length]!;
    if (window.lo + turn * positions <= flat) groups.at(-1)!.push({ window, turn });
    else {
      flat = window.hi + turn * positions;
      groups.push([{ window, turn }]);
    }
  }
  return groups;
}

/** The position every window of the group accepts that is nearest the middle of its lights. */
function placeFlat(group: readonly Met[], step: number, positions: number): NewFlat {
  const lo = Math.max(...group.map(({ window, turn }) => window.lo + turn * positions));
  const hi = Math.min(...group.map(({ window, turn }) => window.hi + turn * positions));
  const unrolled = group.flatMap(({ window, turn }) => window.angles.map((a) => a + turn * 360));
  const middle = (Math.min(...unrolled) + Math.max(...unrolled)) / 2 / step;
  const position = Math.min(hi, Math.max(lo, Math.round(middle)));
  return {
    angle: normaliseAngle((((position % positions) + positions) % positions) * step),
    lights: group.flatMap(({ window }) => window.angles),
  };
}
