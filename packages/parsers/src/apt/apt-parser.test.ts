/** APT names from users' archives in public code (research notes §4.2 and the apt-parser header). */
import { createFilterSet, type FrameFile } from '@astrotrack/core';
import { describe, expect, it } from 'vitest';
import { aptParser } from './apt-parser.js';

const filters = createFilterSet();
function parse(name: string) {
  const file: FrameFile = { path: `/a/${name}`, relativePath: name, name, folders: ['a'] };
  return aptParser().parse(file, { filters })?.fields ?? null;
}

describe('apt parser', () => {
  it.each([
    [
      'L_2021-05-06_20-13-32_Bin1x1_1s__-10C.fit',
      {
        kind: 'light',
        exposureSeconds: 1,
        binning: '1x1',
        sensorTemperature: -10,
        captureTime: '2021-05-06T20:13:32',
        night: '2021-05-06',
        filter: 'OSC', // the empty field: no filter wheel
      },
    ],
    [
      'Single__2021-11-12_23-03-07_Bin1x1_130s__-15C.fit',
      { kind: 'light', exposureSeconds: 130, sensorTemperature: -15, night: '2021-11-12' },
    ],
    [
      'L_0020_ISO800_240s__18C.fit', // APT writes .CR2 for a DSLR; converted to FITS
      { kind: 'light', frameNumber: 20, gain: 800, exposureSeconds: 240, sensorTemperature: 18 },
    ],
    [
      'L_m42_0164_ISO800_10s__NA.fits',
      { target: 'm42', frameNumber: 164, gain: 800, exposureSeconds: 10 },
    ],
    [
      'L_NGC7000_2023-08-14_23-10-00_Bin2x2_Gain120_300s_Ha_-10C.fit',
      { target: 'NGC7000', binning: '2x2', gain: 120, filter: 'Ha', exposureSeconds: 300 },
    ],
    [
      'D_2021-05-07_05-40-00_Bin1x1_300s__-10C.fit',
      { kind: 'dark', exposureSeconds: 300, night: '2021-05-06' },
    ],
  ])('%s', (name, expected) => {
    const fields = parse(name)!;
    expect(fields).toMatchObject(expected);
    if (fields.kind === 'dark') expect(fields.filter).toBeUndefined();
  });

  it.each([
    'L_M31_120s_001.fits',
    'light_M31_L_120s_001.fits',
    '2025-09-14_03-06-28_ALPT_56.26_300.00s_0114.fits',
    'Light_M42_120.0s_Bin1_gain100_20230101-220102_-10.0C_0001.fit',
    'HeartAndSoul_Light_Ha_300sec_1x1_frame1_-15.1C.fit',
  ])('is not %s', (name) => {
    expect(parse(name)).toBeNull();
  });
});
