/**
 * The organizer killed with SIGKILL at random points while it moves thousands of files. After each
 * kill no file may be lost or doubled, and a resumed run or an undo must leave a consistent tree.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
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

/**
 * Starts `organize`, waits for its journal (the apply has begun), then kills it after `delayMs`.
 * Returns how long it ran after the journal appeared.
 */
async function killDuring(data: string, delayMs: number): Promise<number> {
  const child = spawn(process.execPath, [BIN, 'organize', data, '--no-headers', '--yes'], {
    stdio: 'ignore',
    env: { PATH: process.env.PATH, HOME: process.env.HOME },
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const journal = join(data, '.astrotrack', 'journal');
  let finished = false;
  void exited.then(() => (finished = true));
  while (!finished && !existsSync(journal)) await new Promise((resolve) => setTimeout(resolve, 1));
  const applying = performance.now();
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, delayMs))]);
  if (!finished) child.kill('SIGKILL');
  await exited;
  return performance.now() - applying;
}

describe('organize killed with SIGKILL', () => {
  it(`loses and doubles no file at ${KILLS} random points in a move of ${FILES} files, and resume or undo restore a consistent tree`, async () => {
    // How long the moving takes here, uninterrupted: the window the kills are spread over.
    const timing = makeArchive();
    const window = await killDuring(timing.data, 60_000);
    expect(survey(timing.data).paths).toEqual(timing.organized);

    let midRun = 0;
    for (let kill = 0; kill < KILLS; kill++) {
      const { data, original, organized } = makeArchive();
      await killDuring(data, Math.random() * window * 0.8);

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
    }
    // Many kills must land while files are being moved, or the test proves little.
    expect(midRun).toBeGreaterThanOrEqual(KILLS / 3);
  }, 180_000);
});
