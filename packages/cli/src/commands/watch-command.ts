/**
 * `astrotrack watch [DIR]`: the report on screen, scanned again whenever frames are added, renamed
 * or removed, with what changed since the last update; `--reporter NAME=FILE` writes any reporter
 * to a file on every update (an HTML page that reloads itself, JSON for scripts). Rescans are
 * cheap: the header cache means only new files are opened. A frame still being written is waited
 * for. On a network share, where file-system events do not come, it polls. Ctrl-C stops it.
 */
import { watch as watchFolder, type FSWatcher } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { errors, isAstrotrackError, type ExposureReport } from '@astrotrack/core/internal';
import { loadBuiltinReporter } from '@astrotrack/reporters';
import { loggerFor, stdoutWantsColor, type GlobalOptions } from '../options/global-options.js';
import { parseBoundedNumber } from '../options/parse-allocation.js';
import {
  loadReporters,
  parseReporterSpecs,
  writeReports,
  type ReporterSpec,
} from '../reporting/reporter-outputs.js';
import { prepareRig, runScan } from '../run-scan.js';
import { ChangePoller } from '../watch/poll-changes.js';
import { changesSince } from '../watch/report-changes.js';
import { ChangeSettler } from '../watch/settle-changes.js';
import { chooseWatchMode, type WatchMode } from '../watch/watch-mode.js';
import { addScanOptions, scanOptionsFrom, type ScanFlags } from './scan-command.js';

const CLEAR_SCREEN = '\u001b[2J\u001b[H';

/** `--quiet-ms`: a command-line setting only (no config key); up to ten minutes. */
const QUIET_MS = { min: 0, max: 600_000 };
/** `--poll`: seconds between looks; up to an hour. */
const POLL_SECONDS = { min: 1, max: 3600 };
/** How often a live page reloads itself when `watch` waits for events. */
const PAGE_REFRESH_SECONDS = 10;

interface WatchFlags extends Omit<ScanFlags, 'reporter'> {
  quietMs: string;
  poll?: string;
  reporter?: string[];
}

