/**
 * `organize` and `undo` never act outside the folders they were given, never leave a frame with two
 * names, and one run at a time applies; the other writers (`--reporter FILE`, the flat library)
 * respect what is already there. Each test is one way this went wrong before.
 */
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatFitsHeader, type FitsCard } from '@astrotrack/fits';
import { useTempDir } from '@astrotrack/test-utils/temp-dir';
import { fileChecksums, folderState } from '@astrotrack/test-utils/tree';
import { CAN_RUN_AS_USER, HAS_SCRIPT, runCli, runInTerminal } from './test-support/run-cli.js';

const tempDir = useTempDir();

function fits(cards: readonly FitsCard[]): Buffer {
  return formatFitsHeader([['SIMPLE', true], ['BITPIX', 16], ['NAXIS', 0], ...cards]);
}

/** A night of lights in two filters (real FITS headers), in `data` or a subfolder of it. */
function night(options: { lights?: number; folder?: string } = {}) {
  const dir = tempDir();
  const data = join(dir, 'M31');
  const folder = join(data, options.folder ?? '');
  mkdirSync(folder, { recursive: true });
  for (let n = 0; n < (options.lights ?? 6); n++) {
    const filter = n % 2 === 0 ? 'Ha' : 'OIII';
    writeFileSync(
      join(folder, `M31_${filter}_300s_${String(n).padStart(3, '0')}.fits`),
      fits([
        ['IMAGETYP', 'LIGHT'],
        ['FILTER', filter],
        ['EXPTIME', 300],
        ['OBJECT', 'M31'],
        ['DATE-OBS', `2026-09-0${1 + (n % 3)}T22:00:00`],
      ]),
    );
  }
  const env = { XDG_CONFIG_HOME: join(dir, 'xdg'), ASTROTRACK_DATA_DIR: join(dir, 'state') };
  return { dir, data, env };
}

/** Files that have another name too (a link count above one). */
function doubled(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && statSync(join(entry.parentPath, entry.name)).nlink > 1)
    .map((entry) => entry.name);
}

const noStackTrace = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at /);

