/**
 * The whole calibration picture on the archive (test-support/calibration-archive.ts), through
 * the real command: the calibration section names exactly the missing sets; names only and headers
 * give the same answers where names carry the facts and say what they could not decide; masters
 * calibrate like sets of frames; and a library learned from the archive gives the same answers as
 * the frames themselves.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CalibrationSection, ExposureReport, LightGroup } from '@astrotrack/core/internal';
import { useTempDir } from '@astrotrack/test-utils/temp-dir';
import {
  CALIBRATION_ARCHIVE_CONFIG,
  COLOUR,
  MONO,
  NIGHTS,
  writeCalibrationArchive,
} from './test-support/calibration-archive.js';
import { runCli } from './test-support/run-cli.js';

const tempDir = useTempDir();

interface Archive {
  root: string;
  env: NodeJS.ProcessEnv;
}

function archive(options: { masters?: boolean } = {}): Archive {
  const root = tempDir();
  writeCalibrationArchive(join(root, 'archive'), options);
  writeFileSync(join(root, 'astro.config.yaml'), CALIBRATION_ARCHIVE_CONFIG);
  return { root, env: { ASTROTRACK_DATA_DIR: join(root, 'data') } };
}

async function scan(
  { root, env }: Archive,
  dir = 'archive',
  extra: string[] = [],
): Promise<{ report: ExposureReport; section: CalibrationSection }> {
  const result = await runCli(
    ['scan', dir, '--config', 'astro.config.yaml', '--reporter', 'json', ...extra],
    { cwd: root, env },
  );
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  const report = JSON.parse(result.stdout) as ExposureReport;
  const section = report.sections.find((s) => s.id === 'calibration')!.data as CalibrationSection;
  return { report, section };
}

/** One line per group: what it is, and each kind's mark and the set's kind and night. */
function summary(groups: readonly LightGroup[]): string[] {
  const used = (match: LightGroup['dark']) =>
    match.set
      ? `${match.status}:${match.set.master ? 'master ' : ''}${match.set.kind}@${match.set.date}`
      : match.status;
  return groups.map(
    (g) =>
      `${g.night} ${g.target} ${g.filter} ${g.angle?.from ?? '-'} ${g.exposureSeconds}s g${g.gain} ${g.sensorTemperature}C | ${used(g.dark)} | ${used(g.flat)} | ${used(g.flatDarks)}`,
  );
}

const [N1, N2, N3, N4] = NIGHTS;

