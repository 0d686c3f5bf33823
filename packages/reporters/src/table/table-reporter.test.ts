import { describe, expect, it } from 'vitest';
import { toolkitExampleReport } from '../test-support/example-report.js';
import { tableReporter } from './table-reporter.js';

const format = (report = toolkitExampleReport(), color = false) =>
  tableReporter().format(report, { color });

describe('table reporter', () => {
  it("prints the toolkit's example with the plan", () => {
    expect(format()).toMatchInlineSnapshot(`
      "M31: 288 light frames counted

      Integration by filter and exposure
      +--------+---------+------+----------+----------+-----------+-----------+
      | Filter | Exp (s) | Subs | Total    | Target   | Remaining | Rem. subs |
      +========+=========+======+==========+==========+===========+===========+
      | L      |     120 |  150 | 5 h 0 m  | 4 h 36 m | 0 h 0 m   |         0 |
      | R      |     180 |   40 | 2 h 0 m  | 2 h 18 m | 0 h 18 m  |         6 |
      | G      |     180 |   35 | 1 h 45 m | 2 h 18 m | 0 h 33 m  |        11 |
      | B      |     180 |   38 | 1 h 54 m | 2 h 18 m | 0 h 24 m  |         8 |
      | Ha     |     300 |   25 | 2 h 5 m  | —        | —         |         — |
      +--------+---------+------+----------+----------+-----------+-----------+

      Totals by exposure
      +---------+------+----------+
      | Exp (s) | Subs | Total    |
      +=========+======+==========+
      |     300 |   25 | 2 h 5 m  |
      |     180 |  113 | 5 h 39 m |
      |     120 |  150 | 5 h 0 m  |
      +---------+------+----------+

      Overall total: 12 h 44 m (288 subs)
      Plan: 10 h target + 15 % rejection buffer = 11 h 30 m to capture (L 40 %, R 20 %, G 20 %, B 20 %)
      Still to capture: 1 h 15 m
      "
    `);
  });

  it('drops the plan columns without a plan', () => {
    const text = format(toolkitExampleReport(null));
    expect(text.split('\n')[4]).toBe('| Filter | Exp (s) | Subs | Total    |');
    expect(text).not.toContain('Plan:');
  });

  it('shows a planned filter with no frames yet, and the warnings', () => {
    const report = toolkitExampleReport({ targetHours: 10, allocation: { L: 50, SII: 60 } });
    const text = format(report);
    expect(text).toContain(
      '| SII    |       — |    0 | 0 h 0 m  | 6 h 54 m | 6 h 54 m  |         ? |',
    );
    expect(text).toContain(
      '  ! filter allocations add up to 110 %, more than 100 %: the plan asks for more than the target',
    );
  });

  it('fits in 80 columns', () => {
    for (const line of format().split('\n')) {
      if (!line.startsWith('Plan:')) expect(line.length).toBeLessThanOrEqual(80);
    }
  });

  it('colours what is left only when asked', () => {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: escape and control characters are what this checks
    expect(format()).not.toMatch(/\u001b\[/);
    const colored = format(toolkitExampleReport(), true);
    expect(colored).toContain('\u001b[33m0 h 18 m \u001b[39m');
    expect(colored).toContain('\u001b[32m0 h 0 m  \u001b[39m');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: escape and control characters are what this checks
    expect(colored.replace(/\u001b\[\d+m/g, '')).toBe(format());
  });
});
