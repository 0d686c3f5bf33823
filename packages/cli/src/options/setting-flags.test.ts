/**
 * Every flag that sets a config key accepts exactly what the config accepts at that key, and says
 * what is wrong in the config's words; every other flag is listed as having no config key.
 */
import type { Command } from 'commander';
import { isAstrotrackError } from '@astrotrack/core';
import { validateConfig } from '@astrotrack/core/schema';
import { describe, expect, it } from 'vitest';
import { createProgram } from '../cli.js';
import { KNOWN_PLUGINS } from '../run-scan.js';
import { SETTING_FLAGS, settingsFromFlags, type SettingFlag } from './setting-flags.js';

/** Flags that set nothing in astro.config: where output goes, what to do, which file or folder. */
const NOT_SETTINGS = new Set([
  '--config',
  '--rig',
  '--log-level',
  '--log-format',
  '--verbose',
  '--quiet',
  '--help',
  '--version',
  '--reporter',
  '--target',
  '--library',
  '--no-flats',
  '--no-calibration',
  '--for',
  '--include-incomplete',
  '--calibration-library',
  '--explain',
  '--kind',
  '--exposure',
  '--gain',
  '--camera',
  '--quiet-ms',
  '--poll',
  '--by',
  '--layout',
  '--out',
  '--dry-run',
  '--yes',
  '--list',
  '--json',
  '--date',
  '--replace',
  '--binning',
  '--root',
  '--program',
  '--filters',
  '--rotator',
  '--no-rotator',
  '--frames',
  '--header-only',
  '--if-missing',
  '--journal',
]);

/** Texts on both sides of every bound a setting has (and a few no one means as a number). */
const NUMBERS = [
  ...['-1000', '-13', '-12', '-1', '0', '0.0009', '0.001', '0.009', '0.01', '0.1', '0.4', '0.5'],
  ...['1', '2.5', '9', '10', '14', '14.5', '25', '90', '90.5', '100', '100.5', '1000', '1000.5'],
  ...['36500', '36501', '100000', '100001', 'ten', '1e3', '0x10', ''],
];
const TEXTS: Partial<Record<keyof typeof SETTING_FLAGS, string[]>> = {
  alloc: ['L=40', 'L=100', 'L=100.5', 'L=140', 'L=0,R=100'],
  sort: ['filter', 'remaining-time', 'remaining_time', 'fastest', ''],
  mode: ['move', 'copy', 'hardlink', 'symlink', 'teleport', 'MOVE'],
  includeUnknown: [true as unknown as string],
  headers: [false as unknown as string],
  cache: [false as unknown as string],
};

function atPath(path: string, value: unknown): Record<string, unknown> {
  return path.split('.').reduceRight<unknown>((inner, key) => ({ [key]: inner }), value) as Record<
    string,
    unknown
  >;
}

function configProblems(flag: SettingFlag, text: string | boolean): string[] {
  const result = validateConfig(atPath(flag.path, flag.read(text)), KNOWN_PLUGINS);
  return result.ok ? [] : result.problems;
}

async function flagProblem(flag: SettingFlag, text: string | boolean): Promise<string | null> {
  try {
    await settingsFromFlags([[flag, text]]);
    return null;
  } catch (error) {
    if (!isAstrotrackError(error)) throw error;
    return error.message;
  }
}

function allOptions(command: Command): string[] {
  return [
    ...command.options.map((option) => option.long ?? option.short ?? ''),
    ...command.commands.flatMap(allOptions),
  ];
}

describe('setting flags', () => {
  const cases = Object.entries(SETTING_FLAGS).flatMap(([key, flag]) =>
    (TEXTS[key as keyof typeof SETTING_FLAGS] ?? NUMBERS).map((text) => ({ key, flag, text })),
  );

  it('try values on both sides of every bound', () => {
    const refused = cases.filter(({ flag, text }) => configProblems(flag, text).length > 0);
    expect(refused.length).toBeGreaterThan(80);
    expect(cases.length - refused.length).toBeGreaterThan(60);
  });

  it.each(cases)('$flag.flag $text: as the config at $flag.path', async ({ flag, text }) => {
    const config = configProblems(flag, text);
    const cli = await flagProblem(flag, text);
    if (config.length === 0) expect(cli).toBeNull();
    else {
      // The config's words, after the path: `plan.targetHours: expected a number from …`.
      const words = config[0]!.slice(config[0]!.indexOf(': ') + 2);
      expect(cli).toContain(`bad ${flag.flag} "${String(text)}"`);
      expect(cli).toContain(words);
    }
  });

  it('covers every option of every command, or says it sets no config key', () => {
    const settingFlags = new Set<string>(Object.values(SETTING_FLAGS).map((flag) => flag.flag));
    const options = [...new Set(allOptions(createProgram()))];
    expect(options.length).toBeGreaterThan(30);
    expect(
      options.filter((option) => !settingFlags.has(option) && !NOT_SETTINGS.has(option)),
    ).toEqual([]);
  });

  it('lists every bad flag at once', async () => {
    await expect(
      settingsFromFlags([
        [SETTING_FLAGS.targetHours, '0'],
        [SETTING_FLAGS.buffer, '2000'],
      ]),
    ).rejects.toThrow(
      'bad --target-hours "0": expected a number from 0.01 to 100000; bad --buffer "2000": expected a number from 0 to 1000',
    );
  });
});
