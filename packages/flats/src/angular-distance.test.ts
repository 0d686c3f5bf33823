import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { angularDistance, withinTolerance } from './angular-distance.js';

describe('angularDistance', () => {
  it.each([
    [359.6, 0.3, 0.7],
    [0, 180, 180],
    [10, 350, 20],
    [72.5, 70, 2.5],
    [-10, 10, 20],
    [720, 0, 0],
  ])('%d° and %d° are %d° apart', (a, b, expected) => {
    expect(angularDistance(a, b)).toBeCloseTo(expected, 9);
  });

  it('is symmetric and never more than 180°', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -720, max: 720, noNaN: true }),
        fc.double({ min: -720, max: 720, noNaN: true }),
        (a, b) => {
          const d = angularDistance(a, b);
          expect(d).toBeGreaterThanOrEqual(0);
          expect(d).toBeLessThanOrEqual(180);
          expect(angularDistance(b, a)).toBeCloseTo(d, 6);
        },
      ),
    );
  });
});

describe('withinTolerance', () => {
  it('includes the edge despite floating point, and wraps around', () => {
    expect(withinTolerance(72.5, 70, 2.5)).toBe(true);
    expect(withinTolerance(72.51, 70, 2.5)).toBe(false);
    expect(withinTolerance(0.3, 359.6, 2.5)).toBe(true);
    expect(withinTolerance(0, 180, 2.5)).toBe(false);
  });
});
