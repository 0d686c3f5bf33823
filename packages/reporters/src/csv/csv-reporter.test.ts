import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { richReport } from '../test-support/rich-report.js';
import { CSV_COLUMNS, formatCsv } from './csv-reporter.js';

describe('csv reporter', () => {
  it('writes every section as rows of one table', () => {
    expect(formatCsv(richReport()).replaceAll('\r\n', '\n')).toMatchInlineSnapshot(`
      "section,target,night,filter,exposureSeconds,gain,binning,sensorTemperature,subs,totalSeconds,targetSeconds,remainingSeconds,remainingSubs,kind,count,angle,status,message,offset,camera,percentComplete,hfr,fwhm,starCount,eccentricity,guidingRms,rig
      night,M31,2025-09-01,L,120,100,1x1,-10,20,2400,,,,,,,,,,,,,,,,,
      night,M31,2025-09-01,R,180,100,1x1,-10,10,1800,,,,,,,,,,,,,,,,,
      night,NGC 7000,2025-09-02,Ha,300,200,2x2,-20,6,1800,,,,,,,,,,,,,,,,,
      night,M31,2025-09-03,L,120,100,1x1,-10,12,1440,,,,,,,,,,,,,,,,,
      night,M31,2025-09-03,G,180,100,1x1,-15,8,1440,,,,,,,,,,,,,,,,,
      target,M31,,L,120,,,,32,3840,,,,,,,,,,,,,,,,,
      target,M31,,R,180,,,,10,1800,,,,,,,,,,,,,,,,,
      target,M31,,G,180,,,,8,1440,,,,,,,,,,,,,,,,,
      target,NGC 7000,,Ha,300,,,,6,1800,,,,,,,,,,,,,,,,,
      filter,,,L,120,,,,32,3840,8280,4440,37,,,,,,,,,,,,,,
      filter,,,R,180,,,,10,1800,4140,2340,13,,,,,,,,,,,,,,
      filter,,,G,180,,,,8,1440,4140,2700,15,,,,,,,,,,,,,,
      filter,,,Ha,300,,,,6,1800,,,,,,,,,,,,,,,,,
      exposure,,,,300,,,,6,1800,,,,,,,,,,,,,,,,,
      exposure,,,,180,,,,18,3240,,,,,,,,,,,,,,,,,
      exposure,,,,120,,,,32,3840,,,,,,,,,,,,,,,,,
      total,,,,,,,,56,8880,,,,,,,,,,,,,,,,,
      plan,,,,,,,,,8880,16560,9480,,,,,,,,,,,,,,,
      calibration,,,,0.001,100,1x1,,,,,,,bias,30,,,,,,,,,,,,
      calibration,,,,120,100,1x1,,,,,,,dark,20,,,,,,,,,,,,
      calibration,,,,180,100,1x1,,,,,,,dark,10,,,,,,,,,,,,
      calibration,,2025-09-01,L,1.5,100,1x1,-10,,,,,,flat,15,,,,,,,,,,,,
      calibration,,2025-09-01,R,2,100,1x1,-10,,,,,,flat,15,,,,,,,,,,,,
      flats,,2025-09-01,L,,,,,,,,,,,,45,owned,,,,,,,,,,
      flats,,2025-04-01,G,,,,,,,,,,,,45,owned-old,,,,,,,,,,
      flats,,,G,,,,,,,,,,,,120,to-shoot,,,,,,,,,,
      warning,,,,,,,,,,,,,unknown-filter,3,,,"3 light frame(s) with no recognisable filter were left out; use --include-unknown to count them, or add the filter under filters.extra",,,,,,,,,
      "
    `);
  });

  it('round-trips through a real CSV parser, hostile names included', () => {
    const report = richReport();
    report.nights[0]!.target = 'M "31", the "Great" one\nAndromeda';
    report.nights[1]!.target = '=HYPERLINK("http://evil")';
    const text = formatCsv(report);
    expect(text.endsWith('\r\n')).toBe(true);
    const records: Record<string, string>[] = parse(text, { columns: true });
    expect(Object.keys(records[0]!)).toEqual([...CSV_COLUMNS]);
    expect(records[0]!.target).toBe('M "31", the "Great" one\nAndromeda');
    expect(records[1]!.target).toBe(`'=HYPERLINK("http://evil")`);
    // Unformatted seconds: a spreadsheet sums the night rows to the report's total.
    const nightSeconds = records
      .filter((r) => r.section === 'night')
      .reduce((sum, r) => sum + Number(r.totalSeconds), 0);
    expect(nightSeconds).toBe(report.totalSeconds);
    expect(records.filter((r) => r.section === 'total')[0]!.totalSeconds).toBe(
      String(report.totalSeconds),
    );
  });
});
