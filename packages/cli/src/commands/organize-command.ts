/**
 * `astrotrack organize [DIR]`: plan → preview → apply. The plan is complete before anything moves;
 * `--dry-run` prints it; applying asks first on a terminal and needs `--yes` without one. A run left
 * half way (killed, disk full) is finished or rolled back before a new plan is made.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { errors, scanArchive, type Logger, type ResolvedRig } from '@astrotrack/core/internal';
import { listFlats, loadFlatLibrary, localToday } from '@astrotrack/flats';
import {
  layoutProblems,
  lockFolder,
  NAMED_LAYOUTS,
  ORGANIZE_MODES,
  organizerPlugin,
  outputOutside,
  readRuns,
  unfinishedRun,
  type OrganizeMode,
  type RunLock,
  type RunProgress,
  type RunRecord,
  type SessionFlat,
} from '@astrotrack/organizer';
import { loggerFor, type GlobalOptions } from '../options/global-options.js';
import { SETTING_FLAGS, settingsFromFlags } from '../options/setting-flags.js';
import { cacheFolderOf, flatLibraryFile, prepareRig, type PreparedRig } from '../run-scan.js';
import { carryCacheEntries } from '../organize/carry-cache-entries.js';
import { ask, canAsk } from '../organize/confirm.js';
import {
  capitalise,
  describeOutcome,
  describePlan,
  describeRun,
} from '../organize/describe-plan.js';
import { progressLine, type ProgressLine } from '../progress/progress-line.js';
import { scanProgressPlugin } from '../progress/scan-progress-plugin.js';

interface OrganizeFlags {
  by?: string;
  layout?: string;
  mode?: string;
  out?: string;
  tolerance?: string;
  library?: string;
  headers: boolean;
  cache: boolean;
  dryRun?: boolean;
  yes?: boolean;
  list?: boolean;
  target?: string;
}

export function registerOrganizeCommand(program: Command): void {
  program
    .command('organize')
    .description('move lights into filter, session or your own folders; previewable and undoable')
    .argument('[dir]', 'folder of frames, with all its subfolders', '.')
    .option(
      '--by <layout>',
      `a built-in layout: ${Object.keys(NAMED_LAYOUTS).join(', ')} (default filter)`,
    )
    .option('--layout <template>', 'your own layout, e.g. "{target}/{night}/{filter}"')
    .option('--mode <mode>', `${ORGANIZE_MODES.join(', ')} (default move)`)
    .option('--out <dir>', 'build the layout in this folder instead of DIR (made if missing)')
    .option('--target <name>', 'organize only the lights of this target (case and spaces ignored)')
    .option(
      '--tolerance <degrees>',
      'degrees either side of a flat angle one session takes (default 2)',
    )
    .option('--library <file>', 'the flat library sessions are built from (see `flats`)')
    .option('--no-headers', 'read file names only, not FITS/XISF headers')
    .option('--no-cache', 'read every header again (the cache `scan` keeps: DIR/.astrotrack/cache)')
    .option('-n, --dry-run', 'print the plan and change nothing')
    .option('-y, --yes', 'apply without asking (and finish an interrupted run first)')
    .option('--list', 'list every file operation and every file left in place')
    .addHelpText(
      'after',
      '\nExamples:\n  astrotrack organize ~/astro/M31 --dry-run\n  astrotrack organize ~/astro/M31 --by session\n  astrotrack organize ~/astro --layout "{target}/{night}/{filter}" --mode symlink --out ~/work\n  astrotrack undo ~/astro/M31',
    )
    .action(async (dir: string, flags: OrganizeFlags, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const logger = loggerFor(globals);
      const line = progressLine({ quiet: globals.quiet });
      const root = resolve(dir);
      const settings = await settingsFromFlags([
        [SETTING_FLAGS.mode, flags.mode],
        [SETTING_FLAGS.sessionTolerance, flags.tolerance],
        [SETTING_FLAGS.headers, flags.headers],
        [SETTING_FLAGS.cache, flags.cache],
      ]);
      const { rig, rigs, parsers, plugins, configPath } = await prepareRig({
        searchFrom: root,
        configFile: globals.config,
        rig: globals.rig,
        settings,
        logger,
      });
      const layout = chooseLayout(flags, rig, configPath);
      const { mode, tolerance } = rig.organize;
      const output = flags.out === undefined ? root : resolve(flags.out);
      const prepared = { rig, rigs, parsers, plugins, configPath, logger, line };

      // Held from before the plan is made until it is applied: a second run waits its turn
      // instead of applying a plan made stale by this one.
      const willApply = !flags.dryRun && (flags.yes || canAsk());
      const lock = willApply ? lockFolder(root) : undefined;
      try {
        await organize({ dir, root, output, layout, mode, tolerance, flags, lock, ...prepared });
      } finally {
        lock?.release();
      }
    });
}

interface OrganizeRequest extends PreparedRig {
  dir: string;
  root: string;
  output: string;
  layout: string;
  mode: OrganizeMode;
  tolerance: number;
  flags: OrganizeFlags;
  lock: RunLock | undefined;
  logger: Logger;
  line: ProgressLine;
}

async function organize(request: OrganizeRequest): Promise<void> {
  const { dir, root, output, layout, mode, tolerance, flags, lock, logger, line } = request;
  const { rig, parsers, plugins, configPath } = request;
  await settleUnfinishedRun(root, flags, line, lock);

  const library = flatLibraryFile(rig, configPath, flags.library);
  let flatAngles: Map<string, number[]> | undefined;
  const organizer = organizerPlugin({
    root,
    output,
    layout,
    mode,
    tolerance,
    rig: rig.name,
    target: flags.target ?? null,
    flats: async () => {
      const flats = await rigSessionFlats(library, rig);
      flatAngles = anglesByFilter(flats);
      return flats;
    },
  });
  const cacheFolder = cacheFolderOf(root, rig, configPath);
  const started = performance.now();
  const scan = await scanArchive({
    root,
    rig,
    parsers,
    plugins: [...plugins, organizer, scanProgressPlugin(line)],
    logger,
    readHeaders: rig.headers,
    // What `scan` stored is used, and nothing written: organize changes nothing before the
    // plan is confirmed. Once applied, the moved files' entries follow them.
    cacheFolder,
    cacheReadOnly: true,
  });
  if (scan.report.frames.files === 0) throw errors.noFramesFound(root);
  const scanned = performance.now();
  const plan = await organizer.plan();
  logger.debug(
    `scan ${Math.round(scanned - started)} ms, plan ${Math.round(performance.now() - scanned)} ms`,
  );
  process.stdout.write(describePlan(plan, { list: Boolean(flags.list), flatAngles }));

  if (flags.dryRun) {
    process.stdout.write('Dry run: nothing was changed.\n');
    return;
  }
  if (plan.operations.length === 0) {
    process.stdout.write('Nothing to do.\n');
    return;
  }
  if (!flags.yes) {
    if (!canAsk()) throw errors.confirmationNeeded(`${PRESENT[mode]} files`);
    const answer = await ask(
      `${capitalise(IMPERATIVE[mode])} ${plan.operations.length} files? [y/N]`,
      ['yes', 'no'],
      'no',
    );
    if (answer !== 'yes') {
      process.stdout.write('Nothing was changed.\n');
      return;
    }
  }
  if (output !== root) makeOutputFolder(output);
  const applying = performance.now();
  const outcome = withProgress(line, (onProgress) => organizer.apply(plan, { lock, onProgress }));
  logger.debug(`apply ${Math.round(performance.now() - applying)} ms`);
  carryCacheEntries(cacheFolder, plan, plan.operations, outcome.failures, 'apply', logger);
  process.stdout.write(describeOutcome('apply', mode, outcome));
  if (outcome.failures.length > 0 || outcome.stopped) {
    throw errors.organizeIncomplete(
      outcome.failures.length,
      plan.operations.length,
      outcome.journal,
      { notStarted: outcome.notStarted, dir: quoteArg(dir) },
    );
  }
  process.stdout.write(`Undo with: astrotrack undo ${quoteArg(dir)}\n`);
}

/** `--out` is made when missing (once the plan is confirmed); undo leaves it, empty. */
function makeOutputFolder(output: string): void {
  try {
    mkdirSync(output, { recursive: true });
  } catch (error) {
    throw errors.fileNotWritten(output, error);
  }
}

