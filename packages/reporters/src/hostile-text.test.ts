/**
 * Header text is user text, and a hostile file's header can hold anything: escape sequences that
 * retitle or clear a terminal, line breaks that split a Markdown row, bidi overrides that reorder
 * a line, a spreadsheet formula. No reporter passes them on.
 */
import {
  buildExposureReport,
  createFilterSet,
  EMPTY_FRAME_FIELDS,
  ExposureAccumulator,
} from '@astrotrack/core/internal';
import { describe, expect, it } from 'vitest';
import { formatCsv } from './csv/csv-reporter.js';
import { formatHtml } from './html/html-reporter.js';
import { formatMarkdown } from './markdown/markdown-reporter.js';
import { tableReporter } from './table/table-reporter.js';

const TITLE = 'M31\u001b]0;pwned\u0007\u001b[2J';
const SPLIT = 'Ha\n| x | y |';
const BIDI = 'evil\u202etxt.fits';
const FORMULA = '-1+HYPERLINK("http://example.com")';

function hostileReport() {
  const accumulator = new ExposureAccumulator(false);
  const light = (target: string, filter: string, i: number) =>
    accumulator.addFrame({
      ...EMPTY_FRAME_FIELDS,
      path: `/data/${i}.fits`,
      relativePath: `${i}.fits`,
      parser: 'test',
      sources: {},
      night: '2025-09-14',
      exposureSeconds: 300,
      target,
      filter,
    });
  light(TITLE, SPLIT, 1);
  light(BIDI, 'L', 2);
  light(FORMULA, 'L', 3);
  return buildExposureReport(accumulator, {
    root: '/data',
    rig: null,
    filters: createFilterSet({}),
  });
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this checks
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;

describe('hostile header text', () => {
  const report = hostileReport();

  it('reaches no terminal from the table', () => {
    const text = tableReporter().format(report, { color: false }) as string;
    expect(text).not.toMatch(RAW);
    expect(text).toContain('M31\\x1b]0;pwned\\x07\\x1b[2J');
    expect(text).toContain('evil\\u{202e}txt.fits');
  });

  it('splits no Markdown row and reorders no HTML', () => {
    const markdown = formatMarkdown(report);
    expect(markdown).not.toMatch(RAW);
    expect(markdown.split('\n').filter((line) => line.includes('x0a'))).toHaveLength(2);
    expect(markdown).not.toContain('\n\\| x \\| y \\|');
    const html = formatHtml(report);
    expect(html).not.toMatch(RAW);
  });

  it('runs no formula in a spreadsheet, and keeps numbers as numbers', () => {
    const csv = formatCsv(report);
    expect(csv).toContain(`"'${FORMULA.replaceAll('"', '""')}"`);
    expect(csv).not.toMatch(/,-1\+HYPERLINK/);
    expect(csv).toMatch(/,300,/);
  });
});
