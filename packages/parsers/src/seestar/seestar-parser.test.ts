/** Seestar names from the research notes (§4.6). */
import { createFilterSet, type FrameFile } from '@astrotrack/core';
import { describe, expect, it } from 'vitest';
import { seestarParser } from './seestar-parser.js';

const filters = createFilterSet();
const parse = (name: string) => {
  const file: FrameFile = { path: `/s/${name}`, relativePath: name, name, folders: ['s'] };
  return seestarParser().parse(file, { filters })?.fields ?? null;
};

describe('seestar parser', () => {
  it.each([
    [
      'Light_M33_10.0s_IRCUT_20231221-211630.fit',
      {
        target: 'M33',
        exposureSeconds: 10,
        filter: 'IRCUT',
        night: '2023-12-21',
        captureTime: '2023-12-21T21:16:30',
      },
    ],
    [
      'Light_SH2-108_10.0s_LP_20260921-221941.fit',
      { target: 'SH2-108', filter: 'LP', night: '2026-09-21' },
    ],
    [
      'Light_M 101_20.0s_IRCUT_20260101-013000.fit',
      { target: 'M 101', exposureSeconds: 20, night: '2025-12-31' },
    ],
    ['Light_mosaic_NGC 7000_10.0s_LP_20250801-230000.fit', { target: 'NGC 7000' }],
  ])('%s', (name, expected) => {
    expect(parse(name)).toMatchObject({ kind: 'light', ...expected });
  });

  it('gives an unknown target no name', () => {
    expect(parse('Light_Unknown_10.0s_IRCUT_20231221-211630.fit')).not.toHaveProperty('target');
  });

  it.each([
    'Stacked_120_M33_10.0s_IRCUT_20231221-211630.fit',
    'Light_Seagull_300.0s_Bin1_H_gain100_0001.fit',
    '2025-09-14_03-06-28_ALPT_56.26_300.00s_0114.fits',
  ])('is not %s', (name) => {
    expect(parse(name)).toBeNull();
  });
});
