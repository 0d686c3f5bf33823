/** The `astrotrack` command. `main` returns the exit code; bin.cjs sets it. */
import { createRequire } from 'node:module';
import { Command, CommanderError } from 'commander';
import { EXIT_CODES, isAstrotrackError } from '@astrotrack/core';
import { addGlobalOptions } from './options/global-options.js';
import { registerFlatsCommand } from './commands/flats-command.js';
import { registerCalibrationCommand } from './commands/calibration-command.js';
import { registerExportCommand } from './commands/export-command.js';
import { registerInitCommand } from './commands/init-command.js';
import { registerInspectCommand } from './commands/inspect-command.js';
import { registerOrganizeCommand } from './commands/organize-command.js';
import { registerUndoCommand } from './commands/undo-command.js';
import { registerWatchCommand } from './commands/watch-command.js';
import { registerSampleCommand } from './commands/sample-command.js';
import { registerScanCommand } from './commands/scan-command.js';

const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

export function createProgram(): Command {
  const program = new Command('astrotrack')
    .description('Integration, planning, flats and folder organizing for astrophotography archives')
    .version(version, '-V, --version')
    .configureHelp({ showGlobalOptions: true })
    .showHelpAfterError('(add --help for usage)')
    .exitOverride();
  addGlobalOptions(program);
  registerScanCommand(program);
  registerFlatsCommand(program);
  registerCalibrationCommand(program);
  registerExportCommand(program);
  registerOrganizeCommand(program);
  registerUndoCommand(program);
  registerWatchCommand(program);
  registerInspectCommand(program);
  registerSampleCommand(program);
  registerInitCommand(program);
  const exitOverride = (command: Command): void => {
    command.exitOverride();
    for (const sub of command.commands) exitOverride(sub);
  };
  for (const command of program.commands) exitOverride(command);
  return program;
}

export async function main(argv: readonly string[]): Promise<number> {
  try {
    await createProgram().parseAsync([...argv]);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT_CODES.ok;
  } catch (error) {
    return reportError(error);
  }
}

function reportError(error: unknown): number {
  if (error instanceof CommanderError) {
    // Commander has already printed help, the version or the usage error.
    if (error.exitCode === 0) return EXIT_CODES.ok;
    return EXIT_CODES.usage;
  }
  if (isAstrotrackError(error)) {
    process.stderr.write(`error: ${error.message}\n`);
    if (error.hint) process.stderr.write(`hint: ${error.hint}\n`);
    return error.exitCode;
  }
  process.stderr.write(
    `astrotrack failed unexpectedly; please report this with the output below.\n`,
  );
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  return EXIT_CODES.unexpected;
}
