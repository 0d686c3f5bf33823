import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withinTolerance } from '../angular-distance.js';
import { fewestFlats } from './fewest-flats.js';

/** The smallest number of whole-degree flats covering every angle, by exhaustive search. */
function bruteForceMinimum(angles: readonly number[], tolerance: number): number {
  const candidates = (angle: number) =>
    Array.from({ length: 360 }, (_, degree) => degree).filter((degree) =>
      withinTolerance(angle, degree, tolerance),
    );
  const coverable = (chosen: number[], budget: number): boolean => {
    const open = angles.find((angle) => !chosen.some((f) => withinTolerance(angle, f, tolerance)));
    if (open === undefined) return true;
    if (budget === 0) return false;
    return candidates(open).some((flat) => coverable([...chosen, flat], budget - 1));
  };
  for (let size = 0; ; size++) if (coverable([], size)) return size;
}

const covers = (flats: { angle: number }[], angle: number, tolerance: number) =>
  flats.some((flat) => withinTolerance(angle, flat.angle, tolerance));

describe('fewestFlats', () => {
  it('is as small as brute force finds, and covers every light, on random cases', () => {
    // Angles cluster near a few centres, the way a rotator is used; some straddle 0°.
    const light = fc
      .tuple(fc.constantFrom(0, 3, 70, 180, 358), fc.double({ min: -12, max: 12, noNaN: true }))
      .map(([centre, offset]) => (centre + offset + 360) % 360);
    fc.assert(
      fc.property(
        fc.array(light, { minLength: 1, maxLength: 6 }),
        fc.constantFrom(0.5, 1, 2.5, 4),
        (angles, tolerance) => {
          const flats = fewestFlats(angles, tolerance);
          for (const angle of angles) expect(covers(flats, angle, tolerance)).toBe(true);
          for (const flat of flats) {
            expect(Number.isInteger(flat.angle)).toBe(true);
            expect(flat.angle).toBeGreaterThanOrEqual(0);
            expect(flat.angle).toBeLessThan(360);
          }
          expect(flats.length).toBe(bruteForceMinimum(angles, tolerance));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('puts one flat in the middle of lights that one flat can cover', () => {
    expect(fewestFlats([70.4, 71.1, 72.5], 2.5)).toEqual([
      { angle: 71, lights: [70.4, 71.1, 72.5] },
    ]);
    // 72.6–73.0 uncovered: one flat, at the whole degree nearest their middle.
    expect(fewestFlats([72.6, 72.8, 73.0], 2.5).map((f) => f.angle)).toEqual([73]);
  });

  it('covers across 0°: 359.6° and 0.3° are 0.7° apart', () => {
    const flats = fewestFlats([359.6, 0.3], 2.5);
    expect(flats).toHaveLength(1);
    expect(flats[0]!.angle).toBe(0);
  });

  it('treats 0° and 180° as different', () => {
    expect(fewestFlats([0, 180], 2.5).map((f) => f.angle)).toEqual([0, 180]);
  });

  it('needs two flats for lights 6° apart at ±2.5°, and one at ±3°', () => {
    expect(fewestFlats([10, 16], 2.5)).toHaveLength(2);
    expect(fewestFlats([10, 16], 3).map((f) => f.angle)).toEqual([13]);
  });

  it('says why when no whole degree is close enough', () => {
    expect(() => fewestFlats([10.5], 0.25)).toThrow(/at least half the step/);
  });

  it('gives nothing for no lights', () => {
    expect(fewestFlats([], 2.5)).toEqual([]);
  });
});
