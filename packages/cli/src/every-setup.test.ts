/**
 * The setups most imagers have besides N.I.N.A. with a filter wheel and a rotator, each as a real
 * folder of frames with the header its program writes: colour cameras and DSLRs, an ASIAIR without a
 * rotator, headers with only UTC (Sydney, New York). Dates are days before today, so flat ages hold.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { formatFitsHeader, type FitsCard } from '@astrotrack/fits';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '@astrotrack/test-utils/temp-dir';
import { runCli } from './test-support/run-cli.js';

const tempDir = useTempDir();
const n4 = (i: number) => String(i).padStart(4, '0');
const two = (i: number) => String(i).padStart(2, '0');

/** The local date `days` before today, and its forms in names. */
function daysAgo(days: number) {
  const now = new Date();
  const day = new Date(now.getFullYear(), now.getMonth(), now.getDate() - days);
  const iso = `${day.getFullYear()}-${two(day.getMonth() + 1)}-${two(day.getDate())}`;
  return { iso, compact: iso.replace(/-/g, '') };
}

/** `date`+`time` local at a site `offset` hours east of UTC, as DATE-OBS (UTC) writes it. */
function utcOf(date: string, time: string, offset: number): string {
  const ms = Date.parse(`${date}T${time}Z`) - offset * 3_600_000;
  return new Date(ms).toISOString().slice(0, 23);
}

function write(root: string, path: string, cards: FitsCard[]): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(
    join(root, path),
    formatFitsHeader([['SIMPLE', true], ['BITPIX', 16], ['NAXIS', 0], ...cards]),
  );
}

function setup() {
  const dir = tempDir();
  const data = join(dir, 'data');
  mkdirSync(data);
  const env = { XDG_CONFIG_HOME: join(dir, 'xdg'), ASTROTRACK_DATA_DIR: join(dir, 'state') };
  const cli = (...args: string[]) => runCli(args, { env, cwd: dir });
  const json = async (...args: string[]) => {
    const result = await cli('scan', data, '--reporter', 'json', ...args);
    expect(result.stderr).toBe('');
    return JSON.parse(result.stdout);
  };
  const config = (text: string) => writeFileSync(join(dir, 'astro.config.json'), text);
  return { dir, data, cli, json, config };
}

const rows = (report: { rows: { filter: string; exposureSeconds: number; subs: number }[] }) =>
  report.rows.map((row) => [row.filter, row.exposureSeconds, row.subs]);
const codes = (report: { warnings: { code: string }[] }) => report.warnings.map((w) => w.code);

