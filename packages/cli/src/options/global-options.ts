import type { Command } from 'commander';
import { createLogger, errors, type Logger } from '@astrotrack/core/internal';

export interface GlobalOptions {
  config?: string;
  rig?: string;
  logLevel?: string;
  logFormat?: string;
  verbose?: boolean;
  quiet?: boolean;
}

const LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'silent'] as const;
type Level = (typeof LEVELS)[number];

export function addGlobalOptions(program: Command): Command {
  return program
    .option('-c, --config <file>', 'use this config file instead of searching for astro.config.*')
    .option('-r, --rig <name>', 'use the settings of this rig from the config')
    .option('--log-level <level>', `log level on stderr: ${LEVELS.join(', ')}`, 'warn')
    .option('--log-format <format>', 'log lines as "pretty" text or "json"', 'pretty')
    .option('-v, --verbose', 'log more (same as --log-level debug)')
    .option('-q, --quiet', 'log only errors (same as --log-level error)');
}

export function loggerFor(options: GlobalOptions): Logger {
  const level = options.quiet ? 'error' : options.verbose ? 'debug' : (options.logLevel ?? 'warn');
  if (!(LEVELS as readonly string[]).includes(level)) {
    throw errors.badUsage(`bad --log-level "${level}"`, `use one of: ${LEVELS.join(', ')}`);
  }
  if (
    options.logFormat !== undefined &&
    options.logFormat !== 'pretty' &&
    options.logFormat !== 'json'
  ) {
    throw errors.badUsage(`bad --log-format "${options.logFormat}"`, 'use pretty or json');
  }
  return createLogger({
    level: level as Level,
    format: options.logFormat === 'json' ? 'json' : 'pretty',
    color: Boolean(process.stderr.isTTY) && !process.env.NO_COLOR,
  });
}

/** NO_COLOR (https://no-color.org) and a non-TTY stdout both turn colours off. */
export function stdoutWantsColor(): boolean {
  return Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
}
