/**
 * `npm run bench`: on a generated archive, in the same run, interleaved, times
 *   - `astrotrack scan --no-headers` (names only) against `find DIR -name '*.fit*' | wc -l`, and the
 *     smallest Node program that walks the tree (node-floor-walk.mjs), which shows how much of the
 *     gap is Node's own start-up and readdir;
 *   - `astrotrack scan --no-cache` (headers) against a C loop that opens each frame, reads 5,760
 *     bytes and closes it (open-read-close.c, built here with gcc), and the smallest Node program
 *     that does the same and finds three keywords (node-floor-headers.mjs); and against itself on
 *     one thread (`ASTROTRACK_HEADER_WORKERS=never`: what the header worker threads gain);
 *   - `astrotrack scan` with its header cache warm, against the names-only scan;
 *   - the same with a typed `astro.config.ts` (a real user's start-up: the config compiled and
 *     checked), against the warm scan without one;
 *   - the warm scan against the same with `--no-calibration` (the calibration section's cost);
 *   - a YAML config with goals for 50 targets against the same config without them (the projects);
 * and prints medians, ratios and peak memory.
 *
 * With `--astropy`, a Python loop reading every header with astropy (Debian's python3-astropy) runs
 * once more as a second peer for header reading.
 *
 * With `--large 1000000`, a second archive of that many frames is generated and every command runs
 * once more on it: the growth from the first size to the second, and peak memory at the large size.
 *
 *   node bench/scan-bench.mjs [--frames 100000] [--rounds 11] [--keep] [--astropy] [--large 1000000]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateSampleArchive } from '../packages/sample/dist/index.js';

const { values } = parseArgs({
  options: {
    frames: { type: 'string', default: '100000' },
    rounds: { type: 'string', default: '11' },
    keep: { type: 'boolean', default: false },
    astropy: { type: 'boolean', default: false },
    large: { type: 'string' },
  },
});
const frames = Number(values.frames);
const rounds = Number(values.rounds);
const here = new URL('.', import.meta.url).pathname;
const bin = join(here, '..', 'packages', 'cli', 'bin.cjs');
const rssPreload = join(here, 'report-peak-rss.mjs');

const work = mkdtempSync(join(tmpdir(), 'astrotrack-bench-'));
const archive = join(work, 'archive');
const rssFile = join(work, 'rss');
const openReadClose = join(work, 'open-read-close');
// Beside the archive, with no node_modules: loaded as a global install loads it.
const typedConfig = join(work, 'astro.config.ts');
writeFileSync(
  typedConfig,
  "import { defineConfig } from '@astrotrack/core/config';\nexport default defineConfig({ filters: { aliases: { Lum: 'L' } }, plan: { targetHours: 20, allocation: { L: 40, R: 20, G: 20, B: 20 } } });\n",
);
const plainConfig = join(work, 'plain.yaml');
const goalsConfig = join(work, 'goals.yaml');
const baseYaml = 'filters:\n  aliases: { Lum: L }\nplan:\n  targetHours: 20\n';
writeFileSync(plainConfig, baseYaml);
writeFileSync(
  goalsConfig,
  `${baseYaml}targets:\n${Array.from({ length: 50 }, (_, i) => `  NGC ${7000 + i}:\n    plan: { targetHours: ${5 + i}, allocation: { L: 40, R: 20, G: 20, B: 20 } }\n`).join('')}`,
);
execFileSync('gcc', ['-O2', '-o', openReadClose, join(here, 'open-read-close.c')]);

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
  const scanCommand = (flags, dir = archive) =>
    `"${process.execPath}" --import "${rssPreload}" "${bin}" scan "${dir}" --reporter json ${flags}`;
  const scan = (flags, dir = archive) =>
    run(scanCommand(flags, dir), { ASTROTRACK_BENCH_RSS_FILE: rssFile });
  const commands = {
    find: () => run(`find "${archive}" -name '*.fit*' | wc -l`),
    floor: () => run(`"${process.execPath}" "${join(here, 'node-floor-walk.mjs')}" "${archive}"`),
    names: () => scan('--no-headers'),
    c: () => run(`"${openReadClose}" "${archive}"`),
    headerFloor: () =>
      run(`"${process.execPath}" "${join(here, 'node-floor-headers.mjs')}" "${archive}"`),
    headers: () => scan('--no-cache'),
    // The same on one thread: what the header workers (worker-reads.ts) gain, in the same run.
    oneThread: () =>
      run(`ASTROTRACK_HEADER_WORKERS=never ${scanCommand('--no-cache')}`, {
        ASTROTRACK_BENCH_RSS_FILE: rssFile,
      }),
    // The untimed first round fills the header cache; every timed round is then a warm rescan.
    warm: () => scan(''),
    configured: () => scan(`--config "${typedConfig}"`),
    noCalibration: () => scan('--no-calibration'),
    plainConfig: () => scan(`--config "${plainConfig}"`),
    goals: () => scan(`--config "${goalsConfig}"`),
  };
  const peakRss = { names: 0, headers: 0, warm: 0 };

  // One untimed round so every command starts with the folders and headers in the page cache.
  for (const command of Object.values(commands)) command();
  const wall = Object.fromEntries(Object.keys(commands).map((name) => [name, []]));
  const cpu = Object.fromEntries(Object.keys(commands).map((name) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    for (const [name, command] of Object.entries(commands)) {
      const started = performance.now();
      cpu[name].push(command());
      wall[name].push(performance.now() - started);
      if (name in peakRss)
        peakRss[name] = Math.max(peakRss[name], Number(readFileSync(rssFile, 'utf8')));
    }
  }

  console.log(`rounds: ${rounds}, interleaved; median (min–max)`);
  console.log(`  ${'command'.padEnd(38)}${'wall time'.padEnd(28)}CPU time (user+sys)`);
  const labels = {
    find: 'baseline: find | wc -l',
    floor: 'Node floor: bare readdir walk',
    names: 'astrotrack scan --no-headers',
    c: 'baseline: C open/read 5760/close',
    headerFloor: 'Node floor: open/read/close + 3 keys',
    headers: 'astrotrack scan --no-cache (cold)',
    oneThread: 'the same, no header workers',
    warm: 'astrotrack scan (warm header cache)',
    configured: 'the same, astro.config.ts given',
    noCalibration: 'warm, --no-calibration',
    plainConfig: 'warm, a YAML config',
    goals: 'warm, the same with 50 goals',
  };
  for (const name of Object.keys(commands)) {
    console.log(`  ${labels[name].padEnd(38)}${spread(wall[name]).padEnd(28)}${spread(cpu[name])}`);
  }
  const ratio = (of, to) =>
    `${(median(wall[of]) / median(wall[to])).toFixed(2)}× wall, ${(median(cpu[of]) / median(cpu[to])).toFixed(2)}× CPU`;
  console.log(`  names:   scan --no-headers / find:  ${ratio('names', 'find')}   (goal ≤ 2×)`);
  console.log(`           Node floor / find:         ${ratio('floor', 'find')}`);
  console.log(`  headers: scan / C open-read-close:  ${ratio('headers', 'c')}   (goal ≤ 2×)`);
  console.log(`           Node floor / C:            ${ratio('headerFloor', 'c')}`);
  console.log(`  warm:    cached scan / names-only:  ${ratio('warm', 'names')}   (goal ≤ 1.2×)`);
  console.log(`  #20:     names / Node walk floor:   ${ratio('names', 'floor')}   (goal ≤ 2×)`);
  console.log(
    `           cold / Node header floor:  ${ratio('headers', 'headerFloor')}   (goal ≤ 1.5×)`,
  );
  console.log(`           cold, workers / one thread: ${ratio('headers', 'oneThread')}`);
  console.log(`  config:  with astro.config.ts / without: ${ratio('configured', 'warm')}`);
  console.log(
    `  calibration: warm scan / --no-calibration: ${ratio('warm', 'noCalibration')}   (goal ≤ 1.1×)`,
  );
  console.log(
    `  goals:   50 target goals / none: ${ratio('goals', 'plainConfig')}   (goal ≤ 1.1×)`,
  );
  if (values.astropy) {
    const started = performance.now();
    const cpuMs = run(`/usr/bin/python3 "${join(here, 'astropy-headers.py')}" "${archive}"`);
    const wallMs = performance.now() - started;
    console.log(
      `  peer, once: astropy header loop ${seconds(wallMs)} wall, ${seconds(cpuMs)} CPU; scan (headers) / astropy: ${(median(wall.headers) / wallMs).toFixed(2)}× wall`,
    );
  }

  console.log(
    `  peak RSS: ${mb(peakRss.names)} names only, ${mb(peakRss.headers)} with headers, ${mb(peakRss.warm)} warm`,
  );
  if (values.large) {
    const largeFrames = Number(values.large);
    const large = join(work, 'large');
    generateSampleArchive(large, { frames: largeFrames });
    const scanLarge = (flags) => scan(flags, large);
    const largeCommands = {
      find: () => run(`find "${large}" -name '*.fit*' | wc -l`),
      names: () => scanLarge('--no-headers'),
      c: () => run(`"${openReadClose}" "${large}"`),
      headers: () => scanLarge('--no-cache'),
      oneThread: () =>
        run(`ASTROTRACK_HEADER_WORKERS=never ${scanCommand('--no-cache', large)}`, {
          ASTROTRACK_BENCH_RSS_FILE: rssFile,
        }),
      warm: () => scanLarge(''),
    };
    scanLarge(''); // fills the cache, and the page cache, as the untimed round did above
    console.log(`large archive: ${largeFrames} frames, each command once after an untimed warm-up`);
    const largeWall = {};
    for (const [name, command] of Object.entries(largeCommands)) {
      const started = performance.now();
      command();
      const wallMs = performance.now() - started;
      largeWall[name] = wallMs;
      const growth = wallMs / median(wall[name]);
      const rss = name in peakRss ? `, peak RSS ${mb(Number(readFileSync(rssFile, 'utf8')))}` : '';
      console.log(
        `  ${labels[name].padEnd(38)}${seconds(wallMs).padEnd(12)}${growth.toFixed(1)}× the ${frames}-frame time (linear: ${(largeFrames / frames).toFixed(1)}×)${rss}`,
      );
    }
    const at = (of, to) => `${(largeWall[of] / largeWall[to]).toFixed(2)}×`;
    console.log(
      `  at ${largeFrames}: names / find ${at('names', 'find')}, cold headers / C ${at('headers', 'c')}, warm / names ${at('warm', 'names')}, cold workers / one thread ${at('headers', 'oneThread')}`,
    );
  }
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

function mb(bytes) {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
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
