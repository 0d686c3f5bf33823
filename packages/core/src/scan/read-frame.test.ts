/**
 * The frame reader is written once and run three ways: synchronously, asynchronously, and with a
 * header worker's answers (on this thread, and from a real worker thread); each with and without
 * the folder's header cache (cold, then warm), they must give the same outcome for every kind of
 * file a scan meets.
 */
import { copyFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headerBytes } from '@astrotrack/test-utils/fits-header-arbitrary';
import { HEADER_FIXTURES } from '@astrotrack/test-utils/header-fixtures';
import { useTempDir } from '@astrotrack/test-utils/temp-dir';
import { resolveRig } from '../config/resolve-rig.js';
import type { FrameFile } from '../plugin.js';
import { nameParser } from '../test-support/name-parser.js';
import { HeaderCache } from './header-cache.js';
import { answerHeaderJob, headerAnswer } from './header-job.js';
import { HeaderWorkers } from './header-workers.js';
import { frameReader, type FrameOutcome, type ReadFrameOptions } from './read-frame.js';
import { answeredOutcomes, folderJob } from './worker-reads.js';

const tempDir = useTempDir();
const rig = resolveRig({});

function options(readHeaders: boolean): ReadFrameOptions {
  return { parsers: [nameParser], context: { filters: rig.filters }, readHeaders };
}

/** Every fixture header, and the files a scan must skip, each for its own reason. */
function archive(): { root: string; files: FrameFile[] } {
  const root = tempDir();
  const names: string[] = [];
  for (const fixture of readdirSync(HEADER_FIXTURES).filter((n) => /\.(fits?|fz|xisf)$/.test(n))) {
    copyFileSync(join(HEADER_FIXTURES, fixture), join(root, `Ha_300s_${fixture}`));
    names.push(`Ha_300s_${fixture}`);
  }
  // Values JSON cannot carry (the cache's and the workers' form), and a card left undefined.
  writeFileSync(
    join(root, 'L_120s_overflow.fits'),
    headerBytes(OVERFLOW_CARDS.map((card) => card.padEnd(80)).join('')),
  );
  names.push('L_120s_overflow.fits');
  writeFileSync(join(root, 'L_120s_garbage.fits'), 'not a FITS header at all');
  writeFileSync(join(root, 'L_120s_empty.fits'), '');
  names.push('L_120s_garbage.fits', 'L_120s_empty.fits', 'L_120s_gone.fits');
  names.push('masterLight_Ha_300s.fits', 'r_Ha_300s_1.fits');
  const master = readdirSync(HEADER_FIXTURES).find((n) => n === 'nina-light.fits')!;
  copyFileSync(join(HEADER_FIXTURES, master), join(root, 'masterLight_Ha_300s.fits'));
  copyFileSync(join(HEADER_FIXTURES, master), join(root, 'r_Ha_300s_1.fits'));
  const files = names.map((name) => ({
    path: join(root, name),
    relativePath: name,
    name,
    folders: ['archive'],
  }));
  return { root, files };
}

const OVERFLOW_CARDS = [
  'SIMPLE  =                    T',
  'BITPIX  =                   16',
  'NAXIS   =                    0',
  "IMAGETYP= 'LIGHT   '",
  'EXPTIME =                1E999 / [s] past a double',
  'CCD-TEMP=                 -0.0 / printf of -0.04',
  'FILTER  = Ha (narrow)',
  "DATE-OBS= '2025-01-02T03:04:05'",
];

const strip = (outcome: FrameOutcome) =>
  'frame' in outcome ? { ...outcome, frame: { ...outcome.frame, path: '' } } : outcome;

