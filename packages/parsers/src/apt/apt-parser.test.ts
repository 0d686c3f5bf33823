/** APT names from users' archives in public code (research notes §4.2 and the apt-parser header). */
import { createFilterSet } from '@astrotrack/core';
import { testParser } from '@astrotrack/test-utils/test-parser';
import { aptParser } from './apt-parser.js';

testParser({
  parser: aptParser(),
  context: { filters: createFilterSet() },
  accept: [
    {
      name: 'L_2021-05-06_20-13-32_Bin1x1_1s__-10C.fit',
      fields: {
        kind: 'light',
        exposureSeconds: 1,
        binning: '1x1',
        sensorTemperature: -10,
        captureTime: '2021-05-06T20:13:32',
        night: '2021-05-06',
        filter: 'OSC', // the empty field: no filter wheel
      },
    },
    {
      name: 'Single__2021-11-12_23-03-07_Bin1x1_130s__-15C.fit',
      fields: { kind: 'light', exposureSeconds: 130, sensorTemperature: -15, night: '2021-11-12' },
    },
    {
      name: 'L_0020_ISO800_240s__18C.fit', // APT writes .CR2 for a DSLR; converted to FITS
      fields: {
        kind: 'light',
        frameNumber: 20,
        gain: 800,
        exposureSeconds: 240,
        sensorTemperature: 18,
      },
    },
    {
      name: 'L_m42_0164_ISO800_10s__NA.fits',
      fields: { target: 'm42', frameNumber: 164, gain: 800, exposureSeconds: 10 },
    },
    {
      name: 'L_NGC7000_2023-08-14_23-10-00_Bin2x2_Gain120_300s_Ha_-10C.fit',
      fields: { target: 'NGC7000', binning: '2x2', gain: 120, filter: 'Ha', exposureSeconds: 300 },
    },
    {
      name: 'D_2021-05-07_05-40-00_Bin1x1_300s__-10C.fit',
      fields: { kind: 'dark', exposureSeconds: 300, night: '2021-05-06' },
      unknown: ['filter'],
    },
  ],
  reject: [
    'L_M31_120s_001.fits',
    'light_M31_L_120s_001.fits',
    '2025-09-14_03-06-28_ALPT_56.26_300.00s_0114.fits',
    'Light_M42_120.0s_Bin1_gain100_20230101-220102_-10.0C_0001.fit',
    'HeartAndSoul_Light_Ha_300sec_1x1_frame1_-15.1C.fit',
  ],
});
