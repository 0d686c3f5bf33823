/**
 * Quality as the capture program measured it (#19): N.I.N.A.'s $$HFR$$ and $$STARCOUNT$$ tokens read
 * from the names, summarised per night and filter (median, spread, worked out by hand), and the
 * rig's thresholds marking likely rejects, listed and still counted; inspect shows them per frame.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExposureReport } from '@astrotrack/core';
import { useTempDir } from '@astrotrack/test-utils/temp-dir';
import { runCli } from './test-support/run-cli.js';

const tempDir = useTempDir();
const PATTERN =
  '$$TARGETNAME$$\\\\$$DATETIME$$_$$FILTER$$_$$EXPOSURETIME$$s_$$HFR$$_$$STARCOUNT$$_$$FRAMENR$$';

describe('quality from the capture program', () => {
  it('is summarised per night and filter, with the likely rejects past the thresholds', async () => {
    const root = tempDir();
    const folder = join(root, 'archive', 'M31');
    mkdirSync(folder, { recursive: true });
    // HFR 2.10, 2.30, 2.50, 4.20 (median 2.40) with 410, 380, 350, 60 stars; one with NaN (none measured).
    const frames: [string, string][] = [
      ['2.10', '410'],
      ['2.30', '380'],
      ['2.50', '350'],
      ['4.20', '60'],
      ['NaN', '-1'],
    ];
    for (const [i, [hfr, stars]] of frames.entries())
      writeFileSync(
        join(folder, `2026-10-01_22-0${i}-00_L_300.00s_${hfr}_${stars}_000${i}.fits`),
        '',
      );
    writeFileSync(
      join(root, 'astro.config.yaml'),
      `parsers:\n  - [nina, { pattern: '${PATTERN}' }]\nquality:\n  maxHfr: 3.5\n  minStars: 100\n`,
    );
    const run = (...args: string[]) =>
      runCli(['scan', 'archive', '--config', 'astro.config.yaml', '--no-headers', ...args], {
        cwd: root,
        env: { ASTROTRACK_DATA_DIR: join(root, 'data') },
      });
    const json = await run('--reporter', 'json');
    expect(json.code, json.stderr).toBe(0);
    const report = JSON.parse(json.stdout) as ExposureReport;
    expect(report.totalSubs).toBe(5); // likely rejects are still counted
    expect(report.quality).toEqual([
      {
        night: '2026-10-01',
        target: 'M31',
        filter: 'L',
        frames: 4,
        likelyRejects: 1,
        hfr: { frames: 4, median: 2.4, min: 2.1, max: 4.2 },
        fwhm: null,
        starCount: { frames: 4, median: 365, min: 60, max: 410 },
        eccentricity: null,
        guidingRms: null,
      },
    ]);
    expect(report.likelyRejects).toEqual({
      count: 1,
      examples: [
        {
          relativePath: 'M31/2026-10-01_22-03-00_L_300.00s_4.20_60_0003.fits',
          why: ['HFR 4.2 > 3.5', 'stars 60 < 100'],
        },
      ],
    });
    expect(report.warnings.map((w) => w.code)).toContain('likely-rejects');
    const table = await run();
    expect(table.stdout).toContain('Quality as measured (median, spread)');
    expect(table.stdout).toMatch(/\| 2026-10-01 \| L +\| +4 \| 2\.4 \(2\.1–4\.2\) \|/);

    const inspected = await runCli(
      [
        'inspect',
        join('archive', 'M31', '2026-10-01_22-03-00_L_300.00s_4.20_60_0003.fits'),
        '--config',
        'astro.config.yaml',
        '--no-headers',
      ],
      { cwd: root },
    );
    expect(inspected.stdout).toMatch(/hfr +4\.2 +filename 4\.20/);
    expect(inspected.stdout).toMatch(/starCount +60 +filename 60/);
  });
});