const IMPERATIVE = {
  move: 'move',
  copy: 'copy',
  hardlink: 'hard-link',
  symlink: 'symlink',
} as const;
const PRESENT = {
  move: 'moving',
  copy: 'copying',
  hardlink: 'hard-linking',
  symlink: 'symlinking',
} as const;

function chooseLayout(flags: OrganizeFlags, rig: ResolvedRig, configPath: string | null): string {
  if (flags.by !== undefined && flags.layout !== undefined)
    throw errors.badUsage('give --by or --layout, not both');
  if (flags.by !== undefined) {
    if (!Object.hasOwn(NAMED_LAYOUTS, flags.by))
      throw errors.badUsage(
        `unknown --by "${flags.by}"`,
        `use one of: ${Object.keys(NAMED_LAYOUTS).join(', ')}, or --layout`,
      );
    return NAMED_LAYOUTS[flags.by as keyof typeof NAMED_LAYOUTS];
  }
  if (flags.layout !== undefined) {
    const problems = layoutProblems(flags.layout);
    if (problems.length > 0)
      throw errors.badUsage(
        `bad --layout "${flags.layout}": ${problems.join('; ')}`,
        'docs/organizing.md lists the placeholders',
      );
    return flags.layout;
  }
  const configured = rig.organize.layout;
  if (configured !== undefined) {
    const problems = layoutProblems(
      NAMED_LAYOUTS[configured as keyof typeof NAMED_LAYOUTS] ?? configured,
    );
    if (problems.length > 0)
      throw errors.configInvalid(
        configPath ?? 'the config',
        problems.map((problem) => `organize.layout: ${problem}`),
      );
    return NAMED_LAYOUTS[configured as keyof typeof NAMED_LAYOUTS] ?? configured;
  }
  return NAMED_LAYOUTS.filter;
}