describe('the calibration picture', () => {
  it('names exactly the missing sets, and the fewest to shoot', async () => {
    const { section } = await scan(archive({ masters: true }));
    expect(summary(section.groups)).toEqual([
      `${N1} M31 L 45.1 300s g100 -10C | ok:dark@${N1} | ok:flat@${N1} | ok:bias@${N1}`,
      `${N2} M31 L 135.2 300s g100 -10C | ok:dark@${N1} | ok:flat@${N2} | ok:darkflat@${N2}`,
      `${N2} M31 L 135.2 60s g0 -10C | missing | ok:flat@${N2} | ok:darkflat@${N2}`,
      `${N3} NGC 7000 Ha 135.1 300s g100 -5C | missing | missing | ok:bias@${N1}`,
      `${N4} M31 OSC - 120s g100 0C | ok:master dark@${N4} | ok:master flat@${N4} | ok`,
    ]);
    expect(section.groups.map((g) => g.camera)).toEqual([MONO, MONO, MONO, MONO, COLOUR]);
    expect(section.summary).toEqual({ groups: 5, ok: 3, warn: 0, missing: 2 });
    expect(section.toShoot).toEqual([
      expect.objectContaining({
        kind: 'dark',
        camera: MONO,
        exposureSeconds: 60,
        gain: 0,
        offset: 10,
        sensorTemperature: -10,
        frames: 30,
        targets: ['M31'],
      }),
      expect.objectContaining({
        kind: 'dark',
        camera: MONO,
        exposureSeconds: 300,
        gain: 100,
        offset: 50,
        sensorTemperature: -5,
        frames: 30,
        targets: ['NGC 7000'],
      }),
      expect.objectContaining({
        kind: 'flat',
        camera: MONO,
        filter: 'Ha',
        angle: 135,
        frames: 30,
        targets: ['NGC 7000'],
      }),
    ]);
    // Why the −5 °C lights have no darks: the nearest set, and what rules it out.
    const ha = section.groups[3]!;
    expect(ha.dark.nearest?.why).toEqual([
      "temperature −10 °C, 5 °C from the lights' −5 °C (±2 °C allowed)",
    ]);
  });

  it('without the masters, the colour camera’s lights need darks and flats; nothing else changes', async () => {
    const withMasters = await scan(archive({ masters: true }));
    const without = await scan(archive());
    expect(without.report.totalSeconds).toBe(withMasters.report.totalSeconds);
    const colour = without.section.groups[4]!;
    expect([colour.dark.status, colour.flat.status]).toEqual(['missing', 'missing']);
    expect(summary(without.section.groups).slice(0, 4)).toEqual(
      summary(withMasters.section.groups).slice(0, 4),
    );
    expect(without.section.toShoot.map((s) => `${s.kind} ${s.camera}`)).toEqual([
      `dark ${MONO}`,
      `dark ${MONO}`,
      `dark ${COLOUR}`,
      `flat ${MONO}`,
      `flat ${COLOUR}`,
      `darkflat ${COLOUR}`,
    ]);
  });

  it('from names alone, answers the same where names carry the facts, and warns where they do not', async () => {
    const files = archive({ masters: true });
    const headers = await scan(files);
    const names = await scan(files, 'archive', ['--no-headers']);
    const mono = (section: CalibrationSection) => summary(section.groups).slice(0, 4);
    // N.I.N.A.'s names carry gain, offset, temperature and angle: the same matches; only the camera
    // is unknown on both sides, which is no caveat.
    expect(mono(names.section)).toEqual(mono(headers.section));
    expect(names.section.groups.every((g) => g.camera === null)).toBe(true);
    // The masters' names carry their exposure and little else: matched, with what was not checked.
    const colour = names.section.groups[4]!;
    expect(colour.dark.status).toBe('warn');
    expect(colour.dark.warnings).toEqual(
      expect.arrayContaining([
        'sensor temperature of the darks unknown',
        'date of the set unknown',
      ]),
    );
    expect(names.section.toShoot).toEqual(
      headers.section.toShoot.map((s) => ({ ...s, camera: null })),
    );
  });

  it('learns the sets into the library once, and matches lights from it as from the frames', async () => {
    const files = archive({ masters: true });
    const learn = () =>
      runCli(['calibration', 'learn', 'archive', '--config', 'astro.config.yaml'], {
        cwd: files.root,
        env: files.env,
      });
    const first = await learn();
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('5 calibration set(s) found; recorded 5 new');
    expect(first.stdout).toContain('flat set(s) seen: flats live in the flat library');
    const second = await learn();
    expect(second.stdout).toContain('recorded 0 new');
    const flats = await runCli(['flats', 'learn', 'archive', '--config', 'astro.config.yaml'], {
      cwd: files.root,
      env: files.env,
    });
    expect(flats.code).toBe(0);

    const list = await runCli(['calibration', 'list', '--json', '--config', 'astro.config.yaml'], {
      cwd: files.root,
      env: files.env,
    });
    const listed = JSON.parse(list.stdout) as { sets: { kind: string; master: boolean }[] };
    expect(listed.sets.map((s) => `${s.master ? 'master ' : ''}${s.kind}`).sort()).toEqual([
      'bias',
      'dark',
      'darkflat',
      'master dark',
      'master flat',
    ]);

    // Each night's lights alone, with only the libraries to go by.
    const whole = await scan(files);
    const fromLibraries: LightGroup[] = [];
    for (const folder of [
      `archive/mono/${N1}/LIGHT`,
      `archive/mono/${N2}/LIGHT`,
      `archive/mono/${N3}/LIGHT`,
      'archive/colour/Autorun/Light',
    ])
      fromLibraries.push(...(await scan(files, folder)).section.groups);
    expect(summary(fromLibraries)).toEqual(summary(whole.section.groups));

    const removed = await runCli(
      ['calibration', 'remove', '--kind', 'dark', '--date', N1, '--config', 'astro.config.yaml'],
      { cwd: files.root, env: files.env },
    );
    expect(removed.stdout).toContain('removed 1 set(s)');
    const cleared = await runCli(['calibration', 'clear', '--config', 'astro.config.yaml'], {
      cwd: files.root,
      env: files.env,
    });
    expect(cleared.code).toBe(2);
    expect(cleared.stdout).toContain('this would remove all 4 calibration set(s)');
  });

  it('inspect shows a master as the calibration it is: skipped as no subframe, with its facts', async () => {
    const files = archive({ masters: true });
    const inspected = await runCli(
      [
        'inspect',
        'archive/colour/masters/MasterDark_120.0s_gain100_0C.fits',
        '--config',
        'astro.config.yaml',
      ],
      { cwd: files.root, env: files.env },
    );
    expect(inspected.code).toBe(0);
    expect(inspected.stdout).toContain('not a frame: a master dark: calibration, not a subframe');
    expect(inspected.stdout).toMatch(/as calibration \(named by \w+\):/);
    expect(inspected.stdout).toMatch(/kind +dark/);
    expect(inspected.stdout).toMatch(/camera +ZWO ASI533MC Pro +header INSTRUME/);
  });

  it('shows the section in every reporter, and --explain spells each choice out', async () => {
    const files = archive({ masters: true });
    const table = await runCli(['scan', 'archive', '--config', 'astro.config.yaml'], {
      cwd: files.root,
      env: files.env,
    });
    expect(table.stdout).toContain('Calibration by light group');
    expect(table.stdout).toContain('Calibration to shoot');
    expect(table.stdout).toContain(
      'darks ✗ shoot darks: 300 s, gain 100, offset 50, −5 °C, bin 1x1',
    );
    expect(table.stdout).not.toContain('darks ✓');
    const explained = await runCli(
      ['scan', 'archive', '--config', 'astro.config.yaml', '--explain'],
      {
        cwd: files.root,
        env: files.env,
      },
    );
    expect(explained.stdout).toContain(
      `darks ✓ darks 300 s, gain 100, offset 50, −10 °C, bin 1x1, ${MONO} from ${N1}`,
    );
    const csv = await runCli(
      ['scan', 'archive', '--config', 'astro.config.yaml', '--reporter', 'csv'],
      {
        cwd: files.root,
        env: files.env,
      },
    );
    const rows = csv.stdout.split('\r\n');
    expect(rows.filter((row) => row.startsWith('calibration-match,'))).toHaveLength(15);
    expect(rows.filter((row) => row.startsWith('calibration-to-shoot,'))).toHaveLength(3);
    for (const reporter of ['markdown', 'html']) {
      const out = await runCli(
        ['scan', 'archive', '--config', 'astro.config.yaml', '--reporter', reporter],
        {
          cwd: files.root,
          env: files.env,
        },
      );
      expect(out.stdout).toContain('Calibration to shoot');
    }
  });
});
