/**
 * Part of `npm run bench`: astrotrack on a simulated network share (packages/test-utils/slowfs), set
 * up here when FUSE is available and skipped with a message when not. A generated archive is mounted
 * with a fixed latency on each open and read (5 ms, a NAS over 1 GbE) and then on each stat too
 * (2 ms); every measurement starts from a fresh mount, so nothing is in the kernel's caches, as
 * after a day away from the NAS. Each figure is one run:
 *   - cold: `scan --no-cache` against the share's parallel floor (64 concurrent open/read/close
 *     over the same mount, share-floor.mjs);
 *   - warm: with the stat latency too, a scan whose header cache is filled against the same scan
 *     with the cache cold, and against the least a rescan can do on that mount: list every folder
 *     and stat every entry (share-stat-floor.mjs), which bounds the warm scan's gain.
 *
 *   node bench/share-bench.mjs [--frames 10000] [--latency-ms 5] [--stat-latency-ms 2]
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateSampleArchive } from '../packages/sample/dist/index.js';

const { values } = parseArgs({
  options: {
    frames: { type: 'string', default: '10000' },
    'latency-ms': { type: 'string', default: '5' },
    'stat-latency-ms': { type: 'string', default: '2' },
  },
});
const here = new URL('.', import.meta.url).pathname;
const slowfs = join(here, '..', 'packages', 'test-utils', 'slowfs', 'slowfs.py');
const floorScript = join(here, 'share-floor.mjs');
const statFloorScript = join(here, 'share-stat-floor.mjs');
const bin = join(here, '..', 'packages', 'cli', 'bin.cjs');
const FUSE_MAGIC = 0x65735546;

const unavailable = !existsSync('/dev/fuse')
  ? 'no /dev/fuse'
  : spawnSync('fusermount', ['-V']).status !== 0
    ? 'no fusermount (Debian: fuse3)'
    : spawnSync('/usr/bin/python3', ['-c', 'import fusepy']).status !== 0
      ? 'no fusepy (Debian: python3-fusepy)'
      : null;
if (unavailable) {
  console.log(`share: skipped, ${unavailable}`);
  process.exit(0);
}

const work = mkdtempSync(join(tmpdir(), 'astrotrack-share-bench-'));
const source = join(work, 'archive');
const mount = join(work, 'share');
const config = join(work, 'astro.config.yaml');
writeFileSync(config, `cache:\n  folder: ${join(work, 'cache')}\n`);
mkdirSync(mount);
let server = null;
try {
  const summary = generateSampleArchive(source, { frames: Number(values.frames) });
  const latency = values['latency-ms'];
  const statLatency = values['stat-latency-ms'];
  console.log(
    `share: ${summary.frames} frames through FUSE, ${latency} ms per open and read; each figure one run on a fresh mount`,
  );
  const cold = {
    floor: await onFreshMount(0, () =>
      time(process.execPath, [floorScript, mount], { UV_THREADPOOL_SIZE: '64' }),
    ),
    scan: await onFreshMount(0, () =>
      time(process.execPath, [bin, 'scan', mount, '--no-cache', '--reporter', 'json']),
    ),
  };
  const withCache = () =>
    time(process.execPath, [bin, 'scan', mount, '--config', config, '--reporter', 'json']);
  const stat = {
    floor: await onFreshMount(statLatency, () =>
      time(process.execPath, [statFloorScript, mount], { UV_THREADPOOL_SIZE: '64' }),
    ),
    cold: await onFreshMount(statLatency, withCache),
    warm: await onFreshMount(statLatency, withCache),
  };
  const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
  console.log(`  floor: 64 concurrent open/read/close      ${s(cold.floor)}`);
  console.log(
    `  astrotrack scan --no-cache (cold)          ${s(cold.scan)}   ${(cold.scan / cold.floor).toFixed(2)}× the floor (goal ≤ 1.3×)`,
  );
  console.log(`  with ${statLatency} ms per stat too:`);
  console.log(`  astrotrack scan, header cache cold         ${s(stat.cold)}`);
  console.log(
    `  astrotrack scan, header cache warm         ${s(stat.warm)}   ${(stat.cold / stat.warm).toFixed(1)}× faster than cold (goal ≥ 5×)`,
  );
  console.log(
    `  stat floor: list and stat every entry      ${s(stat.floor)}   warm ${(stat.warm / stat.floor).toFixed(2)}× it; at best cold / floor = ${(stat.cold / stat.floor).toFixed(1)}×`,
  );
} finally {
  await unmount();
  rmSync(work, { recursive: true, force: true });
}

/** Mounts the archive afresh (nothing cached by the kernel), runs `measure`, unmounts. */
async function onFreshMount(statLatencyMs, measure) {
  await unmount();
  const args = [slowfs, source, mount, '--latency-ms', values['latency-ms']];
  if (Number(statLatencyMs) > 0) args.push('--stat-latency-ms', String(statLatencyMs));
  server = spawn('/usr/bin/python3', args, { stdio: 'ignore' });
  for (let i = 0; i < 600 && !isFuse(mount); i++) await new Promise((r) => setTimeout(r, 100));
  if (!isFuse(mount)) throw new Error(`slowfs.py did not mount ${mount}`);
  try {
    return measure();
  } finally {
    await unmount();
  }
}

async function unmount() {
  if (!server) return;
  spawnSync('fusermount', ['-u', mount]);
  const running = server;
  server = null;
  if (running.exitCode === null) {
    await new Promise((resolve) => {
      running.on('close', resolve);
      running.kill('SIGTERM');
    });
  }
}

function isFuse(path) {
  try {
    return Number(statfsSync(path).type) === FUSE_MAGIC;
  } catch {
    return false;
  }
}

/** Runs a command with its output discarded; returns its wall milliseconds. */
function time(command, args, env = {}) {
  const started = performance.now();
  const result = spawnSync(command, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}`);
  return performance.now() - started;
}
