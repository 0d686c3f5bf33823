/**
 * When folders go to header workers, and what happens when a worker fails: the engine reads the
 * folder itself and says the same.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { useTempDir } from '@astrotrack/test-utils/temp-dir';
import { resolveRig } from '../config/resolve-rig.js';
import type { FrameFile } from '../plugin.js';
import { nameParser } from '../test-support/name-parser.js';
import { writeFrames } from '../test-support/write-frames.js';
import { HeaderReadPace } from './header-read-pace.js';
import { HeaderWorkers } from './header-workers.js';
import { frameReader } from './read-frame.js';
import type { FolderBatch } from './walk-frames.js';
import { WORKERS_AFTER_FILES, WorkerReads } from './worker-reads.js';

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
      const small = Math.floor((WORKERS_AFTER_FILES - 1) / batch.length);
      for (let i = 0; i < small; i++) expect(reads.read(batch, null)).toBeNull();
      // Past the threshold: a worker starts; until it is ready the engine goes on reading.
      const answered = await vi.waitFor(
        () => {
          const outcomes = reads.read(batch, null);
          if (!outcomes) throw new Error('no worker ready yet');
          return outcomes;
        },
        { timeout: 30_000, interval: 20 },
      );
      expect(await answered).toEqual(expected);
      expect(reads.folders).toBe(1);
    } finally {
      await reads.close();
    }
  });

  it('on a slow disk, leaves the reading to the many-at-once path', () => {
    const reads = new WorkerReads('auto', reader(), new HeaderReadPace('parallel'));
    const batch = folder(1);
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
      expect(await reads.read(batch, null)).toEqual(expected);
      expect(reads.folders).toBe(0);
    } finally {
      await reads.close();
    }
  });
});
