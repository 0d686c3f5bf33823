import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseLayout } from '../layout/layout-template.js';
import { buildPlan } from '../plan/build-plan.js';
import { checkDestinations } from '../plan/check-destinations.js';
import type { OrganizeMode, OrganizePlan } from '../plan/plan-types.js';
import { light } from '../test-support/frames.js';
import { fileChecksums, snapshot, tempFolder, writeTree } from '@astrotrack/test-utils/tree';
import { realFileSystem, type FileSystemCalls } from './file-operations.js';
import { lastRun, readRun, readRuns, unfinishedRun } from './journal.js';
import { applyPlan, finishRun, undoRun } from './run-operations.js';

const FILES = {
  'night1/a_L.fits': 'L',
  'night1/b_R.fits': 'R',
  'night2/c_L.fits': 'L',
  'night2/deep/d_Ha.fits': 'Ha',
  'e_R.fits': 'R',
};

let folder: ReturnType<typeof tempFolder>;
let root: string;
beforeEach(() => {
  folder = tempFolder();
  root = folder.path;
  writeTree(root, Object.keys(FILES));
});
afterEach(() => folder.remove());

function planFor(mode: OrganizeMode = 'move', output = root): OrganizePlan {
  const frames = Object.entries(FILES).map(([path, filter]) => light(path, { filter }));
  return checkDestinations(
    buildPlan(frames, { root, output, mode, layout: parseLayout('{filter}'), rig: null }),
  );
}

/** Real file system calls, with one of them failing as told. */
function failing(
  call: keyof FileSystemCalls,
  code: string,
  when: (n: number) => boolean = () => true,
): FileSystemCalls {
  let n = 0;
  return {
    ...realFileSystem,
    [call]: (...args: [string, string]) => {
      if (when(++n)) throw Object.assign(new Error(`${code} (injected)`), { code });
      return (realFileSystem[call] as (...a: [string, string]) => void)(...args);
    },
  };
}

