/** N.I.N.A. names from the research notes (§1) and real archives, by pattern. */
import { createFilterSet, type FrameFile } from '@astrotrack/core';
import { describe, expect, it } from 'vitest';
import { compileNinaPattern } from './compile-nina-pattern.js';
import { ninaParser } from './nina-parser.js';

const filters = createFilterSet({ extra: ['HaOiii'] });
const CUSTOM =
  '$$TARGETNAME$$\\$$DATEMINUS12$$\\$$IMAGETYPE$$\\$$DATETIME$$_$$FILTER$$_$$ROTATORANGLE$$_$$EXPOSURETIME$$s_$$FRAMENR$$';

function parse(path: string, pattern?: string) {
  const parts = path.split('/');
  const file: FrameFile = {
    path: `/data/${path}`,
    relativePath: path,
    name: parts.at(-1)!,
    folders: ['data', ...parts.slice(0, -1)],
  };
  return (
    ninaParser(pattern === undefined ? {} : { pattern }).parse(file, { filters })?.fields ?? null
  );
}

describe('nina parser, default pattern', () => {
  it.each([
    [
      '2025-09-16/FLAT/2025-09-17_00-00-29_HaOiii_-9.90_6.22s_0002.fits',
      {
        kind: 'flat',
        filter: 'HaOiii',
        sensorTemperature: -9.9,
        exposureSeconds: 6.22,
        night: '2025-09-16',
        captureTime: '2025-09-17T00:00:29',
        frameNumber: 2,
      },
    ],
    [
      'Bubble Nebula/2025-08-17/LIGHT/2025-08-17_23-10-05_L_13.10_300.00s_0042.fits',
      {
        kind: 'light',
        filter: 'L',
        sensorTemperature: 13.1,
        exposureSeconds: 300,
        night: '2025-08-17',
        frameNumber: 42,
      },
    ],
    [
      '2024-08-29/LIGHT/2024-08-29_23-50-07___300.00s_0000.fits',
      { kind: 'light', exposureSeconds: 300, frameNumber: 0 },
    ],
    [
      '2020-03-01/LIGHT/2020-03-01_22-10-00_R_-10,00_300,00s_0001.fits',
      { filter: 'R', sensorTemperature: -10, exposureSeconds: 300, frameNumber: 1 },
    ],
    [
      '2025-09-16/FLAT/2025-09-17_06-00-00_L_-10.00_0.00s_0001.fits',
      { kind: 'flat', filter: 'L', frameNumber: 1 },
    ],
    [
      // A spelling of the known UVIR filter, read whole: never `UV` or an angle.
      '2025-09-16/LIGHT/2025-09-16_22-00-00_UV-IR_-10.00_60.00s_0001.fits',
      { filter: 'UVIR', exposureSeconds: 60, frameNumber: 1 },
    ],
  ])('%s', (path, expected) => {
    const fields = parse(path);
    expect(fields).toMatchObject(expected);
    expect(fields!.rotatorAngle).toBeUndefined();
  });

  it('reads a 0.00s flat as no exposure, not as zero', () => {
    expect(
      parse('2025-09-16/FLAT/2025-09-17_06-00-00_L_-10.00_0.00s_0001.fits')!.exposureSeconds,
    ).toBeUndefined();
  });

  it.each([
    '2025-09-14_03-06-28_ALPT_56.26_300.00s_0114.fits',
    'M31/L/light_M31_L_120s_001.fits',
    'Autorun/Light/M 42/Light_M 42_300.0s_Bin1_2600MC_gain100_20260411-212434_79deg_-10.0C_0001.fit',
    '2025-09-16/NOTATYPE/2025-09-17_00-00-29_Ha_-9.90_6.22s_0002.fits',
  ])('is not %s', (path) => {
    expect(parse(path)).toBeNull();
  });
});

describe("nina parser, the user's own pattern", () => {
  it('reads the rotator angle where the user put it, and the target folder', () => {
    expect(
      parse('M31/2025-09-14/LIGHT/2025-09-15_01-00-17_L_45.10_120.00s_0000.fits', CUSTOM),
    ).toMatchObject({
      target: 'M31',
      night: '2025-09-14',
      kind: 'light',
      filter: 'L',
      rotatorAngle: 45.1,
      exposureSeconds: 120,
    });
  });

  it('copes with an empty rotator and a target with spaces and underscores', () => {
    expect(
      parse('NGC 7000_West/2025-09-14/LIGHT/2025-09-14_22-00-00_Ha__300.00s_0003.fits', CUSTOM),
    ).toMatchObject({
      target: 'NGC 7000_West',
      filter: 'Ha',
      exposureSeconds: 300,
    });
  });

  it('matches single-segment patterns against the file name only', () => {
    expect(
      parse(
        'deep/folders/2025-09-14_03-06-28_ALPT_56.26_300.00s_0114.fits',
        '$$DATETIME$$_$$FILTER$$_$$ROTATORANGLE$$_$$EXPOSURETIME$$s_$$FRAMENR$$',
      ),
    ).toMatchObject({
      filter: 'ALPT',
      rotatorAngle: 56.26,
      exposureSeconds: 300,
      night: '2025-09-13',
    });
  });

  it('compiles plugin tokens it does not know into wildcards, and escapes the rest', () => {
    const compiled = compileNinaPattern('$$FILTER$$ (HFR $$HFR$$) [$$FRAMENR$$]');
    expect(compiled.regex.test('Ha (HFR 2.31) [0004]')).toBe(true);
    expect(compiled.regex.test('Ha HFR 2.31 0004')).toBe(false);
    expect(() => compileNinaPattern('\\/')).toThrow('the pattern is empty');
    expect(() => ninaParser({ pattern: 5 as unknown as string })).toThrow(
      '"pattern" must be a string',
    );
  });
});
