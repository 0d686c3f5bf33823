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
import { writeFitsFrame } from './test-support/write-fits-frame.js';

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

  it('counts the likely rejects in a measured rejection buffer', async () => {
    const root = tempDir();
    const folder = join(root, 'archive', 'M31');
    mkdirSync(folder, { recursive: true });
    // 30 lights, 6 of them past maxHfr: 6 of 30 is 20 %.
    for (let i = 0; i < 30; i++) {
      const hfr = i < 6 ? '5.00' : '2.00';
      const minute = String(i).padStart(2, '0');
      writeFileSync(
        join(
          folder,
          `2026-10-01_22-${minute}-00_L_300.00s_${hfr}_300_${String(i).padStart(4, '0')}.fits`,
        ),
        '',
      );
    }
    writeFileSync(
      join(root, 'astro.config.yaml'),
      `parsers:\n  - [nina, { pattern: '${PATTERN}' }]\nquality:\n  maxHfr: 3.5\nplan:\n  targetHours: 10\n  allocation: { L: 100 }\n  rejectionBuffer: measured\n`,
    );
    const json = await runCli(
      ['scan', 'archive', '--config', 'astro.config.yaml', '--no-headers', '--reporter', 'json'],
      { cwd: root, env: { ASTROTRACK_DATA_DIR: join(root, 'data') } },
    );
    expect(json.code, json.stderr).toBe(0);
    const { plan } = JSON.parse(json.stdout) as ExposureReport;
    expect(plan!.filters[0]).toMatchObject({
      rejectionBufferPercent: 20,
      bufferSource: 'measured',
      bufferFrames: 30,
      targetSeconds: 43_200,
    });
  });

  it("gives AstroBin's meanFwhm in arcseconds: the measured FWHM, or twice the HFR, times the plate scale", async () => {
    const root = tempDir();
    const folder = join(root, 'archive');
    mkdirSync(folder, { recursive: true });
    // 3.76 µm pixels at 250 mm: 3.102″ a pixel. FWHM 3.0 px, and HFR 2.0 px (4.0 px FWHM): 9.31″ and 12.41″, mean 10.86″.
    const frame = (i: number, star: [string, number]) =>
      writeFitsFrame(join(folder, `M31_L_${i}.fits`), [
        ['IMAGETYP', 'LIGHT'],
        ['EXPTIME', 300],
        ['FILTER', 'L'],
        ['OBJECT', 'M31'],
        ['FOCALLEN', 250],
        ['XPIXSZ', 3.76],
        star,
        ['DATE-LOC', `2026-10-01T22:0${i}:00`],
      ]);
    frame(1, ['FWHM', 3]);
    frame(2, ['HFR', 2]);
    writeFileSync(
      join(root, 'astro.config.yaml'),
      'reporters:\n  - [astrobin, { filterIds: { L: 4650 } }]\n',
    );
    const result = await runCli(
      ['scan', 'archive', '--config', 'astro.config.yaml', '--reporter', 'astrobin'],
      { cwd: root, env: { ASTROTRACK_DATA_DIR: join(root, 'data') } },
    );
    expect(result.code, result.stderr).toBe(0);
    const [header, row] = result.stdout.trim().split(/\r?\n/);
    const fields = header!.split(',');
    expect(fields).toContain('meanFwhm');
    const scale = (206.265 * 3.76) / 250;
    expect(row!.split(',')[fields.indexOf('meanFwhm')]).toBe(
      String(Math.round(((3 + 4) / 2) * scale * 100) / 100),
    );
  });

  it("reads N.I.N.A. Session Metadata's ImageMetaData.csv beside the frames, where name and header say nothing", async () => {
    const root = tempDir();
    const folder = join(root, 'archive', 'M31', 'LIGHT');
    const names = ['M31_L_0001.fits', 'M31_L_0002.fits', 'M31_L_0003.fits'];
    for (const [i, name] of names.entries())
      writeFitsFrame(join(folder, name), [
        ['IMAGETYP', 'LIGHT'],
        ['EXPTIME', 300],
        ['FILTER', 'L'],
        ['OBJECT', 'M31'],
        ['DATE-LOC', `2026-10-01T22:0${i}:00`],
      ]);
    // As the plugin writes it: Windows paths, NaN where Hocus Focus is not installed, 0 without guiding.
    writeFileSync(
      join(folder, 'ImageMetaData.csv'),
      [
        'ExposureNumber,FilePath,FilterName,Duration,DetectedStars,HFR,HFRStDev,FWHM,Eccentricity,GuidingRMS,GuidingRMSArcSec',
        '1,"C:\\Astro\\M31\\LIGHT\\M31_L_0001.fits",L,300,420,2.10,0.3,NaN,NaN,0.5,0.61',
        '2,"C:\\Astro\\M31\\LIGHT\\M31_L_0002.fits",L,300,380,2.50,0.3,NaN,NaN,0,0',
        '3,"C:\\Astro\\M31\\LIGHT\\M31_L_0003.fits",L,300,90,4.00,0.3,NaN,NaN,0.6,0.75',
      ].join('\r\n'),
    );
    writeFileSync(join(root, 'astro.config.yaml'), 'quality:\n  minStars: 100\n');
    const scan = async (...args: string[]) =>
      JSON.parse(
        (
          await runCli(
            ['scan', 'archive', '--config', 'astro.config.yaml', '--reporter', 'json', ...args],
            {
              cwd: root,
              env: { ASTROTRACK_DATA_DIR: join(root, 'data') },
            },
          )
        ).stdout,
      ) as ExposureReport;
    const report = await scan();
    expect(report.totalSubs).toBe(3);
    expect(report.quality[0]).toMatchObject({
      frames: 3,
      likelyRejects: 1,
      hfr: { frames: 3, median: 2.5, min: 2.1, max: 4 },
      starCount: { frames: 3, median: 380 },
      fwhm: null,
      guidingRms: { frames: 2, median: 0.68, min: 0.61, max: 0.75 },
    });
    // Names only open no file, the sidecar included.
    expect((await scan('--no-headers')).quality).toEqual([]);
    const inspected = await runCli(
      [
        'inspect',
        join('archive', 'M31', 'LIGHT', 'M31_L_0003.fits'),
        '--config',
        'astro.config.yaml',
      ],
      { cwd: root },
    );
    expect(inspected.stdout).toMatch(/hfr +4 +sidecar ImageMetaData\.csv HFR/);
    expect(inspected.stdout).toMatch(/starCount +90 +sidecar ImageMetaData\.csv DetectedStars/);
  });
});
