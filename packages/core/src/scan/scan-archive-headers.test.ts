import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveRig } from '../config/resolve-rig.js';
import type { Frame } from '../frame.js';
import type { ObserverPlugin } from '../plugin.js';
import { nameParser } from '../test-support/name-parser.js';
import { useTempDir } from '@astrotrack/test-utils/temp-dir';
import { writeFrames } from '../test-support/write-frames.js';
import { formatFitsHeader } from '@astrotrack/fits';
import { scanArchive } from './scan-archive.js';

const tempDir = useTempDir();

function collector(frames: Frame[]): ObserverPlugin {
  return { name: 'test/collect', setup: ({ on }) => on('frame', (f) => void frames.push(f)) };
}

describe('scanArchive with headers', () => {
  it('believes the header over the name and reports where they disagree', async () => {
    const root = tempDir();
    writeFrames(
      root,
      ['Ha_300s_1.fits'],
      [
        ['IMAGETYP', 'LIGHT'],
        ['FILTER', 'OIII'],
        ['EXPTIME', 300],
        ['ROTATOR', 12.5],
      ],
    );
    writeFrames(
      root,
      ['Ha_300s_2.fits'],
      [
        ['IMAGETYP', 'LIGHT'],
        ['FILTER', 'Ha'],
        ['EXPTIME', 300],
      ],
    );
    const frames: Frame[] = [];
    const { report } = await scanArchive({
      root,
      rig: resolveRig({}),
      parsers: [nameParser],
      plugins: [collector(frames)],
    });
    const first = frames.find((f) => f.relativePath === 'Ha_300s_1.fits')!;
    expect(first).toMatchObject({
      filter: 'OIII',
      rotatorAngle: 12.5,
      kind: 'light',
      parser: 'test/names',
    });
    expect(first.sources.filter).toEqual({ origin: 'header', detail: 'FILTER' });
    expect(report.rows.map((r) => [r.filter, r.subs])).toEqual([
      ['Ha', 1],
      ['OIII', 1],
    ]);
    expect(report.warnings).toContainEqual({
      code: 'header-name-disagreement',
      message:
        '1 frame(s) have a header that disagrees with the file name; the header was believed',
      count: 1,
      examples: ['Ha_300s_1.fits (filter: header OIII, name Ha)'],
    });
  });

  it('counts a frame whose name no rule reads when its header says enough', async () => {
    const root = tempDir();
    writeFrames(
      root,
      ['IMG_0042.fits'],
      [
        ['IMAGETYP', 'Light Frame'],
        ['FILTER', 'Lum'],
        ['EXPOSURE', 60],
      ],
    );
    const frames: Frame[] = [];
    await scanArchive({
      root,
      rig: resolveRig({}),
      parsers: [nameParser],
      plugins: [collector(frames)],
    });
    expect(frames).toMatchObject([
      { parser: 'header', filter: 'L', exposureSeconds: 60, kind: 'light' },
    ]);
  });

  it('skips a file with a broken header, naming the file and the problem, and goes on', async () => {
    const root = tempDir();
    writeFrames(root, ['L_60s_1.fits'], [['EXPTIME', 60]]);
    writeFileSync(join(root, 'L_60s_2.fits'), 'SIMPLE  =                    T');
    writeFileSync(join(root, 'L_60s_3.fits'), 'not fits at all');
    const { report } = await scanArchive({ root, rig: resolveRig({}), parsers: [nameParser] });
    expect(report.totalSubs).toBe(1);
    expect(report.skipped).toEqual([
      {
        code: 'unreadable-header',
        reason: 'the header could not be read',
        count: 2,
        examples: expect.arrayContaining([
          'L_60s_2.fits: the file ends inside the header (after 30 bytes): truncated?',
          'L_60s_3.fits: not a FITS file: it does not start with SIMPLE',
        ]),
      },
    ]);
  });

  it('reads a malformed card leniently, keeps the frame and names the card in a warning', async () => {
    const root = tempDir();
    writeFrames(root, ['L_60s_1.fits'], [['EXPTIME', 60]]);
    const bad = Buffer.from(
      formatFitsHeader([
        ['SIMPLE', true],
        ['NAXIS', 0],
        ['IMAGETYP', 'LIGHT'],
      ]),
    );
    bad.write("IMAGETYP= 'LIGHT".padEnd(80), 160, 'latin1');
    writeFileSync(join(root, 'L_60s_2.fits'), bad);
    const { report } = await scanArchive({ root, rig: resolveRig({}), parsers: [nameParser] });
    expect(report.totalSubs).toBe(2);
    expect(report.skipped).toEqual([]);
    expect(report.warnings.find((w) => w.code === 'header-problems')).toMatchObject({
      count: 1,
      examples: ['L_60s_2.fits (IMAGETYP: a string value has no closing quote)'],
    });
  });

  it('opens no file in names-only mode', async () => {
    const root = tempDir();
    writeFileSync(join(root, 'L_60s_1.fits'), 'not fits at all');
    const { report } = await scanArchive({
      root,
      rig: resolveRig({}),
      parsers: [nameParser],
      readHeaders: false,
    });
    expect(report.rows).toEqual([{ filter: 'L', exposureSeconds: 60, subs: 1, totalSeconds: 60 }]);
  });

  it('takes the sky angle when the rig says so', async () => {
    const root = tempDir();
    writeFrames(
      root,
      ['L_60s_1.fits'],
      [
        ['ROTATOR', 10],
        ['OBJCTROT', 200],
      ],
    );
    const frames: Frame[] = [];
    await scanArchive({
      root,
      rig: resolveRig({}),
      parsers: [nameParser],
      plugins: [collector(frames)],
      angle: 'sky',
    });
    expect(frames[0]!.rotatorAngle).toBe(200);
  });
});

describe('nights in the sample archive', () => {
  it("match N.I.N.A.'s date folders, from the headers alone", async () => {
    const { generateSampleArchive } = await import('@astrotrack/sample');
    const root = tempDir();
    generateSampleArchive(root, { withData: false });
    const frames: Frame[] = [];
    await scanArchive({ root, rig: resolveRig({}), parsers: [], plugins: [collector(frames)] });
    const nina = frames.filter((f) => /^M31\/\d{4}-\d{2}-\d{2}\//.test(f.relativePath));
    expect(nina).toHaveLength(288 + 15 + 10);
    for (const frame of nina) expect(frame.night).toBe(frame.relativePath.split('/')[1]);
  });
});
