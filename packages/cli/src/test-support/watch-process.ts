import { spawn } from 'node:child_process';
import { expect, onTestFinished } from 'vitest';
import { BIN } from './run-cli.js';

export interface WatchProcessOptions {
  /** Given to Node before the CLI (`--require` a preload). */
  nodeArgs?: readonly string[];
  env?: NodeJS.ProcessEnv;
}

/**
 * `astrotrack watch ARGS` running, with a way to wait for what it shows or writes; killed when the
 * test ends, whatever happened.
 */
export function startWatch(args: readonly string[], options: WatchProcessOptions = {}) {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), BIN, 'watch', ...args], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  onTestFinished(() => void child.kill('SIGKILL'));
  return {
    stdout: () => stdout,
    stderr: () => stderr,
    /** Up to 90 s: a start on a loaded machine, through a slow mount, can take many seconds. */
    async until(test: RegExp | (() => boolean)) {
      const done = () => (test instanceof RegExp ? test.test(stdout) : test());
      for (let i = 0; i < 900 && !done(); i++) await new Promise((r) => setTimeout(r, 100));
      expect(done(), `${test}\n${stdout}\n${stderr}`).toBe(true);
    },
    async stop() {
      child.kill('SIGINT');
      return exited;
    },
  };
}
