import { mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '@astrotrack/test-utils/temp-dir';
import { type FolderBatch, type Listing, walkFrames, type WalkWarning } from './walk-frames.js';
import { isFrameFileName, stripFrameExtension } from './frame-extensions.js';

const tempDir = useTempDir();

async function collectWith(root: string, warnings: WalkWarning[] = [], listing: Listing = 'typed') {
  const files = [];
  for await (const batch of walkFrames(root, { onWarning: (w) => warnings.push(w), listing }))
    files.push(...batch);
  return files.sort((a, b) => (a.relativePath < b.relativePath ? -1 : 1));
}

function touch(root: string, ...paths: string[]) {
  for (const path of paths) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), 'x');
  }
}

describe('isFrameFileName / stripFrameExtension', () => {
  it.each([
    ['a.fits', true],
    ['a.FIT', true],
    ['a.Fts', true],
    ['a.fits.fz', true],
    ['a.fz', true],
    ['a.XISF', true],
    ['a.fits.gz', false],
    ['a_thn.jpg', false],
    ['._a.fits', false],
    ['fits', false],
    ['a.fitsx', false],
  ])('%s → %s', (name, expected) => {
    expect(isFrameFileName(name)).toBe(expected);
  });

  it.each([
    ['x_120s_1.fits', 'x_120s_1'],
    ['x.fits.fz', 'x'],
    ['x.fit.FZ', 'x'],
    ['x.fz', 'x'],
    ['M 42.xisf', 'M 42'],
    ['v1.2_L.fit', 'v1.2_L'],
  ])('stem of %s is %s', (name, stem) => {
    expect(stripFrameExtension(name)).toBe(stem);
  });
});

// Every behaviour holds for both listings: typed (the kernel gives each entry's type) and untyped
// (names, then a stat of each entry, as on FUSE mounts).
describe.each(['typed', 'untyped'] as const)('walkFrames, %s listing', (listing) => {
  const collect = (root: string, warnings: WalkWarning[] = []) =>
    collectWith(root, warnings, listing);

  it('finds frames of every extension in any case, in every subfolder, and nothing else', async () => {
    const root = tempDir();
    touch(
      root,
      'a.fits',
      'L/b.FIT',
      'L/deep/er/c.fts',
      'd.fits.fz',
      'e.xisf',
      'notes.txt',
      'L/._b.FIT',
      'f_thn.jpg',
    );
    const files = await collect(root);
    expect(files.map((f) => f.relativePath)).toEqual([
      'L/b.FIT',
      'L/deep/er/c.fts',
      'a.fits',
      'd.fits.fz',
      'e.xisf',
    ]);
    const deep = files.find((f) => f.name === 'c.fts')!;
    expect(deep.path).toBe(join(root, 'L', 'deep', 'er', 'c.fts'));
    expect(deep.folders.slice(1)).toEqual(['L', 'deep', 'er']);
  });

  it('names the scanned folder itself as the first folder', async () => {
    const root = join(tempDir(), 'M31');
    touch(root, 'x.fits');
    const [file] = await collect(root);
    expect(file!.folders).toEqual(['M31']);
  });

  it('reads names that are not valid UTF-8, in folders named so too', async () => {
    const root = tempDir();
    const latin1 = Buffer.from('caf\xe9_L_120s_0001.fits', 'latin1');
    const folder = Buffer.concat([
      Buffer.from(`${root}/`),
      Buffer.from('Nuit d\xe9t\xe9', 'latin1'),
    ]);
    mkdirSync(folder);
    writeFileSync(Buffer.concat([Buffer.from(`${root}/`), latin1]), 'x');
    writeFileSync(Buffer.concat([folder, Buffer.from('/'), latin1]), 'x');
    const files = await collect(root);
    expect(files.map((f) => f.relativePath)).toEqual([
      'Nuit d\ufffdt\ufffd/caf\ufffd_L_120s_0001.fits',
      'caf\ufffd_L_120s_0001.fits',
    ]);
    for (const file of files) expect(readFileSync(file.bytes!, 'utf8')).toBe('x');
  });

  it('follows links without looping or counting twice', async () => {
    const root = tempDir();
    const outside = tempDir();
    touch(root, 'night1/a.fits');
    touch(outside, 'b.fits');
    symlinkSync(root, join(root, 'night1', 'loop-to-root'));
    symlinkSync(join(root, 'night1'), join(root, 'again'));
    symlinkSync(outside, join(root, 'outside'));
    symlinkSync(outside, join(root, 'night1', 'outside-again'));
    symlinkSync(join(root, 'night1', 'a.fits'), join(root, 'link.fits'));
    symlinkSync(join(outside, 'b.fits'), join(root, 'linked-from-outside.fits'));
    touch(outside, 'c.fits');
    symlinkSync(join(outside, 'c.fits'), join(root, 'c-once.fits'));
    symlinkSync(join(outside, 'c.fits'), join(root, 'night1', 'c-twice.fits'));
    symlinkSync(join(root, 'missing'), join(root, 'broken'));
    const warnings: WalkWarning[] = [];
    const files = await collect(root, warnings);
    const found = files.map((f) => f.relativePath);
    // Two links to c.fits: it is reached once, by whichever the walk meets first.
    expect(found.filter((path) => /c-(once|twice)\.fits$/.test(path))).toHaveLength(1);
    expect(found.filter((path) => !/c-(once|twice)\.fits$/.test(path))).toEqual([
      'linked-from-outside.fits',
      'night1/a.fits',
      'outside/b.fits',
      'outside/c.fits',
    ]);
    expect(warnings.map((w) => w.code)).toEqual(['ENOENT']);
  });
});

describe('walkFrames: an untyped listing against a typed one', () => {
  async function batches(root: string, listing: Listing): Promise<FolderBatch[]> {
    const all: FolderBatch[] = [];
    for await (const batch of walkFrames(root, { listing })) all.push(batch);
    return all;
  }

  it('hands out the same folders and files in the same order, each file with its own stat', async () => {
    const root = tempDir();
    for (let night = 0; night < 12; night++) {
      for (let i = 0; i < 30; i++) touch(root, `M${night % 3}/night-${night}/LIGHT/f_${i}.fits`);
      touch(root, `M${night % 3}/night-${night}/LIGHT/ImageMetaData.csv`);
      mkdirSync(join(root, `M${night % 3}/night-${night}/empty.fits`));
    }
    symlinkSync(join(root, 'M0'), join(root, 'again'));
    const typed = await batches(root, 'typed');
    const untyped = await batches(root, 'untyped');
    const shape = (list: FolderBatch[]) =>
      list.map((batch) => ({ files: batch.map((f) => f.relativePath), sidecar: batch.sidecar }));
    expect(shape(untyped)).toEqual(shape(typed));
    expect(typed.flat()).toHaveLength(360);
    expect(typed.some((batch) => batch.states)).toBe(false);
    for (const batch of untyped) {
      batch.forEach((file, i) => {
        const known = statSync(file.path);
        expect(batch.states![i]).toMatchObject({
          size: known.size,
          mtimeMs: known.mtimeMs,
          ctimeMs: known.ctimeMs,
        });
      });
    }
  });
});
