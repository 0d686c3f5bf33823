/**
 * A night as it is after a grader, a backup and a hard-link organize: `astrotrack scan` counts each
 * frame once and only accepted lights, and shows what it left out; `organize` moves each frame once
 * and leaves rejected frames and copies where they are.
 */
import { cpSync, existsSync, linkSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { formatFitsHeader } from '@astrotrack/fits';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '@astrotrack/test-utils/temp-dir';
import { runCli } from './test-support/run-cli.js';

const tempDir = useTempDir();

function light(root: string, path: string, minute: number, type = 'LIGHT') {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(
    join(root, path),
    formatFitsHeader([
      ['SIMPLE', true],
      ['BITPIX', 16],
      ['NAXIS', 0],
      ['IMAGETYP', type],
      ['FILTER', 'Ha'],
      ['EXPTIME', 300],
      ['OBJECT', 'NGC 7000'],
      ['DATE-OBS', `2025-09-14T01:${String(minute).padStart(2, '0')}:00.123`],
    ]),
  );
}

function night(): { dir: string; data: string; env: NodeJS.ProcessEnv } {
  const dir = tempDir();
  const data = join(dir, 'NGC7000');
  for (let i = 0; i < 6; i++) light(data, `2025-09-13/Ha_${i}.fits`, i);
  light(data, '2025-09-13/rejected/Ha_6.fits', 6);
  light(data, '2025-09-13/Snapshot_7.fits', 7, 'SNAPSHOT');
  cpSync(join(data, '2025-09-13'), join(data, 'backup', '2025-09-13'), { recursive: true });
  mkdirSync(join(data, 'links'));
  linkSync(join(data, '2025-09-13/Ha_0.fits'), join(data, 'links/Ha_0.fits'));
  return { dir, data, env: { XDG_CONFIG_HOME: join(dir, 'xdg') } };
}

describe('each frame once, only accepted lights', () => {
  it('scan counts 6 subs, shows the one rejected and the frames found twice', async () => {
    const { dir, data, env } = night();
    const result = await runCli(['scan', data, '--no-flats'], { env, cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('NGC7000: 6 light frames counted');
    expect(result.stdout).toContain('Overall total: 0 h 30 m (6 subs)');
    // The backup of the reject folder holds the same rejected frame: one rejected, not two.
    expect(result.stdout).toMatch(/\| Ha\s+\|\s+6 \| 0 h 30 m\s+\|\s+1 \| 0 h 5 m\s+\|\s+14 % \|/);
    expect(result.stdout).toContain('Frames counted once');
    expect(result.stdout).toMatch(
      /\| links\/Ha_0\.fits\s+\| 2025-09-13\/Ha_0\.fits\s+\| same file \|/,
    );
    expect(result.stdout).toMatch(
      /\| backup\/2025-09-13\/Ha_5\.fits\s+\| 2025-09-13\/Ha_5\.fits\s+\| copy\s+\|/,
    );
    expect(result.stdout).toContain(
      '2 file(s) were not recognised as frames: 2 not integration (snapshots, focus and test frames',
    );
    const json = JSON.parse(
      (await runCli(['scan', data, '--no-flats', '--reporter', 'json'], { env, cwd: dir })).stdout,
    );
    expect(json.frames).toMatchObject({ counted: 6, rejected: 1, duplicates: 8 });
    expect(json.skipped[0].examples).toContain(
      "backup/2025-09-13/Snapshot_7.fits: its header says IMAGETYP 'SNAPSHOT' is not integration",
    );
  });

  it('organize moves each frame once, and leaves rejected frames and copies', async () => {
    const { dir, data, env } = night();
    const result = await runCli(['organize', data, '--yes', '--layout', '{filter}'], {
      env,
      cwd: dir,
    });
    expect(result.code, result.stderr).toBe(0);
    for (let i = 0; i < 6; i++) expect(existsSync(join(data, 'Ha', `Ha_${i}.fits`))).toBe(true);
    expect(existsSync(join(data, '2025-09-13/rejected/Ha_6.fits'))).toBe(true);
    expect(existsSync(join(data, 'backup/2025-09-13/Ha_3.fits'))).toBe(true);
    expect(existsSync(join(data, 'links/Ha_0.fits'))).toBe(true);
    const after = JSON.parse(
      (await runCli(['scan', data, '--no-flats', '--reporter', 'json'], { env, cwd: dir })).stdout,
    );
    expect(after.totalSubs).toBe(6);
  });
});
