/**
 * The toolkit rules on real file names (sources: ../shared/research/capture-programs.md). Each row
 * says what the rules read, including where they read wrongly; the header-aware parsers fix those.
 */
import { createFilterSet, type FrameFile } from '@astrotrack/core';
import { describe, expect, it } from 'vitest';
import { toolkitParser } from './toolkit-parser.js';

/** `path` is relative to a scanned folder named `archive`. */
function parse(path: string, filters = createFilterSet()) {
  const parts = path.split('/');
  const file: FrameFile = {
    path: `/data/archive/${path}`,
    relativePath: path,
    name: parts.at(-1)!,
    folders: ['archive', ...parts.slice(0, -1)],
  };
  return toolkitParser().parse(file, { filters });
}

interface Accepted {
  path: string;
  filter: string | null;
  exposure: number | null;
  angle: number | null;
  kind: string;
  target: string | null;
  /** The running number at the end of the name, if any. */
  frame?: number | null;
  note?: string;
}

const accept: Accepted[] = [
  {
    path: '2025-09-14_03-06-28_ALPT_56.26_300.00s_0114.fits',
    filter: 'ALPT',
    exposure: 300,
    angle: 56.26,
    frame: 114,
    kind: 'light',
    target: null,
    note: 'toolkit README naming convention',
  },
  {
    path: 'M31/L/light_M31_L_120s_001.fits',
    filter: 'L',
    exposure: 120,
    angle: null,
    frame: 1,
    kind: 'light',
    target: 'M31',
  },
  {
    path: 'light_M31_Ha_300s_001.fits',
    filter: 'Ha',
    exposure: 300,
    angle: null,
    frame: 1,
    kind: 'light',
    target: null,
  },
  {
    path: 'NGC1234/OIII/subs/frame_300s.fits',
    filter: 'OIII',
    exposure: 300,
    angle: null,
    kind: 'light',
    target: 'NGC1234',
  },
  {
    path: 'M31/2025-09-14/LIGHT/2025-09-14_21-00-17_L_45.10_120.00s_0000.fits',
    filter: 'L',
    exposure: 120,
    angle: 45.1,
    frame: 0,
    kind: 'light',
    target: 'M31',
    note: 'NINA $$DATETIME$$_$$FILTER$$_$$ROTATORANGLE$$_$$EXPOSURETIME$$s_$$FRAMENR$$',
  },
  {
    path: 'NGC 281/2025-09-16/FLAT/2025-09-17_00-00-29_HaOiii_-9.90_6.22s_0002.fits',
    filter: 'HaOiii',
    exposure: 6.22,
    angle: null,
    frame: 2,
    kind: 'flat',
    target: 'NGC 281',
    note: 'NINA default pattern; a dual-band filter, read whole; a negative number is no angle',
  },
  {
    path: '2024-08-29/LIGHT/2024-08-29_23-50-07___300.00s_0000.fits',
    filter: null,
    exposure: 300,
    angle: null,
    frame: 0,
    kind: 'light',
    target: null,
    note: 'NINA empty tokens',
  },
  {
    path: '2020-03-01_22-10-00_R_12.50_300,00s_0001.fits',
    filter: 'R',
    exposure: 300,
    angle: 12.5,
    frame: 1,
    kind: 'light',
    target: null,
    note: 'NINA 1.x on a German Windows',
  },
  {
    path: 'Bubble Nebula/2025-09-17_00-00-29_L_13.10_6.22s_0002.fits',
    filter: 'L',
    exposure: 6.22,
    angle: 13.1,
    frame: 2,
    kind: 'light',
    target: 'Bubble Nebula',
    note: 'WRONG by design: NINA default pattern, 13.10 is the sensor temperature',
  },
  {
    path: 'Autorun/Light/Seagull/Light_Seagull_300.0s_Bin1_H_gain100_0001.fit',
    filter: 'Ha',
    exposure: 300,
    angle: null,
    frame: 1,
    kind: 'light',
    target: 'Seagull',
    note: 'ASIAIR before 2022',
  },
  {
    path: 'Autorun/Light/LDN 1093/Light_LDN 1093_120.0s_Bin1_H_gain100_20240707-002348_-10.0C_0001.fit',
    filter: 'Ha',
    exposure: 120,
    angle: null,
    frame: 1,
    kind: 'light',
    target: 'LDN 1093',
    note: 'ASIAIR 2023-2025',
  },
  {
    path: 'Autorun/Light/M 42/Light_M 42_300.0s_Bin1_2600MC_gain100_20260411-212434_79deg_-10.0C_0001.fit',
    filter: null,
    exposure: 300,
    angle: null,
    frame: 1,
    kind: 'light',
    target: 'M 42',
    note: 'ASIAIR 2026: OSC, angle as 79deg',
  },
  {
    path: 'Autorun/Dark/Dark_300.0s_Bin1_L_gain360_20240707-002348_-10.0C_0001.fit',
    filter: 'L',
    exposure: 300,
    angle: null,
    frame: 1,
    kind: 'dark',
    target: null,
    note: 'ASIAIR writes the filter on darks too; the target is the nearest descriptive folder',
  },
  {
    path: 'Autorun/Flat/Flat_1.0s_Bin1_R_gain100_20240707-060000_-10.0C_0001.fit',
    filter: 'R',
    exposure: 1,
    angle: null,
    frame: 1,
    kind: 'flat',
    target: null,
  },
  {
    path: 'HeartAndSoul/HeartAndSoul_Light_Ha_300sec_1x1_frame1_-15.1C.fit',
    filter: 'Ha',
    exposure: null,
    angle: null,
    kind: 'light',
    target: 'HeartAndSoul',
    note: 'SGP: %el writes 300sec, not the toolkit _300s_',
  },
  {
    path: 'The War and Peace Nebula copy/Session_71deg/ALPT/2025-07-27_18-44-30_ALPT_72.41_300.00s_0001.fits',
    filter: 'ALPT',
    exposure: 300,
    angle: 72.41,
    frame: 1,
    kind: 'light',
    target: 'The War and Peace Nebula copy',
  },
  {
    path: 'SMC Panel 6/2025-09-08_03-51-55_ALPT_117.41_300.00s_0081.FITS',
    filter: 'ALPT',
    exposure: 300,
    angle: 117.41,
    frame: 81,
    kind: 'light',
    target: 'SMC Panel 6',
  },
  {
    path: '2025 July/M16/Ha/2025-07-12_01-54-25_Ha_14.68_300.00s_0021.fits.fz',
    filter: 'Ha',
    exposure: 300,
    angle: 14.68,
    frame: 21,
    kind: 'light',
    target: 'M16',
  },
  {
    path: 'x/darks/m_L_360.00_60.00s_1.fits',
    filter: 'L',
    exposure: 60,
    angle: 0,
    kind: 'dark',
    target: 'x',
  },
  {
    path: 'x_L_400.00_60.00s_1.fits',
    filter: 'L',
    exposure: 60,
    angle: null,
    kind: 'light',
    target: null,
    note: 'no angle above 360',
  },
  {
    path: 'Flat Darks/x_B_1.5s.xisf',
    filter: 'B',
    exposure: 1.5,
    angle: null,
    kind: 'darkflat',
    target: null,
  },
  // Dual-band and other filters of several parts, read whole in names (never as L or Ha).
  {
    path: '2025-10-02/LIGHT/2025-10-02_23-41-07_L-eXtreme_120.50_300.00s_0007.fits',
    filter: 'L-eXtreme',
    exposure: 300,
    angle: 120.5,
    frame: 7,
    kind: 'light',
    target: null,
  },
  {
    path: 'Rosette/light_Rosette_L-Enhance_180s_012.fits',
    filter: 'L-eNhance',
    exposure: 180,
    angle: null,
    frame: 12,
    kind: 'light',
    target: 'Rosette',
  },
  {
    path: 'NGC 6888/SiiOiii/NGC6888_600s_0003.fits',
    filter: 'SiiOiii',
    exposure: 600,
    angle: null,
    frame: 3,
    kind: 'light',
    target: 'NGC 6888',
  },
  {
    path: 'Veil/Veil_ALP-T_300s_0001.fits',
    filter: 'ALPT',
    exposure: 300,
    angle: null,
    frame: 1,
    kind: 'light',
    target: 'Veil',
  },
];

