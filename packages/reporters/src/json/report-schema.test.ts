import { describe, expect, it } from 'vitest';
import { richReport } from '../test-support/rich-report.js';
import { toolkitExampleReport } from '../test-support/example-report.js';
import { validateReport as validate } from '../test-support/report-validator.js';
import { jsonReporter } from './json-reporter.js';

const json = (report: object) =>
  JSON.parse(jsonReporter().format(report as never, { color: false }));

describe('the JSON Schema of the report', () => {
  it.each([
    ['a report with everything', richReport()],
    ['the toolkit example', toolkitExampleReport()],
    ['a report without a plan', toolkitExampleReport(null)],
  ])('accepts %s', (_, report) => {
    const ok = validate(json(report));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('rejects what breaks the contract', () => {
    const report = json(richReport());
    report.totalSeconds = '2 h 28 m';
    delete report.nights;
    report.calibration[0].kind = 'light';
    expect(validate(report)).toBe(false);
    expect(validate.errors!.map((e) => `${e.instancePath} ${e.message}`)).toEqual(
      expect.arrayContaining([
        '/totalSeconds must be number',
        " must have required property 'nights'",
        '/calibration/0/kind must be equal to one of the allowed values',
      ]),
    );
  });
});
