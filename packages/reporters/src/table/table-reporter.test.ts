import { describe, expect, it } from 'vitest';
import { toolkitExampleReport } from '../test-support/example-report.js';
import { richReport } from '../test-support/rich-report.js';
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
    expect(text).toContain(
      'to capture (L 50 %, SII 60 %); the allocations add up to 110 %, so the plan asks 12 h 39 m\n',
    );
  });

  it('says how many more a warning has than it lists', () => {
    const report = toolkitExampleReport(null);
    report.warnings.push({
      code: 'unknown-filter',
      message: '12 lights have a filter not in the rig',
      count: 12,
      examples: ['a.fits', 'b.fits', 'c.fits', 'd.fits', 'e.fits'],
    });
    expect(format(report)).toContain('      e.fits\n      … and 7 more\n');
    report.warnings[0]!.count = 5;
    expect(format(report)).not.toContain('more');
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

describe('table reporter on a report of several targets', () => {
  it('adds integration per target, the flats and the warnings', () => {
    expect(tableReporter().format(richReport(), { color: false })).toMatchInlineSnapshot(`
      "archive: 56 light frames counted (rig redcat)

      Integration by filter and exposure
      +--------+---------+------+----------+----------+-----------+-----------+
      | Filter | Exp (s) | Subs | Total    | Target   | Remaining | Rem. subs |
      +========+=========+======+==========+==========+===========+===========+
      | L      |     120 |   32 | 1 h 4 m  | 2 h 18 m | 1 h 14 m  |        37 |
      | R      |     180 |   10 | 0 h 30 m | 1 h 9 m  | 0 h 39 m  |        13 |
      | G      |     180 |    8 | 0 h 24 m | 1 h 9 m  | 0 h 45 m  |        15 |
      | Ha     |     300 |    6 | 0 h 30 m | —        | —         |         — |
      +--------+---------+------+----------+----------+-----------+-----------+

      Totals by exposure
      +---------+------+----------+
      | Exp (s) | Subs | Total    |
      +=========+======+==========+
      |     300 |    6 | 0 h 30 m |
      |     180 |   18 | 0 h 54 m |
      |     120 |   32 | 1 h 4 m  |
      +---------+------+----------+

      Overall total: 2 h 28 m (56 subs)
      Plan: 4 h target + 15 % rejection buffer = 4 h 36 m to capture (L 50 %, R 25 %, G 25 %)
      Still to capture: 2 h 38 m

      Integration by target
      +------------+--------+------------+------------+------+----------+
      | Target     | Nights | First      | Last       | Subs | Total    |
      +============+========+============+============+======+==========+
      | M31 (M 31) |      2 | 2025-09-01 | 2025-09-03 |   50 | 1 h 58 m |
      | NGC 7000   |      1 | 2025-09-02 | 2025-09-02 |    6 | 0 h 30 m |
      +------------+--------+------------+------------+------+----------+

      Flat frame recommendations (±2.5°, flats older than 90 days still count)
      +--------+-----------------------------------+-------------+-------+------------+
      | Filter | Light angles                      | Flats owned | Shoot | Status     |
      +========+===================================+=============+=======+============+
      | L      | 45.1°–45.2° (2 angles, 32 frames) | 45.0°       | —     | ✓ Have     |
      | G      | 120.4° (1 angle, 8 frames)        | 45.0° (old) | 120°  | ✗ Need all |
      +--------+-----------------------------------+-------------+-------+------------+
      Coverage (flat → lights it calibrates; ? → lights no flat covers yet):
        L: 45.0°→45.1°–45.2°
        G: ?→120.4° (shoot 120°)
      Flat library: /home/me/.local/share/astrotrack/flats.json

      Warnings:
        ! 3 light frame(s) with no recognisable filter were left out; use --include-unknown to count them, or add the filter under filters.extra
            M 31/unknown/0.fits
            M 31/unknown/1.fits
            M 31/unknown/2.fits
      "
    `);
  });
});
