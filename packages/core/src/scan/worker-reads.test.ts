/**
 * When folders go to header workers, and what happens when a worker fails: the engine reads the
 * folder itself and says the same.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '@astrotrack/test-utils/temp-dir';
import { resolveRig } from '../config/resolve-rig.js';
import type { FrameFile } from '../plugin.js';
import { nameParser } from '../test-support/name-parser.js';
import { writeFrames } from '../test-support/write-frames.js';
import { HeaderReadPace } from './header-read-pace.js';
import { HeaderWorkers } from './header-workers.js';
import { frameReader } from './read-frame.js';
import type { FolderBatch } from './walk-frames.js';
import {
  FILES_PER_JOB,
  WORKERS_AFTER_FILES,
  WORKERS_FOR_FILES_AHEAD,
  WorkerReads,
} from './worker-reads.js';

const tempDir = useTempDir();
const rig = resolveRig({});
const reader = () =>
  frameReader({ parsers: [nameParser], context: { filters: rig.filters }, readHeaders: true });

/** A folder of real frames, as the walker hands it over. */
function folder(count: number): FolderBatch {
  const root = tempDir();
  const names = Array.from(
    { length: count },
    (_, i) => `Ha_300s_${String(i).padStart(4, '0')}.fits`,
  );
  writeFrames(root, names, [
    ['IMAGETYP', 'LIGHT'],
    ['EXPTIME', 300],
    ['FILTER', 'OIII'],
  ]);
  return names.map(
    (name): FrameFile => ({ path: join(root, name), relativePath: name, name, folders: ['x'] }),
  );
}

describe('worker reads', () => {
  it('start only once a fast disk has shown a large archive, then answer as the engine would', async () => {
    const batch = folder(40);
    const expected = batch.map((file) => reader().readSync(file));
    const undecided = new WorkerReads('auto', reader(), new HeaderReadPace());
    expect(undecided.read(batch, null)).toBeNull();
    // One worker even on a single core, so the test means the same on any machine.
    const reads = new WorkerReads('auto', reader(), new HeaderReadPace('sync'), (count) =>
      HeaderWorkers.start(Math.max(1, count)),
    );
    try {
      // A large archive seen, but the walk knows of nothing more to come: no worker.
      const small = Math.ceil(WORKERS_AFTER_FILES / batch.length) + 1;
      for (let i = 0; i < small; i++) expect(reads.read(batch, null)).toBeNull();
      // Then folders enough ahead of it: a worker starts, and answers from then on (the engine
      // waits for it to be ready).
      batch.foldersAhead = Math.ceil(WORKERS_FOR_FILES_AHEAD / batch.length);
      const answered = reads.read(batch, null);
      expect(answered).not.toBeNull();
      const outcomeAt = (await answered)!;
      expect(batch.map((_, index) => outcomeAt(index))).toEqual(expected);
      expect(reads.folders).toBe(1);
      // Once started, used for every folder: nothing ahead any more, still the worker's.
      batch.foldersAhead = 0;
      const next = (await reads.read(batch, null))!;
      expect(batch.map((_, index) => next(index))).toEqual(expected);
      expect(reads.folders).toBe(2);
    } finally {
      await reads.close();
    }
  });

  it('on a slow disk, leaves the reading to the many-at-once path', () => {
    const reads = new WorkerReads('auto', reader(), new HeaderReadPace('parallel'));
    const batch = folder(1);
    batch.foldersAhead = WORKERS_FOR_FILES_AHEAD;
    for (let seen = 0; seen <= WORKERS_AFTER_FILES; seen++)
      expect(reads.read(batch, null)).toBeNull();
  });

  it('reads the folder itself when its worker dies, and says the same', async () => {
    const script = join(tempDir(), 'dying-worker.mjs');
    writeFileSync(
      script,
      "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => process.exit(3));\nparentPort.postMessage('ready');\n",
    );
    const batch = folder(5);
    const expected = batch.map((file) => reader().readSync(file));
    const reads = new WorkerReads('always', reader(), new HeaderReadPace('sync'), (count) =>
      HeaderWorkers.start(count, pathToFileURL(script)),
    );
    try {
      const outcomeAt = (await reads.read(batch, null))!;
      expect(batch.map((_, index) => outcomeAt(index))).toEqual(expected);
      expect(reads.folders).toBe(0);
    } finally {
      await reads.close();
    }
  });

  it('sends a folder larger than a job in parts, and says the same of every file', async () => {
    const batch = folder(FILES_PER_JOB + 3);
    const expected = batch.map((file) => reader().readSync(file));
    const reads = new WorkerReads('always', reader(), new HeaderReadPace('sync'), (count) =>
      HeaderWorkers.start(Math.max(1, count)),
    );
    try {
      const outcomeAt = (await reads.read(batch, null))!;
      // Gone now: only the worker's answers can say what the files were.
      for (const file of batch) rmSync(file.path);
      expect(batch.map((_, index) => outcomeAt(index))).toEqual(expected);
      expect(reads.folders).toBe(1);
    } finally {
      await reads.close();
    }
  });
});
