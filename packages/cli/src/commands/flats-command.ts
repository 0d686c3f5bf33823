/**
 * `astrotrack flats …`: the flat library (add, list, remove, clear, reset, learn, import-legacy,
 * path). Every change is locked and written atomically (@astrotrack/flats).
 */
import type { Command } from 'commander';
import {
  errors,
  SETTING_DEFAULTS,
  scanArchive,
  type ResolvedRig,
  type Settings,
} from '@astrotrack/core/internal';
import { SETTING_FLAGS, settingsFromFlags } from '../options/setting-flags.js';
import {
  addFlatRecords,
  addFlats,
  clearFlats,
  collectFlatFrames,
  deleteFlatLibrary,
  flatSets,
  isCalendarDate,
  listFlats,
  loadFlatLibrary,
  localToday,
  readLegacyFlats,
  removeFlatAngles,
  rigFlats,
  updateFlatLibrary,
  LEGACY_FILE,
  type FlatLibrary,
  type FlatRecord,
} from '@astrotrack/flats';
import type { Frame } from '@astrotrack/core';
import { renderGrid } from '@astrotrack/reporters';
import { loggerFor, type GlobalOptions } from '../options/global-options.js';
import { parseDecimal } from '../options/parse-allocation.js';
import { cacheFolderOf, flatLibraryFile, prepareRig, withScanRig } from '../run-scan.js';
import { progressLine } from '../progress/progress-line.js';
import { scanProgressPlugin } from '../progress/scan-progress-plugin.js';

interface LibraryFlags {
  library?: string;
}

