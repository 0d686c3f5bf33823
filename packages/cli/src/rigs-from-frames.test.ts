/**
 * Rigs from the frames (#19): one scan of a mixed archive splits integration, projects, mosaics,
 * the measured buffer, quality, flats and calibration per optical train, by INSTRUME, TELESCOP and
 * FOCALLEN; frames no rig fits count under the default rig, and the report says how many. Every
 * number is worked out by hand from test-support/two-rig-archive.ts.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExposureReport } from '@astrotrack/core';
import { CALIBRATION_SECTION_ID, FLATS_SECTION_ID, reportSection } from '@astrotrack/core/internal';
import { useTempDir } from '@astrotrack/test-utils/temp-dir';
import { runCli } from './test-support/run-cli.js';
import { TWO_RIG_CONFIG, writeTwoRigArchive } from './test-support/two-rig-archive.js';

const tempDir = useTempDir();

function setUp() {
  const root = tempDir();
  const night = writeTwoRigArchive(join(root, 'archive'));
  writeFileSync(join(root, 'astro.config.yaml'), TWO_RIG_CONFIG);
  const run = async (...args: string[]) => {
    const result = await runCli([...args, '--config', 'astro.config.yaml'], {
      cwd: root,
      env: { ASTROTRACK_DATA_DIR: join(root, 'data') },
    });
    expect(result.code, result.stderr).toBe(0);
    return result.stdout;
  };
  const scan = async (...args: string[]) =>
    JSON.parse(await run('scan', 'archive', '--reporter', 'json', ...args)) as ExposureReport;
  return { night, run, scan };
}

describe('rigs from the frames', () => {
  it('splits integration per rig and counts the frames no rig fits under the default', async () => {
    const { scan } = setUp();
    const report = await scan();
    expect(report.totalSubs).toBe(61); // 33 RedCat + 24 Edge + 4 neither
    expect(
      report.rigs.map((r) => [r.rig, r.default, r.frames, r.unmatched, r.subs, r.totalSeconds]),
    ).toEqual([
      // Lights, flats and darks: 18 M 31 + 15 Veil + 15 flats + 5 darks (rejected/ not counted).
      ['redcat', false, 53, 0, 33, 18 * 300 + 15 * 300],
      // 14 NGC 7000 + 10 M 42 + 5 flats; the EdgeHD's 2030 mm is within 5 % of 2032.
      ['edge', false, 29, 0, 24, 14 * 600 + 10 * 120],
      // The DSLR, and the RedCat's camera on another lens: the match needs the telescope too.
      [null, true, 4, 4, 4, 4 * 60],
    ]);
    expect(report.rigs[0]!.match).toBe('camera ZWO ASI2600MM Pro, telescope RedCat 51');
    expect(report.rigs[1]!.targets.map((t) => [t.target, t.subs])).toEqual([
      ['NGC 7000', 14],
      ['M42', 10],
    ]);
    const warning = report.warnings.find((w) => w.code === 'rig-unmatched')!;
    expect(warning.count).toBe(4);
    expect(warning.examples).toContain('other/M 45/M45_L_60s_0091.fits');
  });

  it('gives every project its own rig, measured buffer and goal, each number by hand', async () => {
    const { scan } = setUp();
    const report = await scan();
    const rows = report.projects.map((p) => [
      p.rig,
      p.target,
      p.percentComplete,
      p.plan.captureSeconds,
      p.plan.remainingSeconds,
    ]);
    expect(rows).toEqual([
      // No frames anywhere: listed once, under the rig the goal belongs to (the top level); the
      // top level's own Ha has no frames, so the fallback 10 %: 3 h × 1.1.
      [null, 'IC 1396', 0, 11_880, 11_880],
      // The mosaic's own goal, under the rig that shot its panels, at RedCat's Ha buffer (0 %).
      ['redcat', 'Veil', 0, 7200, 7200],
      // Each panel: 2 h, RedCat Ha measured on 15 frames with no reject: 0 %.
      ['redcat', 'Veil Panel 2', 8.3, 7200, 7200 - 2 * 300],
      // M 31: L 28,793 s (see below) + R 15,840 s; 12 L + 6 R × 300 s done.
      ['redcat', 'M31', 12.1, 44_633, 44_633 - 18 * 300],
      ['redcat', 'Veil Panel 4', 12.5, 7200, 7200 - 3 * 300],
      ['redcat', 'Veil Panel 1', 16.7, 7200, 7200 - 4 * 300],
      ['redcat', 'Veil Panel 3', 25, 7200, 7200 - 6 * 300],
      // NGC 7000: Ha 17,280 s + OIII 15,840 s; 8,400 s done: 25.4 %.
      ['edge', 'NGC 7000', 25.4, 33_120, 33_120 - 14 * 600],
      // M 42: 1 h, no buffer; 10 × 120 s.
      ['edge', 'M42', 33.3, 3600, 3600 - 10 * 120],
    ]);
    const filters = (target: string) =>
      report.projects
        .find((p) => p.target === target)!
        .plan.filters.map((f) => [
          f.filter,
          f.rejectionBufferPercent,
          f.bufferSource,
          f.bufferFrames,
          f.targetSeconds,
          f.remainingSubs,
        ]);
    // The measured buffer per rig and filter: the rejects' share of that rig's own frames.
    expect(filters('M31')).toEqual([
      // RedCat L: 12 counted + 3 in rejected/; rejected: those 3 and 2 past maxHfr 3.0 → 5/15.
      // 10 h × 60 % × 1.333 = 28,792.8 s; 84 subs of 300 s still to shoot.
      ['L', 33.3, 'measured', 15, 28_793, 84],
      // RedCat R: 6 frames, under bufferMinFrames 10: the fallback 10 %; 10 h × 40 % × 1.1.
      ['R', 10, 'fallback', 6, 15_840, 47],
    ]);
    expect(filters('NGC 7000')).toEqual([
      // Edge Ha: 10 frames, 2 with 80 stars (minStars 100, from ImageMetaData.csv) → 20 %.
      ['Ha', 20, 'measured', 10, 17_280, 19],
      // Edge OIII: 4 + 2 in bad/ = 6 frames: the fallback; 8 h × 50 % × 1.1.
      ['OIII', 10, 'fallback', 6, 15_840, 23],
    ]);
    // One rig's thresholds are not another's: the Edge's Ha is measured by stars only.
    expect(
      report.quality.map((q) => [q.rig, q.target, q.filter, q.frames, q.likelyRejects]),
    ).toEqual([
      ['redcat', 'M31', 'L', 12, 2],
      ['redcat', 'M31', 'R', 6, 0],
      ['edge', 'NGC 7000', 'Ha', 10, 2],
      ['redcat', 'Veil Panel 1', 'Ha', 4, 0],
      ['redcat', 'Veil Panel 2', 'Ha', 2, 0],
      ['redcat', 'Veil Panel 3', 'Ha', 6, 0],
      ['redcat', 'Veil Panel 4', 'Ha', 3, 0],
    ]);
    expect(report.mosaics).toHaveLength(1);
    const [veil] = report.mosaics;
    expect(veil!.rig).toBe('redcat');
    expect(veil!.panels.map((p) => [p.panel, p.subs, p.percentComplete])).toEqual([
      [2, 2, 8.3],
      [4, 3, 12.5],
      [1, 4, 16.7],
      [3, 6, 25],
    ]);
  });

  it('never lets a rig borrow another rig’s flats, in the calibration and flats sections', async () => {
    const { night, run, scan } = setUp();
    const calibration = reportSection(await scan(), CALIBRATION_SECTION_ID)!;
    const group = (rig: string | null, target: string, filter: string) =>
      calibration.groups.filter((g) => g.rig === rig && g.target === target && g.filter === filter);
    // RedCat's L flats calibrate its own M 31; the Edge's M 42 in L has none, and the top level's
    // ASI2600MM Pro on a Samyang has none either, though the camera is the RedCat's.
    expect(group('redcat', 'M31', 'L').map((g) => g.flat.status)).toEqual(['ok']);
    expect(group('edge', 'M42', 'L').map((g) => g.flat.status)).toEqual(['missing']);
    expect(group(null, 'M45', 'L').map((g) => [g.camera, g.flat.status])).toEqual([
      ['Canon EOS 6D', 'missing'],
      ['ZWO ASI2600MM Pro', 'missing'],
    ]);
    // Darks belong to the camera: the RedCat's 300 s darks serve its lights, not the Edge's.
    expect(group('redcat', 'Veil Panel 1', 'Ha')[0]!.dark.set?.camera).toBe('ZWO ASI2600MM Pro');
    expect(group('edge', 'NGC 7000', 'Ha')[0]!.dark.status).toBe('missing');
    expect(
      calibration.toShoot
        .filter((set) => set.kind === 'flat')
        .map((set) => [set.rig, set.filter, set.camera]),
    ).toEqual([
      ['edge', 'L', 'ZWO ASI294MM Pro'],
      ['edge', 'OIII', 'ZWO ASI294MM Pro'],
      [null, 'L', 'Canon EOS 6D'],
      [null, 'L', 'ZWO ASI2600MM Pro'],
    ]);

    // flats learn records each rig's flats under its own name …
    const learned = await run('flats', 'learn', 'archive');
    expect(learned).toContain(`redcat: L no angle ${night} (5 frames)`);
    expect(learned).toContain(`edge: Ha no angle ${night} (5 frames)`);
    // … and the flats section matches each rig's lights with those alone.
    const flats = reportSection(await scan(), FLATS_SECTION_ID)!;
    expect(flats.filters.map((f) => [f.rig, f.filter, f.status])).toEqual([
      ['redcat', 'L', 'have-all'],
      ['redcat', 'R', 'have-all'],
      ['redcat', 'Ha', 'have-all'],
      ['edge', 'L', 'need-all'],
      ['edge', 'Ha', 'have-all'],
      ['edge', 'OIII', 'need-all'],
      [null, 'L', 'need-all'],
    ]);
  });

  it('shows the rigs in every reporter, and --rig counts the whole archive as one rig', async () => {
    const { run, scan } = setUp();
    const table = await run('scan', 'archive');
    expect(table).toContain('Integration by rig');
    expect(table).toMatch(/\| edge +\| telescope EdgeHD 8, focal length 2032 mm +\| +29 \|/);
    expect(table).toContain('4 frames matched no rig and count under (top level).');
    expect(table).toContain('redcat: Veil: 4 panels, 1 h 15 m; next: panel 2');
    const markdown = await run('scan', 'archive', '--reporter', 'markdown');
    expect(markdown).toMatch(/\| redcat +\| M31 +\| 10 h 0 m +\| +12\.1 % \|/);
    const csv = (await run('scan', 'archive', '--reporter', 'csv')).split('\r\n');
    // `rig` is the last column; `count` comes before the (quoted) match text.
    expect(csv[0]!.endsWith(',rig')).toBe(true);
    const count = csv[0]!.split(',').indexOf('count');
    const rigRows = csv.filter((line) => line.startsWith('rig,')).map((line) => line.split(','));
    expect(rigRows.map((row) => [row.at(-1), row[count]])).toEqual([
      ['redcat', '53'],
      ['edge', '29'],
      ['', '4'],
    ]);

    const forced = await scan('--rig', 'edge');
    expect(forced.rigs).toEqual([]);
    expect(forced.rig).toBe('edge');
    expect(forced.totalSubs).toBe(61);
    expect(forced.projects.every((p) => p.rig === undefined)).toBe(true);
  });
});
