import type { Command } from 'commander';
import {
  didYouMean,
  EXIT_CODES,
  errors,
  parseSortKey,
  SORT_KEYS,
  type ReporterPlugin,
} from '@astrotrack/core';
import { builtinReporters, isBuiltinReporter } from '@astrotrack/reporters';
import { loggerFor, stdoutWantsColor, type GlobalOptions } from '../options/global-options.js';
import { parseAllocation, parsePercent, parsePositiveNumber } from '../options/parse-allocation.js';
import { runScan } from '../run-scan.js';

interface ScanFlags {
  targetHours?: string;
  alloc?: string;
  buffer?: string;
  sort?: string;
  includeUnknown?: boolean;
  headers: boolean;
  flats: boolean;
  library?: string;
  reporter: string;
}

export function registerScanCommand(program: Command): void {
  program
    .command('scan')
    .description('report integration per filter and exposure, and what is left to shoot')
    .argument('[dir]', 'folder of frames, searched with all its subfolders', '.')
    .option('-t, --target-hours <hours>', 'total usable integration wanted, in hours')
    .option('-a, --alloc <list>', 'share of the target per filter, e.g. L=40,R=20,G=20,B=20')
    .option(
      '-b, --buffer <percent>',
      'rejection buffer added to the target, in percent (default 15)',
    )
    .option('-s, --sort <key>', `sort rows by: ${SORT_KEYS.join(', ')}`)
    .option('--include-unknown', 'count lights whose filter is unknown, as filter "Unknown"')
    .option('--no-headers', 'read file names only, not FITS/XISF headers (faster, less truthful)')
    .option('--no-flats', 'leave out the flat recommendations')
    .option('--library <file>', 'the flat library to compare the lights with (see `flats`)')
    .option('--reporter <name>', 'output format: table or json', 'table')
    .addHelpText(
      'after',
      '\nExamples:\n  astrotrack scan ~/astro/M31\n  astrotrack scan ~/astro/M31 --target-hours 10 --alloc L=40,R=20,G=20,B=20 --sort remaining-time\n  astrotrack scan . --reporter json > report.json',
    )
    .action(async (dir: string, flags: ScanFlags, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const logger = loggerFor(globals);
      const reporter = await loadReporter(flags.reporter);
      const sort = flags.sort === undefined ? undefined : parseSortKey(flags.sort);
      if (sort === null) {
        throw errors.badUsage(`bad --sort "${flags.sort}"`, `use one of: ${SORT_KEYS.join(', ')}`);
      }
      const result = await runScan({
        dir,
        configFile: globals.config,
        rig: globals.rig,
        targetHours:
          flags.targetHours === undefined
            ? undefined
            : parsePositiveNumber('--target-hours', flags.targetHours),
        allocation: flags.alloc === undefined ? undefined : parseAllocation(flags.alloc),
        rejectionBuffer:
          flags.buffer === undefined ? undefined : parsePercent('--buffer', flags.buffer),
        sort,
        includeUnknown: flags.includeUnknown,
        // Commander sets `headers` to true unless --no-headers is given; only the flag overrides the config.
        headers: flags.headers === false ? false : undefined,
        flats: flags.flats,
        library: flags.library,
        logger,
      });
      process.stdout.write(reporter.format(result.report, { color: stdoutWantsColor() }));
      if (result.pluginErrors.length > 0) process.exitCode = EXIT_CODES.unexpected;
    });
}

async function loadReporter(name: string): Promise<ReporterPlugin> {
  if (isBuiltinReporter(name)) return builtinReporters[name]!();
  const guess = didYouMean(name, Object.keys(builtinReporters));
  throw errors.badUsage(
    `unknown reporter "${name}"${guess ? ` (did you mean "${guess}"?)` : ''}`,
    `built-in reporters: ${Object.keys(builtinReporters).join(', ')}`,
  );
}
