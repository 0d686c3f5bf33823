import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSampleArchive } from '@astrotrack/sample';
import { useTempDir } from '@astrotrack/test-utils/temp-dir';
import { runCli } from '../test-support/run-cli.js';

const tempDir = useTempDir();

function setup() {
  const dir = tempDir();
  const library = join(dir, 'flats.json');
  const env = { XDG_CONFIG_HOME: join(dir, 'xdg'), ASTROTRACK_DATA_DIR: join(dir, 'data') };
  const flats = (...args: string[]) =>
    runCli(['flats', '--library', library, ...args], { env, cwd: dir });
  return { dir, library, env, flats };
}

describe('astrotrack flats', () => {
  it('adds, lists, removes and clears flats in the library file', async () => {
    const { library, flats } = setup();
    expect(await flats('add', 'Lum', '45', '56', '--date', '2025-09-15')).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('added L flats at 45°, 56° (2025-09-15)'),
    });
    await flats('add', 'R', '33', '--date', '2025-04-01');
    const listed = JSON.parse((await flats('list', '--json')).stdout);
    expect(
      listed.flats.map((f: { filter: string; angle: number }) => `${f.filter}${f.angle}`),
    ).toEqual(['L45', 'L56', 'R33']);
    expect((await flats('list')).stdout).toMatch(/\| R +\| +33° \| any +\| 2025-04-01 \| ⚠ OLD/);

    await flats('add', 'L', '30', '--replace', '--date', '2025-10-01');
    expect((await flats('remove', 'R', '33')).stdout).toContain('no R flats remain');
    const left = JSON.parse(readFileSync(library, 'utf8'));
    expect(left.rigs.default.flats).toEqual([
      { filter: 'L', angle: 30, date: '2025-10-01', source: 'added' },
    ]);

    const unconfirmed = await flats('clear');
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stdout).toContain('to confirm: astrotrack flats clear --yes');
    expect(JSON.parse(readFileSync(library, 'utf8')).rigs.default.flats).toHaveLength(1);
    expect(await flats('clear', '--yes')).toMatchObject({ code: 0 });
    expect(JSON.parse(readFileSync(library, 'utf8')).rigs.default.flats).toEqual([]);
  });

  it('refuses what is not a day, a filter or a binning, and reads a binning as people write it', async () => {
    const { library, flats } = setup();
    for (const [args, message] of [
      [['L', '45', '--date', '2025-13-45'], 'error: bad --date "2025-13-45"'],
      [['L', '45', '--date', '2025-02-30'], 'error: bad --date "2025-02-30"'],
      [['L', '45', '--date', '2999-01-01'], 'error: bad --date "2999-01-01": it is in the future'],
      [['L,R', '45'], 'error: "L,R" is not one filter name'],
      [['L', '45', '--binning', '2y2'], 'error: bad --binning "2y2"'],
    ] as const) {
      const result = await flats('add', ...args);
      expect(result.code, args.join(' ')).toBe(64);
      expect(result.stderr.split('\n')[0]).toBe(message);
    }
    expect(existsSync(library)).toBe(false);
    expect((await flats('add', 'L', '45', '--binning', '2', '--date', '2025-09-15')).code).toBe(0);
    expect((await flats('add', 'L', '50', '--binning', '1X2', '--date', '2025-09-15')).code).toBe(
      0,
    );
    const stored = JSON.parse(readFileSync(library, 'utf8')).rigs.default.flats;
    expect(stored.map((flat: { binning: string }) => flat.binning)).toEqual(['2x2', '1x2']);
  });

  it('resets the whole library only with --yes', async () => {
    const { library, flats } = setup();
    await flats('add', 'L', '45');
    const unconfirmed = await flats('reset');
    expect(unconfirmed).toMatchObject({ code: 2, stdout: expect.stringContaining('WARNING') });
    expect(readFileSync(library, 'utf8')).toContain('"L"');
    expect(await flats('reset', '--yes')).toMatchObject({
      code: 0,
      stdout: `deleted ${library}\n`,
    });
    expect((await flats('list')).stdout).toContain('no flats recorded');
  });

  it('refuses a corrupt library with exit code 65 and leaves it as it was', async () => {
    const { library, flats } = setup();
    writeFileSync(library, '{ "schemaVersion": 1, ');
    const result = await flats('add', 'L', '45');
    expect(result.code).toBe(65);
    expect(result.stderr).toContain(
      `error: the flat library ${library} cannot be read: not valid JSON`,
    );
    expect(readFileSync(library, 'utf8')).toBe('{ "schemaVersion": 1, ');

    // `scan` reads the library before it scans: the same error, its hint, exit 65 (not 1).
    const { dir } = setup();
    generateSampleArchive(join(dir, 'archive'));
    const scan = await runCli(['scan', join(dir, 'archive', 'M31'), '--library', library], {
      cwd: dir,
    });
    expect(scan.code).toBe(65);
    expect(scan.stderr).toMatch(
      /^error: the flat library .+ cannot be read: not valid JSON.*\nhint: /,
    );
  });

  it('learns the NINA and ASIAIR flat sets of the sample archive, and adds nothing the second time', async () => {
    const { dir, flats } = setup();
    const archive = join(dir, 'archive');
    generateSampleArchive(archive, { withData: false });
    const first = await flats('learn', archive);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('34 flat frame(s) in 8 set(s); recorded 8 new');
    for (const line of [
      'L 1x1 45° 2025-09-15 (5 frames)',
      // The ASIAIR's flats: no rotator, so sets without an angle.
      'Ha 1x1 no angle 2025-09-17 (5 frames)',
      'OIII 1x1 no angle 2025-09-17 (5 frames)',
      'ALPT 1x1 69.6° 2025-08-01 (3 frames)',
    ]) {
      expect(first.stdout).toContain(line);
    }
    const second = await flats('learn', archive);
    expect(second.stdout).toContain('recorded 0 new');
    expect(second.stdout).toContain('8 set(s) already in the library');
  });

  it('learns through the header cache, writes none on a dry run, and reads again with --no-cache', async () => {
    const { dir, flats } = setup();
    const archive = join(dir, 'archive');
    generateSampleArchive(archive, { withData: false });
    const cache = join(archive, '.astrotrack', 'cache');
    const dry = await flats('learn', archive, '--dry-run', '--verbose');
    expect(dry.stderr).toMatch(/debug: header cache: 0 headers from the cache, \d+ read/);
    expect(existsSync(cache)).toBe(false);

    const first = await flats('learn', archive, '--verbose');
    const read = Number(
      /header cache: 0 headers from the cache, (\d+) read/.exec(first.stderr)?.[1],
    );
    expect(read).toBeGreaterThan(400);
    const second = await flats('learn', archive, '--verbose');
    expect(second.stderr).toContain(`debug: header cache: ${read} headers from the cache, 0 read`);
    expect(second.stdout).toContain('8 set(s) already in the library');

    const off = await flats('learn', archive, '--no-cache', '--verbose');
    expect(off.stderr).not.toContain('header cache');
    expect(off.stdout).toContain('8 set(s) already in the library');
  });

  it('imports the Python toolkit history', async () => {
    const { dir, flats } = setup();
    const legacy = join(dir, '.astrophotography_flats.json');
    writeFileSync(
      legacy,
      JSON.stringify({ ALPT: { '70.0': '2025-09-21' }, L: { '82.0': '2025-09-21' } }),
    );
    expect((await flats('import-legacy', legacy)).stdout).toContain('imported 2 flat set(s)');
    expect((await flats('import-legacy', legacy)).stdout).toContain('imported 0 flat set(s)');
  });
});

