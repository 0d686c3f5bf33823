import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  truncateSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveRig } from '../config/resolve-rig.js';
import { createFilterSet } from '../filters/filter-set.js';
import { formatFitsHeader } from '@astrotrack/fits';
import { fieldsFromHeader, type HeaderLookup } from '../headers/header-fields.js';
import type { Logger } from '../logging/create-logger.js';
import { useTempDir } from '@astrotrack/test-utils/temp-dir';
import {
  CACHE_VERSION,
  CACHED_KEYWORDS,
  CACHED_PROPERTIES,
  cacheFolderFor,
  HeaderCache,
} from './header-cache.js';
import { scanArchive } from './scan-archive.js';

const tempDir = useTempDir();

function frame(path: string, filter: string): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(
    path,
    formatFitsHeader([
      ['SIMPLE', true],
      ['BITPIX', 16],
      ['NAXIS', 0],
      ['IMAGETYP', 'LIGHT'],
      ['FILTER', filter],
      ['EXPTIME', 300],
    ]),
  );
}

function logger(lines: string[]): Logger {
  const log = (level: string) => (message: unknown) =>
    void lines.push(`${level}: ${String(message)}`);
  const self: Logger = {
    level: 'debug',
    trace: () => {},
    debug: log('debug'),
    info: () => {},
    warn: log('warn'),
    error: log('error'),
    fatal: log('fatal'),
    isLevelEnabled: () => true,
    child: () => self,
  };
  return self;
}

/** Scans with the cache; returns the filter per light and what the scan logged. */
async function scan(
  root: string,
  cacheFolder: string | null = cacheFolderFor(root),
  cacheReadOnly = false,
) {
  const lines: string[] = [];
  const filters: Record<string, string | null> = {};
  const skipped: string[] = [];
  await scanArchive({
    root,
    rig: resolveRig({}),
    parsers: [],
    cacheFolder,
    cacheReadOnly,
    logger: logger(lines),
    plugins: [
      {
        name: 'test/collect',
        setup: ({ on }) => {
          on('frame', (f) => {
            filters[f.relativePath] = f.filter;
          });
          on('frame:skipped', (s) => void skipped.push(`${s.relativePath}: ${s.code}`));
        },
      },
    ],
  });
  const counts = lines.find((line) => line.startsWith('debug: header cache:'));
  return { filters, skipped, lines, counts };
}

/** Rewrites a file's header but puts its size and modification time back: only its ctime tells. */
function rewriteKeepingStat(path: string, filter: string): void {
  const before = statSync(path);
  frame(path, filter);
  utimesSync(path, before.atime, before.mtime);
}