describe('applyPlan and undoRun', () => {
  it('moves every file, removes emptied folders, and undo restores the tree exactly', () => {
    const before = snapshot(root);
    const outcome = applyPlan(planFor());
    expect(outcome).toMatchObject({ done: 5, failures: [], stopped: null });
    expect(Object.keys(fileChecksums(root)).sort()).toEqual([
      'Ha/d_Ha.fits',
      'L/a_L.fits',
      'L/c_L.fits',
      'R/b_R.fits',
      'R/e_R.fits',
    ]);
    expect(existsSync(join(root, 'night1'))).toBe(false);
    expect(Object.values(fileChecksums(root)).sort()).toEqual(
      Object.values(before)
        .flatMap((e) => (e.kind === 'file' ? [e.content] : []))
        .sort(),
    );

    const { runs } = readRuns(root);
    expect(runs.map((run) => run.state)).toEqual(['applied']);
    const undone = undoRun(lastRun(runs)!);
    expect(undone).toMatchObject({ done: 5, failures: [], foldersKept: [] });
    expect(snapshot(root)).toEqual(before);
    expect(readRuns(root).runs.map((run) => run.state)).toEqual(['undone']);
    expect(lastRun(readRuns(root).runs)).toBeNull();
  });

  it.each(['copy', 'hardlink', 'symlink'] as const)(
    '%s mode leaves the sources, and undo removes only what it made',
    (mode) => {
      const before = snapshot(root);
      expect(applyPlan(planFor(mode))).toMatchObject({ done: 5, failures: [] });
      const after = snapshot(root);
      for (const path of Object.keys(FILES)) expect(after[path]).toEqual(before[path]);
      if (mode === 'hardlink') expect(statSync(join(root, 'L/a_L.fits')).nlink).toBe(2);
      if (mode === 'symlink')
        expect(after['L/a_L.fits']).toEqual({ kind: 'link', content: '../night1/a_L.fits' });
      expect(readFileSync(join(root, 'L/a_L.fits'), 'utf8')).toBe('frame night1/a_L.fits');
      undoRun(lastRun(readRuns(root).runs)!);
      expect(snapshot(root)).toEqual(before);
    },
  );

  it('keeps a copy whose source has gone since: it is the only one left', () => {
    applyPlan(planFor('copy'));
    rmSync(join(root, 'night1/a_L.fits'));
    const outcome = undoRun(lastRun(readRuns(root).runs)!);
    expect(outcome.failures).toMatchObject([{ from: 'night1/a_L.fits', code: 'ENOENT' }]);
    expect(readFileSync(join(root, 'L/a_L.fits'), 'utf8')).toBe('frame night1/a_L.fits');
    expect(outcome.foldersKept).toEqual(['L']);
    expect(readRuns(root).runs[0]!.state).toBe('undoing');
  });

  it('moves across file systems by copy, flush, verify, delete (rename and link fail with EXDEV)', () => {
    const before = fileChecksums(root);
    const fs = failing('link', 'EXDEV', (n) => n % 2 === 1);
    const crossing: FileSystemCalls = { ...fs, rename: failing('rename', 'EXDEV').rename };
    const outcome = applyPlan(planFor(), { fs: crossing });
    expect(outcome).toMatchObject({ done: 5, failures: [] });
    const after = fileChecksums(root);
    expect(Object.values(after).sort()).toEqual(Object.values(before).sort());
    expect(readdirSync(join(root, 'L')).filter((name) => name.includes('partial'))).toEqual([]);
    undoRun(lastRun(readRuns(root).runs)!, { fs: crossing });
    expect(fileChecksums(root)).toEqual(before);
  });

  it('stops at a full disk, and the run can then be finished or undone', () => {
    const before = snapshot(root);
    const outcome = applyPlan(planFor(), { fs: failing('link', 'ENOSPC', (n) => n === 3) });
    expect(outcome.done).toBe(2);
    expect(outcome.stopped).toMatch(/^ENOSPC: the disk is full/);
    const run = unfinishedRun(readRuns(root).runs)!;
    expect(run.state).toBe('stopped');
    expect(run.failures).toHaveLength(1);

    const finished = finishRun(run);
    expect(finished).toMatchObject({ done: 3, unchanged: 2, failures: [] });
    expect(Object.keys(fileChecksums(root))).toHaveLength(5);
    expect(unfinishedRun(readRuns(root).runs)).toBeNull();
    undoRun(lastRun(readRuns(root).runs)!);
    expect(snapshot(root)).toEqual(before);
  });

  it('fails only the operation whose file vanished or is not permitted, and goes on', () => {
    const plan = planFor();
    rmSync(join(root, 'night1/b_R.fits'));
    const outcome = applyPlan(plan, { fs: failing('link', 'EACCES', (n) => n === 1) });
    expect(outcome.failures.map((f) => [f.from, f.code])).toEqual([
      ['e_R.fits', 'EACCES'],
      ['night1/b_R.fits', 'ENOENT'],
    ]);
    expect(outcome.done).toBe(3);
    expect(existsSync(join(root, 'e_R.fits'))).toBe(true);
    const run = readRuns(root).runs[0]!;
    expect(run.state).toBe('applied');
    expect(run.failures.map((f) => f.code)).toEqual(['EACCES', 'ENOENT']);
  });

  it('never replaces a file that appears at the destination after planning', () => {
    const plan = planFor();
    writeTree(root, { 'L/a_L.fits': 'someone else' });
    const outcome = applyPlan(plan);
    expect(outcome.failures).toMatchObject([{ from: 'night1/a_L.fits', code: 'EEXIST' }]);
    expect(readFileSync(join(root, 'L/a_L.fits'), 'utf8')).toBe('someone else');
    expect(existsSync(join(root, 'night1/a_L.fits'))).toBe(true);
  });

  it('builds the layout in another folder with --out, and undo empties it again', () => {
    const out = tempFolder();
    try {
      const before = snapshot(root);
      expect(applyPlan(planFor('move', out.path))).toMatchObject({ done: 5 });
      expect(Object.keys(fileChecksums(out.path))).toHaveLength(5);
      undoRun(lastRun(readRuns(root).runs)!);
      expect(snapshot(root)).toEqual(before);
      expect(readdirSync(out.path)).toEqual([]);
    } finally {
      out.remove();
    }
  });
});

