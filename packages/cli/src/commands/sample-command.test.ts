import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '@astrotrack/test-utils/temp-dir';
import { runCli } from '../test-support/run-cli.js';

const tempDir = useTempDir();

describe('astrotrack sample', () => {
  it('writes an archive that scan reads, and never writes into a folder that holds files', async () => {
    const dir = join(tempDir(), 'archive');
    const env = { XDG_CONFIG_HOME: join(dir, '..', 'xdg') };
    const made = await runCli(['sample', dir, '--header-only'], { env });
    expect(made).toMatchObject({ code: 0, stdout: '' });
    expect(made.stderr).toBe(`wrote 529 frames to ${dir} (headers only)\n`);
    expect(readdirSync(dir).sort()).toEqual([
      'Autorun',
      'M31',
      'M45',
      'Misc',
      'The War and Peace Nebula',
      'Veil Panel 1',
      'Veil Panel 2',
    ]);

    const again = await runCli(['sample', dir], { env });
    expect(again.code).toBe(64);
    expect(again.stderr).toContain(`error: ${dir} is not empty`);
    expect(await runCli(['sample', dir, '--if-missing'], { env })).toMatchObject({ code: 0 });

    const report = JSON.parse((await runCli(['scan', dir, '--reporter', 'json'], { env })).stdout);
    // With headers, IMG_0001.fits counts (its header says LIGHT, 30 s, and names no filter: OSC, with
    // a word), M45's colour camera is OSC by its BAYERPAT, and "Clear" is the filter its header names.
    expect(report.frames).toMatchObject({ files: 529, skipped: 0, unknownFilter: 0 });
    expect(report.frames.byKind).toEqual({ light: 477, flat: 34, dark: 18, bias: 0, darkflat: 0 });
    expect(report.warnings.map((w: { code: string }) => w.code)).toEqual(['no-filter-named']);
    const names = JSON.parse(
      (await runCli(['scan', dir, '--no-headers', '--reporter', 'json'], { env })).stdout,
    );
    // By names alone the toolkit rules cannot tell M45's colour frames from lights of a lost filter.
    expect(names.frames).toMatchObject({ files: 529, skipped: 1, unknownFilter: 41 });
    expect(names.rows.map((r: { filter: string }) => r.filter)).not.toContain('Clear');
  });

  it('refuses a folder with a stray file and a bad --frames', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'x'));
    writeFileSync(join(dir, 'x', 'keep.txt'), 'mine');
    expect((await runCli(['sample', join(dir, 'x')])).code).toBe(64);
    const bad = await runCli(['sample', join(dir, 'y'), '--frames', '-3']);
    expect(bad.code).toBe(64);
    expect(bad.stderr).toContain('bad --frames "-3"');
  });
});
