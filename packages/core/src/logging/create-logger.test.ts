import { describe, expect, it } from 'vitest';
import { createLogger } from './create-logger.js';

function capture(options: Parameters<typeof createLogger>[0] = {}) {
  const lines: string[] = [];
  const logger = createLogger({ ...options, write: (line) => void lines.push(line) });
  return { logger, lines };
}

describe('createLogger', () => {
  it('writes one line per message at or above the level, with the plugin name of a child', () => {
    const { logger, lines } = capture({ level: 'info' });
    logger.debug('hidden');
    logger.info('using config x');
    logger.child({ plugin: 'acme/stats' }).warn('odd frame');
    logger.error({ file: 'a.fits' }, 'cannot read');
    expect(lines).toEqual([
      'info: using config x\n',
      'warn: [acme/stats] odd frame\n',
      'error: cannot read\n',
    ]);
  });

  it('defaults to warn, and colours the level only when asked', () => {
    const plain = capture();
    plain.logger.info('no');
    plain.logger.warn('yes');
    expect(plain.lines).toEqual(['warn: yes\n']);
    const colored = capture({ color: true });
    colored.logger.warn('yes');
    expect(colored.lines).toEqual(['\u001b[33mwarn\u001b[39m: yes\n']);
  });

  it('writes pino JSON lines in json format', () => {
    const { logger, lines } = capture({ level: 'debug', format: 'json' });
    logger.child({ plugin: 'acme/x' }).debug({ count: 3 }, 'done');
    expect(JSON.parse(lines[0]!)).toMatchObject({
      level: 20,
      plugin: 'acme/x',
      count: 3,
      msg: 'done',
    });
    expect(lines[0]!.endsWith('\n')).toBe(true);
  });

  it('answers level questions without loading anything', () => {
    const { logger } = capture({ level: 'error' });
    expect(logger.level).toBe('error');
    expect(logger.isLevelEnabled('warn')).toBe(false);
    expect(logger.isLevelEnabled('fatal')).toBe(true);
    expect(createLogger({ level: 'silent' }).isLevelEnabled('fatal')).toBe(false);
  });
});
