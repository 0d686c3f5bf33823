/**
 * `astrotrack export DIR --for wbpp|siril --out DIR2`: each light group that can be calibrated,
 * with exactly the calibration it matches, laid out for WBPP or Siril by hard link, symbolic link or
 * copy, through the organizer's journal: previewable (`--dry-run`), never overwriting, finished or
 * undone after a kill (`astrotrack undo DIR`), never outside `--out`.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Command } from 'commander';
import { errors, scanArchive } from '@astrotrack/core/internal';
import {
  BUNDLE_TOOLS,
  bundlePlan,
  calibrationBundlePlugin,
  loadCalibrationLibrary,
  type BundlePlan,
  type BundleTool,
} from '@astrotrack/calibration';
import { loadFlatLibrary, localToday } from '@astrotrack/flats';
import {
  applyPlan,
  checkDestinations,
  lockFolder,
  type OrganizeMode,
  type OrganizePlan,
} from '@astrotrack/organizer';
import { loggerFor, type GlobalOptions } from '../options/global-options.js';
import { SETTING_FLAGS, settingsFromFlags } from '../options/setting-flags.js';
import { cacheFolderOf, calibrationLibraryFile, flatLibraryFile, prepareRig } from '../run-scan.js';
import { ask, canAsk } from '../organize/confirm.js';
import { describeOutcome } from '../organize/describe-plan.js';
import { progressLine } from '../progress/progress-line.js';
import { scanProgressPlugin } from '../progress/scan-progress-plugin.js';
import { quoteArg, settleUnfinishedRun, withProgress } from './organize-command.js';

const EXPORT_MODES = ['hardlink', 'symlink', 'copy'] as const;

interface ExportFlags {
  for?: string;
  out?: string;
  mode?: string;
  includeIncomplete?: boolean;
  target?: string;
  library?: string;
  calibrationLibrary?: string;
  headers: boolean;
  cache: boolean;
  dryRun?: boolean;
  yes?: boolean;
  list?: boolean;
}

export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description(
      'lay out each light group with exactly its calibration, for WBPP or Siril; previewable and undoable',
    )
    .argument('[dir]', 'folder of lights and calibration frames, with all its subfolders', '.')
    .option('--for <tool>', `the layout: ${BUNDLE_TOOLS.join(' or ')}`)
    .option('--out <dir>', 'where the bundle is built (made if missing; not inside DIR)')
    .option('--mode <mode>', `${EXPORT_MODES.join(', ')} (default hardlink; copy across disks)`)
    .option(
      '--include-incomplete',
      'bundle groups that miss some calibration too, with what they have',
    )
    .option('--target <name>', 'only the lights of this target (case and spaces ignored)')
    .option('--library <file>', 'the flat library (see `flats`)')
    .option('--calibration-library <file>', 'the calibration library (see `calibration`)')
    .option('--no-headers', 'read file names only, not FITS/XISF headers')
    .option('--no-cache', 'read every header again (the cache `scan` keeps: DIR/.astrotrack/cache)')
    .option('-n, --dry-run', 'print the plan and change nothing')
    .option('-y, --yes', 'export without asking (and finish an interrupted run first)')
    .option('--list', 'list every file operation')
    .addHelpText(
      'after',
      '\nExamples:\n  astrotrack export ~/astro/M31 --for siril --out ~/work/M31 --dry-run\n  astrotrack export ~/astro --for wbpp --out ~/work/wbpp --mode symlink\n  astrotrack undo ~/astro   # removes the bundle again',
    )
    .action(async (dir: string, flags: ExportFlags, command: Command) => {
      const tool = chooseTool(flags.for);
      if (flags.out === undefined)
        throw errors.badUsage('export needs --out DIR2', 'the bundle is built there, never in DIR');
      const globals = command.optsWithGlobals<GlobalOptions>();
      const logger = loggerFor(globals);
      const line = progressLine({ quiet: globals.quiet });
      const root = resolve(dir);
      const output = resolve(flags.out);
      checkOutput(root, output);
      const settings = await settingsFromFlags([
        [SETTING_FLAGS.headers, flags.headers],
        [SETTING_FLAGS.cache, flags.cache],
      ]);
      const { rig, parsers, plugins, configPath } = await prepareRig({
        searchFrom: root,
        configFile: globals.config,
        rig: globals.rig,
        settings,
        logger,
      });
      const mode = chooseMode(flags.mode, root, output);
      const willApply = !flags.dryRun && (flags.yes || canAsk());
      const lock = willApply ? lockFolder(root) : undefined;
      try {
        await settleUnfinishedRun(root, flags, line, lock);
        const calibrationFile = calibrationLibraryFile(rig, configPath, flags.calibrationLibrary);
        const flatFile = flatLibraryFile(rig, configPath, flags.library);
        const collector = calibrationBundlePlugin({
          library: await loadCalibrationLibrary(calibrationFile),
          libraryPath: calibrationFile,
          flatLibrary: await loadFlatLibrary(flatFile),
          flatLibraryPath: flatFile,
          today: localToday(),
        });
        const scan = await scanArchive({
          root,
          rig,
          parsers,
          plugins: [...plugins, collector, scanProgressPlugin(line)],
          logger,
          readHeaders: rig.headers,
          target: flags.target ?? null,
          cacheFolder: cacheFolderOf(root, rig, configPath),
          cacheReadOnly: true,
        });
        if (scan.report.frames.files === 0) throw errors.noFramesFound(root);
        const bundle = await collector.bundle();
        if (!bundle)
          throw errors.badUsage(
            `nothing to export from ${dir}: no lights with calibration found`,
            'export needs lights and their darks, flats and bias (or masters) in DIR',
          );
        const planned = bundlePlan(bundle.groups, {
          tool,
          includeIncomplete: Boolean(flags.includeIncomplete),
          noFilter: rig.filters.noFilter,
        });
        const staging = join('.astrotrack', 'export', `${Date.now()}-${process.pid}`);
        const generated = newGenerated(output, planned.generated);
        const plan = checkDestinations(
          organizePlan(root, output, mode, tool, planned.operations, generated.files, staging),
        );
        process.stdout.write(
          describeExport(planned, plan, generated.conflicts, Boolean(flags.list)),
        );
        if (flags.dryRun) {
          process.stdout.write('Dry run: nothing was changed.\n');
          return;
        }
        if (plan.operations.length === 0) {
          process.stdout.write('Nothing to do.\n');
          return;
        }
        if (!flags.yes) {
          if (!canAsk()) throw errors.confirmationNeeded('exporting files');
          const answer = await ask(
            `Export ${plan.operations.length} files? [y/N]`,
            ['yes', 'no'],
            'no',
          );
          if (answer !== 'yes') {
            process.stdout.write('Nothing was changed.\n');
            return;
          }
        }
        writeStaged(root, staging, generated.files);
        try {
          mkdirSync(output, { recursive: true });
        } catch (error) {
          throw errors.fileNotWritten(output, error);
        }
        const outcome = withProgress(line, (onProgress) => applyPlan(plan, { lock, onProgress }));
        process.stdout.write(describeOutcome('apply', mode, outcome));
        if (outcome.failures.length > 0 || outcome.stopped)
          throw errors.organizeIncomplete(
            outcome.failures.length,
            plan.operations.length,
            outcome.journal,
            { notStarted: outcome.notStarted, dir: quoteArg(dir) },
          );
        process.stdout.write(`Undo with: astrotrack undo ${quoteArg(dir)}\n`);
      } finally {
        lock?.release();
      }
    });
}

function chooseTool(value: string | undefined): BundleTool {
  if (value === undefined)
    throw errors.badUsage('export needs --for wbpp or --for siril', 'the layout to build');
  const tool = value.trim().toLowerCase();
  if (!(BUNDLE_TOOLS as readonly string[]).includes(tool))
    throw errors.badUsage(`unknown --for "${value}"`, `use one of: ${BUNDLE_TOOLS.join(', ')}`);
  return tool as BundleTool;
}

/** The bundle is never inside the archive: a later scan would count its lights again. */
function checkOutput(root: string, output: string): void {
  const below = relative(root, output);
  if (below === '' || (!below.startsWith('..') && !below.startsWith(sep) && below !== '..'))
    throw errors.badUsage(
      `--out ${output} is inside ${root}`,
      'build the bundle in a folder outside the archive',
    );
}

