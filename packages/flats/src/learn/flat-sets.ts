/**
 * Flat frames found on disk → flat sets for the library: one per filter, binning, angle (rounded to
 * the configured precision) and night. A flat without an angle (a camera without a rotator) is a
 * set without one: it calibrates the lights without an angle. What every frame of a set agrees on
 * (camera, exposure, gain, offset) is kept with it, for the flats' own calibration.
 */
import type { Frame } from '@astrotrack/core';
import { normaliseAngle } from '../coverage/arc.js';
import { FLAT_SETUP_FIELDS, type FlatRecord } from '../library/flat-library.js';

export interface FlatSetsResult {
  sets: FlatRecord[];
  /** Flat frames that could not be recorded, and why. */
  withoutFilter: string[];
  withoutDate: string[];
}

export function flatSets(flats: readonly Frame[], precision: number): FlatSetsResult {
  const sets = new Map<string, FlatRecord>();
  const result: FlatSetsResult = { sets: [], withoutFilter: [], withoutDate: [] };
  for (const frame of flats) {
    if (frame.filter === null) result.withoutFilter.push(frame.relativePath);
    else if (frame.night === null) result.withoutDate.push(frame.relativePath);
    else {
      const angle =
        frame.rotatorAngle === null ? undefined : roundTo(frame.rotatorAngle, precision);
      const key = [frame.filter, frame.binning ?? '', angle ?? 'none', frame.night].join('|');
      const set = sets.get(key);
      if (set) {
        set.frames = (set.frames ?? 0) + 1;
        // A fact the frames disagree on is not the set's.
        for (const field of FLAT_SETUP_FIELDS) if (set[field] !== frame[field]) delete set[field];
      } else {
        sets.set(key, {
          filter: frame.filter,
          ...(angle === undefined ? {} : { angle }),
          date: frame.night,
          ...(frame.binning ? { binning: frame.binning } : {}),
          source: 'learned',
          frames: 1,
          ...setupOf(frame),
        });
      }
    }
  }
  result.sets = [...sets.values()];
  return result;
}

function setupOf(frame: Frame): Partial<FlatRecord> {
  const setup: Partial<FlatRecord> = {};
  if (frame.camera !== null) setup.camera = frame.camera;
  if (frame.exposureSeconds !== null) setup.exposureSeconds = frame.exposureSeconds;
  if (frame.gain !== null) setup.gain = frame.gain;
  if (frame.offset !== null) setup.offset = frame.offset;
  return setup;
}

/** 69.64 at 0.1 → 69.6, without 69.60000000000001. */
export function roundTo(angle: number, precision: number): number {
  const decimals = Math.max(0, Math.ceil(-Math.log10(precision) - 1e-9));
  return normaliseAngle(Number((Math.round(angle / precision) * precision).toFixed(decimals)));
}