const reject: Array<{ path: string; reason: string }> = [
  { path: 'IMG_0001.fits', reason: 'no filter and no exposure' },
  { path: 'Vega_1sec_1x1__frame6.fit', reason: 'SGP name without suffix' },
  {
    path: 'Preview/Preview_20231110_154133_0.05sec_Bin1_43.0C_gain0.fit',
    reason: 'ASIStudio preview: sec, no filter',
  },
  {
    path: 'MasterFlat_Stack20_50.0ms_Bin1_2600MC_filter-NoFilter_gain100_20250221_1.6C.xisf',
    reason: 'ASIAIR master: ms',
  },
];

describe('toolkit parser', () => {
  it.each(accept)('$path', (row) => {
    const parsed = parse(row.path);
    expect(parsed).not.toBeNull();
    const { fields } = parsed!;
    expect({
      filter: fields.filter ?? null,
      exposure: fields.exposureSeconds ?? null,
      angle: fields.rotatorAngle ?? null,
      kind: fields.kind ?? 'light',
      target: fields.target ?? null,
    }).toEqual({
      filter: row.filter,
      exposure: row.exposure,
      angle: row.angle,
      kind: row.kind,
      target: row.target,
    });
  });

  it.each(reject)('rejects $path ($reason)', ({ path }) => {
    expect(parse(path)).toBeNull();
  });

  it('records where each field came from', () => {
    expect(parse('M31/L/LIGHT/2025-09-14_21-00-17_R_45.10_120.00s_0000.fits')!.sources).toEqual({
      filter: { origin: 'folder', detail: 'L' },
      exposureSeconds: { origin: 'filename', detail: '120.00s' },
      rotatorAngle: { origin: 'filename', detail: '45.10' },
      kind: { origin: 'folder', detail: 'LIGHT' },
      night: { origin: 'filename', detail: '2025-09-14' },
      frameNumber: { origin: 'filename', detail: '0000' },
      target: { origin: 'folder', detail: 'M31' },
    });
  });

  it("uses the rig's filters and aliases", () => {
    const filters = createFilterSet({ extra: ['HaOiii'], aliases: { Lum: 'L', Clear: 'L' } });
    expect(parse('x_HaOiii_10.00_6.22s_1.fits', filters)!.fields.filter).toBe('HaOiii');
    expect(parse('x_Clear_10.00_6.22s_1.fits', filters)!.fields).toMatchObject({
      filter: 'L',
      rotatorAngle: 10,
    });
    expect(parse('x_Clear_10.00_6.22s_1.fits')!.fields.filter).toBeUndefined();
  });

  it('takes the nearest filter folder over the file name', () => {
    expect(parse('M31/Ha/R/x_L_1.00_60s_1.fits')!.fields.filter).toBe('R');
  });
});
