/**
 * `astrotrack calibration …`: the calibration library (learn, list, remove, clear, path): darks,
 * bias, dark flats and masters, each set with what it matches on. Every change is locked and
 * written atomically (@astrotrack/calibration); flats stay in the flat library (`flats`).
 */
import type { Command } from 'commander';
import {
  CALIBRATION_KINDS,
  describeSet,
  errors,
  scanArchive,
  type CalibrationKind,
  type ObserverPlugin,
  type Settings,
} from '@astrotrack/core/internal';
import {
  addCalibrationSets,
  CalibrationSetAccumulator,
  learnedRecords,
  loadCalibrationLibrary,
  removeCalibrationSets,
  rigSets,
  setOfRecord,
  updateCalibrationLibrary,
  type CalibrationRecord,
  type SetSelector,
} from '@astrotrack/calibration';
import { daysBetween, isCalendarDate, localToday } from '@astrotrack/flats';
import { renderGrid } from '@astrotrack/reporters';
import { loggerFor, type GlobalOptions } from '../options/global-options.js';
import { SETTING_FLAGS, settingsFromFlags } from '../options/setting-flags.js';
import { parseDecimal } from '../options/parse-allocation.js';
import { cacheFolderOf, calibrationLibraryFile, prepareRig } from '../run-scan.js';
import { progressLine } from '../progress/progress-line.js';
import { scanProgressPlugin } from '../progress/scan-progress-plugin.js';

const KIND_NAMES: Record<string, CalibrationKind> = {
  dark: 'dark',
  darks: 'dark',
  bias: 'bias',
  offset: 'bias',
  darkflat: 'darkflat',
  darkflats: 'darkflat',
  'dark-flat': 'darkflat',
  'dark-flats': 'darkflat',
  flat: 'flat',
  flats: 'flat',
};

