/**
 * The organizer killed with SIGKILL at random points while it moves thousands of files. After each
 * kill no file may be lost or doubled, and a resumed run or an undo must leave a consistent tree.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRuns } from '@astrotrack/organizer';
import { useTempDir } from '../../core/src/test-support/temp-dir.js';
import { BIN, runCli } from './test-support/run-cli.js';

const FILES = 3000;
const KILLS = 12;
const FILTERS = ['L', 'R', 'G', 'B', 'Ha'];
const tempDir = useTempDir();

function makeArchive(): {
  data: string;
  original: Map<string, string>;
  organized: Map<string, string>;
} {
  const data = join(tempDir(), 'night');
  const original = new Map<string, string>();
  const organized = new Map<string, string>();
  for (let n = 0; n < FILES; n++) {
    const filter = FILTERS[n % FILTERS.length]!;
    const name = `light_M31_${filter}_120s_${String(n).padStart(4, '0')}.fits`;
    const folder = `batch${n % 7}`;
    mkdirSync(join(data, folder), { recursive: true });
    const content = `frame ${n} ${'x'.repeat(n % 50)}`;
    writeFileSync(join(data, folder, name), content);
    original.set(`${folder}/${name}`, sha(content));
    organized.set(`${filter}/${name}`, sha(content));
  }
  return { data, original, organized };
}

function sha(content: string | Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

/** Path → checksum, and each checksum's distinct files (inodes): two names of one inode are one file. */
function survey(data: string) {
  const paths = new Map<string, string>();
  const inodes = new Map<string, Set<number>>();
  const visit = (folder: string, prefix: string) => {
    for (const name of readdirSync(folder)) {
      if (prefix === '' && name === '.astrotrack') continue;
      const path = join(folder, name);
      const info = lstatSync(path);
      const relative = prefix ? `${prefix}/${name}` : name;
      if (info.isDirectory()) visit(path, relative);
      else {
        const checksum = sha(readFileSync(path));
        paths.set(relative, checksum);
        if (!inodes.has(checksum)) inodes.set(checksum, new Set());
        inodes.get(checksum)!.add(info.ino);
      }
    }
  };
  visit(data, '');
  return { paths, inodes };
}

/** Files already in the filter folders the organizer moves them to. */
function movedSoFar(data: string): number {
  let moved = 0;
  for (const filter of FILTERS) {
    try {
      moved += readdirSync(join(data, filter)).length;
    } catch {
      // Not made yet.
    }
  }
  return moved;
}

/**
 * Starts `organize` and kills it once `killAt` files have reached their folders (never, when
 * `killAt` is past the end). Kill points are set by progress, not by time, so a slow or busy
 * machine moves them no closer to the start or the end of the run.
 */
async function killWhenMoved(data: string, killAt: number): Promise<void> {
  const child = spawn(process.execPath, [BIN, 'organize', data, '--no-headers', '--yes'], {
    stdio: 'ignore',
    env: { PATH: process.env.PATH, HOME: process.env.HOME },
  });
  let finished = false;
  const exited = new Promise((resolve) => child.on('exit', resolve));
  void exited.then(() => (finished = true));
  while (!finished && movedSoFar(data) < killAt) {
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  if (!finished) child.kill('SIGKILL');
  await exited;
}

/** A small seeded generator, so a failing run can be repeated: its seed is printed. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('organize killed with SIGKILL', () => {
  it(`loses and doubles no file at ${KILLS} random points in a move of ${FILES} files, and resume or undo restore a consistent tree`, async () => {
    const seed = Number(process.env.KILL_SEED ?? Date.now() % 2 ** 31);
    console.info(`organize-kill: seed ${seed} (repeat with KILL_SEED=${seed})`);
    const random = seededRandom(seed);

    // Uninterrupted, the run organizes everything.
    const whole = makeArchive();
    await killWhenMoved(whole.data, Number.POSITIVE_INFINITY);
    expect(survey(whole.data).paths).toEqual(whole.organized);
    rmSync(whole.data, { recursive: true });

    let midRun = 0;
    for (let kill = 0; kill < KILLS; kill++) {
      const { data, original, organized } = makeArchive();
      // Anywhere from the first file to 85 % of them.
      await killWhenMoved(data, 1 + Math.floor(random() * FILES * 0.85));

      const after = survey(data);
      // Every file is still there, and exactly once: no content lost, none held by two files.
      expect(new Set(after.paths.values())).toEqual(new Set(original.values()));
      for (const [checksum, inodes] of after.inodes) expect(inodes.size, checksum).toBe(1);
      for (const path of after.paths.keys())
        expect(original.has(path) || organized.has(path), path).toBe(true);

      const run = readRuns(data).runs[0];
      const moved = [...after.paths.keys()].filter((path) => organized.has(path)).length;
      if (run?.state === 'applying' && moved > 0 && moved < FILES) midRun++;

      if (kill % 2 === 0) {
        const resumed = await runCli(['organize', data, '--no-headers', '--yes']);
        expect(resumed.code, resumed.stderr).toBe(0);
        expect(survey(data).paths).toEqual(organized);
      } else {
        const undone = await runCli(['undo', data, '--yes']);
        expect([0, 66], undone.stderr).toContain(undone.code);
        expect(survey(data).paths).toEqual(original);
      }
      // Removed here, not after the test: 13 archives of 3,000 files overran the clean-up's timeout.
      rmSync(data, { recursive: true });
    }
    // Many kills must land while files are being moved, or the test proves little.
    expect(midRun, `seed ${seed}`).toBeGreaterThanOrEqual(KILLS / 2);
  }, 300_000);
});
