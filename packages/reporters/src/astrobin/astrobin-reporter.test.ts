import { describe, expect, it } from 'vitest';
import { richReport } from '../test-support/rich-report.js';
import { ASTROBIN_COLUMNS, astrobinWarnings, formatAstrobin } from './astrobin-reporter.js';

const IDS = { L: 4531, R: 4532, G: 4533, Ha: 4536 };

describe('astrobin reporter', () => {
  it('writes one row per date × filter × exposure × binning × gain; flats from the nearest night', () => {
    expect(formatAstrobin(richReport(), IDS)).toMatchInlineSnapshot(`
      "date,filter,number,duration,binning,gain,sensorCooling,darks,flats,bias
      2025-09-01,4531,20,120,1,100,-10,20,15,30
      2025-09-01,4532,10,180,1,100,-10,10,15,30
      2025-09-02,4536,6,300,2,200,-20,,,
      2025-09-03,4531,12,120,1,100,-10,20,15,30
      2025-09-03,4533,8,180,1,100,-15,10,,30
      "
    `);
  });

  it('follows AstroBin’s importer rules', () => {
    const text = formatAstrobin(richReport(), IDS);
    expect(text).not.toContain('\r');
    expect(text).not.toMatch(/["' ]/);
    const [header, ...rows] = text.trimEnd().split('\n');
    const columns = header!.split(',');
    for (const column of columns) expect(ASTROBIN_COLUMNS).toContain(column);
    expect(columns).toContain('number');
    expect(columns).toContain('duration');
    const ranges: Record<string, (v: string) => boolean> = {
      date: (v) => /^\d{4}-\d{2}-\d{2}$/.test(v),
      filter: (v) => /^\d+$/.test(v),
      number: (v) => /^\d+$/.test(v) && Number(v) > 0,
      duration: (v) =>
        /^\d+(\.\d{1,4})?$/.test(v) && Number(v) >= 0.0001 && Number(v) <= 999999.9999,
      binning: (v) => ['1', '2', '3', '4'].includes(v),
      gain: (v) => /^\d+(\.\d{1,2})?$/.test(v),
      sensorCooling: (v) => /^-?\d+$/.test(v) && Number(v) >= -274 && Number(v) <= 100,
      darks: (v) => /^\d+$/.test(v),
      flats: (v) => /^\d+$/.test(v),
      flatDarks: (v) => /^\d+$/.test(v),
      bias: (v) => /^\d+$/.test(v),
    };
    for (const row of rows) {
      const fields = row.split(',');
      expect(fields).toHaveLength(columns.length);
      fields.forEach((value, i) => {
        if (value !== '') expect(ranges[columns[i]!]!(value), `${columns[i]}=${value}`).toBe(true);
      });
    }
  });

  it('warns once about filters without an id and about mixed targets', () => {
    expect(astrobinWarnings(richReport(), { L: 1 })).toEqual([
      "astrobin: no AstroBin id for filters R, G, Ha, so the filter column is empty there; set filterIds.R (and the others) in the config's reporters: [[astrobin, { filterIds: { … } }]], each the number in the filter’s page address on app.astrobin.com",
      'astrobin: the rows mix 2 targets, and AstroBin acquisitions belong to one image; add --target NAME',
    ]);
  });
});
