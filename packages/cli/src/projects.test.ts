/**
 * Goals for every target in one scan (#19): the projects table, each number worked out by hand from
 * the sample archive's subs; a goal found through aliases; --target taking the target's own goal.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExposureReport } from '@astrotrack/core';
import { generateSampleArchive } from '@astrotrack/sample';
import { useTempDir } from '@astrotrack/test-utils/temp-dir';
import { runCli } from './test-support/run-cli.js';

const tempDir = useTempDir();

const CONFIG = `${readFileSync(new URL('../../../samples/astro.config.yaml', import.meta.url), 'utf8')}
targets:
  aliases: { Andromeda Galaxy: M31 }
  Andromeda Galaxy:
    plan: { targetHours: 20, allocation: { L: 40, R: 20, G: 20, B: 20 } }
  NGC 7000:
    plan: { targetHours: 8, allocation: { Ha: 100 }, rejectionBuffer: 0 }
  IC 1396:
    plan: { targetHours: 3 }
`;

function setUp() {
  const dir = tempDir();
  generateSampleArchive(join(dir, 'archive'), { withData: false });
  writeFileSync(join(dir, 'astro.config.yaml'), CONFIG);
  const scan = async (...args: string[]) => {
    const result = await runCli(
      ['scan', 'archive', '--config', 'astro.config.yaml', '--no-calibration', ...args],
      { cwd: dir, env: { ASTROTRACK_DATA_DIR: join(dir, 'data') } },
    );
    expect(result.code, result.stderr).toBe(0);
    return result.stdout;
  };
  return { scan };
}

describe('projects', () => {
  it('gives every target its goal and how far it is, worked out by hand', async () => {
    const { scan } = setUp();
    const report = JSON.parse(await scan('--reporter', 'json')) as ExposureReport;
    const project = (name: string) => report.projects.find((p) => p.target === name)!;

    // M31 (the goal is written "Andromeda Galaxy"): 20 h + the rig's 15 % = 82,800 s.
    const m31 = project('M31');
    expect(m31.goalFrom).toBe('target');
    expect(m31.plan.captureSeconds).toBe(82_800);
    // Sample subs: L 150 × 120 s, R 40 × 180 s, G 35 × 180 s, B 38 × 180 s.
    expect(
      m31.plan.filters.map((f) => [
        f.filter,
        f.targetSeconds,
        f.integratedSeconds,
        f.remainingSubs,
      ]),
    ).toEqual([
      ['L', 33_120, 18_000, 126],
      ['R', 16_560, 7_200, 52],
      ['G', 16_560, 6_300, 57],
      ['B', 16_560, 6_840, 54],
    ]);
    expect(m31.percentComplete).toBe(
      Math.round(((18_000 + 7_200 + 6_300 + 6_840) / 82_800) * 1000) / 10,
    );

    // NGC 7000: 8 h, no buffer, all Ha; its integration as the report counts it.
    const ngc = project('NGC 7000');
    const haSeconds = report.targets
      .find((t) => t.target === 'NGC 7000')!
      .rows.filter((row) => row.filter === 'Ha')
      .reduce((sum, row) => sum + row.totalSeconds, 0);
    expect(ngc.plan.captureSeconds).toBe(28_800);
    expect(ngc.plan.remainingSeconds).toBe(Math.max(0, 28_800 - haSeconds));
    expect(ngc.percentComplete).toBe(Math.round(Math.min(1, haSeconds / 28_800) * 1000) / 10);

    // A goal for a target with no frames yet is a project at 0 %.
    expect(project('IC 1396')).toMatchObject({
      percentComplete: 0,
      plan: { remainingSeconds: 12_420 },
    }); // 3 h + 15 %

    // The rig's plan (10 h, LRGB) for every other target.
    for (const other of report.projects.filter(
      (p) => !['M31', 'NGC 7000', 'IC 1396'].includes(p.target),
    )) {
      expect(other.goalFrom).toBe('rig');
      expect(other.plan.targetHours).toBe(10);
    }
    // Furthest behind first.
    const done = report.projects.map((p) => p.percentComplete);
    expect(done).toEqual([...done].sort((a, b) => a - b));

    const table = await scan();
    expect(table).toContain('Projects (furthest behind first)');
    expect(table).toMatch(/\| M31 +\| 20 h 0 m +\| +46\.3 % \|/);
    expect(await scan('--reporter', 'markdown')).toContain('## Projects (furthest behind first)');
    expect(await scan('--reporter', 'html')).toContain('id="table-projects"');
    const csv = (await scan('--reporter', 'csv')).split('\r\n');
    const header = csv[0]!.split(',');
    const m31Row = csv.find((row) => row.startsWith('project,M31,,,'))!.split(',');
    expect(m31Row[header.indexOf('percentComplete')]).toBe('46.3');
    expect(m31Row[header.indexOf('remainingSubs')]).toBe(String(126 + 52 + 57 + 54));
  });

  it('takes the target’s own goal as the plan of a scan narrowed to it, unless a plan flag is given', async () => {
    const { scan } = setUp();
    const narrowed = JSON.parse(
      await scan('--target', 'm31', '--reporter', 'json'),
    ) as ExposureReport;
    expect(narrowed.plan?.targetHours).toBe(20);
    expect(narrowed.projects.map((p) => p.target)).toEqual(['M31']);
    const flagged = JSON.parse(
      await scan('--target', 'm31', '--target-hours', '5', '--reporter', 'json'),
    ) as ExposureReport;
    expect(flagged.plan?.targetHours).toBe(5);
  });
});
