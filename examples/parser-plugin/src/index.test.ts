import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { calculateTotalExposure } from '@astrotrack/cli';
import { createFilterSet, type FrameFile } from '@astrotrack/core';
import { formatFitsHeader } from '@astrotrack/fits';
import { afterAll, describe, expect, it } from 'vitest';
import { doubleUnderscoreParser } from './index.js';

const file = (name: string): FrameFile => ({
  path: `/d/${name}`,
  relativePath: name,
  name,
  folders: ['d'],
});
const context = { filters: createFilterSet() };

describe('the example parser', () => {
  it.each([
    ['M42__Halpha__300sec__0001.fit', { target: 'M42', filter: 'Ha', exposureSeconds: 300 }],
    [
      'Rosette Nebula__OIII__600sec__0012.fits',
      { target: 'Rosette Nebula', filter: 'OIII', exposureSeconds: 600 },
    ],
    ['M31__Lum__120.5sec__0003.fit', { target: 'M31', filter: 'L', exposureSeconds: 120.5 }],
  ])('reads %s', (name, expected) => {
    expect(doubleUnderscoreParser().parse(file(name), context)?.fields).toEqual(expected);
  });

  it.each(['light_M31_L_120s_001.fits', 'M42__Ha__300s__0001.fit', 'M42_Ha_300sec_0001.fit'])(
    'leaves %s to others',
    (name) => {
      expect(doubleUnderscoreParser().parse(file(name), context)).toBeNull();
    },
  );

  it('takes its options', () => {
    expect(
      doubleUnderscoreParser({ separator: '--' }).parse(file('M42--Ha--300sec--0001.fit'), context)
        ?.fields,
    ).toMatchObject({
      filter: 'Ha',
    });
  });

  describe('run by astrotrack', () => {
    const root = mkdtempSync(join(tmpdir(), 'astrotrack-example-'));
    afterAll(() => rmSync(root, { recursive: true, force: true }));

    it('counts the frames only it can read', async () => {
      mkdirSync(join(root, 'frames'));
      const header = formatFitsHeader([
        ['SIMPLE', true],
        ['NAXIS', 0],
        ['IMAGETYP', 'LIGHT'],
      ]);
      for (let i = 1; i <= 3; i++)
        writeFileSync(join(root, 'frames', `M42__Halpha__300sec__000${i}.fit`), header);
      const report = await calculateTotalExposure(join(root, 'frames'), {
        config: { parsers: [doubleUnderscoreParser(), 'toolkit'] },
      });
      expect(report.rows).toEqual([
        { filter: 'Ha', exposureSeconds: 300, subs: 3, totalSeconds: 900 },
      ]);
    });
  });
});
