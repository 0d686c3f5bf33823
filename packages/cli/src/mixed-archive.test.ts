/**
 * N.I.N.A., ASIAIR and SGP folders side by side, each frame with the header its program writes: the
 * totals per filter are right from the headers, and from the names alone where the names carry them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { formatFitsHeader, type FitsCard } from '@astrotrack/fits';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '@astrotrack/test-utils/temp-dir';
import { runCli } from './test-support/run-cli.js';

const tempDir = useTempDir();
const NINA_PATTERN =
  '$$TARGETNAME$$\\$$DATEMINUS12$$\\$$IMAGETYPE$$\\$$DATETIME$$_$$FILTER$$_$$ROTATORANGLE$$_$$EXPOSURETIME$$s_$$FRAMENR$$';
const n4 = (i: number) => String(i).padStart(4, '0');

function write(root: string, path: string, cards: FitsCard[]) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(
    join(root, path),
    formatFitsHeader([['SIMPLE', true], ['BITPIX', 16], ['NAXIS', 0], ...cards]),
  );
}

function mixedArchive(root: string) {
  for (let i = 0; i < 10; i++) {
    write(
      root,
      `NINA/M31/2025-09-14/LIGHT/2025-09-14_22-${String(i).padStart(2, '0')}-00_L_45.10_120.00s_${n4(i)}.fits`,
      [
        ['IMAGETYP', 'LIGHT'],
        ['EXPOSURE', 120],
        ['EXPTIME', 120],
        ['FILTER', 'L'],
        ['OBJECT', 'M31'],
        ['ROTATOR', 45.1],
      ],
    );
  }
  for (let i = 0; i < 5; i++) {
    write(
      root,
      `NINA/M31/2025-09-14/LIGHT/2025-09-14_23-${String(i).padStart(2, '0')}-00_R_45.10_180.00s_${n4(i)}.fits`,
      [
        ['IMAGETYP', 'LIGHT'],
        ['EXPOSURE', 180],
        ['EXPTIME', 180],
        ['FILTER', 'R'],
        ['OBJECT', 'M31'],
      ],
    );
  }
  for (let i = 1; i <= 6; i++) {
    write(
      root,
      `ASIAIR/Autorun/Light/M 42/Light_M 42_300.0s_Bin1_H_gain100_20250915-22000${i}_-10.0C_${n4(i)}.fit`,
      [
        ['CREATOR', 'ZWO ASIAIR Plus'],
        ['IMAGETYP', 'Light'],
        ['EXPOSURE', 300],
        ['EXPTIME', 300],
        ['FILTER', 'H'],
        ['OBJECT', 'M 42'],
      ],
    );
  }
  for (let i = 1; i <= 3; i++) {
    write(
      root,
      `ASIAIR/Autorun/Flat/Flat_810.0ms_Bin1_H_gain100_20250916-06000${i}_-10.0C_${n4(i)}.fit`,
      [
        ['IMAGETYP', 'Flat'],
        ['EXPOSURE', 0.81],
        ['EXPTIME', 0.81],
        ['FILTER', 'H'],
      ],
    );
  }
  for (let i = 1; i <= 4; i++) {
    write(root, `SGP/HeartAndSoul_Light_OIII_600sec_1x1_frame${i}_-15.1C.fit`, [
      ['IMAGETYP', 'LIGHT'],
      ['EXPOSURE', 600],
      ['FILTER', 'OIII'],
      ['OBJECT', 'HeartAndSoul'],
      ['CREATOR', 'Sequence Generator Pro v3.1.0.479'],
    ]);
  }
  writeFileSync(
    join(root, 'astro.config.json'),
    JSON.stringify({ parsers: [['nina', { pattern: NINA_PATTERN }], 'asiair', 'sgp', 'toolkit'] }),
  );
}

describe('a mixed archive', () => {
  it('gives the right totals per filter with headers, and the same from the names alone', async () => {
    const root = tempDir();
    mixedArchive(root);
    const env = { XDG_CONFIG_HOME: join(root, 'xdg') };
    const expected = [
      { filter: 'L', exposureSeconds: 120, subs: 10, totalSeconds: 1200 },
      { filter: 'R', exposureSeconds: 180, subs: 5, totalSeconds: 900 },
      { filter: 'Ha', exposureSeconds: 300, subs: 6, totalSeconds: 1800 },
      { filter: 'OIII', exposureSeconds: 600, subs: 4, totalSeconds: 2400 },
    ];
    for (const flags of [[], ['--no-headers']]) {
      const result = await runCli(['scan', root, '--reporter', 'json', ...flags], { env });
      expect(result.stderr).toBe('');
      const report = JSON.parse(result.stdout);
      expect(report.rows).toEqual(expected);
      expect(report.frames.byKind).toEqual({ light: 25, flat: 3, dark: 0, bias: 0, darkflat: 0 });
      expect(report.warnings).toEqual([]);
    }
  });
});
