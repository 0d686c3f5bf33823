import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatFitsHeader, type FitsCard } from '@astrotrack/fits';
import { useTempDir } from '@astrotrack/test-utils/temp-dir';
import { fileChecksums, snapshot } from '@astrotrack/test-utils/tree';
import { WAR_AND_PEACE_FLATS, warAndPeaceLights } from '@astrotrack/test-utils/war-and-peace';
import { CAN_RUN_AS_USER, HAS_SCRIPT, runCli, runInTerminal } from '../test-support/run-cli.js';

const tempDir = useTempDir();

function fits(cards: readonly FitsCard[]): Buffer {
  return formatFitsHeader([['SIMPLE', true], ['BITPIX', 16], ['NAXIS', 0], ...cards]);
}

/** The toolkit's War and Peace folder, all 324 lights in one folder, with real FITS headers. */
function warAndPeace() {
  const dir = tempDir();
  const data = join(dir, 'The War and Peace Nebula copy');
  const library = join(dir, 'flats.json');
  const env = { XDG_CONFIG_HOME: join(dir, 'xdg'), ASTROTRACK_DATA_DIR: join(dir, 'data') };
  for (const light of warAndPeaceLights()) {
    writeFrame(join(data, light.name), [
      ['IMAGETYP', 'LIGHT'],
      ['FILTER', light.filter],
      ['EXPTIME', 300],
      ['ROTATOR', light.angle],
      ['OBJECT', 'The War and Peace Nebula'],
    ]);
  }
  return { dir, data, library, env };
}

function writeFrame(path: string, cards: readonly FitsCard[]): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, fits(cards));
}

const countIn = (folder: string) => (existsSync(folder) ? readdirSync(folder).length : 0);

