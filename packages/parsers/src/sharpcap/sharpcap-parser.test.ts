/** SharpCap's capture folders as real archives hold them (research notes §4.5). */
import { createFilterSet } from '@astrotrack/core';
import { describe, expect, it } from 'vitest';
import { frameFileAt } from '@astrotrack/test-utils/frame-file-at';
import { sharpcapParser } from './sharpcap-parser.js';

const filters = createFilterSet();
function parse(path: string) {
  return sharpcapParser().parse(frameFileAt(path), { filters })?.fields ?? null;
}

describe('sharpcap parser', () => {
  it.each([
    [
      'SharpCap Captures/2021-09-26/Jupiter/22_15_03/Capture_00001.fits',
      {
        target: 'Jupiter',
        captureTime: '2021-09-26T22:15:03',
        night: '2021-09-26',
        frameNumber: 1,
      },
    ],
    [
      // After midnight: the night before. "Capture" is SharpCap's folder when no target was given.
      'SharpCap Captures/2021-09-27/Capture/01_02_03/Capture_00042.fits',
      { night: '2021-09-26', frameNumber: 42 },
    ],
    [
      'SharpCap Captures/2021-09-26/Capture/Dark/23_40_00/Dark_00003.fits',
      { kind: 'dark', frameNumber: 3 },
    ],
    [
      'D:/SharpCap Captures/2023-01-05/M 42/Light/20_10_59/M 42_00017.fits',
      { kind: 'light', target: 'M 42', frameNumber: 17 },
    ],
  ])('%s', (path, expected) => {
    const fields = parse(path)!;
    expect(fields).toMatchObject(expected);
    if (!('target' in expected)) expect(fields.target).toBeUndefined();
  });

  it.each([
    '2025-09-14/LIGHT/2025-09-14_03-06-28_ALPT_56.26_300.00s_0114.fits',
    'SharpCap Captures/2021-09-26/Jupiter/Capture_00001.fits',
    'Light_M42_120.0s_Bin1_gain100_20230101-220102_-10.0C_0001.fit',
    'x/2021-09-26/22_15_03/frame.fits',
  ])('is not %s', (path) => {
    expect(parse(path)).toBeNull();
  });
});
