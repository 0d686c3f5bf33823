import { describe, expect, it } from 'vitest';
import { createFilterSet } from '../filters/filter-set.js';
import type { FitsValue } from '../fits/parse-fits-card.js';
import { fieldsFromHeader } from './header-fields.js';
import { nightOfLocalTime, nightOfUtcTime } from './night-of.js';

describe('the night of a frame', () => {
  it.each([
    ['2025-09-14T21:00:00', '2025-09-14'],
    ['2025-09-14T23:59:59.999', '2025-09-14'],
    ['2025-09-15T00:00:01', '2025-09-14'],
    ['2025-09-15T05:30', '2025-09-14'],
    ['2025-09-15T11:59:59', '2025-09-14'],
    ['2025-09-15T12:00:00', '2025-09-15'],
    ['2025-01-01T02:00:00', '2024-12-31'],
    ['2024-03-01T03:00:00', '2024-02-29'],
  ])('local %s is the night of %s', (local, night) => {
    expect(nightOfLocalTime(local)).toBe(night);
  });

  it('shifts UTC by the site offset first', () => {
    // Sydney, UTC+10: 22:00 local is 12:00 UTC; 04:00 local the next day is 18:00 UTC.
    expect(nightOfUtcTime('2025-06-10T12:00:00', 10)).toBe('2025-06-10');
    expect(nightOfUtcTime('2025-06-10T18:00:00', 10)).toBe('2025-06-10');
    // Without the offset the same night would split across two dates.
    expect(nightOfUtcTime('2025-06-10T12:00:00', 0)).toBe('2025-06-10');
    expect(nightOfUtcTime('2025-06-10T11:00:00', 0)).toBe('2025-06-09');
    expect(nightOfUtcTime('not a date', 0)).toBeNull();
  });

  const lookup = (values: Record<string, FitsValue>) => ({
    get: (k: string) => values[k.toUpperCase()],
  });
  const filters = createFilterSet();

  it('comes from DATE-LOC, else DATE-OBS with the rig offset, else with SITELONG, else UTC', () => {
    const night = (values: Record<string, FitsValue>, utcOffsetHours?: number) => {
      const { fields, sources } = fieldsFromHeader(lookup(values), { filters, utcOffsetHours });
      return [fields.night, sources.night?.detail];
    };
    expect(night({ 'DATE-LOC': '2025-09-15T01:00:00', 'DATE-OBS': '2025-09-14T23:00:00' })).toEqual(
      ['2025-09-14', 'DATE-LOC'],
    );
    expect(night({ 'DATE-OBS': '2025-06-10T18:00:00' }, 10)).toEqual([
      '2025-06-10',
      'DATE-OBS + utcOffset',
    ]);
    expect(night({ 'DATE-OBS': '2025-06-10T18:00:00', SITELONG: 151.2 })).toEqual([
      '2025-06-10',
      'DATE-OBS + SITELONG',
    ]);
    expect(night({ 'DATE-OBS': '2025-06-10T18:00:00' })).toEqual(['2025-06-10', 'DATE-OBS + UTC']);
    expect(night({})).toEqual([undefined, undefined]);
  });
});
