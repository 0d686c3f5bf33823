/**
 * What `scan` makes of headers astropy wrote, on every read path — one at a time, many at once (slow
 * disks), by header worker threads, through a cold and a warm header cache — which must all say the
 * same.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HEADER_FIXTURES } from '@astrotrack/test-utils/header-fixtures';
import { resolveRig } from '../config/resolve-rig.js';
import type { Frame } from '../frame.js';
import { nightOfLocalTime } from '../headers/night-of.js';
import { parsedFrameBuilder } from '../parsed-frame-builder.js';
import type { ParserPlugin } from '../plugin.js';
import type { ExposureReport } from '../report/report-types.js';
import { nameParser } from '../test-support/name-parser.js';
import { useTempDir } from '@astrotrack/test-utils/temp-dir';
import { cacheFolderFor } from './header-cache.js';
import type { HeaderReadMode } from './header-read-pace.js';
import { scanArchive } from './scan-archive.js';
import type { HeaderWorkerMode } from './worker-reads.js';
import type { Listing } from './walk-frames.js';

const tempDir = useTempDir();
const FIXTURES = HEADER_FIXTURES;

function place(root: string, fixture: string, as: string): void {
  mkdirSync(dirname(join(root, as)), { recursive: true });
  copyFileSync(join(FIXTURES, fixture), join(root, as));
}

interface Seen {
  frames: Omit<Frame, 'path'>[];
  report: ExposureReport;
}

const WAYS: {
  name: string;
  headerReads: HeaderReadMode;
  /** `own`: a cache of its own, outside the archive, so a worker fills it cold. */
  cache: boolean | 'own';
  listing?: Listing;
  headerWorkers?: HeaderWorkerMode;
}[] = [
  { name: 'one at a time', headerReads: 'sync', cache: false },
  { name: 'many at once', headerReads: 'parallel', cache: false },
  { name: 'cache, cold', headerReads: 'sync', cache: true },
  { name: 'cache, warm', headerReads: 'sync', cache: true },
  { name: 'cache, warm, many at once', headerReads: 'parallel', cache: true },
  // As on a FUSE share: every entry stat'ed by the walk, its stat then used for the cache.
  { name: 'untyped listing', headerReads: 'sync', cache: false, listing: 'untyped' },
  { name: 'untyped, warm, many at once', headerReads: 'parallel', cache: true, listing: 'untyped' },
  // Every folder read by a worker thread, as a large archive on a local disk is.
  { name: 'header workers', headerReads: 'sync', cache: false, headerWorkers: 'always' },
  { name: 'workers, cold cache', headerReads: 'sync', cache: 'own', headerWorkers: 'always' },
  { name: 'workers, warm cache', headerReads: 'sync', cache: true, headerWorkers: 'always' },
  {
    name: 'workers, untyped',
    headerReads: 'sync',
    cache: true,
    listing: 'untyped',
    headerWorkers: 'always',
  },
];

/** Scans the folder every way; checks they agree and returns what they saw. */
async function scanEveryWay(root: string, parsers: ParserPlugin[] = [nameParser]): Promise<Seen> {
  const seen: Seen[] = [];
  const ownCache = tempDir();
  for (const way of WAYS) {
    const frames: Frame[] = [];
    const { report } = await scanArchive({
      root,
      rig: resolveRig({}),
      parsers,
      headerReads: way.headerReads,
      listing: way.listing,
      headerWorkers: way.headerWorkers,
      cacheFolder: way.cache === 'own' ? ownCache : way.cache ? cacheFolderFor(root) : null,
      plugins: [{ name: 'collect', setup: ({ on }) => on('frame', (f) => void frames.push(f)) }],
    });
    frames.sort((a, b) => a.relativePath.localeCompare(b.relativePath));
    seen.push({ frames: frames.map(({ path: _path, ...frame }) => frame), report });
  }
  for (let i = 1; i < seen.length; i++) {
    expect({ way: WAYS[i]!.name, ...seen[i] }).toEqual({ way: WAYS[i]!.name, ...seen[0] });
  }
  return seen[0]!;
}