const shm = '/dev/shm';
const otherDevice = existsSync(shm) && statSync(shm).dev !== statSync(tmpdir()).dev;

describe.skipIf(!otherDevice)('a real second file system (tmpfs at /dev/shm)', () => {
  it('moves there and back with verified copies', () => {
    const out = tempFolder(undefined, shm);
    try {
      const before = snapshot(root);
      expect(applyPlan(planFor('move', out.path))).toMatchObject({ done: 5, failures: [] });
      expect(Object.keys(fileChecksums(root))).toEqual([]);
      expect(Object.values(fileChecksums(out.path)).sort()).toEqual(
        Object.values(before)
          .flatMap((e) => (e.kind === 'file' ? [e.content] : []))
          .sort(),
      );
      undoRun(lastRun(readRuns(root).runs)!);
      expect(snapshot(root)).toEqual(before);
    } finally {
      out.remove();
    }
  });
});

describe('the journal', () => {
  it('lists every operation, flushed before the first file is touched', () => {
    const plan = planFor();
    applyPlan(plan, { fs: failing('link', 'ENOSPC') });
    const run = readRuns(root).runs[0]!;
    expect(run.operations).toEqual(plan.operations);
    expect(run).toMatchObject({ root, output: root, madeIn: null });
    expect(run.header).toMatchObject({
      root,
      output: '.',
      mode: 'move',
      layout: '{filter}',
      operations: 5,
    });
  });

  it('reads a journal whose last line was torn by a kill', () => {
    applyPlan(planFor(), { fs: failing('link', 'ENOSPC') });
    const file = readRuns(root).runs[0]!.file;
    writeFileSync(file, `${readFileSync(file, 'utf8')}{"state":"appl`);
    expect(readRun(file, root)!.state).toBe('stopped');
  });

  it('treats a journal cut off before its operations were all written as never started', () => {
    applyPlan(planFor(), { fs: failing('link', 'ENOSPC') });
    const file = readRuns(root).runs[0]!.file;
    const lines = readFileSync(file, 'utf8').split('\n');
    writeFileSync(file, `${lines.slice(0, 3).join('\n')}\n{"from":"x","t`);
    expect(readRun(file, root)!.state).toBe('planned');
    expect(lastRun(readRuns(root).runs)).toBeNull();
  });

  it('ignores a journal killed before its header was whole, and names one damaged inside', () => {
    applyPlan(planFor(), { fs: failing('link', 'ENOSPC') });
    const file = readRuns(root).runs[0]!.file;
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.slice(0, 40));
    expect(readRun(file, root)).toBeNull();
    expect(readRuns(root)).toEqual({ runs: [], unreadable: [] });
    writeFileSync(file, text.replace('"to"', '"to'));
    expect(readRuns(root).unreadable).toEqual([
      { file, problem: expect.stringMatching(/^line 2 is not JSON/) },
    ]);
  });

  it('refuses to work on a folder another live process is organizing', () => {
    writeTree(root, { '.astrotrack/lock': `${process.ppid} ${hostname()}\n` });
    expect(() => applyPlan(planFor())).toThrow(/another astrotrack \(pid \d+\) is organizing/);
  });

  it('takes over the lock of a process that died', () => {
    writeTree(root, { '.astrotrack/lock': `999999999 ${hostname()}\n` });
    expect(applyPlan(planFor()).done).toBe(5);
    expect(existsSync(join(root, '.astrotrack/lock'))).toBe(false);
  });
});
