/**
 * `plan.rejectionBuffer: measured` (#19): per filter, the share of its lights in reject folders, on
 * enough frames; the fallback below that. The numbers are worked out by hand.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExposureReport } from '@astrotrack/core';
import { useTempDir } from '@astrotrack/test-utils/temp-dir';
import { runCli } from './test-support/run-cli.js';
import { writeFitsFrame } from './test-support/write-fits-frame.js';

const tempDir = useTempDir();

function lights(root: string, folder: string, filter: string, count: number) {
  for (let i = 0; i < count; i++) {
    writeFitsFrame(join(root, folder, `M31_${filter}_300s_${String(i).padStart(4, '0')}.fits`), [
      ['IMAGETYP', 'LIGHT'],
      ['EXPTIME', 300],
      ['FILTER', filter],
      ['OBJECT', 'M31'],
      ['DATE-LOC', `2026-10-01T22:${String(i % 60).padStart(2, '0')}:00`],
    ]);
  }
}

describe('a measured rejection buffer', () => {
  it('is the share of each filter’s lights in reject folders, or the fallback with too few frames', async () => {
    const root = tempDir();
    const archive = join(root, 'archive');
    lights(archive, 'L', 'L', 40);
    lights(archive, 'L/rejected', 'L', 10); // 10 of 50: 20 %
    lights(archive, 'R', 'R', 5);
    lights(archive, 'R/bad', 'R', 1); // 6 frames: fewer than 30, the fallback
    writeFileSync(
      join(root, 'astro.config.yaml'),
      'plan:\n  targetHours: 10\n  allocation: { L: 50, R: 50 }\n  rejectionBuffer: measured\n  bufferFallback: 12\n',
    );
    const result = await runCli(
      ['scan', 'archive', '--config', 'astro.config.yaml', '--reporter', 'json'],
      { cwd: root, env: { ASTROTRACK_DATA_DIR: join(root, 'data') } },
    );
    expect(result.code, result.stderr).toBe(0);
    const { plan } = JSON.parse(result.stdout) as ExposureReport;
    expect(plan!.bufferSource).toBe('measured');
    expect(
      plan!.filters.map((f) => [
        f.filter,
        f.rejectionBufferPercent,
        f.bufferSource,
        f.bufferFrames,
        f.targetSeconds,
      ]),
    ).toEqual([
      ['L', 20, 'measured', 50, 21_600], // 5 h × 1.20
      ['R', 12, 'fallback', 6, 20_160], // 5 h × 1.12
    ]);
    expect(plan!.captureSeconds).toBe(21_600 + 20_160);
    expect(plan!.rejectionBufferPercent).toBe(16);
    expect(plan!.filters[0]!.remainingSeconds).toBe(21_600 - 40 * 300);

    const table = await runCli(['scan', 'archive', '--config', 'astro.config.yaml'], {
      cwd: root,
      env: { ASTROTRACK_DATA_DIR: join(root, 'data') },
    });
    expect(table.stdout).toContain(
      'measured rejection buffer (L 20 % of 50 frames, R 12 % fallback: 6 frames)',
    );
  });
});
