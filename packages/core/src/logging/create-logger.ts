/**
 * pino logs on stderr, never stdout (stdout is the report's). Humans get one line per message;
 * `format: 'json'` keeps pino's own lines for log collectors.
 */
import { pino, type Logger, type LevelWithSilent } from 'pino';

export type { Logger } from 'pino';

export interface LoggerOptions {
  level?: LevelWithSilent;
  format?: 'pretty' | 'json';
  /** Where lines go; stderr by default. */
  write?: (line: string) => void;
  color?: boolean;
}

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

export function createLogger(options: LoggerOptions = {}): Logger {
  const write = options.write ?? ((line: string) => process.stderr.write(line));
  const level = options.level ?? 'warn';
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

export const silentLogger: Logger = pino({ level: 'silent' });
