import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BIN, runCli } from './test-support/run-cli.js';

const { version } = JSON.parse(
  readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
) as { version: string };

describe('astrotrack', () => {
  it('prints its version', async () => {
    expect(await runCli(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it.each([[['--help']], [['scan', '--help']], [['sample', '--help']], [['help', 'scan']]])(
    '%j shows help and exits 0',
    async (args) => {
      const result = await runCli(args);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^Usage: astrotrack/);
      expect(result.stdout).toContain('--config <file>');
    },
  );

  it('explains scan options in its help', async () => {
    const { stdout } = await runCli(['scan', '--help']);
    for (const flag of [
      '--target-hours',
      '--alloc',
      '--buffer',
      '--sort',
      '--include-unknown',
      '--reporter',
      '--rig',
      '--log-level',
      '--verbose',
      '--quiet',
    ]) {
      expect(stdout).toContain(flag);
    }
  });

  it('stops quietly when stdout is closed early, as `astrotrack … | head -1` does', async () => {
    const child = spawn(process.execPath, [BIN, 'scan', '--help'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('rejects an unknown command with usage exit code 64', async () => {
    const result = await runCli(['scna']);
    expect(result.code).toBe(64);
    expect(result.stderr).toContain("error: unknown command 'scna'");
  });
});