export function registerFlatsCommand(program: Command): void {
  const flats = program
    .command('flats')
    .description('the flat library: which flats you own, at which angles, and how old they are')
    .option(
      '--library <file>',
      'the library file (default: flats.library in the config, else the data folder)',
    )
    .addHelpText(
      'after',
      '\nExamples:\n  astrotrack flats learn ~/astro/flats\n  astrotrack flats add L 45 56 --date 2025-09-15\n  astrotrack flats list\n  astrotrack scan ~/astro/M31   # recommends the flats still to shoot',
    );

  flats
    .command('add')
    .description(
      'record flats for a filter at one or more angles (none: a camera without a rotator)',
    )
    .argument('<filter>', 'filter name (aliases are understood: Lum → L)')
    .argument('[angles...]', 'rotator angles in degrees; leave out for a camera without a rotator')
    .option('--date <date>', 'capture date, YYYY-MM-DD (default today)')
    .option('--replace', "replace the filter's flats instead of adding to them")
    .option('--binning <XxY>', 'only for frames binned like this, e.g. 2x2')
    .action(async (filterName: string, angleTexts: string[], flags, command: Command) => {
      const context = await libraryContext(command);
      const filter = context.canonicalFilter(filterName);
      const angles = angleTexts.map(parseAngle);
      const today = localToday();
      const date = flags.date ?? today;
      if (!isCalendarDate(date))
        throw errors.badUsage(`bad --date "${date}"`, 'write a day that exists, YYYY-MM-DD');
      if (date > today)
        throw errors.badUsage(`bad --date "${date}": it is in the future`, `today is ${today}`);
      const binning = flags.binning === undefined ? undefined : parseBinning(flags.binning);
      const result = await updateFlatLibrary(context.file, (library) =>
        addFlats(
          library,
          context.rig,
          { [filter]: angles },
          {
            date,
            replace: flags.replace,
            binning,
          },
        ),
      );
      if (result.removed.length) say(`replaced ${filter}: removed ${angleList(result.removed)}`);
      if (result.added.length)
        say(
          angles.length
            ? `added ${filter} flats at ${angleList(result.added)} (${date})`
            : `added ${filter} flats without an angle (${date})`,
        );
      if (result.known.length) say(`already recorded: ${angleList(result.known)} (${date})`);
      say(`library: ${context.file}`);
    });

  flats
    .command('list')
    .description('list the flats with their age; old ones are marked')
    .option('--json', 'print JSON for scripts')
    .option(
      '--max-age <days>',
      `flats older than this are old (default: config flats.maxAgeDays, else ${SETTING_DEFAULTS.flats.maxAgeDays})`,
    )
    .action(async (flags, command: Command) => {
      const context = await libraryContext(command);
      const maxAge =
        (await settingsFromFlags([[SETTING_FLAGS.maxAge, flags.maxAge]])).flats?.maxAgeDays ??
        context.maxAgeDays;
      const listed = listFlats(
        await loadFlatLibrary(context.file),
        context.rig,
        localToday(),
        maxAge,
      );
      if (flags.json) {
        process.stdout.write(
          `${JSON.stringify({ library: context.file, rig: context.rig, maxAgeDays: maxAge, flats: listed }, null, 2)}\n`,
        );
        return;
      }
      if (listed.length === 0) {
        say(`no flats recorded (library: ${context.file})`);
        say('add some with `astrotrack flats add FILTER ANGLE…` or `astrotrack flats learn DIR`');
        return;
      }
      const rows = listed.map((flat) => [
        flat.filter,
        flat.angle === undefined ? 'none' : `${flat.angle}°`,
        flat.binning ?? 'any',
        flat.date,
        flat.old ? `⚠ OLD (${flat.ageDays}d)` : `✓ Recent (${flat.ageDays}d)`,
        flat.source,
      ]);
      say(
        renderGrid(
          [
            { header: 'Filter', align: 'left' },
            { header: 'Angle', align: 'right' },
            { header: 'Binning', align: 'left' },
            { header: 'Date', align: 'left' },
            { header: 'Status', align: 'left' },
            { header: 'From', align: 'left' },
          ],
          rows,
        ),
      );
      const old = listed.filter((flat) => flat.old).length;
      say(
        `\n${listed.length} flat set(s), ${old} older than ${maxAge} days (library: ${context.file})`,
      );
    });

  flats
    .command('remove')
    .description(
      "remove a filter's flats at the given angles (every date); no angles: those without one",
    )
    .argument('<filter>')
    .argument('[angles...]')
    .action(async (filterName: string, angleTexts: string[], _flags, command: Command) => {
      const context = await libraryContext(command);
      const filter = context.canonicalFilter(filterName);
      const { removed, left } = await updateFlatLibrary(context.file, (library) => ({
        removed: removeFlatAngles(library, context.rig, filter, angleTexts.map(parseAngle)),
        left: rigFlats(library, context.rig).filter((flat) => flat.filter === filter),
      }));
      if (removed.length === 0) {
        const where = angleTexts.length ? `at ${angleTexts.join(', ')}°` : 'without an angle';
        say(`no ${filter} flats ${where}: nothing removed`);
        return;
      }
      say(`removed ${filter} flats at ${angleList(removed)}`);
      say(left.length ? `remaining ${filter}: ${angleList(left)}` : `no ${filter} flats remain`);
    });

  flats
    .command('clear')
    .description('remove every flat of the given filters (of all filters with --yes)')
    .argument('[filters...]')
    .option('--yes', 'confirm clearing every filter')
    .action(async (filterNames: string[], flags, command: Command) => {
      const context = await libraryContext(command);
      const filters = filterNames.map(context.canonicalFilter);
      if (filters.length === 0 && !flags.yes) {
        const count = rigFlats(await loadFlatLibrary(context.file), context.rig).length;
        say(
          `this would remove all ${count} flat set(s) of ${context.rigLabel} from ${context.file}`,
        );
        say('to confirm: astrotrack flats clear --yes (or name the filters to clear)');
        process.exitCode = 2;
        return;
      }
      const removed = await updateFlatLibrary(context.file, (library) =>
        clearFlats(library, context.rig, filters.length ? filters : undefined),
      );
      say(
        removed.length
          ? `removed ${removed.length} flat set(s): ${[...new Set(removed.map((f) => f.filter))].join(', ')}`
          : `no flats of ${filters.join(', ')}: nothing removed`,
      );
    });

  flats
    .command('reset')
    .description('delete the whole library, every rig (needs --yes)')
    .option('--yes', 'confirm')
    .action(async (flags, command: Command) => {
      const context = await libraryContext(command);
      if (!flags.yes) {
        const library = await loadFlatLibrary(context.file);
        const count = Object.values(library.rigs).reduce((sum, rig) => sum + rig.flats.length, 0);
        say(`WARNING: this deletes ${context.file}: ${count} flat set(s) of every rig`);
        say('to confirm: astrotrack flats reset --yes');
        process.exitCode = 2;
        return;
      }
      say(
        (await deleteFlatLibrary(context.file))
          ? `deleted ${context.file}`
          : `no library at ${context.file}: nothing to delete`,
      );
    });

  flats
    .command('learn')
    .description(
      'find the flat frames in a folder and record each flat set (filter, binning, angle if any, night)',
    )
    .argument('<dir>', 'folder with flat frames, searched with its subfolders')
    .option('--dry-run', 'show what would be recorded, change nothing')
    .option('--no-cache', 'read every header again (the cache `scan` keeps: DIR/.astrotrack/cache)')
    .action(async (dir: string, flags: { dryRun?: boolean; cache: boolean }, command: Command) => {
      const context = await libraryContext(
        command,
        await settingsFromFlags([[SETTING_FLAGS.cache, flags.cache]]),
      );
      const found: Frame[] = [];
      const { rig, rigs, configPath } = context.prepared;
      await scanArchive({
        root: dir,
        rig,
        // A mixed archive: each flat set goes to the rig whose match fits its frames.
        rigs: rigs.map((laneRig) => ({ rig: laneRig })),
        parsers: context.prepared.parsers,
        cacheFolder: cacheFolderOf(dir, rig, configPath),
        cacheReadOnly: Boolean(flags.dryRun),
        plugins: [
          collectFlatFrames(found),
          scanProgressPlugin(
            progressLine({ quiet: command.optsWithGlobals<GlobalOptions>().quiet }),
            'looking for flats',
          ),
        ],
        logger: context.logger,
      });
      if (found.length === 0) {
        say(
          `no flat frames found in ${dir} (a frame is a flat by its IMAGETYP header, or a FLAT folder or name)`,
        );
        return;
      }
      const byRig = flatSetsByRig(found, withScanRig(rigs, rig));
      const sets = byRig.flatMap((entry) => entry.sets);
      const withoutFilter = byRig.flatMap((entry) => entry.withoutFilter);
      const withoutDate = byRig.flatMap((entry) => entry.withoutDate);
      const addAll = (library: FlatLibrary) => {
        const added: (FlatRecord & { rig: string | null })[] = [];
        const known: ReturnType<typeof addFlatRecords>['known'] = [];
        for (const entry of byRig) {
          const result = addFlatRecords(library, entry.rig, entry.sets);
          added.push(...result.added.map((set) => ({ ...set, rig: entry.rig })));
          known.push(...result.known);
        }
        return { added, known };
      };
      // A dry run applies the same change to a copy read from disk, and writes nothing.
      const result = flags.dryRun
        ? addAll(await loadFlatLibrary(context.file))
        : await updateFlatLibrary(context.file, addAll);
      const verb = flags.dryRun ? 'would record' : 'recorded';
      say(
        `${found.length} flat frame(s) in ${sets.length} set(s); ${verb} ${result.added.length} new`,
      );
      for (const set of result.added) {
        const binning = set.binning ? ` ${set.binning}` : '';
        const angle = set.angle === undefined ? 'no angle' : `${set.angle}°`;
        const rigName = rigs.length > 0 ? `${set.rig ?? 'default rig'}: ` : '';
        say(`  ${rigName}${set.filter}${binning} ${angle} ${set.date} (${set.frames} frames)`);
      }
      if (result.known.length) say(`${result.known.length} set(s) already in the library`);
      for (const [what, list] of [
        ['no filter', withoutFilter],
        ['no capture date', withoutDate],
      ] as const) {
        if (list.length) say(`not recorded, ${what}: ${list.length} frame(s), e.g. ${list[0]}`);
      }
      if (!flags.dryRun) say(`library: ${context.file}`);
    });

  flats
    .command('import-legacy')
    .description("import the Python toolkit's flat history")
    .argument('[file]', 'its JSON file', LEGACY_FILE)
    .action(async (file: string, _flags, command: Command) => {
      const context = await libraryContext(command);
      const records = (await readLegacyFlats(file)).map((record) => ({
        ...record,
        filter: context.canonicalFilter(record.filter),
      }));
      const result = await updateFlatLibrary(context.file, (library) =>
        addFlatRecords(library, context.rig, records),
      );
      say(
        `imported ${result.added.length} flat set(s) from ${file}; ${result.known.length} were already there`,
      );
      say(`library: ${context.file}`);
    });

  flats
    .command('path')
    .description('print where the library is')
    .action(async (_flags, command: Command) => {
      say((await libraryContext(command)).file);
    });
}

