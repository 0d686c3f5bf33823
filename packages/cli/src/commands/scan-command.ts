import type { Command } from 'commander';
import { EXIT_CODES, SETTING_DEFAULTS, SORT_KEYS } from '@astrotrack/core/internal';
import { builtinReporters } from '@astrotrack/reporters';
import { loggerFor, stdoutWantsColor, type GlobalOptions } from '../options/global-options.js';
import { SETTING_FLAGS, settingsFromFlags } from '../options/setting-flags.js';
import { prepareScan, type RunScanOptions } from '../run-scan.js';
import { progressLine } from '../progress/progress-line.js';
import { scanProgressPlugin } from '../progress/scan-progress-plugin.js';
import { parseReporterSpecs, loadReporters, writeReports } from '../reporting/reporter-outputs.js';

export interface ScanFlags {
  targetHours?: string;
  alloc?: string;
  buffer?: string;
  sort?: string;
  includeUnknown?: boolean;
  headers: boolean;
  cache: boolean;
  flats: boolean;
  library?: string;
  calibration: boolean;
  calibrationLibrary?: string;
  explain?: boolean;
  reporter: string[];
  target?: string;
}

/** The options `scan` and `watch` share. */
export function addScanOptions(command: Command): Command {
  return command
    .option('-t, --target-hours <hours>', 'total usable integration wanted, in hours')
    .option('-a, --alloc <list>', 'share of the target per filter, e.g. L=40,R=20,G=20,B=20')
    .option(
      '-b, --buffer <percent>',
      `rejection buffer added to the target, in percent (default ${SETTING_DEFAULTS.plan.rejectionBuffer})`,
    )
    .option('-s, --sort <key>', `sort rows by: ${SORT_KEYS.join(', ')}`)
    .option('--include-unknown', 'count lights whose filter is unknown, as filter "Unknown"')
    .option('--no-headers', 'read file names only, not FITS/XISF headers (faster, less truthful)')
    .option(
      '--no-cache',
      'read every header again, and keep nothing (the cache: DIR/.astrotrack/cache)',
    )
    .option('--no-flats', 'leave out the flat recommendations')
    .option('--library <file>', 'the flat library to compare the lights with (see `flats`)')
    .option(
      '--no-calibration',
      'leave out the calibration section (darks, flats, dark flats, bias)',
    )
    .option(
      '--calibration-library <file>',
      'the calibration library to match the lights with (see `calibration`)',
    )
    .option('--target <name>', 'count only the lights of this target (case and spaces ignored)');
}

/** Flags → what a scan needs; every setting flag checked by the config's schema. */
export async function scanOptionsFrom(
  dir: string,
  flags: Omit<ScanFlags, 'reporter'>,
  globals: GlobalOptions,
): Promise<Omit<RunScanOptions, 'logger'>> {
  return {
    dir,
    configFile: globals.config,
    rig: globals.rig,
    settings: await settingsFromFlags([
      [SETTING_FLAGS.targetHours, flags.targetHours],
      [SETTING_FLAGS.alloc, flags.alloc],
      [SETTING_FLAGS.buffer, flags.buffer],
      [SETTING_FLAGS.sort, flags.sort],
      [SETTING_FLAGS.includeUnknown, flags.includeUnknown],
      [SETTING_FLAGS.headers, flags.headers],
      [SETTING_FLAGS.cache, flags.cache],
    ]),
    flats: flags.flats,
    library: flags.library,
    calibration: flags.calibration,
    calibrationLibrary: flags.calibrationLibrary,
    target: flags.target,
  };
}

export function registerScanCommand(program: Command): void {
  addScanOptions(
    program
      .command('scan')
      .description('report integration per filter and exposure, and what is left to shoot')
      .argument('[dir]', 'folder of frames, searched with all its subfolders', '.'),
  )
    .option(
      '--reporter <name[=file]>',
      `output format, to stdout or a file; repeat for several: ${Object.keys(builtinReporters).join(', ')}`,
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .option('--explain', 'say for every light group which calibration set it uses, and why')
    .addHelpText(
      'after',
      '\nExamples:\n  astrotrack scan ~/astro/M31\n  astrotrack scan ~/astro/M31 --target-hours 10 --alloc L=40,R=20,G=20,B=20 --sort remaining-time\n  astrotrack scan . --reporter json > report.json\n  astrotrack scan ~/astro --reporter table --reporter csv=out.csv --reporter html=report.html\n  astrotrack scan ~/astro --target "M 31" --reporter astrobin=m31-astrobin.csv',
    )
    .action(async (dir: string, flags: ScanFlags, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const logger = loggerFor(globals);
      const specs = parseReporterSpecs(flags.reporter ?? ['table']);
      const scan = await prepareScan({
        ...(await scanOptionsFrom(dir, flags, globals)),
        logger,
        observers: [scanProgressPlugin(progressLine({ quiet: globals.quiet }))],
      });
      // Every output is checked before the first file is read: a typo costs no scan.
      const reporters = await loadReporters(specs, scan.rig);
      const result = await scan.run();
      await writeReports(reporters, result.report, {
        color: stdoutWantsColor(),
        explain: flags.explain ?? false,
      });
      if (result.pluginErrors.length > 0) process.exitCode = EXIT_CODES.unexpected;
    });
}
