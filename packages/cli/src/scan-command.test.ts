import { chmodSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatFitsHeader } from '@astrotrack/fits';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '@astrotrack/test-utils/temp-dir';
import { CAN_RUN_AS_USER, runCli } from './test-support/run-cli.js';
import { writeToolkitExample } from './test-support/toolkit-example.js';

const tempDir = useTempDir();

/** An archive and a config home of its own, so no real astro.config is picked up. */
function archive() {
  const dir = tempDir();
  const data = join(dir, 'M31');
  writeToolkitExample(data);
  return {
    dir,
    data,
    env: { XDG_CONFIG_HOME: join(dir, 'xdg'), ASTROTRACK_DATA_DIR: join(dir, 'astrotrack-data') },
  };
}

const PLAN = ['--target-hours', '10', '--alloc', 'L=40,R=20,G=20,B=20'];

describe('astrotrack scan', () => {
  it("prints the toolkit's example output for the toolkit's example folder", async () => {
    const { data, env, dir } = archive();
    const result = await runCli(['scan', data, ...PLAN, '--no-flats'], { env, cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        'M31: 288 light frames counted',
        '',
        'Integration by filter and exposure',
        '+--------+---------+------+----------+----------+-----------+-----------+',
        '| Filter | Exp (s) | Subs | Total    | Target   | Remaining | Rem. subs |',
        '+========+=========+======+==========+==========+===========+===========+',
        '| L      |     120 |  150 | 5 h 0 m  | 4 h 36 m | 0 h 0 m   |         0 |',
        '| R      |     180 |   40 | 2 h 0 m  | 2 h 18 m | 0 h 18 m  |         6 |',
        '| G      |     180 |   35 | 1 h 45 m | 2 h 18 m | 0 h 33 m  |        11 |',
        '| B      |     180 |   38 | 1 h 54 m | 2 h 18 m | 0 h 24 m  |         8 |',
        '| Ha     |     300 |   25 | 2 h 5 m  | —        | —         |         — |',
        '+--------+---------+------+----------+----------+-----------+-----------+',
        '',
        'Totals by exposure',
        '+---------+------+----------+',
        '| Exp (s) | Subs | Total    |',
        '+=========+======+==========+',
        '|     300 |   25 | 2 h 5 m  |',
        '|     180 |  113 | 5 h 39 m |',
        '|     120 |  150 | 5 h 0 m  |',
        '+---------+------+----------+',
        '',
        'Overall total: 12 h 44 m (288 subs)',
        'Plan: 10 h target + 15 % rejection buffer = 11 h 30 m to capture (L 40 %, R 20 %, G 20 %, B 20 %)',
        'Still to capture: 1 h 15 m',
        '',
        // Beyond the toolkit: the nights its names date (its L frames have no date in their name).
        'Integration by night',
        '+------------+---------+------+----------+',
        '| Night      | Filters | Subs | Total    |',
        '+============+=========+======+==========+',
        '| 2025-09-15 | R G B   |  113 | 5 h 39 m |',
        '| 2025-09-16 | Ha      |   25 | 2 h 5 m  |',
        '| (unknown)  | L       |  150 | 5 h 0 m  |',
        '+------------+---------+------+----------+',
        '',
      ].join('\n'),
    );
  });

  it('gives the same figures as JSON on a clean stdout', async () => {
    const { data, env, dir } = archive();
    const result = await runCli(['scan', data, ...PLAN, '--reporter', 'json'], { env, cwd: dir });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(
      report.rows.map((r: { filter: string; subs: number; totalSeconds: number }) => [
        r.filter,
        r.subs,
        r.totalSeconds,
      ]),
    ).toEqual([
      ['L', 150, 18000],
      ['R', 40, 7200],
      ['G', 35, 6300],
      ['B', 38, 6840],
      ['Ha', 25, 7500],
    ]);
    expect(report.totalSeconds).toBe(12 * 3600 + 44 * 60);
    expect(
      report.plan.filters.map(
        (f: { filter: string; remainingSeconds: number; remainingSubs: number }) => [
          f.filter,
          f.remainingSeconds / 60,
          f.remainingSubs,
        ],
      ),
    ).toEqual([
      ['L', 0, 0],
      ['R', 18, 6],
      ['G', 33, 11],
      ['B', 24, 8],
    ]);
    expect(report.root).toBe(data);
  });

  it.each([
    ['remaining-time', ['G', 'B', 'R', 'L', 'Ha']],
    ['remaining_subs', ['G', 'B', 'R', 'L', 'Ha']],
    ['subs', ['L', 'R', 'B', 'G', 'Ha']],
    ['exposure', ['Ha', 'R', 'G', 'B', 'L']],
  ])('sorts with --sort %s', async (key, order) => {
    const { data, env, dir } = archive();
    const result = await runCli(['scan', data, ...PLAN, '--sort', key, '--reporter', 'json'], {
      env,
      cwd: dir,
    });
    expect(JSON.parse(result.stdout).rows.map((r: { filter: string }) => r.filter)).toEqual(order);
  });

  it('reads the plan, buffer and filters from astro.config, and --rig picks a rig', async () => {
    const { data, env, dir } = archive();
    writeFileSync(
      join(dir, 'astro.config.yaml'),
      [
        'plan:',
        '  targetHours: 10',
        '  allocation: { Lum: 40, Red: 20, G: 20, B: 20 }',
        'rigs:',
        '  narrowband:',
        '    plan: { targetHours: 4, allocation: { Ha: 100 }, rejectionBuffer: 0 }',
        '',
      ].join('\n'),
    );
    const json = async (...args: string[]) =>
      JSON.parse(
        (await runCli(['scan', data, '--reporter', 'json', ...args], { env, cwd: dir })).stdout,
      );
    expect((await json()).plan.captureSeconds).toBe(41400);
    const narrow = await json('--rig', 'narrowband');
    expect(narrow.plan.filters).toEqual([
      {
        filter: 'Ha',
        allocationPercent: 100,
        targetSeconds: 14400,
        integratedSeconds: 7500,
        remainingSeconds: 6900,
        subExposureSeconds: 300,
        remainingSubs: 23,
      },
    ]);
    expect((await json('--buffer', '0')).plan.captureSeconds).toBe(36000);
  });

  it('counts unknown filters only with --include-unknown, and says so otherwise', async () => {
    const { data, env, dir } = archive();
    mkdirSync(join(data, 'misc'));
    writeFileSync(
      join(data, 'misc', 'Snapshot_Clear_5.00s_0001.fits'),
      formatFitsHeader([
        ['SIMPLE', true],
        ['NAXIS', 0],
      ]),
    );
    const without = await runCli(['scan', data], { env, cwd: dir });
    expect(without.stdout).toContain(
      '! 1 light frame(s) with no recognisable filter were left out',
    );
    expect(without.stdout).toContain('      misc/Snapshot_Clear_5.00s_0001.fits');
    const withUnknown = await runCli(['scan', data, '--include-unknown'], { env, cwd: dir });
    expect(withUnknown.stdout).toContain('| Unknown |       5 |    1 | 0 h 0 m  |');
  });

  it.skipIf(!CAN_RUN_AS_USER)(
    'warns on stderr about an unreadable subfolder and reports the rest',
    async () => {
      const { data, env, dir } = archive();
      mkdirSync(join(data, 'locked'));
      writeFileSync(join(data, 'locked', 'light_M31_L_120s_9999.fits'), 'x');
      chmodSync(join(data, 'locked'), 0o000);
      // A read-only archive, as on a share the user may only read: the header cache goes to the
      // user's cache folder.
      chmodSync(data, 0o555);
      mkdirSync(join(dir, 'cache'));
      const result = await runCli(['scan', data, '--reporter', 'json'], {
        env: { ...env, XDG_CACHE_HOME: join(dir, 'cache') },
        cwd: dir,
        asUser: true,
      });
      chmodSync(data, 0o755);
      chmodSync(join(data, 'locked'), 0o755);
      expect(result.code).toBe(0);
      expect(result.stderr).toBe(
        `warn: cannot read folder ${join(data, 'locked')} (EACCES): skipped; check its permissions\n`,
      );
      const report = JSON.parse(result.stdout);
      expect(report.totalSubs).toBe(288);
      expect(report.warnings[0]).toMatchObject({ code: 'unreadable-folder', count: 1 });
      expect(readdirSync(join(dir, 'cache', 'astrotrack', 'v4'))).toHaveLength(1);
    },
  );

  it.skipIf(!CAN_RUN_AS_USER)(
    'refuses an unknown reporter before it reads any file, even of an unreadable archive',
    async () => {
      const { data, env, dir } = archive();
      chmodSync(data, 0o000);
      const result = await runCli(['scan', data, '--reporter', 'tabel'], {
        env,
        cwd: dir,
        asUser: true,
      });
      chmodSync(data, 0o755);
      expect(result.code).toBe(64);
      expect(result.stderr.split('\n')[0]).toBe('error: unknown reporter "tabel"');
      expect(readdirSync(data)).not.toContain('.astrotrack');
    },
  );

  it('says what is wrong, in one line and a hint, with the right exit code', async () => {
    const { data, env, dir } = archive();
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    const cases: Array<[string[], number, string]> = [
      [
        ['scan', join(dir, 'nope')],
        66,
        `error: folder not found: ${join(dir, 'nope')}\nhint: check the path; DIR defaults to the current folder\n`,
      ],
      [['scan', empty], 66, `error: no frames found in ${empty}\n`],
      [
        ['scan', data, '--alloc', 'L=40'],
        64,
        'error: --alloc needs a target\nhint: add --target-hours H, or plan.targetHours in astro.config\n',
      ],
      [
        ['scan', data, '--buffer', '20'],
        64,
        'error: --buffer needs a target\nhint: add --target-hours H, or plan.targetHours in astro.config\n',
      ],
      [
        ['scan', data, '-t', '10', '--alloc', 'L=forty'],
        64,
        'error: bad --alloc "L=forty": expected FILTER=PERCENT\nhint: write it like --alloc L=40,R=20,G=20,B=20\n',
      ],
      [
        ['scan', data, '-t', '10', '--alloc', 'Hb=40'],
        64,
        'error: unknown filter "Hb" in the allocation\n',
      ],
      [
        ['scan', data, '-t', 'ten'],
        64,
        'error: bad --target-hours "ten": expected a number from 0.01 to 100000\n',
      ],
      [
        ['scan', data, '--sort', 'fastest'],
        64,
        'error: bad --sort "fastest": Invalid option: expected one of "filter"|"exposure"|',
      ],
      [['scan', data, '--reporter', 'tabel'], 64, 'error: unknown reporter "tabel"\n'],
      [
        ['scan', data, '--reporter', 'jsn'],
        64,
        'error: unknown reporter "jsn" (did you mean "json"?)\n',
      ],
      [
        ['scan', data, '--rig', 'redcat'],
        78,
        'error: no rig named "redcat" (the config defines no rigs)\n',
      ],
      [['scan', data, '--bogus'], 64, "error: unknown option '--bogus'\n"],
    ];
    for (const [args, code, stderr] of cases) {
      const result = await runCli(args, { env, cwd: dir });
      expect({ args, code: result.code, stdout: result.stdout }).toEqual({
        args,
        code,
        stdout: '',
      });
      expect(result.stderr.startsWith(stderr), result.stderr).toBe(true);
    }
  });

  it('accepts on the command line only what the config accepts, and names no rig after Object', async () => {
    const { data, env, dir } = archive();
    const tolerance = await runCli(['organize', data, '--tolerance', '0.1', '--dry-run'], {
      env,
      cwd: dir,
    });
    expect(tolerance.code).toBe(64);
    expect(tolerance.stderr).toBe(
      'error: bad --tolerance "0.1": expected a number from 0.5 to 90\n',
    );
    writeFileSync(join(dir, 'astro.config.yaml'), 'rig: constructor\nrigs:\n  a: {}\n');
    const rig = await runCli(['scan', data], { env, cwd: dir });
    expect(rig.code).toBe(78);
    expect(rig.stderr.split('\n')[0]).toBe('error: no rig named "constructor" (the config has: a)');
    writeFileSync(join(dir, 'astro.config.yaml'), 'flats:\n  anglePrecision: 1e-200\n');
    const precision = await runCli(['flats', 'learn', data, '--dry-run'], { env, cwd: dir });
    expect(precision.code).toBe(78);
    expect(precision.stderr).toContain('flats.anglePrecision: expected a number from 0.001 to 10');
    expect(precision.stderr).not.toContain('    at ');
  });

  it("says where a JavaScript config's syntax is broken, in one line, and exits 78", async () => {
    const { data, env, dir } = archive();
    const config = join(dir, 'astro.config.mjs');
    writeFileSync(config, 'export default {\n  plan: { targetHours: 7 }\n  broken\n};\n');
    const result = await runCli(['scan', data], { env, cwd: dir });
    expect(result.code).toBe(78);
    expect(result.stderr).toBe(
      `error: cannot load ${config}: Unexpected identifier 'broken' (line 3)\nhint: fix the error in it, or pass another file with --config\n`,
    );
  });

  it('lists every problem of a broken config with its path and exits 78', async () => {
    const { data, env, dir } = archive();
    writeFileSync(
      join(dir, 'astro.config.json'),
      JSON.stringify({
        parsers: ['ninja'],
        plan: { allocation: { Hb: 10 } },
        report: { sort: 'fast' },
        rigz: {},
      }),
    );
    const result = await runCli(['scan', data], { env, cwd: dir });
    expect(result.code).toBe(78);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      [
        `error: ${join(dir, 'astro.config.json')} has 4 problems:`,
        '  - report.sort: Invalid option: expected one of "filter"|"exposure"|"subs"|"total"|"remaining-time"|"remaining-subs"',
        '  - rigz: unknown setting (did you mean "rigs"?)',
        // One pass: the names too, though the shape had problems.
        '  - parsers[0]: unknown parser "ninja" (did you mean "nina"?); built-in: apt, asiair, ekos, nina, seestar, sgp, sharpcap, toolkit',
        '  - plan.allocation.Hb: unknown filter (did you mean "Ha"?); known: L, R, G, B, Ha, OIII, SII, ALPT, ALPT2, UVIR, OSC',
        'hint: fix the settings listed; docs/configuration.md describes every key',
        '',
      ].join('\n'),
    );
    const fixedShape = await runCli(['scan', data, '--config', join(dir, 'astro.config.json')], {
      env,
      cwd: dir,
    });
    expect(fixedShape.code).toBe(78);
    writeFileSync(
      join(dir, 'astro.config.json'),
      JSON.stringify({ parsers: ['ninja'], plan: { allocation: { Hb: 10 } } }),
    );
    const semantic = await runCli(['scan', data], { env, cwd: dir });
    expect(semantic.stderr).toContain(
      '  - parsers[0]: unknown parser "ninja" (did you mean "nina"?); built-in: apt, asiair, ekos, nina, seestar, sgp, sharpcap, toolkit\n',
    );
    expect(semantic.stderr).toContain(
      '  - plan.allocation.Hb: unknown filter (did you mean "Ha"?)',
    );
  });

  it('logs what it does with --verbose, on stderr only', async () => {
    const { data, env, dir } = archive();
    const result = await runCli(['scan', data, '--verbose', '--reporter', 'json'], {
      env,
      cwd: dir,
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('info: no astro.config found: using defaults\n');
    expect(() => JSON.parse(result.stdout)).not.toThrow();
    const json = await runCli(
      ['scan', data, '--verbose', '--log-format', 'json', '--reporter', 'json'],
      { env, cwd: dir },
    );
    expect(JSON.parse(json.stderr.split('\n')[0]!)).toMatchObject({
      level: 30,
      msg: 'no astro.config found: using defaults',
    });
  });

  it('scans the current folder when DIR is left out', async () => {
    const { data, env } = archive();
    const result = await runCli(['scan', '--reporter', 'json'], { env, cwd: data });
    expect(JSON.parse(result.stdout).totalSubs).toBe(288);
  });
});

describe('astrotrack scan with the nina parser', () => {
  it('reads names by the pattern from the config, and reports a bad option as a config error', async () => {
    const { data, env, dir } = archive();
    const pattern = '$$DATETIME$$_$$FILTER$$_$$ROTATORANGLE$$_$$EXPOSURETIME$$s_$$FRAMENR$$';
    writeFileSync(
      join(dir, 'astro.config.json'),
      JSON.stringify({ parsers: [['nina', { pattern }], 'toolkit'] }),
    );
    const report = JSON.parse(
      (await runCli(['scan', data, '--no-headers', '--reporter', 'json'], { env, cwd: dir }))
        .stdout,
    );
    expect(report.totalSubs).toBe(288);
    writeFileSync(
      join(dir, 'astro.config.json'),
      JSON.stringify({ parsers: [['nina', { pattern: 5 }]] }),
    );
    const bad = await runCli(['scan', data], { env, cwd: dir });
    expect(bad.code).toBe(78);
    expect(bad.stderr).toContain('  - parsers[0] (nina): "pattern" must be a string');
  });

  it('keeps a header cache in the archive, elsewhere with cache.folder, and none with --no-cache', async () => {
    const { data, env, dir } = archive();
    const first = await runCli(['scan', data, '--verbose', '--no-flats'], { env, cwd: dir });
    expect(first.stderr).toContain('debug: header cache: 0 headers from the cache, 288 read');
    const second = await runCli(['scan', data, '--verbose', '--no-flats'], { env, cwd: dir });
    expect(second.stderr).toContain('debug: header cache: 288 headers from the cache, 0 read');
    expect(second.stdout).toBe(first.stdout);

    const other = archive();
    const off = await runCli(['scan', other.data, '--no-cache', '--verbose'], {
      env: other.env,
      cwd: other.dir,
    });
    expect(off.stderr).not.toContain('header cache');
    expect(readdirSync(other.data)).not.toContain('.astrotrack');
    writeFileSync(
      join(other.dir, 'astro.config.json'),
      JSON.stringify({ cache: { folder: 'my-cache' } }),
    );
    await runCli(['scan', other.data, '--config', 'astro.config.json'], {
      env: other.env,
      cwd: other.dir,
    });
    expect(readdirSync(other.data)).not.toContain('.astrotrack');
    expect(readdirSync(join(other.dir, 'my-cache', 'v4'))).toHaveLength(1);
  });
});
