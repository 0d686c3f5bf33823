import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '@astrotrack/test-utils/temp-dir';
import { readLegacyFlats } from './import-legacy.js';

const tempDir = useTempDir();

function legacyFile(content: unknown): string {
  const file = join(tempDir(), '.astrophotography_flats.json');
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

describe('readLegacyFlats', () => {
  it("reads the toolkit's filter → angle → date file", async () => {
    const file = legacyFile({
      ALPT: { '70.0': '2025-09-21', '75.0': '2025-09-21' },
      Ha: { '45.0': '2025-04-01' },
    });
    expect(await readLegacyFlats(file)).toEqual([
      { filter: 'ALPT', angle: 70, date: '2025-09-21', source: 'imported' },
      { filter: 'ALPT', angle: 75, date: '2025-09-21', source: 'imported' },
      { filter: 'Ha', angle: 45, date: '2025-04-01', source: 'imported' },
    ]);
  });

  it('reads the older undated lists, per filter or per object, dated by the file', async () => {
    const today = new Date().toISOString().slice(0, 10);
    expect(await readLegacyFlats(legacyFile({ L: [45, 56] }))).toEqual([
      { filter: 'L', angle: 45, date: today, source: 'imported' },
      { filter: 'L', angle: 56, date: today, source: 'imported' },
    ]);
    const perObject = await readLegacyFlats(legacyFile({ M31: { L: [45], R: [33] } }));
    expect(perObject.map((f) => `${f.filter}${f.angle}`)).toEqual(['L45', 'R33']);
  });

  it('says what is wrong with a file that is not the toolkit’s', async () => {
    await expect(readLegacyFlats(legacyFile('not json'))).rejects.toThrow('it is not JSON');
    await expect(readLegacyFlats(legacyFile({ L: { x: '2025-01-01' } }))).rejects.toThrow(
      '"x" under L is not an angle',
    );
    await expect(readLegacyFlats(join(tempDir(), 'missing.json'))).rejects.toMatchObject({
      name: 'LegacyFlatsUnreadable',
      exitCode: 65,
    });
  });
});