export function registerCalibrationCommand(program: Command): void {
  const calibration = program
    .command('calibration')
    .description('the calibration library: darks, bias, dark flats and masters you own')
    .option(
      '--library <file>',
      'the library file (default: calibration.library in the config, else the data folder)',
    )
    .addHelpText(
      'after',
      '\nExamples:\n  astrotrack calibration learn ~/astro/darks\n  astrotrack calibration list\n  astrotrack calibration remove --kind dark --date 2025-01-10\n  astrotrack scan ~/astro/M31 --explain   # which darks, flats and bias each light group uses',
    );

  calibration
    .command('learn')
    .description(
      'find darks, bias, dark flats and masters in a folder and record each set (flats: `flats learn`)',
    )
    .argument('<dir>', 'folder with calibration frames, searched with its subfolders')
    .option('--dry-run', 'show what would be recorded, change nothing')
    .option('--no-cache', 'read every header again (the cache `scan` keeps: DIR/.astrotrack/cache)')
    .action(async (dir: string, flags: { dryRun?: boolean; cache: boolean }, command: Command) => {
      const context = await libraryContext(
        command,
        await settingsFromFlags([[SETTING_FLAGS.cache, flags.cache]]),
      );
      const { rig, configPath } = context.prepared;
      const found = new CalibrationSetAccumulator(rig.flats.anglePrecision);
      const collect: ObserverPlugin = {
        name: 'astrotrack:collect-calibration',
        setup({ on }) {
          on('frame', (frame) => found.add(frame));
          on('frame:master', (frame) => found.addMaster(frame));
        },
      };
      const result = await scanArchive({
        root: dir,
        rig,
        parsers: context.prepared.parsers,
        cacheFolder: cacheFolderOf(dir, rig, configPath),
        cacheReadOnly: Boolean(flags.dryRun),
        plugins: [
          collect,
          scanProgressPlugin(
            progressLine({ quiet: command.optsWithGlobals<GlobalOptions>().quiet }),
            'looking for calibration frames',
          ),
        ],
        logger: context.logger,
      });
      const learned = learnedRecords(found.calibrationSets(), result.report.root);
      if (learned.records.length === 0 && learned.flatSets === 0) {
        say(
          `no darks, bias, dark flats or masters found in ${dir} (a frame's kind comes from its IMAGETYP header, or a DARK/BIAS/DARKFLAT folder or name)`,
        );
        return;
      }
      const change = (library: Parameters<typeof addCalibrationSets>[0]) =>
        addCalibrationSets(library, context.rig, learned.records);
      const added = flags.dryRun
        ? change(await loadCalibrationLibrary(context.file))
        : await updateCalibrationLibrary(context.file, change);
      const verb = flags.dryRun ? 'would record' : 'recorded';
      say(`${learned.records.length} calibration set(s) found; ${verb} ${added.added.length} new`);
      for (const record of added.added) say(`  ${recordText(record, context.file)}`);
      if (added.known.length) say(`${added.known.length} set(s) already in the library`);
      if (learned.flatSets > 0)
        say(
          `${learned.flatSets} flat set(s) seen: flats live in the flat library, record them with \`astrotrack flats learn ${dir}\``,
        );
      if (learned.withoutDate.length > 0)
        say(
          `not recorded, no capture date: ${learned.withoutDate.length} set(s), e.g. ${learned.withoutDate[0]}`,
        );
      if (!flags.dryRun) say(`library: ${context.file}`);
    });

  calibration
    .command('list')
    .description('list the calibration sets with their age')
    .option('--json', 'print JSON for scripts')
    .option('--kind <kind>', 'only this kind: dark, bias, darkflat or flat (masters)')
    .action(async (flags: { json?: boolean; kind?: string }, command: Command) => {
      const context = await libraryContext(command);
      const kind = flags.kind === undefined ? undefined : parseKind(flags.kind);
      const today = localToday();
      const sets = rigSets(await loadCalibrationLibrary(context.file), context.rig).filter(
        (record) => kind === undefined || record.kind === kind,
      );
      if (flags.json) {
        process.stdout.write(
          `${JSON.stringify({ library: context.file, rig: context.rig, sets: sets.map((set) => ({ ...set, ageDays: daysBetween(set.date, today) })) }, null, 2)}\n`,
        );
        return;
      }
      if (sets.length === 0) {
        say(`no calibration sets recorded (library: ${context.file})`);
        say('record some with `astrotrack calibration learn DIR`');
        return;
      }
      const dash = (value: unknown) => (value === null ? '—' : String(value));
      say(
        renderGrid(
          [
            { header: 'Kind', align: 'left' },
            { header: 'Exp (s)', align: 'right' },
            { header: 'Gain', align: 'right' },
            { header: 'Offset', align: 'right' },
            { header: 'Temp', align: 'right' },
            { header: 'Bin', align: 'left' },
            { header: 'Camera', align: 'left' },
            { header: 'Date', align: 'left' },
            { header: 'Age', align: 'right' },
            { header: 'Frames', align: 'right' },
          ],
          sets.map((set) => [
            `${set.master ? 'master ' : ''}${set.kind}${set.kind === 'flat' && set.filter ? ` ${set.filter}` : ''}`,
            dash(set.exposureSeconds),
            dash(set.gain),
            dash(set.offset),
            set.sensorTemperature === null ? '—' : `${set.sensorTemperature}°C`,
            dash(set.binning),
            dash(set.camera),
            set.date,
            `${daysBetween(set.date, today)}d`,
            dash(set.frames),
          ]),
        ),
      );
      say(`\n${sets.length} calibration set(s) (library: ${context.file})`);
    });

  calibration
    .command('remove')
    .description('remove the sets that match every option given')
    .option('--kind <kind>', 'dark, bias, darkflat or flat (masters)')
    .option('--date <date>', 'the night it was shot, YYYY-MM-DD')
    .option('--exposure <seconds>', 'exposure in seconds')
    .option('--gain <gain>', 'gain')
    .option('--camera <name>', 'camera (INSTRUME), case ignored')
    .action(async (flags: Record<string, string | undefined>, command: Command) => {
      const context = await libraryContext(command);
      const selector = selectorOf(flags);
      if (Object.keys(selector).length === 0)
        throw errors.badUsage(
          'say which sets to remove',
          'give --kind, --date, --exposure, --gain or --camera (or `calibration clear` for all)',
        );
      const removed = await updateCalibrationLibrary(context.file, (library) =>
        removeCalibrationSets(library, context.rig, selector),
      );
      if (removed.length === 0) {
        say('no set matches: nothing removed');
        return;
      }
      say(`removed ${removed.length} set(s):`);
      for (const record of removed) say(`  ${recordText(record, context.file)}`);
    });

  calibration
    .command('clear')
    .description("remove every set of the given kinds (of the rig's every kind with --yes)")
    .argument('[kinds...]', 'dark, bias, darkflat, flat')
    .option('--yes', 'confirm clearing every kind')
    .action(async (kindNames: string[], flags: { yes?: boolean }, command: Command) => {
      const context = await libraryContext(command);
      const kinds = kindNames.map(parseKind);
      if (kinds.length === 0 && !flags.yes) {
        const count = rigSets(await loadCalibrationLibrary(context.file), context.rig).length;
        say(
          `this would remove all ${count} calibration set(s) of ${context.rigLabel} from ${context.file}`,
        );
        say('to confirm: astrotrack calibration clear --yes (or name the kinds to clear)');
        process.exitCode = 2;
        return;
      }
      const removed = await updateCalibrationLibrary(context.file, (library) =>
        kinds.length === 0
          ? removeCalibrationSets(library, context.rig, {})
          : kinds.flatMap((kind) => removeCalibrationSets(library, context.rig, { kind })),
      );
      say(
        removed.length
          ? `removed ${removed.length} calibration set(s)`
          : `no ${kinds.join(', ')} sets: nothing removed`,
      );
    });

  calibration
    .command('path')
    .description('print where the library is')
    .action(async (_flags, command: Command) => {
      say((await libraryContext(command)).file);
    });
}

