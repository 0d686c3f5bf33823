import { expect, onTestFinished } from 'vitest';
import { type SpawnOptions, spawnCli } from './run-cli.js';

/**
 * `astrotrack watch ARGS` running, with a way to wait for what it shows or writes; killed when the
 * test ends, whatever happened.
 */
export function startWatch(args: readonly string[], options: SpawnOptions = {}) {
  const { child, stdout, stderr, exited } = spawnCli(['watch', ...args], options);
  onTestFinished(() => void child.kill('SIGKILL'));
  return {
    stdout,
    stderr,
    /** Up to 90 s: a start on a loaded machine, through a slow mount, can take many seconds. */
    async until(test: RegExp | (() => boolean)) {
      const done = () => (test instanceof RegExp ? test.test(stdout()) : test());
      for (let i = 0; i < 900 && !done(); i++) await new Promise((r) => setTimeout(r, 100));
      expect(done(), `${test}\n${stdout()}\n${stderr()}`).toBe(true);
    },
    async stop() {
      child.kill('SIGINT');
      return exited;
    },
  };
}
