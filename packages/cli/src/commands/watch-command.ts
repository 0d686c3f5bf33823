/**
 * `astrotrack watch [DIR]`: the report on screen, scanned again whenever frames are added, renamed
 * or removed. Rescans are cheap: the header cache means only new files are opened. A frame still
 * being written is waited for. Ctrl-C stops it cleanly.
 */
import { watch as watchFolder, type FSWatcher } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { isAstrotrackError } from '@astrotrack/core';
import { loadBuiltinReporter } from '@astrotrack/reporters';
import { loggerFor, stdoutWantsColor, type GlobalOptions } from '../options/global-options.js';
import { parseBoundedNumber } from '../options/parse-allocation.js';
import { runScan } from '../run-scan.js';
import { ChangeSettler } from '../watch/settle-changes.js';
import { addScanOptions, scanOptionsFrom, type ScanFlags } from './scan-command.js';

const CLEAR_SCREEN = '\u001b[2J\u001b[H';

/** `--quiet-ms`: a command-line setting only (no config key); up to ten minutes. */
const QUIET_MS = { min: 0, max: 600_000 };

export function registerWatchCommand(program: Command): void {
  addScanOptions(
    program
      .command('watch')
      .description('keep the report on screen, updated as frames arrive (Ctrl-C stops)')
      .argument('[dir]', 'folder of frames, searched with all its subfolders', '.'),
  )
    .option('--quiet-ms <ms>', 'wait this long after the last change before scanning', '1500')
    .addHelpText(
      'after',
      '\nExample:\n  astrotrack watch ~/astro/M31 --target-hours 10 --alloc L=40,R=20,G=20,B=20',
    )
    .action(
      async (
        dir: string,
        flags: Omit<ScanFlags, 'reporter'> & { quietMs: string },
        command: Command,
      ) => {
        const globals = command.optsWithGlobals<GlobalOptions>();
        const logger = loggerFor(globals);
        const options = await scanOptionsFrom(dir, flags, globals);
        const table = await loadBuiltinReporter('table', {});
        const root = resolve(dir);
        const screen = Boolean(process.stdout.isTTY);

        let scanning = false;
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
            const text = table.format(result.report, { color: stdoutWantsColor() });
            process.stdout.write(
              `${screen ? CLEAR_SCREEN : ''}${text}\n[${when}] watching ${root}; Ctrl-C stops\n`,
            );
          } catch (error) {
            // A folder emptied for a moment, a config being edited: say so and keep watching.
            if (!isAstrotrackError(error)) throw error;
            process.stderr.write(`error: ${error.message}\n`);
          } finally {
            scanning = false;
          }
          if (again) {
            again = false;
            await show();
          }
        };

        const settler = new ChangeSettler({
          root,
          quietMs: parseBoundedNumber('--quiet-ms', flags.quietMs, QUIET_MS),
          onSettled: () => void show(),
        });
        let watcher: FSWatcher;
        try {
          watcher = watchFolder(root, { recursive: true }, (_event, name) => settler.changed(name));
        } catch (error) {
          throw isAstrotrackError(error)
            ? error
            : new Error(`cannot watch ${root}: ${(error as Error).message}`);
        }
        await show();
        await new Promise<void>((done) => {
          const stop = () => {
            settler.stop();
            watcher.close();
            done();
          };
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
      },
    );
}
