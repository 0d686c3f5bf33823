import { describe, expect, it } from 'vitest';
import { resolveRig } from '../config/resolve-rig.js';
import { generateSampleArchive } from '@astrotrack/sample';
import { useTempDir } from '@astrotrack/test-utils/temp-dir';
import { HeaderReadPace } from './header-read-pace.js';
import { scanArchive } from './scan-archive.js';
import type { ParserPlugin } from '../plugin.js';

const tempDir = useTempDir();

describe('HeaderReadPace', () => {
  it('stays synchronous on a fast disk', () => {
    const pace = new HeaderReadPace();
    for (let i = 0; i < 100; i++) expect(pace.record(0.05)).toBe(false);
    expect(pace.mode).toBe('sync');
  });

  it('switches to parallel once, after its sample, when reads are slow', () => {
    const pace = new HeaderReadPace();
    const switched = Array.from({ length: 60 }, () => pace.record(5));
    expect(switched.indexOf(true)).toBe(8 + 31 - 1);
    expect(switched.filter(Boolean)).toHaveLength(1);
    expect(pace.mode).toBe('parallel');
  });

  it('is not switched by a slow start and a few stalls on a fast disk', () => {
    const pace = new HeaderReadPace();
    const reads = [250, 30, ...Array.from({ length: 60 }, (_, i) => (i % 10 === 3 ? 40 : 0.05))];
    for (const ms of reads) expect(pace.record(ms)).toBe(false);
    expect(pace.mode).toBe('sync');
  });

  it('switches on a network disk even when some reads are quick', () => {
    const pace = new HeaderReadPace();
    const reads = Array.from({ length: 60 }, (_, i) => (i % 3 === 0 ? 0.05 : 4));
    expect(reads.map((ms) => pace.record(ms)).filter(Boolean)).toHaveLength(1);
    expect(pace.mode).toBe('parallel');
  });

  it('keeps a mode it was given', () => {
    const pace = new HeaderReadPace('sync');
    for (let i = 0; i < 40; i++) pace.record(50);
    expect(pace.mode).toBe('sync');
  });
});

describe('reading headers one at a time or many at once', () => {
  it('gives the same report', async () => {
    const root = tempDir();
    generateSampleArchive(root, { withData: false });
    const never: ParserPlugin = { name: 'test/never', parse: () => null };
    const scan = (headerReads: 'sync' | 'parallel') =>
      scanArchive({ root, rig: resolveRig({}), parsers: [never], headerReads }).then(
        (r) => r.report,
      );
    const [one, many] = await Promise.all([scan('sync'), scan('parallel')]);
    expect(many).toEqual(one);
    // Headers alone, no name rules: every frame is still counted from its header.
    expect(one.frames).toMatchObject({ files: 529, skipped: 0 });
    expect(one.totalSubs).toBeGreaterThan(400);
  });
});
