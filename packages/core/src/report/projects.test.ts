import { describe, expect, it } from 'vitest';
import { projectsOf } from './projects.js';
import type { TargetSummary } from './report-types.js';

const summary = (target: string, rows: [string, number, number][]): TargetSummary => ({
  target,
  subs: rows.reduce((sum, [, , subs]) => sum + subs, 0),
  totalSeconds: rows.reduce((sum, [, exposure, subs]) => sum + exposure * subs, 0),
  nights: 1,
  firstNight: '2026-10-01',
  lastNight: '2026-10-01',
  rows: rows.map(([filter, exposureSeconds, subs]) => ({
    filter,
    exposureSeconds,
    subs,
    totalSeconds: exposureSeconds * subs,
  })),
});

const options = {
  goals: {
    'M 31': { targetHours: 10, allocation: { L: 50, R: 50 }, rejectionBufferPercent: 0 },
    'Sh2-240': { targetHours: 4, allocation: {}, rejectionBufferPercent: 25 },
  },
  fallback: { targetHours: 2, allocation: {}, rejectionBufferPercent: 0 },
  aliases: { Spaghetti: 'Sh2-240' },
  target: null,
};

describe('projectsOf', () => {
  it('gives every target its goal (own, else the rig plan), furthest behind first, goals not shot yet at 0 %', () => {
    const projects = projectsOf(
      [
        // 8 h of L against a 5 h share: L is done, R is not; overall 50 %, not 80 %.
        summary('M31', [['L', 300, 96]]),
        summary('M42', [['Ha', 300, 12]]),
      ],
      options,
    );
    expect(
      projects.map((p) => [p.target, p.goalFrom, p.percentComplete, p.plan.remainingSeconds]),
    ).toEqual([
      ['Sh2-240', 'target', 0, 18_000],
      ['M31', 'target', 50, 18_000],
      ['M42', 'rig', 50, 3600],
    ]);
    const m31 = projects.find((p) => p.target === 'M31')!;
    expect(m31.plan.filters.map((f) => [f.filter, f.remainingSeconds, f.remainingSubs])).toEqual([
      ['L', 0, 0],
      ['R', 18_000, null],
    ]);
  });

  it('finds goals through aliases and catalogue spellings, and narrows to --target', () => {
    const projects = projectsOf([summary('Sh2-240', [['Ha', 600, 6]])], {
      ...options,
      target: 'spaghetti',
    });
    expect(projects.map((p) => [p.target, p.percentComplete])).toEqual([['Sh2-240', 20]]);
  });

  it('has no projects without goals', () => {
    expect(
      projectsOf([summary('M31', [['L', 300, 1]])], { ...options, goals: {}, fallback: null }),
    ).toEqual([]);
  });
});
