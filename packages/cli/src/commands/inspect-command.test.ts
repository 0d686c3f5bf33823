import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatFitsHeader } from '@astrotrack/fits';
import { describe, expect, it } from 'vitest';
import { HEADER_FIXTURES } from '@astrotrack/test-utils/header-fixtures';
import { useTempDir } from '@astrotrack/test-utils/temp-dir';
import { runCli } from '../test-support/run-cli.js';

const tempDir = useTempDir();

function frame(dir: string): string {
  const folder = join(dir, 'M31', '2025-09-14', 'LIGHT');
  mkdirSync(folder, { recursive: true });
  const file = join(folder, '2025-09-14_22-10-00_Ha_45.10_300.00s_0001.fits');
  writeFileSync(
    file,
    formatFitsHeader([
      ['SIMPLE', true],
      ['BITPIX', 16],
      ['NAXIS', 0],
      ['IMAGETYP', 'LIGHT'],
      ['EXPTIME', 300],
      ['FILTER', 'OIII', 'the wheel slot says OIII'],
      ['DATE-LOC', '2025-09-14T22:10:00'],
      ['FLIPPED', false],
    ]),
  );
  return file;
}

describe('astrotrack inspect', () => {
  it('shows the cards, the parsers, and each field with its source', async () => {
    const dir = tempDir();
    const file = frame(dir);
    const result = await runCli(['inspect', file], { env: { XDG_CONFIG_HOME: join(dir, 'xdg') } });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("    FILTER  = 'OIII' / the wheel slot says OIII\n");
    expect(result.stdout).toContain('    toolkit: matched\n');
    expect(result.stdout).toMatch(/ {4}filter {13}OIII {25}header FILTER\n/);
    expect(result.stdout).toMatch(/ {4}rotatorAngle {7}45\.1 {25}filename 45\.10\n/);
    expect(result.stdout).toMatch(/ {4}night {14}2025-09-14 {19}header DATE-LOC\n/);
    expect(result.stdout).toContain(
      'header and name disagree on filter: header OIII, name Ha (the header is believed)',
    );
  });

  it('prints typed JSON for scripts, and reads names only when asked', async () => {
    const dir = tempDir();
    const file = frame(dir);
    const env = { XDG_CONFIG_HOME: join(dir, 'xdg') };
    const [json] = JSON.parse((await runCli(['inspect', file, '--json'], { env })).stdout);
    expect(json.header.cards).toMatchObject({
      SIMPLE: true,
      EXPTIME: 300,
      FILTER: 'OIII',
      FLIPPED: false,
    });
    expect(json.frame).toMatchObject({
      filter: 'OIII',
      exposureSeconds: 300,
      parser: 'toolkit',
      night: '2025-09-14',
    });
    const [names] = JSON.parse(
      (await runCli(['inspect', file, '--json', '--no-headers'], { env })).stdout,
    );
    expect(names.header).toBeNull();
    expect(names.frame).toMatchObject({
      filter: 'Ha',
      sources: { filter: { origin: 'filename', detail: 'Ha' } },
    });
  });

  it('says which files it could not find and exits 66', async () => {
    const dir = tempDir();
    const file = frame(dir);
    const result = await runCli(['inspect', file, join(dir, 'nope.fits')], {
      env: { XDG_CONFIG_HOME: join(dir, 'xdg') },
    });
    expect(result.code).toBe(66);
    expect(result.stderr).toBe(`error: file not found: ${join(dir, 'nope.fits')}\n`);
    expect(result.stdout).toContain(file);
  });

  it('reads folders as scan DIR does: from --root down, never above', async () => {
    const dir = tempDir();
    const env = { XDG_CONFIG_HOME: join(dir, 'xdg') };
    // No OBJECT and no FILTER in the header: both come from the folders.
    const folder = join(dir, 'Targets', 'M31', 'L');
    mkdirSync(folder, { recursive: true });
    const file = join(folder, 'light_120s_0001.fits');
    writeFileSync(
      file,
      formatFitsHeader([
        ['SIMPLE', true],
        ['NAXIS', 0],
        ['IMAGETYP', 'LIGHT'],
        ['EXPTIME', 120],
      ]),
    );
    for (const root of [join(dir, 'Targets'), folder]) {
      const scan = JSON.parse(
        (await runCli(['scan', root, '--reporter', 'json', '--no-flats'], { env })).stdout,
      );
      const [inspected] = JSON.parse(
        (await runCli(['inspect', file, '--json', '--root', root], { env })).stdout,
      );
      expect(inspected.root).toBe(root);
      expect(scan.targets.map((t: { target: string | null }) => t.target)).toEqual([
        inspected.frame.target,
      ]);
      expect(scan.rows.map((r: { filter: string }) => r.filter)).toEqual([inspected.frame.filter]);
    }
    // Scanned from its own folder, nothing above says M31; from Targets, the folder does.
    const [own] = JSON.parse(
      (await runCli(['inspect', file, '--json', '--root', folder], { env })).stdout,
    );
    expect(own.frame.target).toBeNull();
    const [fromCwd] = JSON.parse(
      (await runCli(['inspect', file, '--json'], { env, cwd: join(dir, 'Targets') })).stdout,
    );
    expect(fromCwd.frame.target).toBe('M31');
  });

  it('shows every header of a multi-extension file, and each card problem', async () => {
    const dir = tempDir();
    const fixtures = HEADER_FIXTURES;
    const result = await runCli(
      ['inspect', join(fixtures, 'mef-light.fits'), join(fixtures, 'sloppy-light.fit')],
      { env: { XDG_CONFIG_HOME: join(dir, 'xdg') }, cwd: dir },
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('  primary, 9 cards:\n');
    expect(result.stdout).toContain("  extension 1 (IMAGE 'CCD00'), 12 cards:\n");
    expect(result.stdout).toContain(
      "    OBSERVER= 'José' / an observer\n      ! has bytes that are not printable ASCII\n",
    );
    expect(result.stdout).toContain(
      '  header problem: EXPTIME = "1e999": refused, not a number from 0 to 86400\n',
    );
  });
});
