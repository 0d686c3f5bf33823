import { describe, expect, it } from 'vitest';
import { createFilterSet } from '../filters/filter-set.js';
import type { ExposureRow, FilterPlan } from './report-types.js';
import { sortRows } from './sort-rows.js';
import { parseSortKey, SORT_KEYS, type SortKey } from './sort-keys.js';

const rows: ExposureRow[] = [
  { filter: 'Ha', exposureSeconds: 300, subs: 25, totalSeconds: 7500 },
  { filter: 'B', exposureSeconds: 180, subs: 38, totalSeconds: 6840 },
  { filter: 'L', exposureSeconds: 60, subs: 10, totalSeconds: 600 },
  { filter: 'L', exposureSeconds: 120, subs: 150, totalSeconds: 18000 },
  { filter: 'R', exposureSeconds: 180, subs: 40, totalSeconds: 7200 },
];
const plans: Record<string, Pick<FilterPlan, 'remainingSeconds' | 'remainingSubs'>> = {
  L: { remainingSeconds: 0, remainingSubs: 0 },
  R: { remainingSeconds: 1080, remainingSubs: 6 },
  B: { remainingSeconds: 1440, remainingSubs: 8 },
};
const filters = createFilterSet();
const order = (key: SortKey) =>
  sortRows(rows, key, filters.rank, (f) => plans[f] as FilterPlan | undefined).map(
    (r) => `${r.filter}${r.exposureSeconds}`,
  );

describe('sortRows', () => {
  it.each<[SortKey, string[]]>([
    ['filter', ['L120', 'L60', 'R180', 'B180', 'Ha300']],
    ['exposure', ['Ha300', 'R180', 'B180', 'L120', 'L60']],
    ['subs', ['L120', 'R180', 'B180', 'Ha300', 'L60']],
    ['total', ['L120', 'Ha300', 'R180', 'B180', 'L60']],
    ['remaining-time', ['B180', 'R180', 'L120', 'L60', 'Ha300']],
    ['remaining-subs', ['B180', 'R180', 'L120', 'L60', 'Ha300']],
  ])('by %s', (key, expected) => {
    expect(order(key)).toEqual(expected);
  });

  it('does not change the input', () => {
    const before = rows.map((r) => r.filter);
    order('subs');
    expect(rows.map((r) => r.filter)).toEqual(before);
  });
});

describe('parseSortKey', () => {
  it('takes our keys and the toolkit names', () => {
    for (const key of SORT_KEYS) expect(parseSortKey(key)).toBe(key);
    expect(parseSortKey('folder')).toBe('filter');
    expect(parseSortKey('exposure_time')).toBe('exposure');
    expect(parseSortKey('num_subs')).toBe('subs');
    expect(parseSortKey('total_exposure')).toBe('total');
    expect(parseSortKey('remaining_time')).toBe('remaining-time');
    expect(parseSortKey('remaining_subs')).toBe('remaining-subs');
    expect(parseSortKey('fastest')).toBeNull();
  });
});
