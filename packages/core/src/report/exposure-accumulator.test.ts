import { describe, expect, it } from 'vitest';
import { EMPTY_FRAME_FIELDS, type Frame } from '../frame.js';
import { ExposureAccumulator } from './exposure-accumulator.js';

const frame = (fields: Partial<Frame>): Frame => ({
  ...EMPTY_FRAME_FIELDS,
  path: `/a/${fields.relativePath ?? 'x.fits'}`,
  relativePath: 'x.fits',
  parser: 'test',
  sources: {},
  rig: null,
  ...fields,
});

describe('ExposureAccumulator', () => {
  it('groups lights by filter and exposure, to the millisecond', () => {
    const acc = new ExposureAccumulator(false);
    acc.addFrame(frame({ filter: 'L', exposureSeconds: 300 }));
    acc.addFrame(frame({ filter: 'L', exposureSeconds: 300.0001 }));
    acc.addFrame(frame({ filter: 'L', exposureSeconds: 0.81 }));
    acc.addFrame(frame({ filter: 'L', kind: 'flat', exposureSeconds: 2 }));
    expect(acc.rows()).toEqual([
      { filter: 'L', exposureSeconds: 300, subs: 2, totalSeconds: 600 },
      { filter: 'L', exposureSeconds: 0.81, subs: 1, totalSeconds: 0.81 },
    ]);
    expect(acc.counts().byKind).toEqual({ light: 3, flat: 1, dark: 0, bias: 0, darkflat: 0 });
  });

  it('leaves out unknown filters unless asked, and keeps a few examples of each problem', () => {
    const without = new ExposureAccumulator(false);
    const withUnknown = new ExposureAccumulator(true);
    for (let i = 0; i < 8; i++) {
      for (const acc of [without, withUnknown]) {
        acc.addFrame(frame({ relativePath: `u${i}.fits`, exposureSeconds: 60 }));
        acc.addFrame(frame({ relativePath: `n${i}.fits`, filter: 'L' }));
        acc.addFrame(frame({ relativePath: `z${i}.fits`, filter: 'L', exposureSeconds: 0 }));
      }
    }
    expect(without.rows()).toEqual([]);
    expect(withUnknown.rows()).toEqual([
      { filter: 'Unknown', exposureSeconds: 60, subs: 8, totalSeconds: 480 },
    ]);
    expect(without.unknownFilter).toEqual({
      count: 8,
      examples: ['u0.fits', 'u1.fits', 'u2.fits', 'u3.fits', 'u4.fits'],
    });
    expect(without.noExposure.count).toBe(16);
    expect(without.counts()).toMatchObject({
      files: 24,
      counted: 0,
      unknownFilter: 8,
      noExposure: 16,
    });
  });
});
