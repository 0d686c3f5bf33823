import { describe, expect, it } from 'vitest';
import { toolkitExampleReport } from '../test-support/example-report.js';
import { richReport } from '../test-support/rich-report.js';
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

  it('writes the per-target, per-night and calibration views of the report', () => {
    const { targets, nights, calibration, target, frames } = JSON.parse(
      jsonReporter().format(richReport(), { color: false }),
    );
    expect({
      target,
      otherTargets: frames.otherTargets,
      targets,
      nights,
      calibration,
    }).toMatchInlineSnapshot(`
      {
        "calibration": [
          {
            "binning": "1x1",
            "camera": null,
            "count": 30,
            "exposureSeconds": 0.001,
            "filter": null,
            "gain": 100,
            "kind": "bias",
            "night": null,
            "offset": null,
            "sensorTemperature": null,
          },
          {
            "binning": "1x1",
            "camera": null,
            "count": 20,
            "exposureSeconds": 120,
            "filter": null,
            "gain": 100,
            "kind": "dark",
            "night": null,
            "offset": null,
            "sensorTemperature": null,
          },
          {
            "binning": "1x1",
            "camera": null,
            "count": 10,
            "exposureSeconds": 180,
            "filter": null,
            "gain": 100,
            "kind": "dark",
            "night": null,
            "offset": null,
            "sensorTemperature": null,
          },
          {
            "binning": "1x1",
            "camera": null,
            "count": 15,
            "exposureSeconds": 1.5,
            "filter": "L",
            "gain": 100,
            "kind": "flat",
            "night": "2025-09-01",
            "offset": null,
            "sensorTemperature": -10,
          },
          {
            "binning": "1x1",
            "camera": null,
            "count": 15,
            "exposureSeconds": 2,
            "filter": "R",
            "gain": 100,
            "kind": "flat",
            "night": "2025-09-01",
            "offset": null,
            "sensorTemperature": -10,
          },
        ],
        "nights": [
          {
            "binning": "1x1",
            "camera": null,
            "exposureSeconds": 120,
            "filter": "L",
            "gain": 100,
            "night": "2025-09-01",
            "offset": null,
            "sensorTemperature": -10,
            "subs": 20,
            "target": "M31",
            "totalSeconds": 2400,
          },
          {
            "binning": "1x1",
            "camera": null,
            "exposureSeconds": 180,
            "filter": "R",
            "gain": 100,
            "night": "2025-09-01",
            "offset": null,
            "sensorTemperature": -10,
            "subs": 10,
            "target": "M31",
            "totalSeconds": 1800,
          },
          {
            "binning": "2x2",
            "camera": null,
            "exposureSeconds": 300,
            "filter": "Ha",
            "gain": 200,
            "night": "2025-09-02",
            "offset": null,
            "sensorTemperature": -20,
            "subs": 6,
            "target": "NGC 7000",
            "totalSeconds": 1800,
          },
          {
            "binning": "1x1",
            "camera": null,
            "exposureSeconds": 120,
            "filter": "L",
            "gain": 100,
            "night": "2025-09-03",
            "offset": null,
            "sensorTemperature": -10,
            "subs": 12,
            "target": "M31",
            "totalSeconds": 1440,
          },
          {
            "binning": "1x1",
            "camera": null,
            "exposureSeconds": 180,
            "filter": "G",
            "gain": 100,
            "night": "2025-09-03",
            "offset": null,
            "sensorTemperature": -15,
            "subs": 8,
            "target": "M31",
            "totalSeconds": 1440,
          },
        ],
        "otherTargets": 0,
        "target": null,
        "targets": [
          {
            "firstNight": "2025-09-01",
            "lastNight": "2025-09-03",
            "names": [
              "M 31",
            ],
            "nights": 2,
            "rows": [
              {
                "exposureSeconds": 120,
                "filter": "L",
                "subs": 32,
                "totalSeconds": 3840,
              },
              {
                "exposureSeconds": 180,
                "filter": "R",
                "subs": 10,
                "totalSeconds": 1800,
              },
              {
                "exposureSeconds": 180,
                "filter": "G",
                "subs": 8,
                "totalSeconds": 1440,
              },
            ],
            "subs": 50,
            "target": "M31",
            "totalSeconds": 7080,
          },
          {
            "firstNight": "2025-09-02",
            "lastNight": "2025-09-02",
            "nights": 1,
            "rows": [
              {
                "exposureSeconds": 300,
                "filter": "Ha",
                "subs": 6,
                "totalSeconds": 1800,
              },
            ],
            "subs": 6,
            "target": "NGC 7000",
            "totalSeconds": 1800,
          },
        ],
      }
    `);
  });
});
