import { describe, expect, it } from 'vitest';
import { toolkitExampleReport } from '../test-support/example-report.js';
import { jsonReporter } from './json-reporter.js';

describe('json reporter', () => {
  it('writes the report with every number the table shows, in seconds', () => {
    const parsed = JSON.parse(jsonReporter().format(toolkitExampleReport(), { color: true }));
    expect(parsed.schemaVersion).toBe(1);
    expect(parsed.rows).toEqual([
      { filter: 'L', exposureSeconds: 120, subs: 150, totalSeconds: 18000 },
      { filter: 'R', exposureSeconds: 180, subs: 40, totalSeconds: 7200 },
      { filter: 'G', exposureSeconds: 180, subs: 35, totalSeconds: 6300 },
      { filter: 'B', exposureSeconds: 180, subs: 38, totalSeconds: 6840 },
      { filter: 'Ha', exposureSeconds: 300, subs: 25, totalSeconds: 7500 },
    ]);
    expect(parsed.totalsByExposure).toEqual([
      { exposureSeconds: 300, subs: 25, totalSeconds: 7500 },
      { exposureSeconds: 180, subs: 113, totalSeconds: 20340 },
      { exposureSeconds: 120, subs: 150, totalSeconds: 18000 },
    ]);
    expect(parsed.totalSeconds).toBe(45840);
    expect(
      parsed.plan.filters.map(
        (f: {
          filter: string;
          targetSeconds: number;
          remainingSeconds: number;
          remainingSubs: number;
        }) => [f.filter, f.targetSeconds, f.remainingSeconds, f.remainingSubs],
      ),
    ).toEqual([
      ['L', 16560, 0, 0],
      ['R', 8280, 1080, 6],
      ['G', 8280, 1980, 11],
      ['B', 8280, 1440, 8],
    ]);
    expect(parsed.plan.captureSeconds).toBe(41400);
  });

  it('never colours', () => {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: escape and control characters are what this checks
    expect(jsonReporter().format(toolkitExampleReport(), { color: true })).not.toMatch(/\u001b/);
  });
});
