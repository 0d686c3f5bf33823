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
      // A DSLR: the model before the ISO is no filter, and the ISO is its gain.
      { target: 'M42', exposureSeconds: 1, filter: 'OSC', gain: 100, frameNumber: 1 },
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

  // Colour cameras and DSLRs: no filter wheel, so no filter token; gain, ISO, camera, angle and
  // temperature tokens are never a filter, and calibration frames keep their gain.
  it.each([
    [
      'Light_M42_120.0s_Bin1_gain100_20230101-220102_-10.0C_0001.fit',
      { filter: 'OSC', gain: 100, sensorTemperature: -10, night: '2023-01-01' },
    ],
    [
      'Light_M 13_300.0s_Bin1_2600MC_gain100_20250611-212845_-10.0C_0001.fit',
      { target: 'M 13', filter: 'OSC', gain: 100 },
    ],
    [
      'Light_M 42_300.0s_Bin1_2600MC_gain100_20260411-212434_79deg_-10.0C_0001.fit',
      { filter: 'OSC', gain: 100, rotatorAngle: 79, sensorTemperature: -10 },
    ],
    [
      'Light_Rosette_60.0s_Bin2_ISO800_20240112-231500_0007.fit',
      { filter: 'OSC', gain: 800, binning: '2x2', frameNumber: 7 },
    ],
    [
      'Light_Rosette_60.0s_Bin1_EOS6D_ISO1600_20240112-231500_+14.0C_0008.fit',
      { filter: 'OSC', gain: 1600, sensorTemperature: 14, frameNumber: 8 },
    ],
    [
      'Light_Orion_180.0s_Bin1_294MC_L-Extreme_gain120_20250405-214232_-10C_90deg_001.fit',
      { filter: 'L-Extreme', gain: 120, rotatorAngle: 90, sensorTemperature: -10 },
    ],
    [
      'Light_NGC 7000_300.0s_Bin1_ASI294MM_H_gain120_20240707-002348_-10.0C_0001.fit',
      { filter: 'Ha', gain: 120 },
    ],
    [
      'Flat_50.0ms_Bin1_2600MC_gain100_20250221-193000_1.6C_0001.fit',
      { kind: 'flat', filter: 'OSC', gain: 100, exposureSeconds: 0.05 },
    ],
    [
      'Dark_120.0s_Bin1_gain100_20230101-220102_-10.0C_0001.fit',
      { kind: 'dark', gain: 100, sensorTemperature: -10, exposureSeconds: 120 },
    ],
    ['Bias_1.0ms_Bin1_gain100_20230101-220102_-10.0C_0001.fit', { kind: 'bias', gain: 100 }],
    ['Dark_300.0s_Bin1_ISO800_20240112-020000_0003.fit', { kind: 'dark', gain: 800 }],
  ])('colour camera or DSLR: %s', (name, expected) => {
    const fields = parse(name)!;
    expect(fields).toMatchObject(expected);
    if (fields.kind === 'dark' || fields.kind === 'bias') expect(fields.filter).toBeUndefined();
    expect(String(fields.filter)).not.toMatch(/gain\d|ISO\d|\ddeg|\d{8}|\dC$|Bin\d/);
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