describe('astrotrack organize', () => {
  it('runs the toolkit’s two-step War and Peace workflow, with two sessions, and undoes both steps', async () => {
    const { dir, data, library, env } = warAndPeace();
    const original = fileChecksums(data);
    for (const [filter, angles] of Object.entries(WAR_AND_PEACE_FLATS)) {
      const added = await runCli(
        ['flats', 'add', filter, ...angles.map(String), '--library', library],
        { env, cwd: dir },
      );
      expect(added.code).toBe(0);
    }

    const byFilter = await runCli(['organize', data, '--by', 'filter', '--yes'], { env, cwd: dir });
    expect(byFilter.stderr).toBe('');
    expect(byFilter.code).toBe(0);
    expect(byFilter.stdout).toContain('Plan: move 324 files');
    expect(byFilter.stdout).toContain('Moved 324 files.');
    expect([countIn(join(data, 'ALPT')), countIn(join(data, 'ALPT2'))]).toEqual([165, 159]);

    const bySession = await runCli(
      ['organize', data, '--by', 'session', '--library', library, '--yes'],
      { env, cwd: dir },
    );
    expect(bySession.code).toBe(0);
    expect(bySession.stdout).toContain(
      [
        'Flat angles in the library:',
        '  ALPT: 70°, 71°, 75°, 82°',
        '  ALPT2: 10°, 70°, 71°, 75°, 82°',
        '',
        'Sessions (±2°):',
        '  Session_10deg (8° to 12°):',
        '    ALPT2: 38 files (10.00° to 10.00°) ✓ flats available',
        '  Session_71deg (69° to 73°):',
        '    ALPT: 165 files (70.40° to 72.53°) ✓ flats available',
        '    ALPT2: 121 files (70.47° to 72.53°) ✓ flats available',
      ].join('\n'),
    );
    expect(readdirSync(data).sort()).toEqual(['.astrotrack', 'Session_10deg', 'Session_71deg']);
    expect(countIn(join(data, 'Session_10deg/ALPT2'))).toBe(38);
    expect(countIn(join(data, 'Session_71deg/ALPT'))).toBe(165);
    expect(countIn(join(data, 'Session_71deg/ALPT2'))).toBe(121);

    const undoSessions = await runCli(['undo', data, '--yes'], { env, cwd: dir });
    expect(undoSessions.stdout).toContain('Put back 324 files.');
    expect(readdirSync(data).sort()).toEqual(['.astrotrack', 'ALPT', 'ALPT2']);
    const undoFilters = await runCli(['undo', data, '--yes'], { env, cwd: dir });
    expect(undoFilters.code).toBe(0);
    expect(fileChecksums(data)).toEqual(original);
    const nothing = await runCli(['undo', data, '--yes'], { env, cwd: dir });
    expect(nothing.code).toBe(66);
    expect(nothing.stderr).toContain('error: no organize run to undo in');
  });

  it('changes nothing on a dry run, and refuses to apply without --yes when there is no terminal', async () => {
    const { dir, data, env } = warAndPeace();
    const before = snapshot(data, { times: true });
    const dry = await runCli(['organize', data, '--dry-run'], { env, cwd: dir });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(
      /Plan: move 324 files into layout \{filter\}\n {2}ALPT\/ {3}165 files\n {2}ALPT2\/ {2}159 files\n/,
    );
    expect(dry.stdout).toContain('Dry run: nothing was changed.');
    const refused = await runCli(['organize', data], { env, cwd: dir });
    expect(refused.code).toBe(64);
    expect(refused.stderr).toBe(
      'error: not moving files without a confirmation, and there is no terminal to ask on\nhint: check the plan with --dry-run, then run again with --yes\n',
    );
    expect(snapshot(data, { times: true })).toEqual(before);
    expect(existsSync(join(data, '.astrotrack'))).toBe(false);
  });

  it('reads headers through the cache `scan` keeps, writes none before applying, and moves its entries with the files', async () => {
    const { dir, data, env } = warAndPeace();
    const cache = join(data, '.astrotrack', 'cache');
    const dry = (...flags: string[]) =>
      runCli(['organize', data, '--dry-run', '--verbose', ...flags], { env, cwd: dir });

    const uncached = await dry();
    expect(uncached.stderr).toContain('debug: header cache: 0 headers from the cache, 324 read');
    expect(existsSync(join(data, '.astrotrack'))).toBe(false);

    expect((await runCli(['scan', data], { env, cwd: dir })).code).toBe(0);
    const stored = snapshot(cache, { times: true });
    const cached = await dry();
    expect(cached.code).toBe(0);
    expect(cached.stderr).toContain('debug: header cache: 324 headers from the cache, 0 read');
    expect(cached.stdout).toBe(uncached.stdout);
    expect(snapshot(cache, { times: true })).toEqual(stored);

    const again = await dry('--no-cache');
    expect(again.stderr).not.toContain('header cache');
    expect(again.stdout).toBe(uncached.stdout);

    const applied = await runCli(['organize', data, '--yes', '--verbose'], { env, cwd: dir });
    expect(applied.stderr).toContain('debug: header cache: 324 headers from the cache, 0 read');
    expect(applied.stderr).toContain('debug: header cache: 324 entries follow their files');
    expect([countIn(join(data, 'ALPT')), countIn(join(data, 'ALPT2'))]).toEqual([165, 159]);
    // The entries moved with the files: neither the next scan nor one after undo opens a frame.
    const rescan = async () => {
      const result = await runCli(['scan', data, '--verbose', '--reporter', 'json'], {
        env,
        cwd: dir,
      });
      expect(result.stderr).toContain('debug: header cache: 324 headers from the cache, 0 read');
      return JSON.parse(result.stdout).totalSeconds;
    };
    expect(await rescan()).toBe(324 * 300);
    expect((await runCli(['undo', data, '--yes'], { env, cwd: dir })).code).toBe(0);
    expect(await rescan()).toBe(324 * 300);
  });

  it('turns hostile FILTER headers into safe folders inside DIR, a control character included', async () => {
    const dir = tempDir();
    const data = join(dir, 'data');
    const hostile = ['../../etc', 'CON', 'a/b', '..'];
    for (const [i, filter] of hostile.entries()) {
      writeFrame(join(data, `light_${i}.fits`), [
        ['IMAGETYP', 'LIGHT'],
        ['FILTER', filter],
        ['EXPTIME', 60],
      ]);
    }
    // A control character in a value is read as `?` (one of the characters a folder name cannot hold).
    const bad = Buffer.from(
      fits([
        ['IMAGETYP', 'LIGHT'],
        ['FILTER', 'Hax'],
        ['EXPTIME', 60],
      ]),
    );
    bad[bad.indexOf('Hax') + 2] = 0x07;
    writeFileSync(join(data, 'light_bell.fits'), bad);
    const result = await runCli(['organize', data, '--yes', '--layout', '{filter}/{exposure}s'], {
      cwd: dir,
    });
    expect(result.code).toBe(0);
    expect(Object.keys(fileChecksums(data)).sort()).toEqual([
      'Ha_/60s/light_bell.fits',
      '_/60s/light_3.fits',
      '_CON/60s/light_1.fits',
      '___.._etc/60s/light_0.fits',
      'a_b/60s/light_2.fits',
    ]);
    expect(readdirSync(dir)).toEqual(['data']);
    expect(result.stderr).toContain(
      `${join(data, 'light_bell.fits')}: FILTER: has bytes that are not printable ASCII`,
    );
  });

  it.skipIf(!CAN_RUN_AS_USER)(
    'finishes what it can when a folder is read-only, names what failed, and undo still works',
    async () => {
      const dir = tempDir();
      const data = join(dir, 'data');
      const names = ['a', 'b', 'c'].map((n) => `light_M31_L_120s_${n}.fits`);
      for (const name of names)
        writeFrame(join(data, 'free', name), [
          ['IMAGETYP', 'LIGHT'],
          ['FILTER', 'L'],
        ]);
      writeFrame(join(data, 'locked', 'light_M31_R_120s_x.fits'), [
        ['IMAGETYP', 'LIGHT'],
        ['FILTER', 'R'],
      ]);
      const original = fileChecksums(data);
      chmodSync(join(data, 'locked'), 0o555);
      const result = await runCli(['organize', data, '--yes'], { cwd: dir, asUser: true });
      chmodSync(join(data, 'locked'), 0o755);
      expect(result.code).toBe(73);
      expect(result.stdout).toContain('Moved 3 files.');
      expect(result.stdout).toContain('failed: locked/light_M31_R_120s_x.fits: permission denied');
      expect(result.stderr).toContain('error: 1 of 4 file operations failed');
      expect(existsSync(join(data, 'locked/light_M31_R_120s_x.fits'))).toBe(true);
      expect(readFileSync(join(data, 'L', names[0]!)).length).toBe(2880);

      const undone = await runCli(['undo', data, '--yes'], { cwd: dir, asUser: true });
      expect(undone.code).toBe(0);
      expect(fileChecksums(data)).toEqual(original);
    },
  );

  it('says what is wrong with a bad layout or mode', async () => {
    const { dir, data } = warAndPeace();
    const layout = await runCli(['organize', data, '--layout', '../{filtr}'], { cwd: dir });
    expect(layout.code).toBe(64);
    expect(layout.stderr).toContain('".." is not allowed in a layout; unknown placeholder {filtr}');
    const mode = await runCli(['organize', data, '--mode', 'teleport'], { cwd: dir });
    expect(mode.stderr).toContain(
      'error: bad --mode "teleport": Invalid option: expected one of "move"|"copy"|"hardlink"|"symlink"',
    );
  });

  describe.skipIf(!HAS_SCRIPT)('on a terminal', () => {
    it('asks before moving, and no means nothing changes', async () => {
      const { dir, data, env } = warAndPeace();
      const before = snapshot(data, { times: true });
      const no = await runInTerminal(['organize', data], 'n', { env, cwd: dir });
      expect(no.stdout).toContain('Move 324 files? [y/N]');
      expect(no.stdout).toContain('Nothing was changed.');
      expect(snapshot(data, { times: true })).toEqual(before);
      const yes = await runInTerminal(['organize', data], 'y', { env, cwd: dir });
      expect(yes.code).toBe(0);
      expect(yes.stdout).toContain('Moved 324 files.');
      expect(countIn(join(data, 'ALPT'))).toBe(165);
    });

    it('offers to finish or roll back a run that was cut short', async () => {
      const { dir, data, env } = warAndPeace();
      const original = fileChecksums(data);
      // A run killed after 10 moves: its journal ends in "applying", 10 files are in L/… folders.
      await runCli(['organize', data, '--yes'], { env, cwd: dir });
      const journalFolder = join(data, '.astrotrack', 'journal');
      const [journal] = readdirSync(journalFolder);
      const text = readFileSync(join(journalFolder, journal!), 'utf8');
      await runCli(['undo', data, '--yes'], { env, cwd: dir });
      writeFileSync(
        join(journalFolder, journal!),
        text.slice(0, text.lastIndexOf('{"state":"applied"')),
      );
      for (const light of warAndPeaceLights().slice(0, 10)) {
        mkdirSync(join(data, light.filter), { recursive: true });
        renameSync(join(data, light.name), join(data, light.filter, light.name));
      }
      const rolledBack = await runInTerminal(['organize', data], 'r\nn', { env, cwd: dir });
      expect(rolledBack.stdout).toContain('Found the move run of');
      expect(rolledBack.stdout).toContain('324 files, interrupted).');
      expect(rolledBack.stdout).toContain('Finish it [f], roll it back [r], or quit [q]?');
      expect(rolledBack.stdout).toContain('Put back 10 files.');
      expect(rolledBack.stdout).toContain('Move 324 files? [y/N]');
      expect(fileChecksums(data)).toEqual(original);
    });
  });
});