/** A run left half way is settled first: finished (--yes, or chosen), rolled back (chosen), or the command stops. */
export async function settleUnfinishedRun(
  root: string,
  flags: Pick<OrganizeFlags, 'out' | 'dryRun' | 'yes'>,
  line: ProgressLine,
  lock: RunLock | undefined,
): Promise<void> {
  const { runs, unreadable } = readRuns(root);
  for (const { file, problem } of unreadable) throw errors.journalUnreadable(file, problem);
  const found = unfinishedRun(runs);
  if (!found) return;
  const run = placedRun(found, flags.out);
  const organizer = organizerPlugin({ root, layout: NAMED_LAYOUTS.filter });
  const undoing = run.state === 'undoing';
  process.stdout.write(`Found ${describeRun(run)}.\n`);
  if (run.madeIn !== null) process.stdout.write(`${madeElsewhere(run)}\n`);
  if (flags.dryRun) {
    process.stdout.write(
      undoing
        ? 'Run `astrotrack undo` to finish rolling it back; the plan below is for the folder as it is now.\n\n'
        : 'With --yes it is finished before anything else; `astrotrack undo` rolls it back. The plan below is for the folder as it is now.\n\n',
    );
    return;
  }
  let choice: 'finish' | 'rollback' | 'quit';
  if (flags.yes) choice = undoing ? 'rollback' : 'finish';
  else if (canAsk()) {
    choice = await ask(
      undoing
        ? 'Finish rolling it back [r], or quit [q]?'
        : 'Finish it [f], roll it back [r], or quit [q]?',
      undoing ? (['rollback', 'quit'] as const) : (['finish', 'rollback', 'quit'] as const),
      'quit',
    );
  } else throw errors.confirmationNeeded('settling the interrupted run');
  if (choice === 'quit') throw errors.badUsage('stopped: the interrupted run is still as it was');
  const outcome = withProgress(line, (onProgress) =>
    choice === 'finish'
      ? organizer.finish(run, { lock, onProgress })
      : organizer.undo(run, { lock, onProgress }),
  );
  process.stdout.write(
    describeOutcome(choice === 'finish' ? 'finish' : 'undo', run.header.mode, outcome),
  );
  if (outcome.failures.length > 0 || outcome.stopped)
    throw errors.organizeIncomplete(
      outcome.failures.length,
      run.operations.length,
      outcome.journal,
      { notStarted: outcome.notStarted, dir: quoteArg(root) },
    );
  process.stdout.write('\n');
}

const PHASE_LABELS = { apply: 'organizing', finish: 'finishing', undo: 'undoing' } as const;

export function withProgress<T>(
  line: ProgressLine,
  work: (onProgress: (progress: RunProgress) => void) => T,
): T {
  try {
    return work(({ phase, done, total }) => line.update(PHASE_LABELS[phase], done, total));
  } finally {
    line.clear();
  }
}

/** The rig's flats as sessions use them: canonical filter names, old flats only if they still count. */
async function rigSessionFlats(file: string, rig: ResolvedRig): Promise<SessionFlat[]> {
  const library = await loadFlatLibrary(file);
  const today = localToday();
  return (
    listFlats(library, rig.name, today, rig.flats.maxAgeDays)
      .filter((flat) => rig.flats.oldFlatsCover || !flat.old)
      // Sessions are angles: a flat set without one (no rotator) places no session.
      .filter((flat): flat is typeof flat & { angle: number } => flat.angle !== undefined)
      .map((flat) => ({
        filter: rig.filters.canonical(flat.filter) ?? flat.filter,
        angle: flat.angle,
        ...(flat.binning ? { binning: flat.binning } : {}),
      }))
  );
}

function anglesByFilter(flats: readonly SessionFlat[]): Map<string, number[]> {
  const byFilter = new Map<string, number[]>();
  for (const flat of flats) {
    const angles = byFilter.get(flat.filter) ?? [];
    if (!angles.includes(flat.angle)) angles.push(flat.angle);
    byFilter.set(flat.filter, angles);
  }
  for (const angles of byFilter.values()) angles.sort((a, b) => a - b);
  return new Map([...byFilter].sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * The run as it is acted on here. A layout built outside the folder is only looked for where the
 * journal says when the journal is this folder's own; for a copy or a moved archive, `--out` must
 * say where it is now, so nothing outside is reached on the journal's word.
 */
export function placedRun(run: RunRecord, out: string | undefined): RunRecord {
  if (out !== undefined) return { ...run, output: resolve(out) };
  if (run.madeIn !== null && outputOutside(run))
    throw errors.journalOutputElsewhere(run.root, run.madeIn, run.output);
  return run;
}

/** Said whenever a run is acted on in a folder other than the one it was made in. */
export function madeElsewhere(run: RunRecord): string {
  return `It was made in ${run.madeIn}; this folder is a copy of it or was moved, so it is acted on here, in ${run.root}, and nowhere else.`;
}

export function quoteArg(arg: string): string {
  return /^[\w./~-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", "'\\''")}'`;
}
