/** SGP names from the research notes (§3.1) and SGP's help. */
import { createFilterSet } from '@astrotrack/core';
import { describe, expect, it } from 'vitest';
import { frameFileAt } from '@astrotrack/test-utils/frame-file-at';
import { sgpParser } from './sgp-parser.js';

const filters = createFilterSet();

function parse(path: string, pattern?: string) {
  const parser = sgpParser(pattern === undefined ? {} : { pattern });
  return parser.parse(frameFileAt(path), { filters })?.fields ?? null;
}

describe('sgp parser', () => {
  // Without a pattern: the forms SGP's defaults are seen in, real names from the research notes.
  it.each([
    [
      'HeartAndSoul_Light_Ha_300sec_1x1_frame12.fit',
      {
        target: 'HeartAndSoul',
        kind: 'light',
        filter: 'Ha',
        exposureSeconds: 300,
        frameNumber: 12,
      },
    ],
    [
      'Vega_1sec_1x1__frame6.fit',
      // The suffix (SGP's filter name) is empty: no filter selected, a colour camera's OSC.
      { target: 'Vega', filter: 'OSC', exposureSeconds: 1, binning: '1x1', frameNumber: 6 },
    ],
    [
      'M 42_0.5sec_2x2_L-eXtreme_frame104_-10.0C.fits',
      {
        target: 'M 42',
        filter: 'L-eXtreme',
        exposureSeconds: 0.5,
        binning: '2x2',
        sensorTemperature: -10,
      },
    ],
  ])('reads the default form %s', (name, expected) => {
    expect(parse(name)).toMatchObject(expected);
  });

  it.each([
    '2025-09-14_03-06-28_ALPT_56.26_300.00s_0114.fits',
    'Light_M42_120.0s_Bin1_gain100_20230101-220102_-10.0C_0001.fit',
    'M_31_Light_Ha_300_secs_2023-10-01T22-15-03_001.fits',
    'light_M31_L_120s_001.fits',
  ])('takes no other program’s name for a default one: %s', (name) => {
    expect(parse(name)).toBeNull();
  });

  it('reads the default pattern', () => {
    expect(parse('HeartAndSoul_Light_Ha_300sec_1x1_frame1_-15.1C.fit')).toMatchObject({
      target: 'HeartAndSoul',
      kind: 'light',
      filter: 'Ha',
      exposureSeconds: 300,
      binning: '1x1',
      sensorTemperature: -15.1,
    });
  });

  it("reads the user's pattern, folders included, and the night of %d2", () => {
    expect(
      parse('M51/Light/M51_600_1x1_L_frame1.fit', '%tn\\%ft\\%tn_%es_%bi_%su_%fn'),
    ).toMatchObject({
      target: 'M51',
      kind: 'light',
      exposureSeconds: 600,
      filter: 'L',
    });
    expect(parse('Vega_1sec_1x1__frame6.fit', '%tn_%el_%bi_%su_%fn')).toMatchObject({
      target: 'Vega',
      exposureSeconds: 1,
    });
    expect(parse('09-14-2025_M31_R_120sec.fit', '%d2_%tn_%su_%el')).toMatchObject({
      night: '2025-09-14',
      filter: 'R',
    });
  });

  it.each([
    '2025-09-14_03-06-28_ALPT_56.26_300.00s_0114.fits',
    'Light_Seagull_300.0s_Bin1_H_gain100_0001.fit',
  ])('is not %s', (name) => {
    expect(parse(name)).toBeNull();
  });
});
