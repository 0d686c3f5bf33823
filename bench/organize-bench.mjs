/**
 * `npm run bench` (second part): organizing a generated archive into filter folders, against a plain
 * loop of rename calls doing the same moves (rename-loop.mjs), in the same run, interleaved:
 *   - `astrotrack organize DIR --by filter --yes` (start-up, scan with headers, plan, journal, moves),
 *     and the same with `--no-headers`;
 *   - the same with headers after a scan has filled the header cache;
 *   - `astrotrack undo DIR --yes`;
 * and prints medians and ratios. The tree is put back after every round.
 *
 *   node bench/organize-bench.mjs [--frames 100000] [--rounds 3] [--keep]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateSampleArchive } from '../packages/sample/dist/index.js';

const { values } = parseArgs({
  options: {
    frames: { type: 'string', default: '100000' },
    rounds: { type: 'string', default: '3' },
    keep: { type: 'boolean', default: false },
  },
});
const rounds = Number(values.rounds);
const here = new URL('.', import.meta.url).pathname;
const bin = join(here, '..', 'packages', 'cli', 'bin.cjs');
const work = mkdtempSync(join(tmpdir(), 'astrotrack-organize-bench-'));
const archive = join(work, 'archive');
const list = join(work, 'moves.tsv');

const node = (...args) =>
  execFileSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'] });
const timed = (work) => {
  const started = performance.now();
  work();
  return performance.now() - started;
};
const organize = (...flags) => node(bin, 'organize', archive, '--by', 'filter', '--yes', ...flags);
const undo = () => node(bin, 'undo', archive, '--yes');

try {
  const summary = generateSampleArchive(archive, { frames: Number(values.frames) });
  // One untimed run gives the moves (from its journal) and warms the page cache.
  organize('--no-headers');
  const journalFolder = join(archive, '.astrotrack', 'journal');
  const [journal] = readdirSync(journalFolder);
  const moves = readFileSync(join(journalFolder, journal), 'utf8')
    .split('\n')
    .slice(1)
    .filter((line) => line.startsWith('{"from"'))
    .map((line) => JSON.parse(line));
  writeFileSync(list, moves.map(({ from, to }) => `${from}\t${to}`).join('\n'));
  undo();
  console.log(
    `archive: ${summary.frames} frames, ${moves.length} lights moved into filter folders per run`,
  );

  const times = { loop: [], names: [], headers: [], cached: [], undo: [] };
  for (let round = 0; round < rounds; round++) {
    times.loop.push(timed(() => node(join(here, 'rename-loop.mjs'), archive, list)));
    node(join(here, 'rename-loop.mjs'), archive, list, '--reverse');
    times.names.push(timed(() => organize('--no-headers')));
    times.undo.push(timed(undo));
    times.headers.push(timed(() => organize()));
    undo();
    node(bin, 'scan', archive, '--reporter', 'json'); // fills the header cache, as a scan first does
    times.cached.push(timed(() => organize()));
    undo();
    rmSync(join(archive, '.astrotrack'), { recursive: true, force: true });
  }
  const labels = {
    loop: 'baseline: Node renameSync loop',
    names: 'organize --by filter --no-headers',
    headers: 'organize --by filter (headers)',
    cached: 'organize --by filter, after a scan',
    undo: 'undo',
  };
  console.log(`rounds: ${rounds}, interleaved; median (min–max) wall time`);
  for (const [name, label] of Object.entries(labels))
    console.log(`  ${label.padEnd(38)}${spread(times[name])}`);
  const ratio = (of) => `${(median(times[of]) / median(times.loop)).toFixed(2)}×`;
  console.log(`  organize --no-headers / rename loop: ${ratio('names')}   (goal ≤ 3×)`);
  console.log(`  organize (headers) / rename loop:    ${ratio('headers')}`);
  console.log(`  organize after a scan / rename loop: ${ratio('cached')}`);
  console.log(`  undo / rename loop:                  ${ratio('undo')}`);
} finally {
  if (values.keep) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}

function median(list) {
  return [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
}

function spread(list) {
  const s = (ms) => `${(ms / 1000).toFixed(3)} s`;
  return `${s(median(list))} (${s(Math.min(...list))}–${s(Math.max(...list))})`;
}
