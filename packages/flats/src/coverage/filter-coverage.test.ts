import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { filterCoverage, type OwnedFlat } from './filter-coverage.js';

const flat = (angle: number, old = false): OwnedFlat => ({ angle, date: '2025-09-21', old });
const options = { tolerance: 2.5, oldFlatsCover: true };

describe('filterCoverage', () => {
  it('fixes the toolkit\'s ALPT example: an uncovered range means a flat to shoot, not "✓ Have"', () => {
    const lights = [70.4, 70.9, 71.3, 71.7, 72.0, 72.1, 72.24, 72.41, 72.49, 72.5];
    const coverage = filterCoverage(lights, [flat(69.6), flat(75), flat(128)], options);
    expect(coverage.status).toBe('need-some');
    expect(coverage.detected).toEqual({ from: 70.4, to: 72.5, angles: 10, frames: 10 });
    expect(coverage.needed).toEqual([72]);
    expect(
      coverage.groups.map((g) => [g.flat, g.owned, g.lights.from, g.lights.to, g.frames]),
    ).toEqual([
      [69.6, true, 70.4, 72.1, 6],
      [75, true, 72.5, 72.5, 1],
      [72, false, 72.24, 72.49, 3],
    ]);
    expect(coverage.coveredFrames + coverage.uncoveredFrames).toBe(lights.length);
  });

  it('says have-all only when every light is covered, and need-all when none is', () => {
    expect(filterCoverage([44.9, 45.4], [flat(45)], options).status).toBe('have-all');
    expect(filterCoverage([44.9, 45.4], [flat(90)], options).status).toBe('need-all');
    expect(filterCoverage([44.9, 45.4], [], options).needed).toEqual([45]);
  });

  it("gives a group's lights as the angles they were shot at, not the flat's plus a turn", () => {
    const groups = (lights: number[], flats: OwnedFlat[]) =>
      filterCoverage(lights, flats, options).groups.map((g) => g.lights);
    // 45 − 0.1 in floating point is 44.89999999999998: a report showed that.
    expect(groups([44.9, 45.4], [flat(45)])).toEqual([{ from: 44.9, to: 45.4 }]);
    expect(groups([359.7, 0.3, 1.1], [flat(0.4)])).toEqual([{ from: 359.7, to: 1.1 }]);
  });

  it('matches across 0° and never treats 180° as 0°', () => {
    const across = filterCoverage([359.6, 0.3], [flat(0.5)], options);
    expect(across.status).toBe('have-all');
    expect(across.detected).toMatchObject({ from: 359.6, to: 0.3 });
    expect(filterCoverage([180], [flat(0)], options).status).toBe('need-all');
  });

  it('covers at exactly the tolerance, not a hair beyond', () => {
    expect(filterCoverage([72.5], [flat(70)], options).status).toBe('have-all');
    expect(filterCoverage([72.51], [flat(70)], options).status).toBe('need-all');
  });

  it('lets old flats count, or not, as configured', () => {
    const old = [flat(45, true)];
    expect(filterCoverage([45], old, options).status).toBe('have-all');
    const strict = filterCoverage([45], old, { ...options, oldFlatsCover: false });
    expect(strict.status).toBe('need-all');
    expect(strict.owned).toEqual(old);
  });

  // A fixed camera (no rotator): lights and flats without an angle match by filter (and binning,
  // in the plugin); the newest usable flat without an angle is the one that calibrates them.
  const fixed = (date: string, old = false): OwnedFlat => ({ angle: null, date, old });

  it.each([
    {
      case: 'fixed camera, flat owned',
      lights: [null, null, null],
      owned: [fixed('2025-09-01'), fixed('2025-09-10')],
      status: 'have-all',
      flat: fixed('2025-09-10'),
      uncovered: 0,
    },
    {
      case: 'fixed camera, no flat',
      lights: [null, null],
      owned: [],
      status: 'need-all',
      flat: null,
      uncovered: 2,
    },
    {
      case: 'fixed camera, only flats with an angle',
      lights: [null, null],
      owned: [flat(45)],
      status: 'need-all',
      flat: null,
      uncovered: 2,
    },
    {
      case: 'mixed: lights with an angle covered, lights without not',
      lights: [45, null, null],
      owned: [flat(45)],
      status: 'need-some',
      flat: null,
      uncovered: 2,
    },
    {
      case: 'mixed: both covered',
      lights: [45, null],
      owned: [flat(45), fixed('2025-09-10')],
      status: 'have-all',
      flat: fixed('2025-09-10'),
      uncovered: 0,
    },
    {
      case: 'a flat without an angle never covers lights with one',
      lights: [45, 46],
      owned: [fixed('2025-09-10')],
      status: 'need-all',
      flat: undefined,
      uncovered: 2,
    },
  ])('$case', ({ lights, owned, status, flat: expected, uncovered }) => {
    const coverage = filterCoverage(lights, owned, options);
    expect(coverage.status).toBe(status);
    expect(coverage.uncoveredFrames).toBe(uncovered);
    expect(coverage.coveredFrames + coverage.uncoveredFrames).toBe(lights.length);
    expect(coverage.framesWithoutAngle).toBe(lights.filter((angle) => angle === null).length);
    if (expected !== undefined) expect(coverage.withoutAngle?.flat ?? null).toEqual(expected);
    else expect(coverage.withoutAngle).toBeNull();
  });

  it('lets an old flat without an angle cover only while old flats count', () => {
    const owned = [fixed('2025-01-01', true)];
    expect(filterCoverage([null], owned, options).status).toBe('have-all');
    expect(filterCoverage([null], owned, { ...options, oldFlatsCover: false }).status).toBe(
      'need-all',
    );
  });

  it('says the same of the lights one angle each as of their distinct angles with counts', () => {
    // Angles from a few whole degrees apart to wrapped and negative ones, some lights with none.
    const angle = fc.oneof(
      fc.constant(null),
      fc.integer({ min: -7200, max: 72_000 }).map((hundredths) => hundredths / 100),
      fc.constantFrom(0, 359.99, 360, 45, 45.01),
    );
    const owned = fc.array(
      fc.record({
        angle: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 359 })),
        date: fc.constantFrom('2025-09-21', '2025-10-01'),
        old: fc.boolean(),
      }),
      { maxLength: 4 },
    );
    fc.assert(
      fc.property(fc.array(angle, { maxLength: 60 }), owned, (lights, flats) => {
        const counts = new Map<number | null, number>();
        for (const light of lights) counts.set(light, (counts.get(light) ?? 0) + 1);
        expect(filterCoverage(counts, flats, options)).toEqual(
          filterCoverage(lights, flats, options),
        );
      }),
      { numRuns: 300 },
    );
  });
});
