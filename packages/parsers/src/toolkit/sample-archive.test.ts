/** The toolkit rules on the whole sample archive, names only: what `--no-headers` gives. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveRig, scanArchive, type Frame } from '@astrotrack/core';
import { generateSampleArchive } from '@astrotrack/sample';
import { afterAll, describe, expect, it } from 'vitest';
import { toolkitParser } from './toolkit-parser.js';

const root = mkdtempSync(join(tmpdir(), 'astrotrack-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the sample archive by names only', () => {
  it('gives every NINA frame the night of its date folder, and the totals the headers give', async () => {
    generateSampleArchive(root, { withData: false });
    const frames: Frame[] = [];
    const collect = {
      name: 'test/collect',
      setup: ({ on }: { on: (e: 'frame', h: (f: Frame) => void) => void }) =>
        on('frame', (f) => void frames.push(f)),
    };
    const names = await scanArchive({
      root,
      rig: resolveRig({}),
      parsers: [toolkitParser()],
      plugins: [collect],
      readHeaders: false,
    });
    const nina = frames.filter((f) => /^M31\/\d{4}-\d{2}-\d{2}\//.test(f.relativePath));
    expect(nina).toHaveLength(288 + 15 + 10);
    for (const frame of nina) expect(frame.night).toBe(frame.relativePath.split('/')[1]);

    const headers = await scanArchive({ root, rig: resolveRig({}), parsers: [toolkitParser()] });
    // Where the names carry the facts, names and headers agree to the second. `Clear` is an odd
    // filter only the header names. M45's colour camera and `Misc/IMG_0001.fits` say nothing of a
    // filter in their names; their headers have no FILTER card (M45's has BAYERPAT): OSC.
    const byFilter = (rows: typeof names.report.rows) =>
      rows.filter((r) => r.filter !== 'Clear' && r.filter !== 'OSC');
    expect(headers.report.rows.filter((r) => r.filter === 'OSC')).toEqual([
      { filter: 'OSC', exposureSeconds: 60, subs: 40, totalSeconds: 2400 },
      { filter: 'OSC', exposureSeconds: 30, subs: 1, totalSeconds: 30 },
    ]);
    expect(byFilter(names.report.rows)).toEqual(byFilter(headers.report.rows));
  });
});
