/** KStars/Ekos names from the research notes (§4.1) and the KStars sources they cite. */
import { createFilterSet, type FrameFile } from '@astrotrack/core';
import { describe, expect, it } from 'vitest';
import { ekosParser } from './ekos-parser.js';

const filters = createFilterSet();
const parse = (name: string, pattern?: string) => {
  const file: FrameFile = { path: `/e/${name}`, relativePath: name, name, folders: ['e'] };
  return (
    ekosParser(pattern === undefined ? {} : { pattern }).parse(file, { filters })?.fields ?? null
  );
};

describe('ekos parser', () => {
  it.each([
    [
      'M_31_Light_Ha_300_secs_2023-10-01T22-15-03_001.fits',
      {
        target: 'M_31',
        kind: 'light',
        filter: 'Ha',
        exposureSeconds: 300,
        captureTime: '2023-10-01T22:15:03',
        night: '2023-10-01',
      },
    ],
    [
      'M_31_Light_OIII_0.500_secs_2023-10-02T01-15-03_012.fits',
      { filter: 'OIII', exposureSeconds: 0.5, night: '2023-10-01' },
    ],
    ['M_31_Dark_300_secs_2023-10-02T05-15-03_001.fits', { kind: 'dark', exposureSeconds: 300 }],
    [
      'Sh2-155_Cave_Flat_Red_2.5_secs_2023-10-02T06-00-00_003.fits',
      { kind: 'flat', filter: 'R', exposureSeconds: 2.5 },
    ],
  ])('%s', (name, expected) => {
    expect(parse(name)).toMatchObject(expected);
  });

  it('gives darks no filter and calibration frames no target', () => {
    const dark = parse('M_31_Dark_300_secs_2023-10-02T05-15-03_001.fits');
    expect(dark).not.toHaveProperty('filter');
    expect(dark).not.toHaveProperty('target');
  });

  it("reads the user's format, folders dropped, with or without a timestamp", () => {
    expect(
      parse('M_106_Light_30_secs_2023-03-20T21-04-17_001.fits', '\\%t\\%T\\%F\\%t_%T_%e_%D_%F_%s3'),
    ).toMatchObject({
      target: 'M_106',
      exposureSeconds: 30,
      night: '2023-03-20',
    });
    expect(parse('M45_Light_Red_001.fits', '%t_%T_%F')).toMatchObject({
      target: 'M45',
      filter: 'R',
    });
    expect(
      parse('M45_Light_Red_120_G100_001.fits', '%target_%Type_%Filter_%exp_G%gain_%sequence3'),
    ).toMatchObject({
      exposureSeconds: 120,
      gain: 100,
    });
  });

  it.each([
    '2025-09-14_03-06-28_ALPT_56.26_300.00s_0114.fits',
    'Light_Seagull_300.0s_Bin1_H_gain100_0001.fit',
  ])('is not %s', (name) => {
    expect(parse(name)).toBeNull();
  });
});

describe('ekos parser without a pattern of the user’s', () => {
  const parseIn = (path: string, pattern?: string) => {
    const parts = path.split('/');
    const file: FrameFile = {
      path: `/e/${path}`,
      relativePath: path,
      name: parts.at(-1)!,
      folders: ['e', ...parts.slice(0, -1)],
    };
    return ekosParser(pattern ? { pattern } : {}).parse(file, { filters })?.fields ?? null;
  };

  it.each([
    // KStars' default layout, /%t/%T/%F/%t_%T_%F_%s3: the folders say it is KStars'.
    ['M_31/Light/Ha/M_31_Light_Ha_001.fits', { target: 'M_31', filter: 'Ha', frameNumber: 1 }],
    ['M_31/Dark/M_31_Dark_003.fits', { kind: 'dark', frameNumber: 3 }],
    // An exposure in `_secs` or a KStars time is mark enough.
    [
      'M_106/Light/M_106_Light_30_secs_2023-03-20T21-04-12_001.fits',
      { target: 'M_106', exposureSeconds: 30, night: '2023-03-20' },
    ],
  ])('takes %s', (path, expected) => {
    expect(parseIn(path)).toMatchObject(expected);
  });

  it.each(['M31/M31_Light_L_0001.fits', 'lights/NGC7000_Light_Ha_001.fits'])(
    'leaves %s to other parsers: nothing marks it as KStars’',
    (path) => {
      expect(parseIn(path)).toBeNull();
      expect(parseIn(path, '%t_%T_%F_%s3')).not.toBeNull();
    },
  );
});