describe('organize and undo act only inside the folder given', () => {
  it('undoes a cp -a copy of an organized archive in the copy; the original is untouched, inode for inode', async () => {
    const { dir, data, env } = night();
    const before = fileChecksums(data);
    expect((await runCli(['organize', data, '--yes'], { env, cwd: dir })).code).toBe(0);
    const copy = join(dir, 'M31 copy');
    execFileSync('cp', ['-a', data, copy]);
    const original = folderState(data);

    const undone = await runCli(['undo', copy, '--yes'], { env, cwd: dir });
    expect(undone.code, undone.stderr).toBe(0);
    expect(undone.stdout).toContain(
      `It was made in ${data}; this folder is a copy of it or was moved`,
    );
    expect(undone.stdout).toContain('Put back 6 files.');
    expect(folderState(data)).toEqual(original);
    expect(fileChecksums(copy)).toEqual(before);
  });

  it('undoes an archive moved since, where it is now, and re-creates nothing at the old path', async () => {
    const { dir, data, env } = night({ folder: 'raw' });
    const before = fileChecksums(data);
    await runCli(['organize', data, '--yes'], { env, cwd: dir });
    const moved = join(dir, 'Andromeda');
    renameSync(data, moved);
    const undone = await runCli(['undo', moved, '--yes'], { env, cwd: dir });
    expect(undone.code, undone.stderr).toBe(0);
    expect(undone.stdout).not.toContain('both gone');
    expect(fileChecksums(moved)).toEqual(before);
    expect(existsSync(data)).toBe(false);
  });

  it('refuses a planted journal that names files outside, and touches nothing', async () => {
    const { dir, data, env } = night();
    const outside = join(dir, 'elsewhere');
    mkdirSync(outside);
    writeFileSync(join(outside, 'precious.fits'), 'mine');
    const journal = join(data, '.astrotrack', 'journal');
    mkdirSync(journal, { recursive: true });
    writeFileSync(
      join(journal, '2026-01-01T00-00-00-000Z-1.jsonl'),
      `${[
        {
          astrotrackJournal: 2,
          id: 'planted',
          startedAt: '2026-01-01T00:00:00.000Z',
          root: data,
          output: '.',
          mode: 'move',
          layout: '{filter}',
          operations: 1,
        },
        { from: '../elsewhere/precious.fits', to: 'Ha/precious.fits' },
        { state: 'applied', at: '2026-01-01T00:00:01.000Z' },
      ]
        .map((line) => JSON.stringify(line))
        .join('\n')}\n`,
    );
    // The lock comes and goes in .astrotrack; nothing else may change, in or out.
    const before = {
      outside: folderState(outside),
      data: fileChecksums(data),
      journal: folderState(data).journals,
    };
    for (const args of [
      ['undo', data, '--yes'],
      ['organize', data, '--yes'],
    ]) {
      const result = await runCli(args, { env, cwd: dir });
      expect(result.code).toBe(65);
      expect(result.stderr).toMatch(
        /^error: the organize journal .+ names a file outside the folder it is in \(\.\.\/elsewhere\/precious\.fits\); not acted on\n/,
      );
      noStackTrace(result.stderr);
    }
    expect({
      outside: folderState(outside),
      data: fileChecksums(data),
      journal: folderState(data).journals,
    }).toEqual(before);
  });

  it.skipIf(!HAS_SCRIPT)(
    'refuses a destination folder swapped for a link while the plan waits for its yes',
    async () => {
      const { dir, data, env } = night();
      const elsewhere = join(dir, 'elsewhere');
      mkdirSync(elsewhere);
      const result = await runInTerminal(['organize', data], 'y', {
        env,
        cwd: dir,
        beforeAnswer: () => symlinkSync(elsewhere, join(data, 'Ha')),
      });
      expect(result.stdout).toContain('Move 6 files? [y/N]');
      expect(result.code).toBe(73);
      expect(result.stdout).toContain(
        'Ha is a symbolic link or not a folder; nothing is moved through it',
      );
      expect(readdirSync(elsewhere)).toEqual([]);
      expect(readdirSync(join(data, 'OIII'))).toHaveLength(3);
      expect(readdirSync(data).filter((name) => name.includes('_Ha_'))).toHaveLength(3);
    },
  );

  it.skipIf(!CAN_RUN_AS_USER)(
    'leaves no frame with two names when a read-only source folder stops a move, and a re-run finishes it',
    async () => {
      const { dir, data, env } = night({ folder: 'raw' });
      const before = fileChecksums(data);
      chmodSync(join(data, 'raw'), 0o555);
      const stuck = await runCli(['organize', data, '--yes'], { env, cwd: dir, asUser: true });
      chmodSync(join(data, 'raw'), 0o755);
      expect(stuck.code).toBe(73);
      expect(stuck.stdout).toContain('Moved 0 files.');
      expect(stuck.stdout).toMatch(/failed: raw\/M31_Ha_300s_000\.fits: permission denied/);
      expect(stuck.stderr).toContain('6 of 6 file operations failed');
      expect(doubled(data)).toEqual([]);
      expect(fileChecksums(data)).toEqual(before);

      const again = await runCli(['organize', data, '--yes'], { env, cwd: dir, asUser: true });
      expect(again.code, again.stderr).toBe(0);
      expect(again.stdout).toContain('Moved 6 files.');
      expect(doubled(data)).toEqual([]);
      expect(Object.keys(fileChecksums(data)).every((path) => /^(Ha|OIII)\//.test(path))).toBe(
        true,
      );
    },
  );

  it('applies only one of two organize runs started together (50 trials)', async () => {
    const outcomes = new Map<string, number>();
    for (let trial = 0; trial < 50; trial++) {
      const { dir, data, env } = night({ lights: 4 });
      const before = fileChecksums(data);
      const runs = await Promise.all(
        [0, 1].map(() => runCli(['organize', data, '--yes', '--quiet'], { env, cwd: dir })),
      );
      const codes = runs.map((run) => run.code).sort();
      const key = codes.join(',');
      outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
      // Both at once: one applies, the other finds it busy. One after the other: the second
      // plans under the lock, after the first, and finds nothing to do.
      expect(['0,0', '0,75'], runs.map((run) => run.stderr).join('\n')).toContain(key);
      const applied = runs.filter((run) => run.stdout.includes('Moved 4 files.'));
      expect(applied).toHaveLength(1);
      expect(readdirSync(join(data, '.astrotrack', 'journal'))).toHaveLength(1);
      expect(Object.values(fileChecksums(data)).sort()).toEqual(Object.values(before).sort());
      expect(doubled(data)).toEqual([]);
    }
    console.info(
      `organize-safety: two runs at once, exit codes → trials: ${JSON.stringify([...outcomes])}`,
    );
  }, 600_000);
});

describe('organize from the archive root', () => {
  it('warns when a layout without {target} would mix targets, and --target picks one', async () => {
    const { dir, data, env } = night({ lights: 2 });
    writeFileSync(
      join(data, 'M42_Ha_300s_000.fits'),
      fits([
        ['IMAGETYP', 'LIGHT'],
        ['FILTER', 'Ha'],
        ['EXPTIME', 300],
        ['OBJECT', 'M 42'],
      ]),
    );
    const mixed = await runCli(['organize', data, '--dry-run'], { env, cwd: dir });
    expect(mixed.stdout).toContain(
      'Warning: these lights are of 2 targets (M 42, M31) and the layout has no {target}: they would share the same folders.',
    );
    const one = await runCli(['organize', data, '--dry-run', '--target', 'm42'], { env, cwd: dir });
    expect(one.stdout).toContain('Plan: move 1 file into layout {filter}');
    expect(one.stdout).toContain('(2 files of other targets not looked at)');
    expect(one.stdout).not.toContain('Warning');
  });

  it('leaves a frame whose name is not UTF-8 where it is, and names from headers stay plain names', async () => {
    const { dir, data, env } = night({ lights: 2 });
    const header = (filter: string) =>
      fits([
        ['IMAGETYP', 'LIGHT'],
        ['FILTER', filter],
        ['EXPTIME', 300],
        ['OBJECT', 'M31'],
      ]);
    writeFileSync(Buffer.from(`${data}/M31_Ha_\xff.fits`, 'latin1'), header('Ha'));
    writeFileSync(join(data, 'odd.fits'), header('constructor'));
    writeFileSync(join(data, 'hidden.fits'), header('.astrotrack'));
    const result = await runCli(['organize', data, '--yes'], { env, cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/ {2}constructor\/ +1 file\n/);
    expect(result.stdout).not.toContain('function');
    expect(result.stdout).toContain('1 with a name that is not valid UTF-8');
    expect(readdirSync(data).sort()).toEqual(
      ['.astrotrack', 'Ha', 'M31_Ha_\ufffd.fits', 'OIII', '_astrotrack', 'constructor'].sort(),
    );
    expect(readdirSync(join(data, '.astrotrack')).sort()).toEqual(['journal']);
  });

  it('makes --out when it is missing, instead of calling every source gone', async () => {
    const { dir, data, env } = night();
    const out = join(dir, 'work', 'M31');
    const result = await runCli(['organize', data, '--yes', '--mode', 'copy', '--out', out], {
      env,
      cwd: dir,
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Copied 6 files.');
    expect(readdirSync(out).sort()).toEqual(['Ha', 'OIII']);
  });
});

describe('writes respect what is there', () => {
  it('--reporter csv=FILE refuses a FIFO before scanning, and writes through a symbolic link', async () => {
    const { dir, data, env } = night();
    const fifo = join(dir, 'report.csv');
    execFileSync('mkfifo', [fifo]);
    const refused = await runCli(['scan', data, '--reporter', `csv=${fifo}`], { env, cwd: dir });
    expect(refused.code).toBe(73);
    expect(refused.stderr).toBe(
      `error: ${fifo} is a FIFO, not a regular file; astrotrack does not replace it\nhint: give a new file name or an existing regular file (or - for the terminal)\n`,
    );
    expect(lstatSync(fifo).isFIFO()).toBe(true);

    const real = join(dir, 'reports', 'm31.csv');
    mkdirSync(join(dir, 'reports'));
    writeFileSync(real, 'old');
    const link = join(dir, 'latest.csv');
    symlinkSync(real, link);
    const written = await runCli(['scan', data, '--reporter', `csv=${link}`], { env, cwd: dir });
    expect(written.code, written.stderr).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).toContain('Ha');
  });

  it('the flat library: a read-only one is refused, a linked one stays a link, its mode is kept', async () => {
    const { dir, env } = night();
    const library = join(dir, 'flats.json');
    const add = (...args: string[]) =>
      runCli(['flats', 'add', ...args, '--library', library], { env, cwd: dir });
    expect((await add('L', '45')).code).toBe(0);
    chmodSync(library, 0o444);
    const before = readFileSync(library, 'utf8');
    const readOnly = await add('R', '90');
    expect(readOnly.code).toBe(73);
    expect(readOnly.stderr).toContain(
      `error: ${library} is read-only; astrotrack does not replace it`,
    );
    expect(readFileSync(library, 'utf8')).toBe(before);

    chmodSync(library, 0o600);
    const shared = join(dir, 'shared.json');
    renameSync(library, shared);
    symlinkSync(shared, library);
    expect((await add('R', '90')).code).toBe(0);
    expect(lstatSync(library).isSymbolicLink()).toBe(true);
    expect(statSync(shared).mode & 0o777).toBe(0o600);
    expect(readFileSync(shared, 'utf8')).toContain('"R"');
  });

  it('the flat library never takes what it would later refuse: an empty filter, an angle that is not decimal', async () => {
    const { dir, env } = night();
    const library = join(dir, 'flats.json');
    for (const args of [
      ['', '45'],
      ['  ', '45'],
      ['L', '0x2d'],
      ['L', '1e999'],
      ['L', 'Infinity'],
    ]) {
      const result = await runCli(['flats', 'add', ...args, '--library', library], {
        env,
        cwd: dir,
      });
      expect(result.code, args.join(' ')).toBe(64);
      noStackTrace(result.stderr);
    }
    expect(existsSync(library)).toBe(false);
  });
});

describe('no stack trace for any input', () => {
  it.each([
    [
      'a config whose getter throws',
      'export default { get rigs() { throw new Error("boom"); } };\n',
      78,
      'cannot load',
    ],
    [
      'a config that never settles',
      'export default new Promise(() => {});\n',
      78,
      'did not finish within 1 s',
    ],
    ['a rig named constructor', 'export default { rigs: { constructor: {} } };\n', 0, ''],
  ])('%s', async (_what, config, code, message) => {
    const { dir, data, env } = night({ lights: 2 });
    writeFileSync(join(data, 'astro.config.mjs'), config);
    const result = await runCli(['scan', data, '--rig', 'constructor'], {
      env: { ...env, ASTROTRACK_SETUP_TIMEOUT: '1' },
      cwd: dir,
    });
    if (code === 0) expect(result.code, result.stderr).toBe(0);
    else {
      expect(result.code).toBe(code);
      expect(result.stderr).toContain(message);
    }
    noStackTrace(result.stderr);
  });

  it('organize --tolerance outside what the config allows is a usage error', async () => {
    const { dir, data, env } = night({ lights: 2 });
    const result = await runCli(
      ['organize', data, '--by', 'session', '--tolerance', '0.1', '--dry-run'],
      {
        env,
        cwd: dir,
      },
    );
    expect(result.code).toBe(64);
    expect(result.stderr).toContain(
      'error: bad --tolerance "0.1": expected a number from 0.5 to 90',
    );
    noStackTrace(result.stderr);
  });
});