describe('astrotrack scan with flats', () => {
  it("shows the War and Peace Nebula's coverage from the learned flats, with a status that agrees", async () => {
    const { dir, library, env, flats } = setup();
    const archive = join(dir, 'archive');
    generateSampleArchive(archive, { withData: false });
    await flats('learn', archive);
    const target = join(archive, 'The War and Peace Nebula');
    const scan = await runCli(['scan', target, '--library', library], { env, cwd: dir });
    expect(scan.code).toBe(0);
    expect(scan.stdout).toMatch(/\| ALPT +\| 70\.40°–72\.53° .*\| 72° +\| ⚠ Need more \|/);
    expect(scan.stdout).toContain(
      'ALPT: 69.6°→70.40°–71.67°; 75.0°→72.50°–72.53°; ?→72.41°–72.49° (shoot 72°)',
    );

    const json = JSON.parse(
      (
        await runCli(['scan', target, '--library', library, '--reporter', 'json'], {
          env,
          cwd: dir,
        })
      ).stdout,
    );
    const alpt = json.sections[0].data.filters.find((f: { filter: string }) => f.filter === 'ALPT');
    expect(json.sections[0]).toMatchObject({ id: 'flats', plugin: 'astrotrack:flats' });
    expect(alpt).toMatchObject({ status: 'need-some', needed: [72] });
    // The sample's flats are from August 2025: long past 90 days, so the report says so.
    expect(json.warnings).toContainEqual({
      code: 'old-flats',
      message: '3 flat set(s) are older than 90 days; dust moves: consider shooting them again',
      count: 3,
      examples: ['ALPT 69.6° (2025-08-01)', 'ALPT 75° (2025-08-01)', 'ALPT 128° (2025-08-01)'],
    });

    const noFlats = JSON.parse(
      (await runCli(['scan', target, '--no-flats', '--reporter', 'json'], { env, cwd: dir }))
        .stdout,
    );
    // The folder's flat frames still calibrate its lights: the calibration section stays.
    expect(noFlats.sections.map((section: { id: string }) => section.id)).toEqual(['calibration']);
    const without = JSON.parse(
      (
        await runCli(['scan', target, '--no-flats', '--no-calibration', '--reporter', 'json'], {
          env,
          cwd: dir,
        })
      ).stdout,
    );
    expect(without.sections).toEqual([]);
  });
});
