/**
 * pino logs on stderr, never stdout (stdout is the report's). Humans get one line per message;
 * `format: 'json'` keeps pino's own lines for log collectors.
 *
 * pino costs ~30 ms to load, a tenth of a whole scan of 100,000 files, and a clean scan at the
 * default level logs nothing. So loggers check the level themselves and load pino (CommonJS, hence
 * a synchronous require) on the first message that will actually be written.
 */
import { createRequire } from 'node:module';
import type * as Pino from 'pino';

export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'silent';

export interface LogFn {
  (message: string): void;
  (fields: Record<string, unknown>, message?: string): void;
}

/** The part of pino's logger that astrotrack and its plugins use. */
export interface Logger {
  readonly level: LogLevel;
  trace: LogFn;
  debug: LogFn;
  info: LogFn;
  warn: LogFn;
  error: LogFn;
  fatal: LogFn;
  isLevelEnabled(level: LogLevel): boolean;
  child(bindings: Record<string, unknown>): Logger;
}

export interface LoggerOptions {
  level?: LogLevel;
  format?: 'pretty' | 'json';
  /** Where lines go; stderr by default. */
  write?: (line: string) => void;
  color?: boolean;
}

const LEVEL_VALUES: Record<LogLevel, number> = {
  trace: 10,
  debug: 20,
  info: 30,
  warn: 40,
  error: 50,
  fatal: 60,
  silent: Number.POSITIVE_INFINITY,
};
const LEVEL_NAMES: Record<number, string> = {
  10: 'trace',
  20: 'debug',
  30: 'info',
  40: 'warn',
  50: 'error',
  60: 'fatal',
};
const LEVEL_COLORS: Record<number, string> = {
  40: '\u001b[33m',
  50: '\u001b[31m',
  60: '\u001b[31m',
};
const METHODS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const;

const require = createRequire(import.meta.url);

export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? 'warn';
  let instance: Pino.Logger | undefined;
  const real = (): Pino.Logger => {
    instance ??= createPino(level, options);
    return instance;
  };
  return lazyLogger(level, real);
}

function lazyLogger(level: LogLevel, real: () => Pino.Logger): Logger {
  const threshold = LEVEL_VALUES[level];
  const logger = {
    level,
    isLevelEnabled: (asked: LogLevel) => LEVEL_VALUES[asked] >= threshold,
    child(bindings: Record<string, unknown>): Logger {
      let child: Pino.Logger | undefined;
      return lazyLogger(level, () => {
        child ??= real().child(bindings);
        return child;
      });
    },
  } as Logger;
  for (const method of METHODS) {
    const enabled = LEVEL_VALUES[method] >= threshold;
    (logger as unknown as Record<string, LogFn>)[method] = enabled
      ? (((...args: unknown[]) => (real()[method] as (...a: unknown[]) => void)(...args)) as LogFn)
      : () => {};
  }
  return logger;
}

function createPino(level: LogLevel, options: LoggerOptions): Pino.Logger {
  const { pino } = require('pino') as typeof Pino;
  const write = options.write ?? ((line: string) => process.stderr.write(line));
  if (options.format === 'json') return pino({ level, base: undefined }, { write });
  const color = options.color ?? false;
  return pino(
    { level, base: undefined, timestamp: false },
    {
      write(json: string) {
        const record = JSON.parse(json) as { level: number; msg?: string; plugin?: string };
        const name = LEVEL_NAMES[record.level] ?? 'log';
        const label =
          color && LEVEL_COLORS[record.level]
            ? `${LEVEL_COLORS[record.level]}${name}\u001b[39m`
            : name;
        const plugin = record.plugin ? `[${record.plugin}] ` : '';
        write(`${label}: ${plugin}${record.msg ?? ''}\n`);
      },
    },
  );
}

export const silentLogger: Logger = createLogger({ level: 'silent' });