describe('colour cameras and DSLRs', () => {
  it('counts a N.I.N.A. colour camera without a wheel as OSC, plans it, from headers and from names', async () => {
    const { data, json, config } = setup();
    const night = daysAgo(6).iso;
    config('{ "parsers": ["nina"] }');
    for (let i = 0; i < 12; i++) {
      // N.I.N.A.'s default pattern with an empty $$FILTER$$: `…_21-00-00__-10.00_180.00s_0001`.
      const time = `21-${two(i * 3)}-00`;
      write(data, `${night}/LIGHT/${night}_${time}__-10.00_180.00s_${n4(i)}.fits`, [
        ['IMAGETYP', 'LIGHT'],
        ['EXPTIME', 180],
        ['DATE-LOC', `${night}T${time.replace(/-/g, ':')}.000`],
        ['DATE-OBS', utcOf(night, time.replace(/-/g, ':'), 2)],
        ['INSTRUME', 'ZWO ASI2600MC Pro'],
        ['BAYERPAT', 'RGGB'],
        ['OBJECT', 'M 31'],
        ['GAIN', 100],
      ]);
    }
    const report = await json('--target-hours', '2', '--alloc', 'OSC=100', '--buffer', '0');
    expect(rows(report)).toEqual([['OSC', 180, 12]]);
    expect(report.plan.filters).toMatchObject([
      { filter: 'OSC', allocationPercent: 100, remainingSubs: 28 },
    ]);
    // The colour sensor says so: nothing to warn about.
    expect(codes(report)).toEqual([]);

    const byName = await json('--no-headers');
    expect(rows(byName)).toEqual([['OSC', 180, 12]]);
    // From an empty filter field alone it could be a mono camera without a wheel: said, once.
    expect(byName.warnings).toMatchObject([
      { code: 'no-filter-named', count: 12, message: expect.stringContaining('filters.noFilter') },
    ]);
  });

  it('reads ASIAIR colour-camera and DSLR names with no config: OSC, the gain or ISO, darks with their gain', async () => {
    const { data, json, cli } = setup();
    const night = daysAgo(3);
    for (let i = 1; i <= 5; i++) {
      const time = `${night.compact}-2200${two(i)}`;
      write(data, `Autorun/Light/M 42/Light_M 42_120.0s_Bin1_gain100_${time}_-10.0C_${n4(i)}.fit`, [
        ['CREATOR', 'ZWO ASIAIR Plus'],
        ['IMAGETYP', 'Light'],
        ['EXPTIME', 120],
        ['INSTRUME', 'ZWO ASI533MC Pro'],
        ['BAYERPAT', 'RGGB'],
      ]);
      write(
        data,
        `Autorun/Light/Rosette/Light_Rosette_60.0s_Bin1_EOS6D_ISO800_${time}_${n4(i)}.fit`,
        [
          ['IMAGETYP', 'Light'],
          ['EXPTIME', 60],
        ],
      );
      write(
        data,
        `Autorun/Dark/Dark_120.0s_Bin1_gain100_${night.compact}-0630${two(i)}_-10.0C_${n4(i)}.fit`,
        [
          ['IMAGETYP', 'Dark'],
          ['EXPTIME', 120],
        ],
      );
    }
    const report = await json();
    expect(rows(report)).toEqual([
      ['OSC', 120, 5],
      ['OSC', 60, 5],
    ]);
    // Shown by their catalogue names, with the names written.
    expect(
      report.targets.map((t: { target: string; names: string[] }) => [t.target, t.names]),
    ).toEqual([
      ['M42', ['M 42']],
      ['NGC 2237', ['Rosette']],
    ]);
    expect(report.calibration).toMatchObject([
      { kind: 'dark', exposureSeconds: 120, gain: 100, count: 5 },
    ]);
    // The DSLR's header has no colour card: its absent filter is worth a word.
    expect(report.warnings).toMatchObject([{ code: 'no-filter-named', count: 5 }]);

    const named = await cli('scan', data, '--no-headers', '--include-unknown');
    expect(named.stdout).toMatch(/\| OSC +\| +120 \| +5 \|/);
    expect(named.stdout).not.toMatch(/\| (gain100|ISO800|Unknown|T7|EOS6D) /);
  });

  it('names "no filter" as the rig says: filters.noFilter', async () => {
    const { data, json, config } = setup();
    config('{ "filters": { "noFilter": "L" } }');
    const night = daysAgo(2).compact;
    for (let i = 1; i <= 3; i++) {
      write(data, `Light_Moon_0.5s_Bin1_gain0_${night}-2100${two(i)}_20.0C_${n4(i)}.fit`, [
        ['IMAGETYP', 'Light'],
        ['EXPTIME', 0.5],
      ]);
    }
    const report = await json('--alloc', 'L=100', '--target-hours', '1');
    expect(rows(report)).toEqual([['L', 0.5, 3]]);
    expect(report.plan.filters[0]).toMatchObject({ filter: 'L', allocationPercent: 100 });
  });
});

