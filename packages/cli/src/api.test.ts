import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '@astrotrack/test-utils/temp-dir';
import {
  calculateTotalExposure,
  detectFilter,
  detectObjectName,
  extractAngle,
  extractExposureTime,
} from './index.js';
import { writeToolkitExample } from './test-support/toolkit-example.js';

const tempDir = useTempDir();

describe('programmatic API', () => {
  it('calculateTotalExposure returns the report the toolkit printed', async () => {
    const dir = join(tempDir(), 'M31');
    writeToolkitExample(dir);
    const report = await calculateTotalExposure(dir, {
      totalTargetHours: 10,
      filterPct: { L: 40, R: 20, G: 20, B: 20 },
      sortBy: 'remaining_time',
    });
    expect(report.rows.map((r) => r.filter)).toEqual(['G', 'B', 'R', 'L', 'Ha']);
    expect(report.totalSeconds).toBe(45840);
    expect(report.plan?.filters.find((f) => f.filter === 'R')?.remainingSubs).toBe(6);
  });

  it('takes settings as an object and rejects bad ones with every problem', async () => {
    const dir = join(tempDir(), 'M31');
    writeToolkitExample(dir);
    const report = await calculateTotalExposure(dir, {
      config: { filters: { known: ['L'] } },
      includeUnknown: true,
    });
    // The ASIAIR name places its filter slot ("H") for certain: kept verbatim, as a header's would be.
    // The R/G/B frames: a filter the rig does not know in the name, none in the header (IMAGETYP
    // only): no filter as far as anything can tell, counted as OSC and said so.
    expect(report.rows.map((r) => [r.filter, r.exposureSeconds])).toEqual([
      ['L', 120],
      ['OSC', 180],
      ['H', 300],
    ]);
    expect(report.warnings.map((w) => [w.code, w.count])).toEqual([['no-filter-named', 113]]);
    await expect(
      calculateTotalExposure(dir, { config: { plan: { targetHours: -2 } } }),
    ).rejects.toMatchObject({
      name: 'ConfigInvalid',
    });
    await expect(calculateTotalExposure(dir, { sortBy: 'nope' })).rejects.toThrow(
      'unknown sortBy "nope"',
    );
  });

  it('re-exports the toolkit helpers', () => {
    expect(extractExposureTime('light_M31_L_120s_001.fits')).toBe(120);
    expect(extractAngle('2025-09-14_03-06-28_ALPT_56.26_300.00s_0114.fits')).toBe(56.26);
    expect(detectFilter('/data/M31/L/light_001.fits')).toBe('L');
    expect(detectObjectName('/data/2025/M31/lights/frame_001.fits')).toBe('M31');
  });
});
