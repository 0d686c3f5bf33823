import { describe, expect, it } from 'vitest';
import { createFilterSet } from '../filters/filter-set.js';
import type { FitsValue } from '@astrotrack/fits';
import { parsedFrameBuilder } from '../parsed-frame-builder.js';
import { fieldsFromHeader } from './header-fields.js';
import { mergeFrameFields } from './merge-frame-fields.js';
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

  /** The night a header and (optionally) a name's local capture time give, and where it came from. */
  const night = (values: Record<string, FitsValue>, utcOffsetHours?: number, nameTime?: string) => {
    const header = fieldsFromHeader(lookup(values), { filters, utcOffsetHours });
    let name = null;
    if (nameTime) {
      name = parsedFrameBuilder('filename');
      name.set('captureTime', nameTime, nameTime);
      name.set('night', nightOfLocalTime(nameTime), nameTime);
    }
    const { fields, sources, disagreements } = mergeFrameFields(header, name);
    return { night: fields.night, from: sources.night?.detail, disagreements };
  };

  it.each([
    [
      { 'DATE-LOC': '2025-09-15T01:00:00', 'DATE-OBS': '2025-09-14T23:00:00' },
      '2025-09-14',
      'DATE-LOC',
    ],
    [{ 'DATE-OBS': '2025-06-10T18:00:00', SITELONG: 151.2 }, '2025-06-10', 'DATE-OBS + SITELONG'],
    // SGP and MaxIm write the longitude as sexagesimal text; FITS WCS as OBSGEO-L.
    [
      { 'DATE-OBS': '2025-06-10T11:30:00', SITELONG: '151 12 30.000' },
      '2025-06-10',
      'DATE-OBS + SITELONG',
    ],
    [
      { 'DATE-OBS': '2025-11-03T12:30:00', SITELONG: '-74:00:21' },
      '2025-11-02',
      'DATE-OBS + SITELONG',
    ],
    [{ 'DATE-OBS': '2025-11-03T12:30:00', 'LONG-OBS': -74.0 }, '2025-11-02', 'DATE-OBS + LONG-OBS'],
    [{ 'DATE-OBS': '2025-11-03T12:30:00', 'OBSGEO-L': -74.0 }, '2025-11-02', 'DATE-OBS + OBSGEO-L'],
    // UTC alone: a Sydney evening (21:30 local) lands on the day before, a New York morning
    // dark (07:30 local) on the day after; the report says so (night-from-utc).
    [{ 'DATE-OBS': '2025-06-20T11:30:00' }, '2025-06-19', 'DATE-OBS + UTC'],
    [{ 'DATE-OBS': '2025-11-03T12:30:00' }, '2025-11-03', 'DATE-OBS + UTC'],
    [{}, undefined, undefined],
  ])('%j: the night of %s, from %s', (values, expected, from) => {
    expect(night(values)).toMatchObject({ night: expected, from });
  });

  it('takes the rig offset over the longitude, and the local time in the name over UTC alone', () => {
    expect(night({ 'DATE-OBS': '2025-06-10T18:00:00' }, 10)).toMatchObject({
      night: '2025-06-10',
      from: 'DATE-OBS + utcOffset',
    });
    expect(night({ 'DATE-OBS': '2025-06-20T11:30:00', SITELONG: -74 }, 10)).toMatchObject({
      night: '2025-06-20',
      from: 'DATE-OBS + utcOffset',
    });
    // ASIAIR: UTC in the header, the local time in the name (20250620-213000).
    expect(night({ 'DATE-OBS': '2025-06-20T11:30:00' }, undefined, '2025-06-20T21:30:00')).toEqual({
      night: '2025-06-20',
      from: '2025-06-20T21:30:00',
      disagreements: [],
    });
    // The header's longitude still comes first: it is the header's word.
    expect(
      night({ 'DATE-OBS': '2025-11-03T12:30:00', SITELONG: -74 }, undefined, '2025-11-03T07:30:00'),
    ).toMatchObject({ night: '2025-11-02', from: 'DATE-OBS + SITELONG', disagreements: [] });
  });

  it('reports a local time in the header hours away from the one in the name', () => {
    const header = { 'DATE-LOC': '2025-09-14T23:10:00', 'DATE-OBS': '2025-09-14T21:10:00' };
    expect(night(header, undefined, '2025-09-14T23:10:00').disagreements).toEqual([]);
    // A daylight-saving hour and a long exposure are no disagreement; three hours are.
    expect(night(header, undefined, '2025-09-15T00:05:00').disagreements).toEqual([]);
    expect(night(header, undefined, '2025-09-15T02:10:00').disagreements).toEqual([
      { field: 'localTime', header: '2025-09-14T23:10:00', name: '2025-09-15T02:10:00' },
    ]);
    // With the rig's offset the header's local time is DATE-OBS moved by it.
    expect(
      night({ 'DATE-OBS': '2025-06-20T11:30:00' }, 10, '2025-06-20T15:30:00').disagreements,
    ).toEqual([{ field: 'localTime', header: '2025-06-20T21:30:00', name: '2025-06-20T15:30:00' }]);
  });

  it('refuses a longitude no site has, naming the card', () => {
    const header = fieldsFromHeader(lookup({ 'DATE-OBS': '2025-06-20T11:30:00', SITELONG: 999 }), {
      filters,
    });
    expect(header.problems).toEqual(['SITELONG = 999: refused, not a longitude from -360 to 360']);
    expect(header.utcNight).toEqual({ night: '2025-06-19', keyword: 'DATE-OBS' });
  });
});
