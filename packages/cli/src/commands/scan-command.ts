import type { Command } from 'commander';
import { EXIT_CODES, errors, parseSortKey, SETTING_BOUNDS, SORT_KEYS } from '@astrotrack/core';
import { builtinReporters } from '@astrotrack/reporters';
import { loggerFor, stdoutWantsColor, type GlobalOptions } from '../options/global-options.js';
import { parseAllocation, parseBoundedNumber } from '../options/parse-allocation.js';
import { runScan, type RunScanOptions } from '../run-scan.js';
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
      'rejection buffer added to the target, in percent (default 15)',
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
    .option('--target <name>', 'count only the lights of this target (case and spaces ignored)');
}

/** Flags → what runScan needs; every value checked, every problem a usage error. */
export function scanOptionsFrom(
  dir: string,
  flags: Omit<ScanFlags, 'reporter'>,
  globals: GlobalOptions,
): Omit<RunScanOptions, 'logger'> {
  const sort = flags.sort === undefined ? undefined : parseSortKey(flags.sort);
  if (sort === null) {
    throw errors.badUsage(`bad --sort "${flags.sort}"`, `use one of: ${SORT_KEYS.join(', ')}`);
  }
  return {
    dir,
    configFile: globals.config,
    rig: globals.rig,
    targetHours:
      flags.targetHours === undefined
        ? undefined
        : parseBoundedNumber('--target-hours', flags.targetHours, SETTING_BOUNDS.targetHours),
    allocation: flags.alloc === undefined ? undefined : parseAllocation(flags.alloc),
    rejectionBuffer:
      flags.buffer === undefined
        ? undefined
        : parseBoundedNumber('--buffer', flags.buffer, SETTING_BOUNDS.rejectionBuffer),
    sort,
    includeUnknown: flags.includeUnknown,
    // Commander sets `headers` to true unless --no-headers is given; only the flag overrides the config.
    headers: flags.headers === false ? false : undefined,
    flats: flags.flats,
    cache: flags.cache === false ? false : undefined,
    library: flags.library,
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
    .addHelpText(
      'after',
      '\nExamples:\n  astrotrack scan ~/astro/M31\n  astrotrack scan ~/astro/M31 --target-hours 10 --alloc L=40,R=20,G=20,B=20 --sort remaining-time\n  astrotrack scan . --reporter json > report.json\n  astrotrack scan ~/astro --reporter table --reporter csv=out.csv --reporter html=report.html\n  astrotrack scan ~/astro --target "M 31" --reporter astrobin=m31-astrobin.csv',
    )
    .action(async (dir: string, flags: ScanFlags, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const logger = loggerFor(globals);
      const specs = parseReporterSpecs(flags.reporter ?? ['table']);
      const result = await runScan({
        ...scanOptionsFrom(dir, flags, globals),
        logger,
        observers: [scanProgressPlugin(progressLine({ quiet: globals.quiet }))],
      });
      const reporters = await loadReporters(specs, result.rig);
      await writeReports(reporters, result.report, { color: stdoutWantsColor() });
      if (result.pluginErrors.length > 0) process.exitCode = EXIT_CODES.unexpected;
    });
}
