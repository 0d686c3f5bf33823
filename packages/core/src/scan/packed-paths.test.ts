import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PackedPaths } from './packed-paths.js';

const folder = fc.constantFrom('', 'M31/', 'M31/2025-09-14/LIGHT/', 'Nuit d’été/Ha/', 'ø/ß/', '☾/');
const name = fc.stringMatching(/^[\w .\-é☾]{0,40}\.fits$/);
/** Runs of frames in one folder, as a walk gives them: long enough to fill blocks of 256. */
const run = fc.tuple(folder, fc.array(name, { minLength: 1, maxLength: 700, size: 'max' }));

describe('PackedPaths', () => {
  // fast-check prints the seed and the failing case when it fails; not shrunk (`endOnFailure`):
  // shrinking thousands of paths takes minutes.
  it('gives back every path added, raw and deflated, while adding and after', () => {
    fc.assert(
      fc.property(
        fc.array(run, { minLength: 1, maxLength: 8, size: 'max' }),
        fc.integer({ min: 0, max: 1500 }),
        fc.array(fc.nat(), { maxLength: 50 }),
        (runs, deflateFrom, probes) => {
          const list = new PackedPaths(deflateFrom);
          const added: string[] = [];
          for (const [dir, names] of runs) {
            for (const file of names) {
              expect(list.add(dir + file)).toBe(added.length);
              added.push(dir + file);
              // Read back while the block is still open, and an older (closed) one.
              expect(list.get(added.length - 1)).toBe(dir + file);
              const older = probes.length ? probes[added.length % probes.length]! : 0;
              expect(list.get(older % added.length)).toBe(added[older % added.length]);
            }
          }
          expect(list.length).toBe(added.length);
          expect(Array.from({ length: added.length }, (_, i) => list.get(i))).toEqual(added);
        },
      ),
      { numRuns: 60, endOnFailure: true },
    );
  }, 60_000);

  it('keeps a block larger than a chunk, and the blocks after it', () => {
    const list = new PackedPaths(0);
    // Random text does not deflate: 256 paths of 6,000 characters are a block of about 1.5 MB.
    const long = Array.from({ length: 300 }, () => randomBytes(3000).toString('hex'));
    for (const path of long) list.add(path);
    expect(list.get(0)).toBe(long[0]);
    expect(list.get(255)).toBe(long[255]);
    expect(list.get(299)).toBe(long[299]);
    list.add('after/a.fits');
    for (let i = 0; i < 300; i++) list.add(`after/${i}.fits`);
    expect(list.get(300)).toBe('after/a.fits');
    expect(list.get(600)).toBe('after/299.fits');
    expect(list.get(100)).toBe(long[100]);
  });

  it('deflates frame paths to under a quarter, and only from the size it was given', () => {
    const path = (i: number) =>
      `M ${i % 7}/2024-0${1 + (i % 9)}-1${i % 10}/LIGHT/2024-02-22_${String(i % 24).padStart(2, '0')}-${String(i % 60).padStart(2, '0')}-36_Ha_${(i % 400) / 100}_300.00s_${String(i).padStart(4, '0')}.fits`;
    const bytesHeld = (list: PackedPaths) =>
      (list as unknown as { sizes: number[] }).sizes.reduce((sum, size) => sum + size, 0);
    const deflated = new PackedPaths(0);
    const raw = new PackedPaths(1_000_000);
    let bytes = 0;
    for (let i = 0; i < 51_200; i++) {
      bytes += Buffer.byteLength(path(i)) + 1;
      deflated.add(path(i));
      raw.add(path(i));
    }
    expect(bytesHeld(raw)).toBe(bytes - 200);
    expect(bytesHeld(deflated)).toBeLessThan(bytes / 4);
    for (let i = 0; i < 51_200; i += 997) expect(deflated.get(i)).toBe(path(i));
  });

  it('refuses a path holding NUL and an index it does not have', () => {
    const list = new PackedPaths();
    expect(() => list.add('a\0b.fits')).toThrow(RangeError);
    list.add('a.fits');
    expect(() => list.get(1)).toThrow(/no path 1 in a list of 1/);
    expect(() => list.get(-1)).toThrow(RangeError);
  });
});