describe('the frame reader', () => {
  it('says the same of every file: sync, async, with a cold and a warm cache', async () => {
    const { root, files } = archive();
    const reader = frameReader(options(true));
    const cache = new HeaderCache(join(root, '.cache'));
    const ways: Record<string, FrameOutcome[]> = { sync: [], async: [] };
    for (const file of files) ways.sync!.push(reader.readSync(file));
    for (const file of files) ways.async!.push(await reader.read(file));
    for (const [way, read] of [
      [
        'sync, cold cache',
        (f: FrameFile, c: ReturnType<HeaderCache['open']>) => reader.readSync(f, c),
      ],
      [
        'async, warm cache',
        (f: FrameFile, c: ReturnType<HeaderCache['open']>) => reader.read(f, c),
      ],
      [
        'sync, warm cache',
        (f: FrameFile, c: ReturnType<HeaderCache['open']>) => reader.readSync(f, c),
      ],
    ] as const) {
      const folder = cache.open('');
      ways[way] = [];
      for (const file of files) ways[way]!.push(await read(file, folder));
      folder.close();
    }
    // Answered by a worker: the job answered here, and by a real thread; then warm from its cache.
    const workers = HeaderWorkers.start(1);
    expect(workers, 'the built worker script (dist/scan/header-worker.js)').not.toBeNull();
    try {
      expect(await workers!.whenReady()).toBe(true);
      const workerCache = new HeaderCache(join(root, '.worker-cache'));
      const byWorker = async (way: string, cache: HeaderCache | null, thread: boolean) => {
        const folder = cache?.open('') ?? null;
        const job = folderJob(files, folder);
        const answers = thread ? await workers!.send(job) : answerHeaderJob({ ...job, id: 0 });
        const outcomeAt = answeredOutcomes(reader, files, folder, answers);
        ways[way] = files.map((_, index) => outcomeAt(index));
        folder?.close();
        return files.filter((_, index) => headerAnswer(answers, index) !== null).length;
      };
      await byWorker('worker, no cache', null, false);
      await byWorker('worker thread, no cache', null, true);
      const readCold = await byWorker('worker thread, cold cache', workerCache, true);
      expect(readCold).toBeGreaterThan(files.length - 5);
      // Warm: the worker stats every file and opens none.
      expect(await byWorker('worker, warm cache', workerCache, false)).toBe(0);
      expect(await byWorker('worker thread, warm cache', workerCache, true)).toBe(0);
    } finally {
      await workers!.close();
    }
    // What each way must agree on: the overflow and the undefined card are said, -0 is 0.
    const overflow = ways.sync![files.findIndex((file) => file.name === 'L_120s_overflow.fits')]!;
    expect(overflow).toMatchObject({
      frame: { filter: 'L', exposureSeconds: 120, sensorTemperature: 0 },
      problems: [
        expect.stringMatching(/^EXPTIME: "1E999" is too large a number to read; left undefined$/),
        expect.stringMatching(/^FILTER: .*left undefined$/),
      ],
    });
    const [first, ...others] = Object.entries(ways);
    for (const [way, outcomes] of others) {
      expect({ way, outcomes: outcomes.map(strip) }).toEqual({
        way,
        outcomes: first![1].map(strip),
      });
    }
    // The warm reads opened no header the cold one had read.
    expect(cache.hits).toBeGreaterThanOrEqual(2 * (files.length - 5));

    const said = Object.fromEntries(
      files.map((file, i) => {
        const outcome = ways.sync![i]!;
        return [file.name, 'frame' in outcome ? outcome.frame.parser : outcome.skip.code];
      }),
    );
    expect(said).toMatchObject({
      'Ha_300s_nina-light.fits': 'test/names',
      'Ha_300s_nina-light.xisf': 'test/names',
      'Ha_300s_compressed.fits.fz': 'test/names',
      'L_120s_garbage.fits': 'unreadable-header',
      'L_120s_empty.fits': 'unreadable-header',
      'L_120s_gone.fits': 'unreadable-file',
      'masterLight_Ha_300s.fits': 'derived',
      'r_Ha_300s_1.fits': 'derived',
    });
  });

  it('names only, opens no file: a file that is not there reads as its name says', async () => {
    const reader = frameReader(options(false));
    const file = {
      path: '/nowhere/L_120s_1.fits',
      relativePath: 'L_120s_1.fits',
      name: 'L_120s_1.fits',
      folders: ['x'],
    };
    const sync = reader.readSync(file);
    expect(sync).toMatchObject({ frame: { filter: 'L', exposureSeconds: 120 }, copyKey: null });
    expect(await reader.read(file)).toEqual(sync);
    // The synchronous names-only path skips the program; the asynchronous one runs it.
    for (const name of ['masterDark_300s.fits', 'masterLight_Ha_300s.fits', 'r_Ha_300s_1.fits']) {
      const derived = { ...file, path: `/nowhere/${name}`, relativePath: name, name };
      expect({ name, outcome: reader.readSync(derived) }).toEqual({
        name,
        outcome: await reader.read(derived),
      });
    }
  });
});