describe('the header cache', () => {
  it('reads no header of an unchanged archive the second time', async () => {
    const root = tempDir();
    frame(join(root, 'night1', 'a.fits'), 'L');
    frame(join(root, 'night1', 'b.fits'), 'R');
    frame(join(root, 'c.fits'), 'G');
    expect((await scan(root)).counts).toBe('debug: header cache: 0 headers from the cache, 3 read');
    const warm = await scan(root);
    expect(warm.counts).toBe('debug: header cache: 3 headers from the cache, 0 read');
    expect(warm.filters).toEqual({ 'c.fits': 'G', 'night1/a.fits': 'L', 'night1/b.fits': 'R' });
    // Edited in place with its mtime put back (as some header editors do): the ctime tells.
    rewriteKeepingStat(join(root, 'night1', 'a.fits'), 'Ha');
    const edited = await scan(root);
    expect(edited.counts).toBe('debug: header cache: 2 headers from the cache, 1 read');
    expect(edited.filters).toEqual({ 'c.fits': 'G', 'night1/a.fits': 'Ha', 'night1/b.fits': 'R' });
  });

  it('reads again a file touched, truncated or renamed, and forgets deleted files and folders', async () => {
    const root = tempDir();
    frame(join(root, 'n1', 'a.fits'), 'L');
    frame(join(root, 'n1', 'b.fits'), 'R');
    frame(join(root, 'n2', 'c.fits'), 'G');
    frame(join(root, 'n2', 'd.fits'), 'B');
    await scan(root);
    rewriteKeepingStat(join(root, 'n1', 'a.fits'), 'Ha');
    const later = new Date(Date.now() + 5000);
    utimesSync(join(root, 'n1', 'a.fits'), later, later); // touched
    truncateSync(join(root, 'n1', 'b.fits'), 100); // truncated
    renameSync(join(root, 'n2', 'c.fits'), join(root, 'n2', 'c2.fits'));
    rmSync(join(root, 'n2', 'd.fits'));
    const after = await scan(root);
    expect(after.filters).toEqual({ 'n1/a.fits': 'Ha', 'n2/c2.fits': 'G' });
    expect(after.skipped).toEqual(['n1/b.fits: unreadable-header']);
    expect(after.counts).toBe('debug: header cache: 0 headers from the cache, 3 read');
    const cacheFolder = cacheFolderFor(root);
    const entries = readdirSync(cacheFolder).flatMap((file) =>
      Object.keys(JSON.parse(readFileSync(join(cacheFolder, file), 'utf8')).entries),
    );
    expect(entries.sort()).toEqual(['a.fits', 'b.fits', 'c2.fits']);
    // The truncated file's problem is remembered until it changes again.
    expect((await scan(root)).counts).toBe('debug: header cache: 3 headers from the cache, 0 read');
    rmSync(join(root, 'n2'), { recursive: true });
    await scan(root);
    expect(readdirSync(cacheFolder)).toHaveLength(1);
  });

  it('read-only, uses what is stored and writes, rewrites and prunes nothing', async () => {
    const root = tempDir();
    const cacheFolder = cacheFolderFor(root);
    frame(join(root, 'n1', 'a.fits'), 'L');
    await scan(root, cacheFolder, true);
    expect(existsSync(cacheFolder)).toBe(false);

    frame(join(root, 'n2', 'b.fits'), 'R');
    await scan(root);
    const stored = () =>
      readdirSync(cacheFolder).map((file) => [file, readFileSync(join(cacheFolder, file), 'utf8')]);
    const before = stored();
    rewriteKeepingStat(join(root, 'n1', 'a.fits'), 'Ha');
    frame(join(root, 'n1', 'new.fits'), 'G');
    rmSync(join(root, 'n2'), { recursive: true });
    const readOnly = await scan(root, cacheFolder, true);
    expect(readOnly.counts).toBe('debug: header cache: 0 headers from the cache, 2 read');
    expect(readOnly.filters).toEqual({ 'n1/a.fits': 'Ha', 'n1/new.fits': 'G' });
    expect(stored()).toEqual(before);
  });

  it('copies entries after files are moved, so the next scan opens none of them', async () => {
    const root = tempDir();
    frame(join(root, 'a.fits'), 'L');
    frame(join(root, 'n1', 'b.fits'), 'R');
    await scan(root);
    frame(join(root, 'n1', 'new.fits'), 'G'); // not in the cache: read by the next scan
    const moves = [
      { from: 'a.fits', to: 'L/a.fits' },
      { from: 'n1/b.fits', to: 'R/n1_b.fits' },
      { from: 'n1/gone.fits', to: 'G/gone.fits' },
    ];
    for (const { from, to } of moves.slice(0, 2)) {
      mkdirSync(join(root, to, '..'), { recursive: true });
      renameSync(join(root, from), join(root, to));
    }
    expect(new HeaderCache(cacheFolderFor(root)).copyEntries(moves, root)).toBe(2);
    const after = await scan(root);
    expect(after.counts).toBe('debug: header cache: 2 headers from the cache, 1 read');
    expect(after.filters).toEqual({ 'L/a.fits': 'L', 'R/n1_b.fits': 'R', 'n1/new.fits': 'G' });
  });

  it('discards a damaged cache file with a warning, and never trusts it', async () => {
    const root = tempDir();
    frame(join(root, 'a.fits'), 'L');
    await scan(root);
    const cacheFolder = cacheFolderFor(root);
    const [file] = readdirSync(cacheFolder);
    rewriteKeepingStat(join(root, 'a.fits'), 'Ha');
    for (const damage of [
      '{"v":2,"folder":"", "entr',
      '{"v":2,"folder":"elsewhere","entries":{}}',
      '[]',
    ]) {
      writeFileSync(join(cacheFolder, file!), damage);
      const result = await scan(root);
      expect(result.filters).toEqual({ 'a.fits': 'Ha' });
      expect(result.lines.filter((l) => l.startsWith('warn:'))).toEqual([
        expect.stringMatching(
          /^warn: the header cache .* was damaged \(.+\); its headers are read again$/,
        ),
      ]);
      // Written again, right: the next cache read gives the header as it is now.
      const folder = new HeaderCache(cacheFolder).open('');
      const cached = folder.get('a.fits', statSync(join(root, 'a.fits')));
      expect(cached && 'header' in cached && cached.header.get('FILTER')).toBe('Ha');
    }
    // A damaged entry (not the whole file) is a miss, read again.
    const { mtimeMs, ctimeMs, size } = statSync(join(root, 'a.fits'));
    const stamp = [size, Math.round(mtimeMs), Math.round(ctimeMs) - Math.round(mtimeMs)];
    const filterAt = CACHED_KEYWORDS.indexOf('FILTER');
    const withEntry = (entry: unknown[]) =>
      writeFileSync(
        join(cacheFolder, file!),
        JSON.stringify({
          ...JSON.parse(readFileSync(join(cacheFolder, file!), 'utf8')),
          entries: { 'a.fits': entry },
        }),
      );
    // The entry as written, its filter changed: believed (it is the file's stamp).
    withEntry([...stamp, [filterAt, 'OIII'], 0]);
    expect((await scan(root)).filters).toEqual({ 'a.fits': 'OIII' });
    rewriteKeepingStat(join(root, 'a.fits'), 'Ha');
    for (const damaged of [
      [2880, 1, 7],
      [...stamp, [filterAt, 'OIII', 7], 0],
      [...stamp, [String(filterAt), 'OIII'], 0],
      [...stamp, [CACHED_KEYWORDS.length, 'OIII'], 0],
      [...stamp, 'not', 'an entry'],
    ]) {
      withEntry(damaged);
      expect({ damaged, ...(await scan(root)).filters }).toEqual({ damaged, 'a.fits': 'Ha' });
    }
  });

  it("keeps a folder's shared cards once, and each frame's own", async () => {
    const root = tempDir();
    for (let i = 0; i < 50; i++) frame(join(root, `f${i}.fits`), i % 2 ? 'L' : 'OIII');
    await scan(root);
    const cacheFolder = cacheFolderFor(root);
    const [file] = readdirSync(cacheFolder);
    const text = readFileSync(join(cacheFolder, file!), 'utf8');
    // 50 full rows would repeat every card the frames share.
    expect(text.length).toBeLessThan(50 * 100);
    const warm = await scan(root);
    expect(warm.counts).toBe('debug: header cache: 50 headers from the cache, 0 read');
    expect(Object.values(warm.filters).filter((filter) => filter === 'OIII')).toHaveLength(25);
  });

  it('carries entries over when a folder first gets a header to store the others against', () => {
    const folder = tempDir();
    const state = (size: number) => ({ size, mtimeMs: 1_700_000_000_000 + size, ctimeMs: 0 });
    const lookup = (cards: Record<string, string | number>): HeaderLookup => ({
      get: (keyword) => cards[keyword],
    });
    const read = (cache: HeaderCache, name: string, size: number) => {
      const got = cache.open('night').get(name, state(size));
      if (!got || 'error' in got) return got;
      return { filter: got.header.get('FILTER'), exposure: got.header.get('EXPTIME') };
    };
    // First: a truncated file and a header with none of the cached cards, so the folder's file
    // has no row of values to store changes from.
    const first = new HeaderCache(folder).open('night');
    first.put('bad.fits', state(100), { error: 'the file ends in its header' });
    first.put('bare.fits', state(200), { header: lookup({}) });
    first.close();
    // Then frames with cards, and the first two found unchanged.
    const cache = new HeaderCache(folder);
    const second = cache.open('night');
    expect(second.get('bad.fits', state(100))).toEqual({ error: 'the file ends in its header' });
    const bare = second.get('bare.fits', state(200));
    expect(bare && 'header' in bare ? bare.header.get('FILTER') : 'no header').toBeUndefined();
    second.put('l.fits', state(300), { header: lookup({ FILTER: 'L', EXPTIME: 300 }) });
    second.put('r.fits', state(400), { header: lookup({ FILTER: 'R', EXPTIME: 300 }) });
    // The file is written as joined JSON text: a name must survive quotes, backslashes, Unicode.
    second.put('M 42 "Orion" \\ ☾.fits', state(500), { header: lookup({ FILTER: 'Ha' }) });
    second.close();
    const third = new HeaderCache(folder);
    expect(read(third, 'bad.fits', 100)).toEqual({ error: 'the file ends in its header' });
    // Stored as changes from l.fits's row now: its null cards must still read as absent.
    expect(read(third, 'bare.fits', 200)).toEqual({ filter: undefined, exposure: undefined });
    expect(read(third, 'l.fits', 300)).toEqual({ filter: 'L', exposure: 300 });
    expect(read(third, 'r.fits', 400)).toEqual({ filter: 'R', exposure: 300 });
    expect(read(third, 'M 42 "Orion" \\ ☾.fits', 500)).toEqual({
      filter: 'Ha',
      exposure: undefined,
    });
    expect(third.hits).toBe(5);
  });

  it('reads again, without a word, a cache of this version written for other cards', async () => {
    const root = tempDir();
    frame(join(root, 'a.fits'), 'L');
    await scan(root);
    const cacheFolder = cacheFolderFor(root);
    const [file] = readdirSync(cacheFolder);
    const data = JSON.parse(readFileSync(join(cacheFolder, file!), 'utf8'));
    // As a build with one keyword more would have written it: every value one place further on.
    data.keys = 'another list';
    data.base.splice(CACHED_KEYWORDS.indexOf('FILTER'), 0, 'OIII');
    writeFileSync(join(cacheFolder, file!), JSON.stringify(data));
    const result = await scan(root);
    expect(result.filters).toEqual({ 'a.fits': 'L' });
    expect(result.lines.filter((l) => l.startsWith('warn:'))).toEqual([]);
    expect(JSON.parse(readFileSync(join(cacheFolder, file!), 'utf8')).keys).not.toBe(
      'another list',
    );
  });

  it('says once when it cannot write, and the scan is still right', async () => {
    const root = tempDir();
    frame(join(root, 'a.fits'), 'L');
    const readOnly = join(tempDir(), 'cache');
    mkdirSync(readOnly);
    writeFileSync(join(readOnly, `v${CACHE_VERSION}`), 'a file where a folder should be');
    const result = await scan(root, cacheFolderFor(root, readOnly));
    expect(result.filters).toEqual({ 'a.fits': 'L' });
    expect(result.lines.filter((l) => l.startsWith('warn:'))).toEqual([
      expect.stringMatching(
        /^warn: cannot write the header cache in .* \((ENOTDIR|EEXIST)\); set cache.folder/,
      ),
    ]);
    chmodSync(readOnly, 0o755);
  });

  it('keeps an archive of its own under a configured cache folder, and none with the cache off', async () => {
    const root = tempDir();
    frame(join(root, 'a.fits'), 'L');
    const shared = join(tempDir(), 'cache');
    await scan(root, cacheFolderFor(root, shared));
    expect(existsSync(join(root, '.astrotrack'))).toBe(false);
    expect(readdirSync(join(shared, `v${CACHE_VERSION}`))).toHaveLength(1);
    await scan(root, null);
    expect(existsSync(join(root, '.astrotrack'))).toBe(false);
  });

  it('keeps a frame whose unused cached card is malformed, cold and warm, and names the card only where used', async () => {
    const root = tempDir();
    const bytes = Buffer.from(
      formatFitsHeader([
        ['SIMPLE', true],
        ['BITPIX', 16],
        ['NAXIS', 0],
        ['IMAGETYP', 'LIGHT'],
        ['FILTER', 'L'],
        ['EXPTIME', 300],
        ['EXP', 300],
        ['FRAME', 'Light'],
      ]),
    );
    // Malformed cards the cache stores but the engine does not need here (EXPTIME comes first).
    bytes.write('EXP     = 3 hundred'.padEnd(80), 480, 'latin1');
    bytes.write("FRAME   = 'Light".padEnd(80), 560, 'latin1');
    writeFileSync(join(root, 'a.fits'), bytes);
    const cold = await scan(root);
    const warm = await scan(root);
    expect(warm.counts).toBe('debug: header cache: 1 headers from the cache, 0 read');
    for (const result of [cold, warm]) {
      expect(result.filters).toEqual({ 'a.fits': 'L' });
      expect(result.skipped).toEqual([]);
      expect(result.lines.filter((line) => line.startsWith('warn:'))).toEqual([]);
    }
  });

  it('keeps every keyword and property the engine asks a header for', () => {
    const asked = new Set<string>();
    const properties = new Set<string>();
    const header: HeaderLookup = {
      get: (keyword) => {
        asked.add(keyword);
        return undefined;
      },
      property: (id) => {
        properties.add(id);
        return undefined;
      },
      imageType: null,
    };
    for (const angle of ['mechanical', 'sky'] as const) {
      for (const utcOffsetHours of [undefined, 2]) {
        fieldsFromHeader(header, { filters: createFilterSet({}), angle, utcOffsetHours });
      }
    }
    asked.add('IMAGETYP'); // read-frame.ts asks it to spot masters
    expect([...asked].filter((k) => !(CACHED_KEYWORDS as readonly string[]).includes(k))).toEqual(
      [],
    );
    expect(
      [...properties].filter((p) => !(CACHED_PROPERTIES as readonly string[]).includes(p)),
    ).toEqual([]);
  });

  it('removes the caches older versions left, and nothing else', async () => {
    const root = tempDir();
    frame(join(root, 'a.fits'), 'L');
    const cacheRoot = join(root, '.astrotrack', 'cache');
    const stale = join(cacheRoot, 'v3', '0123456789abcdef0123.json');
    const notOurs = join(cacheRoot, 'v2', 'notes.txt');
    for (const file of [stale, notOurs]) {
      mkdirSync(join(file, '..'), { recursive: true });
      writeFileSync(file, '{}');
    }
    const configured = tempDir();
    const otherArchive = join(configured, 'v3', '0000000000000000', '0123456789abcdef0123.json');
    const thisArchive = cacheFolderFor(root, configured).replace(`v${CACHE_VERSION}`, 'v3');
    for (const folder of [join(otherArchive, '..'), thisArchive])
      mkdirSync(folder, { recursive: true });
    writeFileSync(otherArchive, '{}');
    writeFileSync(join(thisArchive, '0123456789abcdef0123.json'), '{}');

    await scan(root);
    await scan(root, cacheFolderFor(root, configured));
    expect(existsSync(join(cacheRoot, 'v3'))).toBe(false);
    expect(readdirSync(join(cacheRoot, 'v2'))).toEqual(['notes.txt']);
    expect(existsSync(thisArchive)).toBe(false);
    // Another archive's old cache is that archive's to drop, when it is scanned.
    expect(existsSync(otherArchive)).toBe(true);
    expect(readdirSync(cacheRoot).sort()).toEqual(['v2', `v${CACHE_VERSION}`]);
  });
});
