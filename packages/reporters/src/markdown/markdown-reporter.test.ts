import { describe, expect, it } from 'vitest';
import { richReport } from '../test-support/rich-report.js';
import { formatMarkdown } from './markdown-reporter.js';

describe('markdown reporter', () => {
  it('writes GitHub-flavoured tables under headings', () => {
    expect(formatMarkdown(richReport())).toMatchInlineSnapshot(`
      "# archive: 56 light frames (rig redcat)

      ## Integration by filter and exposure

      | Filter | Exp (s) | Subs | Total | Target | Remaining | Rem. subs |
      | :--- | ---: | ---: | :--- | :--- | :--- | ---: |
      | L | 120 | 32 | 1 h 4 m | 2 h 18 m | 1 h 14 m | 37 |
      | R | 180 | 10 | 0 h 30 m | 1 h 9 m | 0 h 39 m | 13 |
      | G | 180 | 8 | 0 h 24 m | 1 h 9 m | 0 h 45 m | 15 |
      | Ha | 300 | 6 | 0 h 30 m | — | — | — |

      ## Totals by exposure

      | Exp (s) | Subs | Total |
      | ---: | ---: | :--- |
      | 300 | 6 | 0 h 30 m |
      | 180 | 18 | 0 h 54 m |
      | 120 | 32 | 1 h 4 m |

      **Overall total:** 2 h 28 m (56 subs)  
      **Plan:** 4 h target + 15 % rejection buffer = 4 h 36 m to capture (L 50 %, R 25 %, G 25 %)  
      **Still to capture:** 2 h 38 m  

      ## Integration by target

      | Target | Nights | First | Last | Subs | Total |
      | :--- | ---: | :--- | :--- | ---: | :--- |
      | M31 (M 31) | 2 | 2025-09-01 | 2025-09-03 | 50 | 1 h 58 m |
      | NGC 7000 | 1 | 2025-09-02 | 2025-09-02 | 6 | 0 h 30 m |

      ## Integration by night

      | Night | Targets | Filters | Subs | Total |
      | :--- | :--- | :--- | ---: | :--- |
      | 2025-09-01 | M31 | L R | 30 | 1 h 10 m |
      | 2025-09-02 | NGC 7000 | Ha | 6 | 0 h 30 m |
      | 2025-09-03 | M31 | L G | 20 | 0 h 48 m |

      ## Calibration frames

      | Kind | Night | Filter | Exp (s) | Gain | Bin | Temp | Frames |
      | :--- | :--- | :--- | ---: | ---: | :--- | ---: | ---: |
      | Bias | — | — | 0.001 | 100 | 1x1 | — | 30 |
      | Dark | — | — | 120 | 100 | 1x1 | — | 20 |
      | Dark | — | — | 180 | 100 | 1x1 | — | 10 |
      | Flat | 2025-09-01 | L | 1.5 | 100 | 1x1 | -10°C | 15 |
      | Flat | 2025-09-01 | R | 2 | 100 | 1x1 | -10°C | 15 |

      ## Flat frame recommendations (±2.5°, flats older than 90 days still count)

      | Filter | Light angles | Flats owned | Shoot | Status |
      | :--- | :--- | :--- | :--- | :--- |
      | L | 45.1°–45.2° (2 angles, 32 frames) | 45.0° | — | ✓ Have |
      | G | 120.4° (1 angle, 8 frames) | 45.0° (old) | 120° | ✗ Need all |

      Coverage (flat → lights it calibrates; ? → lights no flat covers yet):  
      L: 45.0°→45.1°–45.2°  
      G: ?→120.4° (shoot 120°)  
      Flat library: /home/me/.local/share/astrotrack/flats.json  

      ## Warnings

      - 3 light frame(s) with no recognisable filter were left out; use --include-unknown to count them, or add the filter under filters.extra
        - \`M 31/unknown/0.fits\`
        - \`M 31/unknown/1.fits\`
        - \`M 31/unknown/2.fits\`
      "
    `);
  });

  it('keeps header values from becoming markup', () => {
    const report = richReport();
    report.targets[0]!.target = 'M31 | <script>alert(1)</script> *bold*';
    const text = formatMarkdown(report);
    expect(text).toContain('M31 \\| \\<script\\>alert(1)\\</script\\> \\*bold\\*');
    for (const line of text.split('\n').filter((l) => l.startsWith('| M31'))) {
      expect(line.split(/(?<!\\)\|/).length).toBe(8);
    }
  });
});