export function registerWatchCommand(program: Command): void {
  addScanOptions(
    program
      .command('watch')
      .description('keep the report on screen, updated as frames arrive (Ctrl-C stops)')
      .argument('[dir]', 'folder of frames, searched with all its subfolders', '.'),
  )
    .option('--quiet-ms <ms>', 'wait this long after the last change before scanning', '1500')
    .option(
      '--reporter <name=file>',
      'also write this reporter to a file on every update; repeat for several (html=tonight.html reloads itself)',
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .option(
      '--poll <seconds>',
      'look for new frames every SECONDS instead of waiting for file-system events (chosen by itself on network shares)',
    )
    .addHelpText(
      'after',
      '\nExamples:\n  astrotrack watch ~/astro/M31 --target-hours 10 --alloc L=40,R=20,G=20,B=20\n  astrotrack watch /mnt/nas/astro --reporter html=tonight.html --reporter json=tonight.json --poll 20',
    )
    .action(async (dir: string, flags: WatchFlags, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const logger = loggerFor(globals);
      const options = await scanOptionsFrom(dir, flags, globals);
      const root = resolve(dir);
      const specs = fileSpecs(flags.reporter ?? []);
      // Every output is checked before the first scan: a typo costs no wait.
      if (specs.length > 0)
        await loadReporters(specs, (await prepareRig({ ...options, searchFrom: dir, logger })).rig);
      const pollSeconds =
        flags.poll === undefined ? null : parseBoundedNumber('--poll', flags.poll, POLL_SECONDS);
      let mode: WatchMode = chooseWatchMode(root, pollSeconds);
      const table = await loadBuiltinReporter('table', {});
      const screen = Boolean(process.stdout.isTTY);
      const outputs = specs.map((spec) => resolve(spec.file!));
      const ownFile = ownFileTest(root, outputs);

      let previous: { report: ExposureReport; when: string } | null = null;
      let scanning = false;
      /** Something is on screen (the table and "Ctrl-C stops", or an error): Ctrl-C stops cleanly. */
      let shown = false;
      let again = false;
      const show = async (): Promise<void> => {
        if (scanning) {
          again = true;
          return;
        }
        scanning = true;
        try {
          const result = await runScan({ ...options, logger });
          const when = new Date().toLocaleTimeString('en-GB');
          if (specs.length > 0) {
            // Reloaded with the config each time: a reporter's options may have been edited.
            const reporters = await loadReporters(specs, result.rig);
            const refreshSeconds = mode.kind === 'poll' ? mode.seconds : PAGE_REFRESH_SECONDS;
            await writeReports(
              reporters,
              result.report,
              { color: false, refreshSeconds, updatedAt: when },
              false,
            );
          }
          const text = table.format(result.report, { color: stdoutWantsColor() });
          const lines = [
            `${screen ? CLEAR_SCREEN : ''}${text}`,
            ...(previous
              ? [
                  `[${when}] since ${previous.when}: ${changesSince(previous.report, result.report) ?? 'no new frames'}`,
                ]
              : []),
            `[${when}] ${watchingText(root, mode)}${specs.length > 0 ? `; writing ${specs.map((s) => s.file).join(', ')}` : ''}; Ctrl-C stops`,
          ];
          process.stdout.write(`${lines.join('\n')}\n`);
          shown = true;
          previous = { report: result.report, when };
        } catch (error) {
          // A folder emptied for a moment, a config being edited: say so and keep watching.
          if (!isAstrotrackError(error)) throw error;
          process.stderr.write(`error: ${error.message}\n`);
          shown = true;
        } finally {
          scanning = false;
        }
        if (again) {
          again = false;
          await show();
        }
      };

      let watcher: FSWatcher | null = null;
      let poller: ChangePoller | null = null;
      // Listened for before the first scan: a Ctrl-C that came after "Ctrl-C stops" was on screen
      // but before the listener was there killed the process instead of stopping it.
      const stopped = new Promise<void>((done) => {
        const stop = (signal: NodeJS.Signals) => {
          process.removeListener('SIGINT', stop);
          process.removeListener('SIGTERM', stop);
          // During the first scan nothing is on screen yet: stopped at once, as without a listener.
          if (!shown) process.kill(process.pid, signal);
          watcher?.close();
          (poller as ChangePoller | null)?.stop();
          done();
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
      const startPolling = async (seconds: number, why: string | null) => {
        mode = { kind: 'poll', seconds, why };
        poller = new ChangePoller({
          root,
          intervalMs: seconds * 1000,
          onSettled: () => void show(),
        });
        await poller.start();
      };
      if (mode.kind === 'events') {
        const settler = new ChangeSettler({
          root,
          quietMs: parseBoundedNumber('--quiet-ms', flags.quietMs, QUIET_MS),
          onSettled: () => void show(),
          ignore: ownFile,
        });
        try {
          watcher = watchFolder(root, { recursive: true }, (_event, name) => settler.changed(name));
          // Events that stop coming (the kernel's watch limit reached): look by polling instead.
          watcher.on('error', (error) => {
            watcher?.close();
            watcher = null;
            void startPolling(pollSeconds ?? 30, `file-system events failed (${error.message})`);
          });
        } catch (error) {
          if (isAstrotrackError(error)) throw error;
          const code = (error as NodeJS.ErrnoException).code;
          if (code === 'ENOENT') throw errors.directoryNotFound(root);
          if (code === 'ENOTDIR') throw errors.notADirectory(root);
          // Some file systems have no events at all (ENOSYS, EINVAL): poll instead of failing.
          await startPolling(
            30,
            `no file-system events here (${code ?? (error as Error).message})`,
          );
        }
      } else {
        await startPolling(mode.seconds, mode.why);
      }
      await show();
      await stopped;
    });
}

/** `watch` writes its reporters to files; the screen shows the table. */
function fileSpecs(values: readonly string[]): ReporterSpec[] {
  const specs = parseReporterSpecs(values);
  const toScreen = specs.find((spec) => spec.file === null);
  if (toScreen)
    throw errors.badUsage(
      `watch --reporter ${toScreen.name}: watch shows the table on screen and writes other reporters to files`,
      `write --reporter ${toScreen.name}=tonight.${toScreen.name === 'markdown' ? 'md' : toScreen.name}`,
    );
  return specs;
}

/** The report files `watch` writes (and their temporary copies): no event of theirs is a change. */
function ownFileTest(root: string, outputs: readonly string[]): (relativePath: string) => boolean {
  return (relativePath) => {
    const path = resolve(root, relativePath);
    return outputs.some(
      (file) =>
        path === file ||
        (dirname(path) === dirname(file) &&
          basename(path).startsWith(`.${basename(file)}.`) &&
          path.endsWith('.tmp')),
    );
  };
}

function watchingText(root: string, mode: WatchMode): string {
  if (mode.kind === 'events') return `watching ${root}`;
  return `looking in ${root} every ${mode.seconds} s${mode.why ? ` (${mode.why})` : ''}`;
}