describe('a camera without a rotator', () => {
  /** An ASIAIR mono archive in Sydney (UTC+11): lights at 21:30, flats at dawn, headers in UTC only. */
  function asiairMono(data: string, night: { iso: string; compact: string }, flatsToo = true) {
    for (let i = 1; i <= 8; i++) {
      const time = `21${two(30 + i)}00`;
      const local = `${night.iso}T21:${two(30 + i)}:00`;
      const common: FitsCard[] = [
        ['CREATOR', 'ZWO ASIAIR Plus'],
        ['IMAGETYP', 'Light'],
        ['EXPTIME', 300],
        ['DATE-OBS', utcOf(night.iso, local.slice(11), 11)],
        ['GAIN', 100],
        ['INSTRUME', 'ZWO ASI294MM Pro'],
        ['OBJECT', 'M 42'],
      ];
      write(
        data,
        `Autorun/Light/M 42/Light_M 42_300.0s_Bin1_H_gain100_${night.compact}-${time}_-10.0C_${n4(i)}.fit`,
        [...common, ['FILTER', 'H'], ['XBINNING', 1], ['YBINNING', 1]],
      );
      write(
        data,
        `Autorun/Light/M 42/Light_M 42_300.0s_Bin2_O_gain100_${night.compact}-${time}_-10.0C_${n4(i + 10)}.fit`,
        [...common, ['FILTER', 'O'], ['XBINNING', 2], ['YBINNING', 2]],
      );
    }
    if (!flatsToo) return;
    // Dawn of the next day, local: the same night.
    const next = new Date(Date.parse(`${night.iso}T12:00:00Z`) + 86_400_000)
      .toISOString()
      .slice(0, 10);
    for (const filter of ['H', 'O']) {
      for (let i = 1; i <= 4; i++) {
        write(
          data,
          `Autorun/Flat/Flat_1.5s_Bin1_${filter}_gain100_${next.replace(/-/g, '')}-0600${two(i)}_-10.0C_${n4(i)}.fit`,
          [
            ['CREATOR', 'ZWO ASIAIR Plus'],
            ['IMAGETYP', 'Flat'],
            ['EXPTIME', 1.5],
            ['DATE-OBS', utcOf(next, `06:00:${two(i)}`, 11)],
            ['FILTER', filter],
            ['XBINNING', 1],
            ['YBINNING', 1],
          ],
        );
      }
    }
  }

  it('learns flat sets without an angle and matches them by filter and binning, with their age', async () => {
    const { data, cli, json } = setup();
    const night = daysAgo(12);
    asiairMono(data, night);
    const learned = await cli('flats', 'learn', join(data, 'Autorun', 'Flat'));
    expect(learned.code).toBe(0);
    expect(learned.stdout).toContain(`Ha 1x1 no angle ${night.iso} (4 frames)`);
    expect(learned.stdout).toContain(`OIII 1x1 no angle ${night.iso} (4 frames)`);
    expect(learned.stdout).not.toContain('not recorded');

    const report = await json();
    const flats = report.sections.find((s: { id: string }) => s.id === 'flats').data.filters;
    expect(
      flats.map((f: { filter: string; binning: string | null; status: string }) => [
        f.filter,
        f.status,
      ]),
    ).toEqual([
      ['Ha', 'have-all'],
      // 2x2 lights are not calibrated by a 1x1 flat, as organize --by session says too.
      ['OIII', 'need-all'],
    ]);
    // The nights come from the local time in the ASIAIR names, not from UTC (the day before).
    expect(report.nights.map((row: { night: string }) => row.night)).toEqual([
      night.iso,
      night.iso,
    ]);
    expect(codes(report)).not.toContain('night-from-utc');

    const table = (await cli('scan', data)).stdout;
    expect(table).toMatch(
      /\| Ha +\| no angle \(8 frames\) +\| no angle \S+ +\| — +\| ✓ Have, 1[123] days old/,
    );
    expect(table).toMatch(
      /\| OIII +\| no angle \(8 frames\) +\| — +\| a set \(no angle\) \| ✗ Need all/,
    );
    expect(table).toContain(`  Ha: ${night.iso}→8 frames`);
    expect(table).toContain('  OIII: ?→8 frames (shoot a flat set)');
  });

  it('adds, lists and removes a flat set without an angle by hand', async () => {
    const { data, cli, json } = setup();
    const night = daysAgo(20);
    asiairMono(data, night, false);
    const added = await cli('flats', 'add', 'OIII', '--binning', '2', '--date', daysAgo(5).iso);
    expect(added.stdout).toContain(`added OIII flats without an angle (${daysAgo(5).iso})`);
    expect((await cli('flats', 'list')).stdout).toMatch(/\| OIII +\| +none \| 2x2 +\|/);
    const report = await json();
    const flats = report.sections.find((s: { id: string }) => s.id === 'flats').data.filters;
    expect(flats.map((f: { filter: string; status: string }) => [f.filter, f.status])).toEqual([
      ['Ha', 'need-all'],
      ['OIII', 'have-all'],
    ]);
    expect((await cli('flats', 'remove', 'OIII')).stdout).toContain(
      'removed OIII flats at no angle',
    );
    expect((await cli('flats', 'list', '--json')).stdout).toContain('"flats": []');
  });

  it('narrows the flat table to --target', async () => {
    const { data, cli, json } = setup();
    asiairMono(data, daysAgo(12), false);
    write(data, 'NINA/NGC 7000/L_0001.fits', [
      ['IMAGETYP', 'LIGHT'],
      ['EXPTIME', 60],
      ['FILTER', 'L'],
      ['OBJECT', 'NGC 7000'],
      ['ROTATOR', 90],
    ]);
    const all = await json();
    const filtersOf = (report: {
      sections: { id: string; data: { filters: { filter: string }[] } }[];
    }) => report.sections.find((s) => s.id === 'flats')!.data.filters.map((f) => f.filter);
    expect(filtersOf(all)).toEqual(['L', 'Ha', 'OIII']);
    expect(filtersOf(await json('--target', 'M42'))).toEqual(['Ha', 'OIII']);
    expect(filtersOf(await json('--target', 'ngc7000'))).toEqual(['L']);
    expect((await cli('scan', data, '--target', 'NGC 7000')).stdout).not.toMatch(/\| Ha /);
  });
});