async function libraryContext(command: Command, settings: Settings = {}) {
  const globals = command.optsWithGlobals<GlobalOptions & { library?: string }>();
  const logger = loggerFor(globals);
  const prepared = await prepareRig({
    searchFrom: process.cwd(),
    configFile: globals.config,
    rig: globals.rig,
    settings,
    logger,
  });
  const { rig } = prepared;
  return {
    file: calibrationLibraryFile(rig, prepared.configPath, globals.library),
    logger,
    prepared,
    rig: rig.name,
    rigLabel: rig.name ? `rig ${rig.name}` : 'the default rig',
  };
}

function parseKind(text: string): CalibrationKind {
  const kind = KIND_NAMES[text.trim().toLowerCase()];
  if (!kind)
    throw errors.badUsage(`unknown kind "${text}"`, `give one of ${CALIBRATION_KINDS.join(', ')}`);
  return kind;
}

function selectorOf(flags: Record<string, string | undefined>): SetSelector {
  const selector: SetSelector = {};
  if (flags.kind !== undefined) selector.kind = parseKind(flags.kind);
  if (flags.date !== undefined) {
    if (!isCalendarDate(flags.date))
      throw errors.badUsage(`bad --date "${flags.date}"`, 'write a day that exists, YYYY-MM-DD');
    selector.date = flags.date;
  }
  for (const [flag, key] of [
    ['exposure', 'exposureSeconds'],
    ['gain', 'gain'],
  ] as const) {
    const text = flags[flag];
    if (text === undefined) continue;
    const value = parseDecimal(text);
    if (!Number.isFinite(value)) throw errors.badUsage(`bad --${flag} "${text}"`, 'give a number');
    selector[key] = value;
  }
  if (flags.camera !== undefined) selector.camera = flags.camera;
  return selector;
}

function recordText(record: CalibrationRecord, file: string): string {
  const text = describeSet(setOfRecord(record, file));
  return record.frames ? `${text} (${record.frames} frames)` : text;
}

function say(text: string): void {
  process.stdout.write(`${text}\n`);
}
