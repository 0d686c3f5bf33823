/**
 * `pnpm bench`: times `astrotrack scan --reporter json` against `find DIR -name '*.fit*' | wc -l`
 * on a generated archive, in the same run, interleaved, and prints medians, the ratio and peak memory.
 *
 *   node bench/scan-bench.mjs [--frames 100000] [--rounds 7] [--keep]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateSampleArchive } from '../packages/core/dist/index.js';

const { values } = parseArgs({
  options: {
    frames: { type: 'string', default: '100000' },
    rounds: { type: 'string', default: '7' },
    keep: { type: 'boolean', default: false },
  },
});
const frames = Number(values.frames);
const rounds = Number(values.rounds);
const here = new URL('.', import.meta.url).pathname;
const bin = join(here, '..', 'packages', 'cli', 'bin.js');
const rssPreload = join(here, 'report-peak-rss.mjs');

const work = mkdtempSync(join(tmpdir(), 'astrotrack-bench-'));
const archive = join(work, 'archive');
const rssFile = join(work, 'rss');

try {
  let started = performance.now();
  const summary = generateSampleArchive(archive, { frames });
  const generation = performance.now() - started;
  console.log(
    `archive: ${summary.frames} frames in ${archive} (generated in ${(generation / 1000).toFixed(1)} s, ${summary.sparse ? 'sparse 52 MB' : 'header-only'} files)`,
  );

  const commands = {
    find: () => run('sh', ['-c', `find "${archive}" -name '*.fit*' | wc -l`]),
    scan: () => {
      run(process.execPath, ['--import', rssPreload, bin, 'scan', archive, '--reporter', 'json'], {
        ASTROTRACK_BENCH_RSS_FILE: rssFile,
      });
      return Number(readFileSync(rssFile, 'utf8'));
    },
  };

  // One untimed round so both start with the folders in the page cache.
  commands.find();
  commands.scan();
  const times = { find: [], scan: [] };
  let peakRss = 0;
  for (let round = 0; round < rounds; round++) {
    for (const name of ['find', 'scan']) {
      started = performance.now();
      const rss = commands[name]();
      times[name].push(performance.now() - started);
      if (name === 'scan') peakRss = Math.max(peakRss, rss);
    }
  }

  const findMs = median(times.find);
  const scanMs = median(times.scan);
  console.log(`rounds: ${rounds}, interleaved; medians (min–max)`);
  console.log(
    `  baseline  find | wc -l             ${fmt(findMs)}  (${fmt(Math.min(...times.find))}–${fmt(Math.max(...times.find))})`,
  );
  console.log(
    `  astrotrack scan --reporter json  ${fmt(scanMs)}  (${fmt(Math.min(...times.scan))}–${fmt(Math.max(...times.scan))})`,
  );
  console.log(`  ratio scan / find: ${(scanMs / findMs).toFixed(2)}×   (goal ≤ 2×, aim 1.5×)`);
  console.log(`  peak RSS of scan: ${(peakRss / 1024 / 1024).toFixed(0)} MB`);
} finally {
  if (values.keep) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}

function run(command, args, env = {}) {
  const result = spawnSync(command, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}`);
  return 0;
}

function median(list) {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function fmt(ms) {
  return `${(ms / 1000).toFixed(3)} s`;
}