/** Hard links by default; across file systems they cannot be made, so a copy then. */
function chooseMode(value: string | undefined, root: string, output: string): OrganizeMode {
  if (value !== undefined) {
    const mode = value.trim().toLowerCase();
    if (!(EXPORT_MODES as readonly string[]).includes(mode))
      throw errors.badUsage(
        `unknown --mode "${value}" for export`,
        `use one of: ${EXPORT_MODES.join(', ')} (export never moves your frames)`,
      );
    return mode as OrganizeMode;
  }
  return sameDevice(root, output) ? 'hardlink' : 'copy';
}

function sameDevice(root: string, output: string): boolean {
  let existing = output;
  for (;;) {
    try {
      return statSync(existing).dev === statSync(root).dev;
    } catch {
      const parent = dirname(existing);
      if (parent === existing) return false;
      existing = parent;
    }
  }
}

/**
 * The generated files not in the bundle yet: one there with the same text is done already, one
 * with other text is a conflict, never overwritten.
 */
function newGenerated(
  output: string,
  files: BundlePlan['generated'],
): { files: BundlePlan['generated']; conflicts: string[] } {
  const fresh: BundlePlan['generated'] = [];
  const conflicts: string[] = [];
  for (const file of files) {
    let existing: string | null = null;
    try {
      existing = readFileSync(join(output, file.to), 'utf8');
    } catch {
      // Not there: to be made.
    }
    if (existing === null) fresh.push(file);
    else if (existing !== file.text) conflicts.push(file.to);
  }
  return { files: fresh, conflicts };
}

