import { readFileSync, statSync } from 'node:fs';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '@astrotrack/test-utils/temp-dir';
import { generateSampleArchive } from './generate-sample-archive.js';

const tempDir = useTempDir();

/** The frame files under root, relative and `/`-separated, as a scan walks them. */
async function list(root: string): Promise<string[]> {
  return (
    readdirSync(root, { recursive: true, withFileTypes: true })
      // macOS's `._` copies of metadata are not frames (the scan passes over them too).
      .filter(
        (entry) =>
          entry.isFile() && !entry.name.startsWith('.') && /\.(fits?|fts|xisf)$/i.test(entry.name),
      )
      .map((entry) => join(entry.parentPath, entry.name).slice(root.length + 1))
      .sort()
  );
}

describe('generateSampleArchive', () => {
  it('writes the demo archive: NINA, ASIAIR and filter-folder layouts with real headers', async () => {
    const root = tempDir();
    const summary = generateSampleArchive(root);
    const files = await list(root);
    expect(files).toHaveLength(summary.frames);
    expect(summary.frames).toBe(529);
    // A colour camera without a wheel or rotator (N.I.N.A.: `$$FILTER$$` and the angle empty).
    expect(
      files.filter((f) => /^M45\/2025-09-19\/LIGHT\/[\d_-]+___60\.00s_\d{4}\.fits$/.test(f)),
    ).toHaveLength(40);
    const ninaName =
      /^M31\/2025-09-14\/LIGHT\/2025-09-14_2\d-\d\d-\d\d_L_45\.\d\d_120\.00s_\d{4}\.fits$/;
    expect(files.filter((f) => ninaName.test(f))).toHaveLength(80);
    expect(
      files.filter((f) =>
        f.startsWith('Autorun/Light/NGC 7000/Light_NGC 7000_300.0s_Bin1_Ha_gain100_'),
      ),
    ).toHaveLength(30);
    expect(files.filter((f) => f.startsWith('The War and Peace Nebula/ALPT2/'))).toHaveLength(29);

    const headerOf = (prefix: string) =>
      readFileSync(join(root, files.find((f) => f.startsWith(prefix))!))
        .subarray(0, 5760)
        .toString('latin1');
    const colour = headerOf('M45/');
    expect(colour).toMatch(/BAYERPAT= 'RGGB *'/);
    expect(colour).not.toMatch(/FILTER {2}=|ROTATOR =/);
    // The ASIAIR target: no rotator, and only UTC, as ASIAIR writes.
    const asiair = headerOf('Autorun/Light/NGC 7000/');
    expect(asiair).toContain('DATE-OBS=');
    expect(asiair).not.toMatch(/DATE-LOC=|ROTATOR =/);

    const first = join(root, files[0]!);
    const header = readFileSync(first).subarray(0, 2880).toString('latin1');
    expect(header.startsWith('SIMPLE  =                    T')).toBe(true);
    expect(header).toMatch(/EXPTIME =\s+\d/);
    expect(header).toContain("IMAGETYP= '");
    const info = statSync(first);
    if (summary.sparse) {
      expect(info.size).toBeGreaterThan(50_000_000);
      expect(info.blocks * 512).toBeLessThan(100_000);
    }
  });

  it('is deterministic and writes many frames on request', async () => {
    const a = tempDir();
    const b = tempDir();
    generateSampleArchive(a, { frames: 600, withData: false });
    generateSampleArchive(b, { frames: 600, withData: false });
    const names = await list(a);
    expect(names).toHaveLength(600);
    expect(await list(b)).toEqual(names);
    expect(statSync(join(a, names[0]!)).size).toBe(2880);
  });
});
