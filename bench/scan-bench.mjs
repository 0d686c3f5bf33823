/**
 * `npm run bench`: times `astrotrack scan --reporter json` against `find DIR -name '*.fit*' | wc -l`
 * on a generated archive, in the same run, interleaved, and prints medians, ratios and peak memory.
 * A second baseline, the smallest Node program that walks the tree (node-floor-walk.mjs), shows how
 * much of the gap is Node's own start-up and readdir.
 *
 *   node bench/scan-bench.mjs [--frames 100000] [--rounds 11] [--keep]
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
    rounds: { type: 'string', default: '11' },
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
  const generationStarted = performance.now();
  const summary = generateSampleArchive(archive, { frames });
  const generation = (performance.now() - generationStarted) / 1000;
  const kind = summary.sparse ? 'sparse 52 MB' : 'header-only';
  console.log(
    `archive: ${summary.frames} frames in ${archive} (${generation.toFixed(1)} s to write, ${kind} files)`,
  );

  // Each command runs under bash, whose `times` reports the CPU time of what it ran: on a shared VM,
  // CPU time drifts less than wall time when the neighbours are busy.
  const commands = {
    find: () => run(`find "${archive}" -name '*.fit*' | wc -l`),
    floor: () => run(`"${process.execPath}" "${join(here, 'node-floor-walk.mjs')}" "${archive}"`),
    scan: () =>
      run(
        `"${process.execPath}" --import "${rssPreload}" "${bin}" scan "${archive}" --reporter json`,
        {
          ASTROTRACK_BENCH_RSS_FILE: rssFile,
        },
      ),
  };

  // One untimed round so both start with the folders in the page cache.
  for (const command of Object.values(commands)) command();
  const wall = { find: [], floor: [], scan: [] };
  const cpu = { find: [], floor: [], scan: [] };
  let peakRss = 0;
  for (let round = 0; round < rounds; round++) {
    for (const name of ['find', 'floor', 'scan']) {
      const started = performance.now();
      cpu[name].push(commands[name]());
      wall[name].push(performance.now() - started);
    }
    peakRss = Math.max(peakRss, Number(readFileSync(rssFile, 'utf8')));
  }

  console.log(`rounds: ${rounds}, interleaved; median (min–max)`);
  console.log(`  ${'command'.padEnd(34)}${'wall time'.padEnd(28)}CPU time (user+sys)`);
  const labels = {
    find: 'baseline: find | wc -l',
    floor: 'Node floor: bare readdir walk',
    scan: 'astrotrack scan --reporter json',
  };
  for (const name of ['find', 'floor', 'scan']) {
    console.log(`  ${labels[name].padEnd(34)}${spread(wall[name]).padEnd(28)}${spread(cpu[name])}`);
  }
  const ratio = (times, of, to) => (median(times[of]) / median(times[to])).toFixed(2);
  console.log(
    `  scan / find:       ${ratio(wall, 'scan', 'find')}× wall, ${ratio(cpu, 'scan', 'find')}× CPU   (goal ≤ 2×, aim 1.5×)`,
  );
  console.log(
    `  Node floor / find: ${ratio(wall, 'floor', 'find')}× wall, ${ratio(cpu, 'floor', 'find')}× CPU`,
  );
  console.log(`  peak RSS of scan: ${(peakRss / 1024 / 1024).toFixed(0)} MB`);
} finally {
  if (values.keep) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}

/** Runs a shell command with its output discarded; returns the CPU milliseconds it used. */
function run(command, env = {}) {
  const result = spawnSync('bash', ['-c', `set -o pipefail; ${command} > /dev/null && times`], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`${command} exited ${result.status}`);
  // `times` prints the shell's own user and sys time, then its children's: "0m0.120s 0m0.050s".
  const children = result.stdout.trim().split('\n').at(-1);
  let ms = 0;
  for (const [, minutes, seconds] of children.matchAll(/(\d+)m([\d.]+)s/g)) {
    ms += (Number(minutes) * 60 + Number(seconds)) * 1000;
  }
  return ms;
}

function median(list) {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function spread(list) {
  return `${seconds(median(list))} (${seconds(Math.min(...list))}–${seconds(Math.max(...list))})`;
}

function seconds(ms) {
  return `${(ms / 1000).toFixed(3)} s`;
}
