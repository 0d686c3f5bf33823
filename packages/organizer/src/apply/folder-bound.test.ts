/**
 * An organize run acts only inside the folders it was given: its journal is bound to the folder it
 * lives in, links are refused rather than followed, and a file is never left with two names.
 */
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseLayout } from '../layout/layout-template.js';
import { buildPlan } from '../plan/build-plan.js';
import { checkDestinations } from '../plan/check-destinations.js';
import type { OrganizeMode, OrganizePlan } from '../plan/plan-types.js';
import { light } from '../test-support/frames.js';
import {
  fileChecksums,
  folderState,
  snapshot,
  tempFolder,
  writeTree,
} from '@astrotrack/test-utils/tree';
import { realFileSystem, type FileSystemCalls } from './file-operations.js';
import { lastRun, readRuns, unfinishedRun } from './journal.js';
import { applyPlan, finishRun, undoRun } from './run-operations.js';

const FILES = {
  'night1/a_L.fits': 'L',
  'night1/b_R.fits': 'R',
  'night2/c_L.fits': 'L',
  'e_R.fits': 'R',
};

let folder: ReturnType<typeof tempFolder>;
let parent: string;
let root: string;
beforeEach(() => {
  folder = tempFolder();
  parent = folder.path;
  root = join(parent, 'archive');
  writeTree(root, Object.keys(FILES));
});
afterEach(() => folder.remove());

function planFor(mode: OrganizeMode = 'move', at = root, output = at): OrganizePlan {
  const frames = Object.entries(FILES).map(([path, filter]) => light(path, { filter }));
  return checkDestinations(
    buildPlan(frames, { root: at, output, mode, layout: parseLayout('{filter}'), rig: null }),
  );
}

function copyArchive(from: string, to: string): void {
  execFileSync('cp', ['-a', from, to]);
}

describe('a journal is bound to the folder it is in', () => {
  it('undoes a copy of an organized archive in the copy, leaving the original untouched', () => {
    const before = snapshot(root);
    applyPlan(planFor());
    const copy = join(parent, 'copy');
    copyArchive(root, copy);
    const original = folderState(root);

    const run = lastRun(readRuns(copy).runs)!;
    expect(run).toMatchObject({ root: copy, output: copy, madeIn: root });
    expect(undoRun(run)).toMatchObject({ done: 4, failures: [] });

    expect(folderState(root)).toEqual(original);
    expect(snapshot(copy)).toEqual(before);
  });

  it('finishes a run killed half way in a copy, in the copy only', () => {
    const before = fileChecksums(root);
    const plan = planFor();
    // A run cut short by a full disk after two files.
    let links = 0;
    const full: FileSystemCalls = {
      ...realFileSystem,
      link: (a, b) => {
        if (++links > 2) throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' });
        realFileSystem.link(a, b);
      },
    };
    expect(applyPlan(plan, { fs: full })).toMatchObject({ done: 2, notStarted: 1 });
    const copy = join(parent, 'copy');
    copyArchive(root, copy);
    const original = folderState(root);

    const run = unfinishedRun(readRuns(copy).runs)!;
    expect(finishRun(run)).toMatchObject({ failures: [], stopped: null });

    expect(folderState(root)).toEqual(original);
    expect(Object.keys(fileChecksums(copy)).sort()).toEqual([
      'L/a_L.fits',
      'L/c_L.fits',
      'R/b_R.fits',
      'R/e_R.fits',
    ]);
    expect(Object.values(fileChecksums(copy)).sort()).toEqual(Object.values(before).sort());
  });

  it('undoes an archive that was moved since, where it is now, and makes nothing at the old path', () => {
    const before = snapshot(root);
    applyPlan(planFor());
    const moved = join(parent, 'moved');
    renameSync(root, moved);
    const run = lastRun(readRuns(moved).runs)!;
    expect(run.madeIn).toBe(root);
    expect(undoRun(run)).toMatchObject({ done: 4, failures: [] });
    expect(snapshot(moved)).toEqual(before);
    expect(existsSync(root)).toBe(false);
  });

  it('refuses a planted journal whose paths leave the folder', () => {
    const outside = join(parent, 'outside');
    writeTree(outside, ['precious.fits']);
    const journal = join(root, '.astrotrack', 'journal');
    mkdirSync(journal, { recursive: true });
    for (const [name, from] of [
      ['1.jsonl', '../outside/precious.fits'],
      ['2.jsonl', join(outside, 'precious.fits')],
    ] as const) {
      writeFileSync(
        join(journal, name),
        [
          JSON.stringify({
            astrotrackJournal: 2,
            id: name,
            startedAt: '2026-01-01T00:00:00.000Z',
            root,
            output: '.',
            mode: 'move',
            layout: '{filter}',
            operations: 1,
          }),
          JSON.stringify({ from, to: 'L/precious.fits' }),
          '{"state":"applied","at":"2026-01-01T00:00:01.000Z"}',
          '',
        ].join('\n'),
      );
      expect(() => readRuns(root)).toThrow(/names a file outside the folder it is in/);
      rmSync(join(journal, name));
    }
    expect(fileChecksums(outside)).toEqual({ 'precious.fits': expect.any(String) });
  });

  it('asks for --out when a copy was organized into a folder outside it', () => {
    const out = join(parent, 'out');
    applyPlan(planFor('copy', root, out));
    const copy = join(parent, 'copy');
    copyArchive(root, copy);
    const run = lastRun(readRuns(copy).runs)!;
    expect(run).toMatchObject({ madeIn: root, output: out });
  });
});

