/**
 * A page open in headless Chromium, kept open and asked what it shows: for pages that change by
 * themselves (the HTML report `watch` rewrites, which reloads itself). Spoken to over the DevTools
 * protocol on a pipe (`--remote-debugging-pipe`: fd 3 in, fd 4 out, messages ended by NUL), which
 * needs no WebSocket (Node 20 has none by default) and no port.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';

export const CHROMIUM = ['chromium', 'chromium-browser', 'google-chrome'].find(
  (name) => spawnSync(name, ['--version']).status === 0,
);

export interface HeadlessPage {
  /** `document.body.innerText` now. */
  text(): Promise<string>;
  /** How many times the page has loaded (1 at first; a reload adds one). */
  loads(): number;
  /** Ends the browser and removes its profile; again, it does nothing. */
  close(): Promise<void>;
}

interface Reply {
  id?: number;
  method?: string;
  sessionId?: string;
  result?: Record<string, unknown>;
  error?: { message: string };
}

export async function openHeadlessPage(url: string): Promise<HeadlessPage> {
  if (!CHROMIUM) throw new Error('no Chromium here (Debian: chromium)');
  const profile = mkdtempSync(join(tmpdir(), 'astrotrack-chromium-'));
  const browser: ChildProcess = spawn(
    CHROMIUM,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--remote-debugging-pipe',
      `--user-data-dir=${profile}`,
      'about:blank',
    ],
    // Its own process group: Chromium's helpers (renderer, GPU, crash handler) are ended with it.
    { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'], detached: true },
  );
  const exited = new Promise<void>((resolve) => browser.on('close', () => resolve()));
  const input = browser.stdio[3] as Writable;
  const output = browser.stdio[4] as Readable;
  let nextId = 1;
  const waiting = new Map<number, (reply: Reply) => void>();
  let loads = 0;
  let buffered = '';
  output.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    let end = buffered.indexOf('\0');
    while (end >= 0) {
      const reply = JSON.parse(buffered.slice(0, end)) as Reply;
      buffered = buffered.slice(end + 1);
      if (reply.method === 'Page.loadEventFired') loads++;
      if (reply.id !== undefined) waiting.get(reply.id)?.(reply);
      end = buffered.indexOf('\0');
    }
  });
  const send = (method: string, params: object = {}, sessionId?: string) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, (reply) => {
        waiting.delete(id);
        if (reply.error) reject(new Error(`${method}: ${reply.error.message}`));
        else resolve(reply.result ?? {});
      });
      input.write(
        `${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`,
      );
    });

  const { targetId } = (await send('Target.createTarget', { url: 'about:blank' })) as {
    targetId: string;
  };
  const { sessionId } = (await send('Target.attachToTarget', { targetId, flatten: true })) as {
    sessionId: string;
  };
  await send('Page.enable', {}, sessionId);
  await send('Page.navigate', { url }, sessionId);
  return {
    async text() {
      const { result } = (await send(
        'Runtime.evaluate',
        { expression: 'document.body ? document.body.innerText : ""', returnByValue: true },
        sessionId,
      )) as { result: { value: string } };
      return result.value;
    },
    loads: () => loads,
    async close() {
      if (browser.exitCode === null && browser.signalCode === null) {
        try {
          process.kill(-browser.pid!, 'SIGKILL');
        } catch {
          // The group has ended already.
        }
      }
      await exited;
      // A helper of a busy machine may still be writing its last file into the profile for a moment.
      rmSync(profile, { recursive: true, force: true, maxRetries: 20, retryDelay: 100 });
    },
  };
}