describe('headers with only UTC', () => {
  /** Ekos in New York (UTC−5), `%t_%T_%F_%s3` names without a time: lights at 22:30, a dark at 07:30. */
  function newYork(data: string, night: string, longitude?: number) {
    const next = new Date(Date.parse(`${night}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const site: FitsCard[] = longitude === undefined ? [] : [['SITELONG', longitude]];
    for (let i = 1; i <= 3; i++) {
      write(data, `M_31/Light/Ha/M_31_Light_Ha_${String(i).padStart(3, '0')}.fits`, [
        ['FRAME', 'Light'],
        ['IMAGETYP', 'Light Frame'],
        ['EXPTIME', 300],
        ['FILTER', 'Ha'],
        ['OBJECT', 'M 31'],
        ['DATE-OBS', utcOf(night, `22:3${i}:00`, -5)],
        ...site,
      ]);
    }
    write(data, 'M_31/Dark/M_31_Dark_001.fits', [
      ['FRAME', 'Dark'],
      ['IMAGETYP', 'Dark Frame'],
      ['EXPTIME', 300],
      ['DATE-OBS', utcOf(next, '07:30:00', -5)],
      ...site,
    ]);
  }

  it.each([
    { case: 'with SITELONG', longitude: -74.0, config: '{ "parsers": ["ekos"] }', warned: false },
    {
      case: 'without SITELONG, with the rig utcOffset',
      config: '{ "parsers": ["ekos"], "utcOffset": -5 }',
      warned: false,
    },
  ])(
    'puts New York frames on their local night $case',
    async ({ longitude, config: text, warned }) => {
      const { data, json, config } = setup();
      const night = daysAgo(9).iso;
      config(text);
      newYork(data, night, longitude);
      const report = await json();
      expect(report.nights.map((row: { night: string }) => row.night)).toEqual([night]);
      expect(report.calibration).toMatchObject([{ kind: 'dark', night }]);
      expect(codes(report).includes('night-from-utc')).toBe(warned);
    },
  );

  it('says which frames had only UTC to go by, and how to fix it', async () => {
    const { data, json, config } = setup();
    const night = daysAgo(9).iso;
    config('{ "parsers": ["ekos"] }');
    newYork(data, night);
    const report = await json();
    // The morning dark lands on the next date from UTC alone: reported, not silent.
    expect(report.calibration).toMatchObject([{ kind: 'dark', night: daysAgo(8).iso }]);
    expect(report.warnings).toMatchObject([
      {
        code: 'night-from-utc',
        count: 4,
        message: expect.stringContaining('set utcOffset (hours east of UTC) in astro.config'),
        examples: expect.arrayContaining(['M_31/Dark/M_31_Dark_001.fits']),
      },
    ]);
  });
});

describe('targets as people write them', () => {
  it('merges M 31, M31 and NGC 224 into one target, and says which names it merged', async () => {
    const { data, cli, json, config } = setup();
    const night = daysAgo(4).iso;
    let minute = 0;
    const light = (path: string, object: string, filter: string) =>
      write(data, path, [
        ['IMAGETYP', 'LIGHT'],
        ['EXPTIME', 120],
        ['FILTER', filter],
        ['OBJECT', object],
        ['DATE-LOC', `${night}T22:${two(minute++)}:00`],
      ]);
    for (let i = 1; i <= 3; i++) {
      light(`NINA/M 31/M31_L_${n4(i)}.fits`, 'M 31', 'L');
      light(`ASIAIR/M31/M31_R_${n4(i)}.fits`, 'M31', 'R');
      light(`SGP/NGC224/M31_B_${n4(i)}.fits`, 'NGC 224', 'B');
      light(`Mine/My Nebula/Neb_Ha_${n4(i)}.fits`, 'My Nebula', 'Ha');
    }
    // Placeholders a program writes on calibration frames are no target.
    write(data, 'NINA/FlatWizard/Flat_0001.fits', [
      ['IMAGETYP', 'FLAT'],
      ['EXPTIME', 2],
      ['FILTER', 'L'],
      ['OBJECT', 'FlatWizard'],
    ]);
    write(data, '9th August 2026/L_0001.fits', [
      ['IMAGETYP', 'LIGHT'],
      ['EXPTIME', 60],
      ['FILTER', 'L'],
      ['OBJECT', ''],
    ]);
    const report = await json();
    expect(
      report.targets.map((t: { target: string; names?: string[]; subs: number }) => [
        t.target,
        t.names ?? [],
        t.subs,
      ]),
    ).toEqual([
      ['M31', ['M 31', 'M31', 'NGC 224'], 9],
      ['My Nebula', [], 3],
      [null, [], 1],
    ]);
    expect((await cli('scan', data)).stdout).toMatch(/\| M31 \(M 31, NGC 224\) +\| +1 \|/);
    expect(rows(await json('--target', 'Andromeda Galaxy'))).toEqual([
      ['L', 120, 3],
      ['R', 120, 3],
      ['B', 120, 3],
    ]);

    config('{ "targets": { "aliases": { "My Nebula": "Sh2-240" } } }');
    const aliased = await json('--target', 'sh2 240');
    expect(aliased.targets.map((t: { target: string }) => t.target)).toEqual(['Sh2-240']);
    expect(rows(aliased)).toEqual([['Ha', 120, 3]]);
  });
});

describe('names from other programs, with no config', () => {
  it('reads SGP, KStars and APT default names by names alone: target, kind, filter, exposure, binning, frame', async () => {
    const { data, json } = setup();
    const touch = (path: string) => {
      mkdirSync(dirname(join(data, path)), { recursive: true });
      writeFileSync(join(data, path), 'no header: names only');
    };
    for (let i = 1; i <= 4; i++) {
      touch(`SGP/HeartAndSoul_Light_Ha_300sec_1x1_frame${i}.fit`);
      touch(`SGP/HeartAndSoul_Light_Ha_300sec_1x1_frame${i + 10}_-15.1C.fit`);
      touch(`SGP/Vega_1sec_1x1__frame${i}.fit`);
      touch(`Ekos/M_106/Light/M_106_Light_30_secs_2023-03-20T21-04-1${i}_00${i}.fits`);
      touch(`Ekos/M_31/Light/Ha/M_31_Light_Ha_00${i}.fits`);
      touch(`NINA/2023-01-01/LIGHT/2023-01-01_22-01-0${i}_L-eXtreme_45.10_300.00s_000${i}.fits`);
      touch(`APT_Images/CameraCCD_1/2021-05-06/L_2021-05-06_20-13-3${i}_Bin1x1_120s_Ha_-10C.fit`);
    }
    const report = await json('--no-headers', '--include-unknown');
    expect(rows(report)).toEqual([
      ['Ha', 300, 8],
      ['Ha', 120, 4],
      ['OSC', 1, 4],
      ['L-eXtreme', 300, 4],
      // This KStars format has no %F: by names alone its filter is unknown.
      ['Unknown', 30, 4],
    ]);
    expect(report.targets.map((t: { target: string; subs: number }) => [t.target, t.subs])).toEqual(
      [
        ['HeartAndSoul', 8],
        [null, 8], // N.I.N.A.'s default folders name no target, nor do these APT names
        ['M106', 4],
        ['Vega', 4],
      ],
    );
    // KStars' M_31 lights have no exposure in the name: counted as lights without one, not as angles.
    expect(report.warnings.find((w: { code: string }) => w.code === 'no-exposure')).toMatchObject({
      count: 4,
    });
  });
});

describe('the AstroBin acquisition CSV', () => {
  /** Two nights of L and R at -10 °C, and the calibration frames a real library holds. */
  function acquisitions(data: string) {
    const first = daysAgo(10).iso;
    const second = daysAgo(7).iso;
    let minute = 0;
    const frame = (path: string, cards: FitsCard[], night: string, count: number) => {
      for (let i = 1; i <= count; i++) {
        const time = `${night}T22:${two(minute % 60)}:${two(Math.floor(minute / 60))}`;
        minute++;
        write(data, `${path}_${n4(i)}.fits`, [
          ...cards,
          ['DATE-LOC', time],
          ['GAIN', 100],
          ['XBINNING', 1],
        ]);
      }
    };
    const light = (filter: string, night: string, count: number, temperature: number) =>
      frame(
        `M31/${night}/LIGHT/M31_${filter}`,
        [
          ['IMAGETYP', 'LIGHT'],
          ['EXPTIME', 300],
          ['FILTER', filter],
          ['OBJECT', 'M 31'],
          ['CCD-TEMP', temperature],
          ['FOCRATIO', 5.4],
          ['AMBTEMP', 8.5],
          ['MPSAS', 20.8],
        ],
        night,
        count,
      );
    light('L', first, 10, -10);
    light('R', first, 6, -10);
    light('L', second, 8, -10.2);
    let set = 0;
    const calibration = (kind: string, cards: FitsCard[], night: string, count: number) =>
      frame(
        `calibration/${kind}_${night}_set${set++}`,
        [['IMAGETYP', kind], ...cards],
        night,
        count,
      );
    // Flats: L on both nights, R only on the first; each night's L flats are that night's.
    calibration(
      'FLAT',
      [
        ['EXPTIME', 1.5],
        ['FILTER', 'L'],
        ['CCD-TEMP', -10],
      ],
      first,
      20,
    );
    calibration(
      'FLAT',
      [
        ['EXPTIME', 1.5],
        ['FILTER', 'L'],
        ['CCD-TEMP', -10],
      ],
      second,
      25,
    );
    calibration(
      'FLAT',
      [
        ['EXPTIME', 2.5],
        ['FILTER', 'R'],
        ['CCD-TEMP', -10],
      ],
      first,
      15,
    );
    // Dark flats for the L flats' 1.5 s only.
    calibration(
      'DARKFLAT',
      [
        ['EXPTIME', 1.5],
        ['CCD-TEMP', -10],
      ],
      first,
      12,
    );
    // Darks of 300 s at -10 °C (they count) and at +5 °C (they do not), and of 120 s (nor those).
    calibration(
      'DARK',
      [
        ['EXPTIME', 300],
        ['CCD-TEMP', -10],
      ],
      first,
      30,
    );
    calibration(
      'DARK',
      [
        ['EXPTIME', 300],
        ['CCD-TEMP', 5],
      ],
      first,
      9,
    );
    calibration(
      'DARK',
      [
        ['EXPTIME', 120],
        ['CCD-TEMP', -10],
      ],
      first,
      7,
    );
    calibration(
      'BIAS',
      [
        ['EXPTIME', 0.001],
        ['CCD-TEMP', -10],
      ],
      first,
      50,
    );
    return { first, second };
  }

  it('counts, per row, the calibration frames that would calibrate it', async () => {
    const { dir, data, cli, config } = setup();
    const { first, second } = acquisitions(data);
    config(
      '{ "reporters": [["astrobin", { "filterIds": { "L": 4531, "R": 4532 }, "bortle": 4 }]] }',
    );
    const out = join(dir, 'astrobin.csv');
    const result = await cli('scan', data, '--reporter', `astrobin=${out}`);
    expect(result.code).toBe(0);
    const [header, ...lines] = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(header).toBe(
      'date,filter,number,duration,binning,gain,sensorCooling,fNumber,darks,flats,flatDarks,bias,bortle,meanSqm,temperature',
    );
    const rowsOf = lines.map((line) =>
      Object.fromEntries(header!.split(',').map((c, i) => [c, line.split(',')[i]])),
    );
    // What every row shares: the lights' setup, the darks and bias that fit all, the site.
    const same = {
      duration: '300',
      binning: '1',
      gain: '100',
      sensorCooling: '-10',
      fNumber: '5.4',
      darks: '30', // the 300 s darks at -10 °C; not those at +5 °C, nor the 120 s ones
      bias: '50',
      bortle: '4',
      meanSqm: '20.8',
      temperature: '8.5',
    };
    expect(rowsOf).toEqual([
      { date: first, filter: '4531', number: '10', ...same, flats: '20', flatDarks: '12' },
      { date: first, filter: '4532', number: '6', ...same, flats: '15', flatDarks: '' },
      // The second night's own L flats; the dark flats of 1.5 s calibrate them too.
      { date: second, filter: '4531', number: '8', ...same, flats: '25', flatDarks: '12' },
    ]);
  });

  it('refuses rows that only a filter without an AstroBin id would tell apart, and writes nothing', async () => {
    const { dir, data, cli } = setup();
    acquisitions(data);
    const out = join(dir, 'astrobin.csv');
    const csv = join(dir, 'report.csv');
    const result = await cli(
      'scan',
      data,
      '--reporter',
      `csv=${csv}`,
      '--reporter',
      `astrobin=${out}`,
    );
    expect(result.code).toBe(78);
    expect(result.stderr).toContain(
      'error: the astrobin report: the rows of L, R would have no filter (no AstroBin id), so nothing would tell them apart',
    );
    expect(result.stderr).toContain('set filterIds.L');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(csv)).toBe(false);
  });
});
