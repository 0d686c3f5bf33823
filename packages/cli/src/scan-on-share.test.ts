/**
 * `scan` on a simulated network share (#20): a FUSE mount that answers each open and read after a
 * few milliseconds and lists names without types, as slow shares do. The scan must notice the slow
 * disk by itself, switch to many reads at once (mid-folder too), stat the entries its untyped
 * listing gives many at once, and say exactly what it says of the same frames on a local disk:
 * without a cache, through a cold one and through a warm one. `watch` must poll it by itself and
 * see a frame another machine writes to the share.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExposureReport } from '@astrotrack/core';
import { mountShare, shareUnavailable } from '@astrotrack/test-utils/simulated-share';
import { useTempDir } from '@astrotrack/test-utils/temp-dir';
import { runCli } from './test-support/run-cli.js';
import { startWatch } from './test-support/watch-process.js';
import { writeFitsFrame } from './test-support/write-fits-frame.js';

const tempDir = useTempDir();
const UNAVAILABLE = shareUnavailable();

/** The report without what differs between two runs on two paths of the same frames. */
function facts(stdout: string): Omit<ExposureReport, 'root'> {
  const { root: _root, ...rest } = JSON.parse(stdout) as ExposureReport;
  return rest;
}

describe('scan on a simulated network share', () => {
  // CI installs FUSE and fusepy (.ci/run); elsewhere the test runs where they are.
  it.skipIf(UNAVAILABLE !== null && !process.env.CI)(
    'reads it in parallel by itself, counts what a local scan counts, and watch polls it',
    async () => {
      expect(UNAVAILABLE, 'a FUSE mount is needed in CI').toBeNull();
      const dir = tempDir();
      const archive = join(dir, 'archive');
      expect((await runCli(['sample', archive])).code).toBe(0);
      const share = await mountShare(archive, join(dir, 'share'), {
        latencyMs: 3,
        statLatencyMs: 1,
      });
      try {
        // The share is read-only, as a NAS often is to a scanning laptop: the cache lives beside it.
        const config = join(dir, 'astro.config.yaml');
        writeFileSync(config, `cache:\n  folder: ${join(dir, 'cache')}\n`);

        // What bin.cjs set the thread pool to, said as the process ends.
        const preload = join(dir, 'pool-size.cjs');
        writeFileSync(
          preload,
          "process.on('exit', () => process.stderr.write('pool: ' + process.env.UV_THREADPOOL_SIZE + '\\n'));\n",
        );
        const env = { NODE_OPTIONS: `--require ${preload}` };
        const local = await runCli(['scan', archive, '--no-cache', '--reporter', 'json'], { env });
        // A local disk keeps Node's default pool: starting 64 threads costs a few milliseconds.
        expect(local.stderr).toContain('pool: undefined');
        expect(local.code, local.stderr).toBe(0);
        const expected = facts(local.stdout);
        expect(expected.totalSubs).toBeGreaterThan(400);

        for (const way of ['no cache', 'cold cache', 'warm cache'] as const) {
          const flags = way === 'no cache' ? ['--no-cache'] : ['--config', config];
          const onShare = await runCli(
            ['scan', share.mount, ...flags, '--reporter', 'json', '--log-level', 'info'],
            { env },
          );
          expect(onShare.code, `${way}: ${onShare.stderr}`).toBe(0);
          expect(onShare.stderr, way).toContain('pool: 64');
          expect(facts(onShare.stdout), way).toEqual(expected);
          if (way !== 'warm cache') {
            expect(onShare.stderr, way).toContain('headers are slow to read (a network disk?)');
          }
        }
        const verbose = await runCli(['scan', share.mount, '--config', config, '--verbose']);
        expect(verbose.stderr).toMatch(/header cache: \d+ headers from the cache, 0 read/);

        // watch polls the share by itself (FUSE sends no events for changes made elsewhere) …
        const watching = startWatch([share.mount, '--no-flats', '--config', config]);
        await watching.until(/Ctrl-C stops/);
        expect(watching.stdout()).toContain('(FUSE file system: its changes send no events)');
        expect(await watching.stop()).toBe(0);
        // … and, polling every second, sees a frame written to the NAS by another machine.
        const json = join(dir, 'tonight.json');
        const polling = startWatch([
          share.mount,
          '--no-flats',
          '--config',
          config,
          '--poll',
          '1',
          '--reporter',
          `json=${json}`,
        ]);
        const subs = () =>
          existsSync(json)
            ? (JSON.parse(readFileSync(json, 'utf8')) as ExposureReport).totalSubs
            : -1;
        await polling.until(() => subs() === expected.totalSubs);
        writeFitsFrame(join(archive, 'M31', 'light_M31_L_120s_9999.fits'), [
          ['IMAGETYP', 'LIGHT'],
          ['FILTER', 'L'],
          ['EXPTIME', 120],
          ['OBJECT', 'M31'],
        ]);
        await polling.until(() => subs() === expected.totalSubs + 1);
        expect(await polling.stop()).toBe(0);
      } finally {
        // Before the temporary folder is removed: through a live mount that would fail.
        await share.unmount();
      }
    },
    240_000,
  );
});