describe('scan on real headers, every read path', () => {
  it('believes a 94-card N.I.N.A. header over a name that says Ha 120 s, and says so', async () => {
    const root = tempDir();
    place(root, 'nina-long-light.fits', 'Ha_120s_0001.fits');
    place(root, 'nina-light.fits', 'Ha_300s_0002.fits');
    const { frames, report } = await scanEveryWay(root);
    expect(frames[0]).toMatchObject({
      filter: 'OIII',
      exposureSeconds: 600,
      rotatorAngle: 123.4,
      target: 'M 42',
      night: '2025-10-02',
    });
    expect(report.rows.map((row) => [row.filter, row.exposureSeconds, row.subs])).toEqual([
      ['Ha', 300, 1],
      ['OIII', 600, 1],
    ]);
    expect(report.warnings.find((w) => w.code === 'header-name-disagreement')?.examples).toEqual([
      'Ha_120s_0001.fits (filter: header OIII, name Ha; exposure: header 600, name 120)',
    ]);
  });

  it("reads MaxIm DL's quoted PA as the sky angle, for a rig whose flats follow the sky", async () => {
    const root = tempDir();
    place(root, 'maxim-74.fit', 'NGC2403-0001.fit');
    const frames: Frame[] = [];
    await scanArchive({
      root,
      rig: resolveRig({ angle: 'sky' }),
      parsers: [],
      plugins: [{ name: 'collect', setup: ({ on }) => on('frame', (f) => void frames.push(f)) }],
    });
    expect(frames).toMatchObject([
      { rotatorAngle: 270.69, sources: { rotatorAngle: { origin: 'header', detail: 'PA' } } },
    ]);
  });

  it('counts a 74-card MaxIm DL light whose name says nothing', async () => {
    const root = tempDir();
    place(root, 'maxim-74.fit', 'NGC2403-0001.fit');
    const { frames, report } = await scanEveryWay(root);
    expect(frames).toMatchObject([
      { parser: 'header', filter: 'R', exposureSeconds: 180, target: 'NGC 2403' },
    ]);
    expect(report.totalSubs).toBe(1);
  });

  it('reads sloppy cards, refuses absurd values per field with a warning, never NaN', async () => {
    const root = tempDir();
    place(root, 'sloppy-light.fit', 'Ha_300s_0001.fit');
    const { frames, report } = await scanEveryWay(root);
    expect(frames).toMatchObject([
      {
        filter: 'Ha',
        exposureSeconds: 300, // the header's 1e999 and 1e300 are refused: the name's is used
        rotatorAngle: null,
        binning: '2x2',
        gain: 120,
        captureTime: '2020-01-21T20:29:08.357Z',
        night: '2020-01-21',
      },
    ]);
    expect(report.totalSeconds).toBe(300);
    const problems = report.warnings.find((w) => w.code === 'header-problems');
    expect(problems?.count).toBe(1);
    const example = problems!.examples![0]!;
    expect(example).toContain('EXPTIME = "1e999": refused, not a number from 0 to 86400');
    expect(example).toContain('EXPOSURE = 1e+300: refused');
    expect(example).toContain('ROTATOR = 1e+300: refused');
    expect(example).toContain('DATE-OBS: the value "2020-01-21T20:29:08.357" is not quoted');
    expect(JSON.stringify(report)).not.toMatch(/NaN|Infinity|null,"totalSeconds"/);
  });

  it('reads the header of a file whose name is not valid UTF-8', async () => {
    const root = tempDir();
    const name = Buffer.concat([
      Buffer.from(`${root}/`),
      Buffer.from('Ha_300s_caf\xe9.fits', 'latin1'),
    ]);
    copyFileSync(join(FIXTURES, 'nina-long-light.fits'), name);
    const { frames, report } = await scanEveryWay(root);
    expect(frames).toMatchObject([
      { relativePath: 'Ha_300s_caf\ufffd.fits', filter: 'OIII', exposureSeconds: 600 },
    ]);
    expect(report.skipped).toEqual([]);
  });

  it('describes a multi-extension light by its image, with the primary inherited', async () => {
    const root = tempDir();
    place(root, 'mef-light.fits', 'a/mef.fits');
    place(root, 'mef-light.fits.fz', 'b/mef.fits.fz');
    const { frames, report } = await scanEveryWay(root);
    expect(frames).toMatchObject([
      { filter: 'R', exposureSeconds: 120, target: 'M 101', rotatorAngle: 15 },
    ]);
    // The .fz holds the same frame as the .fits: one frame, one copy.
    expect(report.duplicates).toEqual([
      { relativePath: 'b/mef.fits.fz', sameAs: 'a/mef.fits', how: 'copy' },
    ]);
  });

  it('counts a N.I.N.A. colour camera without a wheel as OSC, by its BAYERPAT', async () => {
    const root = tempDir();
    place(
      root,
      'nina-osc-light.fits',
      'M31/2025-10-20/LIGHT/2025-10-20_22-14-05__-10.00_180.00s_0001.fits',
    );
    const { frames, report } = await scanEveryWay(root);
    expect(frames).toMatchObject([
      {
        filter: 'OSC',
        sources: { filter: { origin: 'header', detail: "BAYERPAT = 'RGGB'" } },
        rotatorAngle: null,
        night: '2025-10-20',
      },
    ]);
    expect(report.warnings).toEqual([]);
  });

  it('takes the night of a UTC-only ASIAIR header from the local time in its name', async () => {
    // The local time as ASIAIR writes it in names, `_YYYYMMDD-HHMMSS_`, and nothing else.
    const localTimeInName: ParserPlugin = {
      name: 'test/local-time',
      parse(file) {
        const match = /_(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})_/.exec(file.name);
        if (!match) return null;
        const [token, y, mo, d, h, mi, s] = match;
        const local = `${y}-${mo}-${d}T${h}:${mi}:${s}`;
        const parsed = parsedFrameBuilder('filename');
        parsed.set('captureTime', local, token!);
        parsed.set('night', nightOfLocalTime(local), token!);
        return parsed;
      },
    };
    const named = tempDir();
    place(
      named,
      'asiair-utc-light.fit',
      'Light_NGC 5128_300.0s_Bin1_H_gain100_20250620-213000_-10.0C_0001.fit',
    );
    const withName = await scanEveryWay(named, [localTimeInName]);
    expect(withName.frames).toMatchObject([
      { night: '2025-06-20', sources: { night: { detail: '_20250620-213000_' } } },
    ]);
    expect(withName.report.warnings).toEqual([]);

    // A copy whose name says nothing: UTC is all there is (the day before), and the report says so.
    const renamed = tempDir();
    place(renamed, 'asiair-utc-light.fit', 'renamed.fit');
    const alone = await scanEveryWay(renamed, [localTimeInName]);
    expect(alone.frames).toMatchObject([
      { night: '2025-06-19', sources: { night: { detail: 'DATE-OBS + UTC' } } },
    ]);
    expect(alone.report.warnings).toMatchObject([
      { code: 'night-from-utc', count: 1, examples: ['renamed.fit'] },
    ]);
  });

  it("reads SGP's Canon ISO as the gain and its sexagesimal SITELONG for the night", async () => {
    const root = tempDir();
    place(root, 'sgp-dslr-light.fit', 'M31_Light_240sec_1x1_frame1.fit');
    const { frames } = await scanEveryWay(root);
    expect(frames).toMatchObject([
      {
        filter: 'OSC',
        gain: 1600,
        exposureSeconds: 240,
        // 12:30 UTC is 07:30 in New York: the night before.
        night: '2025-11-02',
        sources: { night: { detail: 'DATE-OBS + SITELONG' }, gain: { detail: 'ISO' } },
      },
    ]);
  });
});
