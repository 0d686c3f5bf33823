import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DuplicateFinder } from './duplicate-frames.js';

/** What the finder must answer: the first path seen with each key. */
function model(steps: readonly (readonly [string, string])[]): (string | null)[] {
  const first = new Map<string, string>();
  return steps.map(([path, key]) => {
    const seen = first.get(key);
    if (seen !== undefined) return seen;
    first.set(key, path);
    return null;
  });
}

const folder = fc.constantFrom('', 'M31/', 'M31/2025-09-14/LIGHT/', 'Nuit d’été/Ha/', 'ø/ß/');
const name = fc.stringMatching(/^[\w .\-é☾]{1,40}\.fits$/);

describe('DuplicateFinder', () => {
  // fast-check prints the seed and the smallest failing sequence when it fails.
  it('answers as a map of first paths does, through many growths, for any folder and name', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.tuple(folder, name), fc.integer({ min: 0, max: 3000 })), {
          minLength: 1,
          maxLength: 6000,
          size: 'max',
        }),
        (raw) => {
          const steps = raw.map(([[f, n], key]) => [f + n, `key-${key}`] as const);
          const finder = new DuplicateFinder();
          const answers = steps.map(([path, key]) => finder.firstWith(path, key));
          expect(answers).toEqual(model(steps));
        },
      ),
      { numRuns: 30 },
    );
  }, 60_000);

  it('keeps 200,000 frames, every one found again by its key', () => {
    const finder = new DuplicateFinder();
    const path = (i: number) => `Target ${i % 50}/night-${i % 365}/LIGHT/frame_${i}_L_300s.fits`;
    let found = 0;
    for (let i = 0; i < 200_000; i++) if (finder.firstWith(path(i), `k${i}`) !== null) found++;
    expect(found).toBe(0);
    for (let i = 0; i < 200_000; i += 997)
      expect(finder.firstWith(`copy/${i}`, `k${i}`)).toBe(path(i));
  }, 60_000);
});