/** The flat sets of each rig's frames (`frame.rig`, set by the scan), by that rig's angle precision. */
function flatSetsByRig(found: readonly Frame[], rigs: readonly ResolvedRig[]) {
  return rigs.map((laneRig) => ({
    rig: laneRig.name,
    ...flatSets(
      found.filter((frame) => frame.rig === laneRig.name),
      laneRig.flats.anglePrecision,
    ),
  }));
}

async function libraryContext(command: Command, settings: Settings = {}) {
  const globals = command.optsWithGlobals<GlobalOptions & LibraryFlags>();
  const logger = loggerFor(globals);
  const prepared = await prepareRig({
    searchFrom: process.cwd(),
    configFile: globals.config,
    rig: globals.rig,
    settings,
    logger,
  });
  const { rig } = prepared;
  const file = flatLibraryFile(rig, prepared.configPath, globals.library);
  return {
    file,
    logger,
    prepared,
    rig: rig.name,
    rigLabel: rig.name ? `rig ${rig.name}` : 'the default rig',
    maxAgeDays: rig.flats.maxAgeDays,
    canonicalFilter: (name: string) => {
      if (name.trim() === '')
        throw errors.badUsage('the filter name is empty', 'give a filter, e.g. L, Ha or OIII');
      if (name.includes(','))
        throw errors.badUsage(
          `"${name}" is not one filter name`,
          'give one filter at a time: flats add L 45, then flats add R 45',
        );
      return rig.filters.canonical(name) ?? name.trim();
    },
  };
}

/** `2x2`, `1X2`, or `2` for `2x2`: the binning a flat is for. */
function parseBinning(text: string): string {
  const match = /^\s*(\d{1,2})(?:\s*[xX×]\s*(\d{1,2}))?\s*$/.exec(text);
  if (!match || Number(match[1]) === 0 || Number(match[2] ?? 1) === 0)
    throw errors.badUsage(`bad --binning "${text}"`, 'write it like 2x2 (or 2)');
  return `${Number(match[1])}x${Number(match[2] ?? match[1])}`;
}

function parseAngle(text: string): number {
  const angle = parseDecimal(text.trim().replace(/°$/, ''));
  if (!Number.isFinite(angle)) {
    throw errors.badUsage(`bad angle "${text}"`, 'give rotator angles in degrees, e.g. 45 or 69.6');
  }
  return angle;
}

function angleList(flats: readonly FlatRecord[]): string {
  return [
    ...new Set(flats.map((flat) => (flat.angle === undefined ? 'no angle' : `${flat.angle}°`))),
  ].join(', ');
}

function say(text: string): void {
  process.stdout.write(`${text}\n`);
}
