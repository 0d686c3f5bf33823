/** ASIAIR names from the research notes (§2.2), every generation; each row says what must be read. */
import { createFilterSet, type FrameFile } from '@astrotrack/core';
import { describe, expect, it } from 'vitest';
import { asiairParser } from './asiair-parser.js';

const filters = createFilterSet({ extra: ['L-Extreme'] });

function parse(name: string) {
  const file: FrameFile = { path: `/a/${name}`, relativePath: name, name, folders: ['a'] };
  return asiairParser().parse(file, { filters })?.fields ?? null;
}

describe('asiair parser', () => {
  it.each([
    [
      'Light_Seagull_300.0s_Bin1_H_gain100_0001.fit',
      {
        kind: 'light',
        target: 'Seagull',
        exposureSeconds: 300,
        filter: 'Ha',
        gain: 100,
        binning: '1x1',
        frameNumber: 1,
      },
    ],
    [
      'Light_LDN 1093_120.0s_Bin1_H_gain100_20240707-002348_-10.0C_0001.fit',
      {
        target: 'LDN 1093',
        exposureSeconds: 120,
        filter: 'Ha',
        sensorTemperature: -10,
        captureTime: '2024-07-07T00:23:48',
        night: '2024-07-06',
        frameNumber: 1,
      },
    ],
    [
      'Light_M42_1.0s_Bin1_T7_ISO100_20220508-120000_-10.0C_0001.fit',
      { target: 'M42', exposureSeconds: 1, filter: 'T7', frameNumber: 1 },
    ],
    [
      'Light_M 13_300.0s_Bin1_2600MC_gain100_20250611-212845_-10.0C_0001.fit',
      { target: 'M 13', exposureSeconds: 300, gain: 100, frameNumber: 1 },
    ],
    [
      'Light_M 42_300.0s_Bin1_2600MC_gain100_20260411-212434_79deg_-10.0C_0001.fit',
      {
        target: 'M 42',
        rotatorAngle: 79,
        sensorTemperature: -10,
        night: '2026-04-11',
        frameNumber: 1,
      },
    ],
    [
      'Light_T_1.0s_Bin1_ASI294MM_H_gain120_20250101-220000_-5.0C_0007.fit',
      { target: 'T', filter: 'Ha', gain: 120, frameNumber: 7 },
    ],
    [
      'Light_Test_5s_300.0s_Bin1_L_gain100_20250101-220000_-10.0C_0001.fit',
      { target: 'Test_5s', exposureSeconds: 300, filter: 'L', frameNumber: 1 },
    ],
    [
      'Light_91 Piscium_60.0s_Bin2_R_gain0_0012.fit',
      { target: '91 Piscium', binning: '2x2', filter: 'R', gain: 0, frameNumber: 12 },
    ],
    [
      'Flat_810.0ms_Bin1_L_gain100_20240707-060000_-10.0C_0001.fit',
      { kind: 'flat', exposureSeconds: 0.81, filter: 'L', frameNumber: 1 },
    ],
    [
      'Flat_1.0ms_Bin1_2600MC_gain100_0001.fit',
      { kind: 'flat', exposureSeconds: 0.001, frameNumber: 1 },
    ],
    [
      'Dark_300.0s_Bin1_L_gain360_20240707-002348_-10.0C_0001.fit',
      { kind: 'dark', exposureSeconds: 300, gain: 360, frameNumber: 1 },
    ],
    [
      'Bias_1.0ms_Bin1_L_gain100_0001.fit',
      { kind: 'bias', exposureSeconds: 0.001, frameNumber: 1 },
    ],
    [
      'Light_5 Ursae Minoris_88deg_300.0s_Bin1_OIII_20260103-011512_0001.fit',
      { target: '5 Ursae Minoris', rotatorAngle: 88, filter: 'OIII', frameNumber: 1 },
    ],
    [
      'Light_Orion_180.0s_Bin1_294MC_L-Extreme_gain120_20250405-214232_-10C_001.fit',
      { target: 'Orion', filter: 'L-Extreme', sensorTemperature: -10, frameNumber: 1 },
    ],
  ])('%s', (name, expected) => {
    expect(parse(name)).toMatchObject(expected);
  });

  it('ignores the filter on darks and biases and gives calibration frames no target', () => {
    expect(parse('Dark_300.0s_Bin1_L_gain360_20240707-002348_-10.0C_0001.fit')).not.toHaveProperty(
      'filter',
    );
    expect(parse('Bias_1.0ms_Bin1_L_gain100_0001.fit')).not.toHaveProperty('filter');
    expect(parse('Flat_1.0ms_Bin1_2600MC_gain100_0001.fit')).not.toHaveProperty('target');
  });

  it.each([
    '2025-09-14_03-06-28_ALPT_56.26_300.00s_0114.fits',
    'light_M31_L_120s_001.fits',
    'Light_ASIImg_30sec_Bin1_filter-L_-20.0C_gain300_2025-03-27_232804_frame0001.fit',
    'HeartAndSoul_Light_Ha_300sec_1x1_frame1_-15.1C.fit',
  ])('is not %s', (name) => {
    expect(parse(name)).toBeNull();
  });
});
