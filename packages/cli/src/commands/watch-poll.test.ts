/**
 * `watch` where file-system events do not come (#20): with `fs.watch` failing as it does on some
 * network file systems, it polls by itself, writes its reporters to files on every update (an HTML
 * page that reloads itself, JSON for scripts) and says what changed since the last update.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { ExposureReport } from '@astrotrack/core';
import { formatFitsHeader } from '@astrotrack/fits';
import {
  CHROMIUM,
  type HeadlessPage,
  openHeadlessPage,
} from '@astrotrack/test-utils/headless-page';
import { useTempDir } from '@astrotrack/test-utils/temp-dir';
import { BIN } from '../test-support/run-cli.js';
import { writeToolkitExample } from '../test-support/toolkit-example.js';
import { startWatch } from '../test-support/watch-process.js';

const tempDir = useTempDir();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Loaded before the CLI: `fs.watch` fails as on a file system without events. */
const NO_EVENTS = `const fs = require('node:fs');
fs.watch = () => { const error = new Error('watch not supported'); error.code = 'ENOSYS'; throw error; };
`;

describe('astrotrack watch without file-system events', () => {
  it('polls, rewrites its report files on every update and says what changed', async () => {
    const dir = tempDir();
    const data = join(dir, 'M31');
    writeToolkitExample(data);
    const preload = join(dir, 'no-events.cjs');
    writeFileSync(preload, NO_EVENTS);
    // The report files inside the watched folder: writing them must not count as a change.
    const json = join(data, 'tonight.json');
    const html = join(data, 'tonight.html');
    const watching = startWatch(
      [
        data,
        '--no-flats',
        '--poll',
        '1',
        '--reporter',
        `json=${json}`,
        '--reporter',
        `html=${html}`,
      ],
      { nodeArgs: ['--require', preload], env: { XDG_CONFIG_HOME: join(dir, 'xdg') } },
    );
    const stdout = () => watching.stdout();
    const subsInJson = () =>
      existsSync(json) ? (JSON.parse(readFileSync(json, 'utf8')) as ExposureReport).totalSubs : -1;

    await watching.until(/M31: 288 light frames counted/);
    expect(stdout()).toContain(`looking in ${data} every 1 s`);
    await watching.until(() => subsInJson() === 288);
    expect(readFileSync(html, 'utf8')).toContain('<meta http-equiv="refresh" content="1">');
    // The page as a phone on the observatory's Wi-Fi shows it: open in a real browser, left alone.
    // CI installs Chromium (.ci/run); elsewhere this part runs where there is one.
    expect(CHROMIUM || !process.env.CI, 'chromium is needed in CI').toBeTruthy();
    const page: HeadlessPage | null = CHROMIUM ? await openHeadlessPage(`file://${html}`) : null;
    // Closed whatever happens: a browser left running would outlive the test.
    if (page) onTestFinished(() => page.close());
    let shown = '';
    const pageShows = async (subs: number) => {
      for (let i = 0; i < 600; i++) {
        shown = await page!.text();
        if (new RegExp(`Light frames\\s+${subs}\\b`).test(shown)) return true;
        await sleep(100);
      }
      return false;
    };
    if (page) expect(await pageShows(288), shown).toBe(true);

    const frame = (name: string, filter: string) =>
      writeFileSync(
        join(data, name),
        formatFitsHeader([
          ['SIMPLE', true],
          ['BITPIX', 16],
          ['NAXIS', 0],
          ['IMAGETYP', 'LIGHT'],
          ['FILTER', filter],
          ['EXPTIME', 120],
        ]),
      );
    frame('light_M31_L_120s_9998.fits', 'L');
    frame('light_M31_R_120s_9999.fits', 'R');
    await watching.until(() => subsInJson() === 290);
    await watching.until(/since [\d:]+: .*\+1 L, \+1 R.*\(\+2 subs\)/);
    expect(readFileSync(html, 'utf8')).toContain('290');
    if (page) {
      const loadsBefore = page.loads();
      // Nobody touches the browser: the page reloads itself and shows the two new frames.
      expect(await pageShows(290), shown).toBe(true);
      expect(page.loads()).toBeGreaterThan(loadsBefore);
    }
    const updates = stdout().match(/light frames counted/g)!.length;
    // Nothing changes, and the report files it keeps writing are not changes: no more updates.
    await sleep(3500);
    expect(stdout().match(/light frames counted/g)!.length).toBe(updates);

    expect(await watching.stop()).toBe(0);
    expect(watching.stderr()).toBe('');
  }, 240_000);

  it('chooses polling by itself when fs.watch fails', async () => {
    const dir = tempDir();
    const data = join(dir, 'M31');
    writeToolkitExample(data);
    const preload = join(dir, 'no-events.cjs');
    writeFileSync(preload, NO_EVENTS);
    const watching = startWatch([data, '--no-flats'], {
      nodeArgs: ['--require', preload],
      env: { XDG_CONFIG_HOME: join(dir, 'xdg') },
    });
    await watching.until(/Ctrl-C stops/);
    expect(watching.stdout()).toContain('every 30 s (no file-system events here (ENOSYS))');
    expect(await watching.stop()).toBe(0);
  }, 120_000);

  it('refuses a reporter to the screen, which shows the table', async () => {
    const dir = tempDir();
    const child = spawn(process.execPath, [BIN, 'watch', dir, '--reporter', 'json'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).not.toBe(0);
    expect(stderr).toContain('write --reporter json=tonight.json');
    expect(stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});
