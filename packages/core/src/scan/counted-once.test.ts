/**
 * Each frame counted once and only integration counted: hard links, links to one frame, a copied
 * night, a reject folder and frames that are no subframes, in one archive.
 */
import { copyFileSync, cpSync, linkSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveRig } from '../config/resolve-rig.js';
import type { Frame } from '../frame.js';
import { useTempDir } from '@astrotrack/test-utils/temp-dir';
import { writeFrames } from '../test-support/write-frames.js';
import { cacheFolderFor } from './header-cache.js';
import { scanArchive } from './scan-archive.js';

const tempDir = useTempDir();

function light(n: number, filter: string, type = 'LIGHT') {
  return [
    ['IMAGETYP', type],
    ['FILTER', filter],
    ['EXPTIME', 300],
    ['INSTRUME', 'ZWO ASI2600MM Pro'],
    ['DATE-OBS', `2025-09-14T01:${String(n).padStart(2, '0')}:28.1234567`],
  ] as const;
}

/** night1: 4 Ha lights; a hard link and a copy of it; links; rejected; snapshots and a focus frame. */
function archive(): { root: string; outside: string } {
  const base = tempDir();
  const root = join(base, 'M31');
  for (let n = 0; n < 4; n++) writeFrames(root, [`night1/Ha_${n}.fits`], light(n, 'Ha'));
  writeFrames(root, ['night1/OIII_0.fits'], light(10, 'OIII'));
  // organize --mode hardlink leaves a second name for each frame.
  writeFrames(root, ['single/Ha_s.fits'], light(50, 'Ha'));
  mkdirSync(join(root, 'Ha'));
  linkSync(join(root, 'single/Ha_s.fits'), join(root, 'Ha/Ha_s.fits'));
  // A copied night, as a backup inside the archive.
  cpSync(join(root, 'night1'), join(root, 'backup/night1'), { recursive: true });
  // Two links to one frame outside the archive: one frame.
  const outside = join(base, 'elsewhere');
  writeFrames(outside, ['far.fits'], light(20, 'OIII'));
  symlinkSync(join(outside, 'far.fits'), join(root, 'far-1.fits'));
  symlinkSync(join(outside, 'far.fits'), join(root, 'far-2.fits'));
  // Rejected by a grader (two spellings) and by hand, any letter case.
  writeFrames(root, ['night1/rejected/Ha_9.fits'], light(30, 'Ha'));
  writeFrames(root, ['REJECT/Ha_8.fits'], light(32, 'Ha'));
  writeFrames(root, ['_bad_frames/OIII_7.fits'], light(31, 'OIII'));
  // Not integration: N.I.N.A. snapshots, a focus frame, a type nobody knows.
  writeFrames(root, ['night1/snap_1.fits'], light(40, 'Ha', 'SNAPSHOT'));
  writeFrames(root, ['night1/af_1.fits'], light(41, 'Ha', 'FOCUS'));
  writeFrames(root, ['night1/odd_1.fits'], light(42, 'Ha', 'TRICOLOR'));
  // A frame without a capture time is never taken for a copy: both count.
  writeFrames(
    root,
    ['plain/a.fits', 'plain/b.fits'],
    [
      ['IMAGETYP', 'LIGHT'],
      ['FILTER', 'L'],
      ['EXPTIME', 60],
    ],
  );
  return { root, outside };
}

describe('each frame counted once, only integration counted', () => {
  it.each([
    { name: 'without the cache', cache: false },
    { name: 'with the cache, twice', cache: true },
  ])('$name', async ({ cache }) => {
    const { root } = archive();
    const scan = async () => {
      const frames: Frame[] = [];
      let files = -1;
      const { report } = await scanArchive({
        root,
        rig: resolveRig({}),
        parsers: [],
        cacheFolder: cache ? cacheFolderFor(root) : null,
        plugins: [
          {
            name: 'c',
            setup: ({ on }) => {
              on('frame', (f) => void frames.push(f));
              on('scan:end', (end) => {
                files = end.files;
              });
            },
          },
        ],
      });
      return { report, frames, files };
    };
    const runs = cache ? [await scan(), await scan()] : [await scan()];
    for (const { report, frames, files } of runs) {
      // Every frame file found, the ones set apart included, as the report counts them.
      expect(files).toBe(report.frames.files);
      expect(report.rows.map((r) => [r.filter, r.subs])).toEqual([
        ['L', 2],
        ['Ha', 5],
        ['OIII', 2],
      ]);
      expect(frames).toHaveLength(9);
      expect(report.frames).toMatchObject({ rejected: 3, duplicates: 6, counted: 9 });
      expect(report.rejected.map((r) => [r.filter, r.subs, r.totalSeconds])).toEqual([
        ['Ha', 2, 600],
        ['OIII', 1, 300],
      ]);
      const how = Object.fromEntries(report.duplicates.map((d) => [d.relativePath, d.how]));
      expect(how['single/Ha_s.fits']).toBe('same file');
      expect(report.duplicates.find((d) => d.how === 'same file')?.sameAs).toBe('Ha/Ha_s.fits');
      expect(how['far-2.fits']).toBeUndefined(); // two links to one file: reached once
      expect(Object.values(how).filter((h) => h === 'copy')).toHaveLength(5);
      expect(report.skipped.find((s) => s.code === 'not-integration')).toMatchObject({
        count: 3,
        examples: expect.arrayContaining([
          "night1/snap_1.fits: its header says IMAGETYP 'SNAPSHOT' is not integration",
          "night1/af_1.fits: its header says IMAGETYP 'FOCUS' is not integration",
          "night1/odd_1.fits: its header says IMAGETYP 'TRICOLOR' is not a frame type astrotrack knows",
        ]),
      });
      const codes = report.warnings.map((w) => w.code);
      expect(codes).toEqual(expect.arrayContaining(['rejected-lights', 'duplicate-frames']));
    }
  });

  it('takes extra reject folder names from the config', async () => {
    const root = tempDir();
    writeFrames(root, ['n1/Ha_1.fits'], light(1, 'Ha'));
    writeFrames(root, ['n1/Blinked-Out/Ha_2.fits'], light(2, 'Ha'));
    const rig = resolveRig({ report: { rejectFolders: ['blinked-out'] } });
    const { report } = await scanArchive({ root, rig, parsers: [] });
    expect(report.totalSubs).toBe(1);
    expect(report.rejected).toEqual([
      { filter: 'Ha', exposureSeconds: 300, subs: 1, totalSeconds: 300 },
    ]);
  });

  it('counts a copy converted from FITS with another name once, by its header facts', async () => {
    const root = tempDir();
    writeFrames(root, ['a/frame_0001.fits'], light(1, 'Ha'));
    copyFileSync(join(root, 'a/frame_0001.fits'), join(root, 'a/frame_0001 (1).fits'));
    const { report } = await scanArchive({ root, rig: resolveRig({}), parsers: [] });
    expect(report.totalSubs).toBe(1);
    expect(report.duplicates).toEqual([
      { relativePath: 'a/frame_0001.fits', sameAs: 'a/frame_0001 (1).fits', how: 'copy' },
    ]);
  });
});
