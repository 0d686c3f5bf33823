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
import { matchGroup } from '@astrotrack/calibration';
import { CALIBRATION_SECTION_ID, type CalibrationSet } from '@astrotrack/core/internal';
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
      rig: null,
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
    sections: [
      {
        id: CALIBRATION_SECTION_ID,
        plugin: 'astrotrack:calibration',
        title: 'Calibration',
        data: hostileCalibration(),
      },
    ],
  });
}

/** A light group whose darks come from a camera with a hostile name: its reasons quote it. */
function hostileCalibration() {
  const rules = {
    temperatureTolerance: 2,
    exposureTolerance: 0,
    scaleDarks: false,
    darkMaxAgeDays: 365,
    biasMaxAgeDays: 365,
    flatMaxAgeDays: 90,
    oldFlatsCover: true,
    angleTolerance: 2.5,
  };
  const dark: CalibrationSet = {
    kind: 'dark',
    master: false,
    camera: TITLE,
    exposureSeconds: 300,
    gain: null,
    offset: null,
    binning: null,
    readoutMode: null,
    sensorTemperature: -10,
    filter: null,
    angle: null,
    date: '2025-09-14',
    frames: 10,
    source: 'scan',
    where: 'darks',
  };
  const group = matchGroup(
    {
      target: BIDI,
      night: '2025-09-14',
      filter: SPLIT,
      camera: 'ZWO ASI2600MM Pro',
      exposureSeconds: 300,
      gain: null,
      offset: null,
      binning: null,
      readoutMode: null,
      sensorTemperature: -10,
      angle: null,
      frames: 3,
    },
    [dark],
    rules,
  );
  return {
    rules,
    libraryPath: null,
    groups: [group],
    toShoot: [],
    tooOld: 0,
    summary: { groups: 1, ok: 0, warn: 0, missing: 1 },
  };
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
    // The calibration notes quote the hostile camera, escaped.
    expect(text).toContain('camera M31\\x1b]0;pwned');
  });

  it('splits no Markdown row and reorders no HTML', () => {
    const markdown = formatMarkdown(report);
    expect(markdown).not.toMatch(RAW);
    // The filter's line break, escaped: in the two tables' rows, the calibration row and its note.
    expect(markdown.split('\n').filter((line) => line.includes('x0a'))).toHaveLength(4);
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
