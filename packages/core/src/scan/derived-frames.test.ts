import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveRig } from '../config/resolve-rig.js';
import type { ParserPlugin } from '../plugin.js';
import { useTempDir } from '@astrotrack/test-utils/temp-dir';
import { writeFrames } from '../test-support/write-frames.js';
import type { Frame } from '../frame.js';
import { derivedFrameReason, masterCalibrationKind } from './derived-frames.js';
import { scanArchive } from './scan-archive.js';

const tempDir = useTempDir();

describe('derivedFrameReason', () => {
  it.each([
    'masterLight_BIN-1_6248x4176_EXPOSURE-300.00s_FILTER-Ha_mono.xisf',
    'MasterFlat_Stack20_50.0ms_Bin1_2600MC_filter-NoFilter_gain100_20250221_1.6C.xisf',
    'MasterDark_Stack30_300.0s_Bin1_gain100_-10.0C.fit',
    'Stacked12_Light_M 42_300.0s_Bin1_gain100.fit',
    'Light_Stack_19frames_M31_5sec_Bin1_filter-R_0.5C_gain0_2023-09-06_220632.fit',
    'Preview_20231110_154133_0.05sec_Bin1_43.0C_gain0.fit',
    'r_pp_light_00001.fit',
    'c_M31_L_120s_001.fits',
    '2025-09-14_03-06-28_Ha_56.26_300.00s_0114_c.xisf',
    '2025-09-14_03-06-28_Ha_56.26_300.00s_0114_c_cc_d_r.xisf',
  ])('%s is derived', (name) => {
    expect(derivedFrameReason(name)).toMatch(/^a derived file/);
  });

  it.each([
    '2025-09-14_03-06-28_Ha_56.26_300.00s_0114.fits',
    'Light_M 42_300.0s_Bin1_2600MC_gain100_20260411-212434_79deg_-10.0C_0001.fit',
    'Flat_1.0s_Bin1_R_gain100_20240707-060000_-10.0C_0001.fit',
    'M51_600_1x1_L_Frame1_TSP.fit',
    'crescent_L_300s_001.fits',
    'c.fits',
    'x_d.fits',
  ])('%s is a subframe', (name) => {
    expect(derivedFrameReason(name)).toBeNull();
  });
});

describe('scanArchive and derived files', () => {
  const parser: ParserPlugin = {
    name: 'test/all',
    parse: () => ({ fields: { filter: 'L', exposureSeconds: 300 }, sources: {} }),
  };

  it('skips masters by name and by header, with or without headers, and counts the rest', async () => {
    const root = tempDir();
    writeFrames(root, ['L_300s_1.fits', 'masterLight_L.xisf'.replace('.xisf', '.fits')]);
    writeFrames(root, ['integrated.fits'], [['IMAGETYP', 'Master Light']]);
    writeFileSync(join(root, 'Stacked12_Light.fit'), 'not even FITS');
    const withHeaders = await scanArchive({ root, rig: resolveRig({}), parsers: [parser] });
    expect(withHeaders.report.totalSubs).toBe(1);
    expect(withHeaders.report.skipped).toEqual([
      {
        code: 'derived',
        reason:
          'masters (matched as calibration), stacks, calibrated copies and previews are not subframes',
        count: 3,
        examples: expect.arrayContaining([
          'masterLight_L.fits',
          'integrated.fits',
          'Stacked12_Light.fit',
        ]),
      },
    ]);
    const namesOnly = await scanArchive({
      root,
      rig: resolveRig({}),
      parsers: [parser],
      readHeaders: false,
    });
    // Without headers, only names can tell: the file called "integrated" is counted.
    expect(namesOnly.report.totalSubs).toBe(2);
  });
});

describe('masters of calibration', () => {
  it.each([
    ['MasterDark_Stack30_300.0s_Bin1_gain100_-10.0C.fit', 'dark'],
    ['masterDark_BIN-1_EXPOSURE-300.00s.xisf', 'dark'],
    ['MasterFlat_Stack20_50.0ms_Bin1_2600MC.xisf', 'flat'],
    ['master-flat_L.fits', 'flat'],
    ['MasterBias_gain100.fits', 'bias'],
    ['masterOffset.xisf', 'bias'],
    ['MasterDarkFlat_2.0s.fits', 'darkflat'],
    ['master_flat-dark.fits', 'darkflat'],
    ['Master Dark', 'dark'],
    ['MASTER FLAT', 'flat'],
    ['masterLight_L.xisf', null],
    ['Master Light', null],
    ['Stacked12_Light.fit', null],
    ['Dark_300.0s.fit', null],
  ])('%s: %s', (text, kind) => {
    expect(masterCalibrationKind(text)).toBe(kind);
  });

  it('are skipped as no subframe and told to plugins with their facts, by name or by IMAGETYP', async () => {
    const root = tempDir();
    const facts = [
      ['EXPTIME', 300],
      ['GAIN', 100],
      ['CCD-TEMP', -10],
      ['INSTRUME', 'ZWO ASI2600MM Pro'],
    ] as const;
    writeFrames(root, ['MasterDark_300s.fits'], [['IMAGETYP', 'Dark'], ...facts]);
    writeFrames(
      root,
      ['Ha_flat_set.fits'],
      [
        ['IMAGETYP', 'Master Flat'],
        ['FILTER', 'Ha'],
      ],
    );
    writeFrames(root, ['masterLight_L.fits'], [['IMAGETYP', 'Master Light'], ...facts]);
    const masters: Frame[] = [];
    const { report } = await scanArchive({
      root,
      rig: resolveRig({}),
      parsers: [],
      plugins: [
        {
          name: 'test/masters',
          setup: ({ on }) => {
            on('frame:master', (frame) => {
              masters.push(frame);
            });
          },
        },
      ],
    });
    expect(report.frames.counted).toBe(0);
    expect(report.skipped).toEqual([expect.objectContaining({ code: 'derived', count: 3 })]);
    const byName = Object.fromEntries(masters.map((m) => [m.relativePath, m]));
    expect(Object.keys(byName).sort()).toEqual(['Ha_flat_set.fits', 'MasterDark_300s.fits']);
    expect(byName['MasterDark_300s.fits']).toMatchObject({
      kind: 'dark',
      exposureSeconds: 300,
      gain: 100,
      sensorTemperature: -10,
      camera: 'ZWO ASI2600MM Pro',
    });
    expect(byName['Ha_flat_set.fits']).toMatchObject({ kind: 'flat', filter: 'Ha' });
  });
});
