/**
 * Mosaics (#19): targets named as panels are grouped under their mosaic, each panel with its
 * totals, the one furthest behind its goal first; a goal for the mosaic applies to every panel.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExposureReport } from '@astrotrack/core';
import { useTempDir } from '@astrotrack/test-utils/temp-dir';
import { runCli } from './test-support/run-cli.js';
import { writeFitsFrame } from './test-support/write-fits-frame.js';

const tempDir = useTempDir();

/** Each panel on its own hour: frames taken at one moment would be copies of one frame. */
function panel(root: string, object: string, count: number, hour: number) {
  for (let i = 0; i < count; i++) {
    const name = `${object.replaceAll(' ', '_')}_L_300s_${String(i).padStart(4, '0')}.fits`;
    const time = `2026-10-01T${String(hour).padStart(2, '0')}:${String(i).padStart(2, '0')}:00`;
    writeFitsFrame(join(root, object, name), [
      ['IMAGETYP', 'LIGHT'],
      ['EXPTIME', 300],
      ['FILTER', 'L'],
      ['OBJECT', object],
      ['DATE-LOC', time],
    ]);
  }
}

describe('mosaics', () => {
  it('groups the panels under their mosaic, furthest behind first, the mosaic goal per panel', async () => {
    const root = tempDir();
    const archive = join(root, 'archive');
    // Panels 1–4 of M 31 with 12, 3, 8 and 6 subs of 300 s; a goal of 2 h per panel, no buffer.
    panel(archive, 'M 31 Panel 1', 12, 18);
    panel(archive, 'M 31 Panel 2', 3, 19);
    panel(archive, 'M31_Panel_3', 8, 20);
    panel(archive, 'M31 P4', 6, 21);
    panel(archive, 'NGC 7000', 2, 22);
    writeFileSync(
      join(root, 'astro.config.yaml'),
      'targets:\n  M 31:\n    plan: { targetHours: 2, rejectionBuffer: 0 }\n',
    );
    const result = await runCli(
      ['scan', 'archive', '--config', 'astro.config.yaml', '--reporter', 'json'],
      { cwd: root, env: { ASTROTRACK_DATA_DIR: join(root, 'data') } },
    );
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as ExposureReport;
    expect(report.mosaics).toHaveLength(1);
    const [m31] = report.mosaics;
    expect(m31!.mosaic).toBe('M31');
    expect(m31!.subs).toBe(29);
    expect(m31!.totalSeconds).toBe(29 * 300);
    // 2 h = 7200 s per panel: 3 subs 12.5 %, 6 subs 25 %, 8 subs 33.3 %, 12 subs 50 %.
    expect(m31!.panels.map((p) => [p.panel, p.subs, p.percentComplete])).toEqual([
      [2, 3, 12.5],
      [4, 6, 25],
      [3, 8, 33.3],
      [1, 12, 50],
    ]);
    const panels = report.projects.filter((p) => p.goalFrom === 'mosaic');
    expect(panels).toHaveLength(4);
    // The mosaic's own goal is a project too, not shot under that name: at 0 %.
    expect(report.projects.find((p) => p.target === 'M31')).toMatchObject({
      goalFrom: 'target',
      percentComplete: 0,
    });

    const table = await runCli(['scan', 'archive', '--config', 'astro.config.yaml'], {
      cwd: root,
      env: { ASTROTRACK_DATA_DIR: join(root, 'data') },
    });
    expect(table.stdout).toContain('Mosaics (per panel, furthest behind first)');
    expect(table.stdout).toContain('M31: 4 panels, 2 h 25 m; next: panel 2');
  });
});