describe('links are refused, not followed', () => {
  it('never moves a frame into a destination folder that is a link to elsewhere', () => {
    const elsewhere = join(parent, 'elsewhere');
    mkdirSync(elsewhere);
    const plan = planFor();
    // Swapped in after the plan was made (while it waited for its confirmation).
    symlinkSync(elsewhere, join(root, 'L'));
    const outcome = applyPlan(plan);
    expect(outcome.failures.map((f) => [f.from, f.code])).toEqual([
      ['night1/a_L.fits', 'ELINK'],
      ['night2/c_L.fits', 'ELINK'],
    ]);
    expect(readdirSync(elsewhere)).toEqual([]);
    expect(readFileSync(join(root, 'night1/a_L.fits'), 'utf8')).toBe('frame night1/a_L.fits');
  });

  it('leaves frames reached through a link to an outside folder where they are', () => {
    const outside = join(parent, 'outside');
    writeTree(outside, ['x_L.fits']);
    symlinkSync(outside, join(root, 'linked'));
    const frames = [light('linked/x_L.fits', { filter: 'L' })];
    const plan = checkDestinations(
      buildPlan(frames, {
        root,
        output: root,
        mode: 'move',
        layout: parseLayout('{filter}'),
        rig: null,
      }),
    );
    const outcome = applyPlan(plan);
    expect(outcome.failures.map((f) => f.code)).toEqual(['ELINK']);
    expect(readdirSync(outside)).toEqual(['x_L.fits']);
    expect(existsSync(join(root, 'L', 'x_L.fits'))).toBe(false);
  });

  it('undo does not re-create a source folder through a link put in its place', () => {
    applyPlan(planFor());
    const elsewhere = join(parent, 'elsewhere');
    mkdirSync(elsewhere);
    symlinkSync(elsewhere, join(root, 'night1'));
    const outcome = undoRun(lastRun(readRuns(root).runs)!);
    expect(outcome.failures.map((f) => [f.from, f.code])).toEqual([
      ['night1/b_R.fits', 'ELINK'],
      ['night1/a_L.fits', 'ELINK'],
    ]);
    expect(readdirSync(elsewhere)).toEqual([]);
    expect(existsSync(join(root, 'L', 'a_L.fits'))).toBe(true);
  });
});

describe('no file is left with two names', () => {
  it('takes the new name away when the source cannot be removed, and a re-run moves it', () => {
    let unlinks = 0;
    const stuck: FileSystemCalls = {
      ...realFileSystem,
      unlink: (path) => {
        if (path.endsWith('a_L.fits') && path.includes('night1') && ++unlinks === 1)
          throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
        realFileSystem.unlink(path);
      },
    };
    const outcome = applyPlan(planFor(), { fs: stuck });
    expect(outcome.failures.map((f) => [f.from, f.code])).toEqual([['night1/a_L.fits', 'EACCES']]);
    expect(existsSync(join(root, 'L', 'a_L.fits'))).toBe(false);
    expect(existsSync(join(root, 'night1', 'a_L.fits'))).toBe(true);

    expect(applyPlan(planFor()).done).toBe(1);
    expect(Object.keys(fileChecksums(root)).sort()).toEqual([
      'L/a_L.fits',
      'L/c_L.fits',
      'R/b_R.fits',
      'R/e_R.fits',
    ]);
  });

  it('takes a verified copy away when a move across file systems cannot remove its source', () => {
    const before = fileChecksums(root);
    const crossing: FileSystemCalls = {
      ...realFileSystem,
      // Another file system: links and renames between the two fail, copies work.
      link: (existing, path) => {
        if (!existing.endsWith('.astrotrack-partial'))
          throw Object.assign(new Error('EXDEV'), { code: 'EXDEV' });
        realFileSystem.link(existing, path);
      },
      unlink: (path) => {
        if (path === join(root, 'night1', 'a_L.fits'))
          throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
        realFileSystem.unlink(path);
      },
    };
    const outcome = applyPlan(planFor(), { fs: crossing });
    expect(outcome.failures.map((f) => [f.from, f.code])).toEqual([['night1/a_L.fits', 'EACCES']]);
    expect(existsSync(join(root, 'L', 'a_L.fits'))).toBe(false);
    expect(Object.values(fileChecksums(root)).sort()).toEqual(Object.values(before).sort());
  });

  it.each(['finish', 'undo'] as const)(
    'clears a hidden partial copy left by a kill after its copy was named (%s)',
    (phase) => {
      const plan = planFor('copy');
      applyPlan(plan);
      // As if killed between naming the copy and removing its hidden name.
      writeFileSync(join(root, 'L', '.a_L.fits.astrotrack-partial'), 'frame night1/a_L.fits');
      const run = lastRun(readRuns(root).runs)!;
      if (phase === 'finish') finishRun(run);
      else undoRun(run);
      const left = readdirSync(root, { recursive: true }).filter((name) =>
        String(name).includes('astrotrack-partial'),
      );
      expect(left).toEqual([]);
    },
  );
});
