import { spawn } from 'node:child_process';
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatFitsHeader } from '@astrotrack/fits';
import { useTempDir } from '@astrotrack/test-utils/temp-dir';
import { BIN } from '../test-support/run-cli.js';
import { writeToolkitExample } from '../test-support/toolkit-example.js';

const tempDir = useTempDir();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('astrotrack watch', () => {
  it('updates the report as a frame is written slowly and another removed, and stops on Ctrl-C', async () => {
    const dir = tempDir();
    const data = join(dir, 'M31');
    writeToolkitExample(data);
    // The frame below is written with pauses of 150 ms: a quiet time 13 times longer keeps a busy
    // machine's late timers from splitting the write into two rescans.
    const child = spawn(
      process.execPath,
      [BIN, 'watch', data, '--no-flats', '--quiet-ms', '2000'],
      {
        env: { PATH: process.env.PATH, HOME: process.env.HOME, XDG_CONFIG_HOME: join(dir, 'xdg') },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let everything = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      everything += chunk;
    });
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    // Up to 60 s each: a cold start of the command on a loaded machine can take many seconds.
    const waitFor = async (text: string) => {
      for (let i = 0; i < 1200 && !stdout.includes(text); i++) await sleep(50);
      expect(stdout).toContain(text);
    };

    await waitFor('M31: 288 light frames counted');
    // A new frame, written in three chunks with pauses: it must be read whole, not half way.
    const header = formatFitsHeader([
      ['SIMPLE', true],
      ['BITPIX', 16],
      ['NAXIS', 0],
      ['IMAGETYP', 'LIGHT'],
      ['FILTER', 'L'],
      ['EXPTIME', 120],
    ]);
    const fd = openSync(join(data, 'light_M31_L_120s_9999.fits'), 'w');
    for (const [from, to] of [
      [0, 1000],
      [1000, 2000],
      [2000, header.length],
    ]) {
      writeSync(fd, header.subarray(from, to));
      await sleep(150);
    }
    closeSync(fd);
    await waitFor('M31: 289 light frames counted');
    rmSync(join(data, 'light_M31_L_120s_9999.fits'));
    stdout = '';
    await waitFor('M31: 288 light frames counted');

    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(stderr).toBe('');
    // No report ever saw the frame half written.
    expect(everything).not.toContain('could not be read');
    expect(everything.match(/light frames counted/g)).toHaveLength(3);
  }, 240_000);
});
