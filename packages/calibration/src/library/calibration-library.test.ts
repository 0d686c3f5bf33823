import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '@astrotrack/test-utils/temp-dir';
import { CALIBRATION_LIBRARY_VERSION, type CalibrationRecord } from './calibration-library.js';
import { addCalibrationSets, removeCalibrationSets, rigSets } from './calibration-operations.js';
import { loadCalibrationLibrary, updateCalibrationLibrary } from './calibration-store.js';

const tempDir = useTempDir();
const ADD_MANY = fileURLToPath(new URL('./add-many.fixture.mjs', import.meta.url));

const dark = (fields: Partial<CalibrationRecord> = {}): CalibrationRecord => ({
  kind: 'dark',
  master: false,
  camera: 'ZWO ASI2600MM Pro',
  exposureSeconds: 300,
  gain: 100,
  offset: 50,
  binning: '1x1',
  readoutMode: null,
  sensorTemperature: -10.1,
  filter: null,
  angle: null,
  date: '2026-10-01',
  frames: 20,
  path: '/astro/darks',
  source: 'learned',
  ...fields,
});

function run(args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [ADD_MANY, ...args], { stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) => resolve(code ?? -1));
  });
}

describe('the calibration library', () => {
  it('records a set once, however often it is learned (frames and folder aside)', async () => {
    const file = join(tempDir(), 'calibration.json');
    const first = await updateCalibrationLibrary(file, (library) =>
      addCalibrationSets(library, null, [dark(), dark({ gain: 0 })]),
    );
    expect(first.added).toHaveLength(2);
    const again = await updateCalibrationLibrary(file, (library) =>
      addCalibrationSets(library, null, [
        dark({ frames: 25, path: '/copy/darks', sensorTemperature: -9.9 }),
      ]),
    );
    expect(again).toMatchObject({ added: [], known: [expect.anything()] });
    const sets = rigSets(await loadCalibrationLibrary(file), null);
    expect(sets.map((s) => s.gain)).toEqual([0, 100]);
  });

  it('removes by what the sets match on', async () => {
    const file = join(tempDir(), 'calibration.json');
    await updateCalibrationLibrary(file, (library) =>
      addCalibrationSets(library, 'redcat', [
        dark(),
        dark({ exposureSeconds: 60 }),
        dark({ kind: 'bias', exposureSeconds: 0.001 }),
      ]),
    );
    const removed = await updateCalibrationLibrary(file, (library) =>
      removeCalibrationSets(library, 'redcat', { kind: 'dark', exposureSeconds: 60 }),
    );
    expect(removed.map((s) => s.exposureSeconds)).toEqual([60]);
    expect(rigSets(await loadCalibrationLibrary(file), 'redcat').map((s) => s.kind)).toEqual([
      'dark',
      'bias',
    ]);
  });

  it('loses nothing when two processes add 50 sets each at the same moment', async () => {
    const file = join(tempDir(), 'calibration.json');
    const codes = await Promise.all([run([file, '0', '50']), run([file, '100', '50'])]);
    expect(codes).toEqual([0, 0]);
    expect(rigSets(await loadCalibrationLibrary(file), null)).toHaveLength(100);
    expect(readdirSync(join(file, '..'))).toEqual(['calibration.json']);
  }, 60_000);

  it('lists every problem of a damaged file by its path, and never writes over it', async () => {
    const file = join(tempDir(), 'calibration.json');
    const broken = JSON.stringify({
      schemaVersion: 1,
      rigs: { redcat: { sets: [{ ...dark(), kind: 'darks', date: '2026-02-30', gain: 'high' }] } },
    });
    writeFileSync(file, broken);
    const error = await loadCalibrationLibrary(file).catch((e: Error) => e);
    expect(error).toMatchObject({ name: 'CalibrationLibraryCorrupt', exitCode: 65 });
    expect((error as Error).message).toContain('rigs.redcat.sets.0.kind');
    expect((error as Error).message).toContain('rigs.redcat.sets.0.gain');
    expect((error as Error).message).toContain('rigs.redcat.sets.0.date: not a day that exists');
    await expect(
      updateCalibrationLibrary(file, (library) => addCalibrationSets(library, null, [dark()])),
    ).rejects.toMatchObject({ name: 'CalibrationLibraryCorrupt' });
    expect(readFileSync(file, 'utf8')).toBe(broken);
    writeFileSync(
      file,
      JSON.stringify({ schemaVersion: CALIBRATION_LIBRARY_VERSION + 1, rigs: {} }),
    );
    await expect(loadCalibrationLibrary(file)).rejects.toMatchObject({
      name: 'CalibrationLibraryTooNew',
    });
  });

  it('writes nothing its reader would refuse', async () => {
    const file = join(tempDir(), 'calibration.json');
    await expect(
      updateCalibrationLibrary(file, (library) =>
        addCalibrationSets(library, null, [dark({ binning: 'two' })]),
      ),
    ).rejects.toMatchObject({ name: 'CalibrationLibraryNotWritten' });
    expect(readdirSync(join(file, '..'))).toEqual([]);
  });
});
