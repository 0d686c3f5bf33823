/** Rejected lights and frames counted once, in every built-in reporter. */
import { describe, expect, it } from 'vitest';
import { formatCsv } from './csv/csv-reporter.js';
import { formatHtml } from './html/html-reporter.js';
import { jsonReporter } from './json/json-reporter.js';
import { formatMarkdown } from './markdown/markdown-reporter.js';
import { tableReporter } from './table/table-reporter.js';
import { lossesReport } from './test-support/losses-report.js';
import { validateReport } from './test-support/report-validator.js';

describe('rejected lights and duplicates', () => {
  const report = lossesReport();

  it('are apart from the totals in the report itself', () => {
    expect(report.totalSubs).toBe(14);
    expect(report.rejected.map((r) => [r.filter, r.subs])).toEqual([
      ['Ha', 3],
      ['SII', 1],
    ]);
    expect(report.frames).toMatchObject({ rejected: 4, duplicates: 2 });
  });

  it('show side by side per filter in the table, and the duplicates by path', () => {
    const text = tableReporter().format(report, { color: false }) as string;
    expect(text).toContain('Accepted and rejected lights by filter');
    expect(text).toMatch(/\| Ha\s+\|\s+10 \| 0 h 50 m\s+\|\s+3 \| 0 h 15 m\s+\|\s+23 % \|/);
    expect(text).toMatch(/\| SII\s+\|\s+0 \| 0 h 0 m\s+\|\s+1 \| 0 h 5 m\s+\|\s+100 % \|/);
    expect(text).toContain('Frames counted once');
    expect(text).toMatch(/\| backup\/night1\/Ha_1\.fits \| night1\/Ha_1\.fits \| copy\s+\|/);
    expect(text).toMatch(/\| night1\/Ha_2\.fits\s+\| Ha\/Ha_2\.fits\s+\| same file \|/);
    expect(text).toContain(
      '4 frame(s) are in reject folders (rejected, REJECT) and were not counted',
    );
  });

  it('show in Markdown and HTML', () => {
    const markdown = formatMarkdown(report);
    expect(markdown).toMatch(/\| Ha \| 10 \| 0 h 50 m \| 3 \| 0 h 15 m \| 23 % \|/);
    expect(markdown).toContain('| backup/night1/Ha\\_1.fits | night1/Ha\\_1.fits | copy |');
    const html = formatHtml(report);
    expect(html).toContain('Accepted and rejected lights by filter');
    expect(html).toContain('<td class="left">backup/night1/Ha_1.fits</td>');
  });

  it('have their own CSV sections', () => {
    const csv = formatCsv(report).split('\r\n');
    expect(csv.filter((line) => line.startsWith('rejected,'))).toEqual([
      'rejected,,,Ha,300,,,,3,900,,,,,,,,,,,,,,,,,',
      'rejected,,,SII,300,,,,1,300,,,,,,,,,,,,,,,,,',
    ]);
    expect(csv.filter((line) => line.startsWith('duplicate,'))).toHaveLength(2);
  });

  it('are in the JSON, which its schema accepts', () => {
    const json = JSON.parse(jsonReporter().format(report, { color: false }) as string);
    expect(validateReport(json), JSON.stringify(validateReport.errors)).toBe(true);
    expect(json.duplicates).toHaveLength(2);
    expect(json.rejected).toHaveLength(2);
  });
});
