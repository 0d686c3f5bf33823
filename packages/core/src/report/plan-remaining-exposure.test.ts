import { describe, expect, it } from 'vitest';
import { planRemainingExposure } from './plan-remaining-exposure.js';
import type { ExposureRow } from './report-types.js';

const row = (filter: string, exposureSeconds: number, subs: number): ExposureRow => ({
  filter,
  exposureSeconds,
  subs,
  totalSeconds: exposureSeconds * subs,
});

/** The toolkit README's "Example Output". */
const toolkitRows = [
  row('L', 120, 150),
  row('R', 180, 40),
  row('G', 180, 35),
  row('B', 180, 38),
  row('Ha', 300, 25),
];

describe('planRemainingExposure', () => {
  it("reproduces the toolkit's example: 10 h, L 40 / R 20 / G 20 / B 20, 15 % buffer", () => {
    const plan = planRemainingExposure(
      { targetHours: 10, allocation: { L: 40, R: 20, G: 20, B: 20 } },
      toolkitRows,
    );
    expect(plan.captureSeconds).toBe(11.5 * 3600);
    expect(plan.rejectionBufferPercent).toBe(15);
    expect(plan.filters).toEqual([
      {
        filter: 'L',
        allocationPercent: 40,
        targetSeconds: 16560,
        integratedSeconds: 18000,
        remainingSeconds: 0,
        subExposureSeconds: 120,
        remainingSubs: 0,
      },
      {
        filter: 'R',
        allocationPercent: 20,
        targetSeconds: 8280,
        integratedSeconds: 7200,
        remainingSeconds: 1080,
        subExposureSeconds: 180,
        remainingSubs: 6,
      },
      {
        filter: 'G',
        allocationPercent: 20,
        targetSeconds: 8280,
        integratedSeconds: 6300,
        remainingSeconds: 1980,
        subExposureSeconds: 180,
        remainingSubs: 11,
      },
      {
        filter: 'B',
        allocationPercent: 20,
        targetSeconds: 8280,
        integratedSeconds: 6840,
        remainingSeconds: 1440,
        subExposureSeconds: 180,
        remainingSubs: 8,
      },
    ]);
    expect(plan.remainingSeconds).toBe(1080 + 1980 + 1440);
    expect(plan.allocationPercentTotal).toBe(100);
  });

  it('rounds remaining subs up', () => {
    const plan = planRemainingExposure(
      { targetHours: 1, allocation: { L: 100 }, rejectionBufferPercent: 0 },
      [row('L', 300, 11)],
    );
    expect(plan.filters[0]!.remainingSeconds).toBe(300);
    expect(plan.filters[0]!.remainingSubs).toBe(1);
    const plan2 = planRemainingExposure(
      { targetHours: 1, allocation: { L: 100 }, rejectionBufferPercent: 0 },
      [row('L', 301, 11)],
    );
    expect(plan2.filters[0]!.remainingSeconds).toBe(3600 - 3311);
    expect(plan2.filters[0]!.remainingSubs).toBe(1);
  });

  it('counts remaining subs in the most used exposure, the longer on a tie', () => {
    const rows = [row('Ha', 300, 10), row('Ha', 600, 12), row('OIII', 300, 5), row('OIII', 120, 5)];
    const plan = planRemainingExposure(
      { targetHours: 20, allocation: { Ha: 50, OIII: 50 }, rejectionBufferPercent: 0 },
      rows,
    );
    expect(
      plan.filters.map((f) => [
        f.filter,
        f.integratedSeconds,
        f.subExposureSeconds,
        f.remainingSubs,
      ]),
    ).toEqual([
      ['Ha', 10 * 300 + 12 * 600, 600, Math.ceil((36000 - 10200) / 600)],
      ['OIII', 5 * 300 + 5 * 120, 300, Math.ceil((36000 - 2100) / 300)],
    ]);
  });

  it('plans a filter that has no frames yet, without a sub count', () => {
    const plan = planRemainingExposure(
      { targetHours: 2, allocation: { SII: 100 }, rejectionBufferPercent: 0 },
      toolkitRows,
    );
    expect(plan.filters[0]).toMatchObject({
      filter: 'SII',
      integratedSeconds: 0,
      remainingSeconds: 7200,
      subExposureSeconds: null,
      remainingSubs: null,
    });
  });

  it('without an allocation, compares the whole target with everything integrated', () => {
    const plan = planRemainingExposure({ targetHours: 20, allocation: {} }, toolkitRows);
    expect(plan.filters).toEqual([]);
    expect(plan.remainingSeconds).toBe(20 * 3600 * 1.15 - (18000 + 7200 + 6300 + 6840 + 7500));
  });

  it('adds up allocations above 100 % for the warning', () => {
    const plan = planRemainingExposure({ targetHours: 1, allocation: { L: 80, R: 40 } }, []);
    expect(plan.allocationPercentTotal).toBe(120);
  });
});