function organizePlan(
  root: string,
  output: string,
  mode: OrganizeMode,
  tool: BundleTool,
  frames: BundlePlan['operations'],
  generated: BundlePlan['generated'],
  staging: string,
): OrganizePlan {
  const operations = [
    ...frames,
    ...generated.map((file) => ({
      from: `${staging.split(sep).join('/')}/${file.to}`,
      to: file.to,
    })),
  ];
  const folders: Record<string, number> = Object.create(null);
  for (const { to } of operations) {
    const folder = to.slice(0, Math.max(0, to.lastIndexOf('/')));
    folders[folder] = (folders[folder] ?? 0) + 1;
  }
  return {
    root,
    output,
    mode,
    layout: `export --for ${tool}`,
    operations,
    inPlace: 0,
    left: [],
    folders,
    otherTargets: 0,
    mixedTargets: [],
    sessions: null,
  };
}

/** The generated files, written inside DIR's own `.astrotrack` folder, then linked like the frames. */
function writeStaged(root: string, staging: string, files: BundlePlan['generated']): void {
  for (const file of files) {
    const path = join(root, staging, file.to);
    try {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.text, { flag: 'wx' });
    } catch (error) {
      throw errors.fileNotWritten(path, error);
    }
  }
}

function describeExport(
  planned: BundlePlan,
  plan: OrganizePlan,
  generatedConflicts: readonly string[],
  list: boolean,
): string {
  const lines: string[] = [];
  lines.push(`${planned.bundled.length} light group(s) to export:`);
  for (const { folder, group, counts, missing } of planned.bundled) {
    const files = Object.entries(counts)
      .map(([kind, count]) => `${kind} ${count}`)
      .join(', ');
    lines.push(
      `  ${folder}/  ${group.frames} × ${group.exposureSeconds} s ${group.filter}: ${files}${missing.length ? ` (missing: ${missing.join(', ')})` : ''}`,
    );
  }
  if (planned.left.length > 0) {
    lines.push(
      `${planned.left.length} group(s) left out (--include-incomplete exports them with what they have):`,
    );
    for (const { group, why } of planned.left)
      lines.push(
        `  ${group.night ?? 'no night'} ${group.target ?? 'no target'} ${group.filter} ${group.exposureSeconds} s: ${why.join('; ')}`,
      );
  }
  const conflicts = plan.left.filter((left) => left.reason === 'conflict');
  const duplicates = plan.left.filter((left) => left.reason === 'duplicate');
  if (duplicates.length > 0)
    lines.push(`${duplicates.length} file(s) already in the bundle: left as they are.`);
  for (const conflict of conflicts.slice(0, 20))
    lines.push(`  not exported: ${conflict.path}: ${conflict.detail} (never overwritten)`);
  if (conflicts.length > 20) lines.push(`  … and ${conflicts.length - 20} more`);
  for (const path of generatedConflicts)
    lines.push(`  not written: ${path} exists with other text (never overwritten)`);
  if (list) for (const { from, to } of plan.operations) lines.push(`  ${from} → ${to}`);
  lines.push(
    `${plan.operations.length} file(s) to ${plan.mode === 'copy' ? 'copy' : plan.mode === 'symlink' ? 'symlink' : 'hard-link'} into ${plan.output}.`,
  );
  return `${lines.join('\n')}\n`;
}
