/** `astrotrack undo [DIR]`: reverses the last organize run in DIR exactly, from its journal. */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { errors, firstLine, type Logger } from '@astrotrack/core/internal';
import {
  lastRun,
  lockFolder,
  NAMED_LAYOUTS,
  organizerPlugin,
  readRuns,
  type RunLock,
} from '@astrotrack/organizer';
import { ask, canAsk } from '../organize/confirm.js';
import { describeOutcome, describeRun } from '../organize/describe-plan.js';
import { madeElsewhere, placedRun, quoteArg, withProgress } from './organize-command.js';
import { progressLine } from '../progress/progress-line.js';
import { loggerFor, type GlobalOptions } from '../options/global-options.js';
import { carryCacheEntries } from '../organize/carry-cache-entries.js';
import { cacheFolderOf, loadRig } from '../run-scan.js';

export function registerUndoCommand(program: Command): void {
  program
    .command('undo')
    .description('reverse the last `organize` run in DIR (again: the one before it)')
    .argument('[dir]', 'the folder that was organized', '.')
    .option('-n, --dry-run', 'say which run would be undone, and change nothing')
    .option('-y, --yes', 'undo without asking')
    .option(
      '--out <dir>',
      'where the run built its layout now, when it used --out and DIR is a copy or was moved',
    )
    .action(async (dir: string, flags: UndoFlags, command: Command) => {
      const root = resolve(dir);
      const lock = flags.dryRun ? undefined : lockFolder(root);
      try {
        await undo(dir, root, flags, command.optsWithGlobals<GlobalOptions>(), lock);
      } finally {
        lock?.release();
      }
    });
}

interface UndoFlags {
  dryRun?: boolean;
  yes?: boolean;
  out?: string;
}

async function undo(
  dir: string,
  root: string,
  flags: UndoFlags,
  globals: GlobalOptions,
  lock: RunLock | undefined,
): Promise<void> {
  const { runs, unreadable } = readRuns(root);
  for (const { file, problem } of unreadable) throw errors.journalUnreadable(file, problem);
  const last = lastRun(runs);
  if (!last) throw errors.nothingToUndo(root);
  process.stdout.write(`Last run: ${describeRun(last)}.\n`);
  if (last.madeIn !== null) process.stdout.write(`${madeElsewhere(last)}\n`);
  const run = placedRun(last, flags.out);
  if (flags.dryRun) {
    process.stdout.write(
      `Undo would put back ${run.operations.length} files. Dry run: nothing was changed.\n`,
    );
    return;
  }
  if (!flags.yes) {
    if (!canAsk()) throw errors.confirmationNeeded('undoing the run');
    if ((await ask('Undo it? [y/N]', ['yes', 'no'], 'no')) !== 'yes') {
      process.stdout.write('Nothing was changed.\n');
      return;
    }
  }
  const organizer = organizerPlugin({ root, layout: NAMED_LAYOUTS.filter });
  const outcome = withProgress(progressLine({ quiet: globals.quiet }), (onProgress) =>
    organizer.undo(run, { lock, onProgress }),
  );
  const logger = loggerFor(globals);
  carryCacheEntries(
    await undoCacheFolder(root, globals, logger),
    { root: run.root, output: run.output, mode: run.header.mode },
    run.operations,
    outcome.failures,
    'undo',
    logger,
  );
  process.stdout.write(describeOutcome('undo', run.header.mode, outcome));
  if (outcome.failures.length > 0 || outcome.stopped)
    throw errors.organizeIncomplete(
      outcome.failures.length,
      run.operations.length,
      outcome.journal,
      { notStarted: outcome.notStarted, dir: quoteArg(dir) },
    );
  process.stdout.write(
    `Undone. ${runs.some((r) => r !== last && r.state === 'applied') ? `\`astrotrack undo ${quoteArg(dir)}\` again undoes the run before it.` : ''}\n`,
  );
}

/**
 * The header cache the undone files' entries go back into. Undo must work whatever state the config
 * is in, so a config that cannot be read only means the entries stay behind (the next scan reads
 * those frames again).
 */
async function undoCacheFolder(
  root: string,
  globals: GlobalOptions,
  logger: Logger,
): Promise<string | null> {
  try {
    const { rig, configPath } = await loadRig({
      searchFrom: root,
      configFile: globals.config,
      rig: globals.rig,
    });
    return cacheFolderOf(root, rig, configPath);
  } catch (error) {
    logger.debug(`header cache: left as it is, the config cannot be read (${firstLine(error)})`);
    return null;
  }
}
