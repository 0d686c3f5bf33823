import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '@astrotrack/test-utils/temp-dir';
import { withFileLock } from './file-lock.js';
import { LIBRARY_SCHEMA_VERSION } from './flat-library.js';
import {
  addFlats,
  clearFlats,
  listFlats,
  removeFlatAngles,
  rigFlats,
} from './library-operations.js';
import { loadFlatLibrary, updateFlatLibrary } from './library-store.js';

const tempDir = useTempDir();
const ADD_MANY = fileURLToPath(new URL('./add-many.fixture.mjs', import.meta.url));

function run(args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [ADD_MANY, ...args], { stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) => resolve(code ?? -1));
  });
}

describe('the flat library file', () => {
  it('loses nothing when two processes add 100 flats each at the same moment', async () => {
    const file = join(tempDir(), 'flats.json');
    const codes = await Promise.all([run([file, 'L', '100']), run([file, 'R', '100'])]);
    expect(codes).toEqual([0, 0]);
    const flats = rigFlats(await loadFlatLibrary(file), null);
    expect(flats).toHaveLength(200);
    expect(flats.filter((f) => f.filter === 'L')).toHaveLength(100);
    // No lock or temporary file is left behind.
    expect(readdirSync(join(file, '..'))).toEqual(['flats.json']);
  }, 60_000);

  it('refuses a corrupt file and never writes over it', async () => {
    const file = join(tempDir(), 'flats.json');
    const broken = '{ "schemaVersion": 1, "rigs": { "default": { "flats": [ { "filter": "L", ';
    writeFileSync(file, broken);
    await expect(loadFlatLibrary(file)).rejects.toMatchObject({
      name: 'FlatLibraryCorrupt',
      exitCode: 65,
    });
    await expect(
      updateFlatLibrary(file, (library) =>
        addFlats(library, null, { L: [1] }, { date: '2025-01-01' }),
      ),
    ).rejects.toMatchObject({ name: 'FlatLibraryCorrupt' });
    expect(readFileSync(file, 'utf8')).toBe(broken);
  });

  it('names the record that is wrong, and refuses a newer schema', async () => {
    const file = join(tempDir(), 'flats.json');
    writeFileSync(
      file,
      JSON.stringify({
        schemaVersion: 1,
        rigs: {
          redcat: { flats: [{ filter: 'L', angle: 400, date: '2025-01-01', source: 'added' }] },
        },
      }),
    );
    await expect(loadFlatLibrary(file)).rejects.toThrow(
      'rigs.redcat.flats[0].angle must be a number from 0 up to 360',
    );
    writeFileSync(file, JSON.stringify({ schemaVersion: LIBRARY_SCHEMA_VERSION + 1, rigs: {} }));
    await expect(loadFlatLibrary(file)).rejects.toMatchObject({ name: 'FlatLibraryTooNew' });
  });

  it('takes over a lock left by a process that died', async () => {
    const file = join(tempDir(), 'flats.json');
    writeFileSync(`${file}.lock`, '999999999\n');
    const result = await withFileLock(file, async () => 'ran', { timeoutMs: 2000 });
    expect(result).toBe('ran');
  });

  it('gives up on a lock a live process keeps, with a clear error', async () => {
    const file = join(tempDir(), 'flats.json');
    writeFileSync(`${file}.lock`, `${process.pid}\n`);
    await expect(withFileLock(file, async () => 'ran', { timeoutMs: 200 })).rejects.toMatchObject({
      name: 'FlatLibraryBusy',
      exitCode: 75,
    });
  });
});

describe('library operations', () => {
  const empty = () => ({ schemaVersion: 1 as const, rigs: {} });

  it('adds without duplicates, replaces a filter, removes angles and clears filters', () => {
    const library = empty();
    addFlats(library, null, { L: [45, 56], R: [33] }, { date: '2025-09-15' });
    const again = addFlats(library, null, { L: [45] }, { date: '2025-09-15' });
    expect(again.added).toEqual([]);
    expect(again.known).toHaveLength(1);
    expect(rigFlats(library, null)).toHaveLength(3);

    const replaced = addFlats(library, null, { L: [30] }, { date: '2025-10-01', replace: true });
    expect(replaced.removed.map((f) => f.angle)).toEqual([45, 56]);
    expect(rigFlats(library, null).map((f) => `${f.filter}${f.angle}`)).toEqual(['L30', 'R33']);

    expect(removeFlatAngles(library, null, 'R', [33]).map((f) => f.angle)).toEqual([33]);
    expect(removeFlatAngles(library, null, 'R', [33])).toEqual([]);
    addFlats(library, 'edge', { Ha: [10] }, { date: '2025-10-01' });
    expect(clearFlats(library, null, ['L'])).toHaveLength(1);
    expect(rigFlats(library, 'edge')).toHaveLength(1);
  });

  it('ages flats against the given day', () => {
    const library = empty();
    addFlats(library, null, { Ha: [45] }, { date: '2025-04-01' });
    addFlats(library, null, { L: [82] }, { date: '2025-09-21' });
    const listed = listFlats(library, null, '2025-09-21', 90);
    expect(listed.map((f) => [f.filter, f.ageDays, f.old])).toEqual([
      ['Ha', 173, true],
      ['L', 0, false],
    ]);
  });
});
