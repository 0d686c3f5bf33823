import { describe, expect, it } from 'vitest';
import { arcText, degrees } from './report-tables.js';

describe('angles as the flat table prints them', () => {
  it.each([
    [45, '45.0°'],
    [72.49, '72.49°'],
    [72.5, '72.5°'],
  ])('%s → %s', (angle, text) => {
    expect(degrees(angle)).toBe(text);
  });

  it.each([
    [44.9, 45.4, '44.9°–45.4°'],
    [90.1, 90.74, '90.10°–90.74°'],
    [72.41, 72.5, '72.41°–72.50°'],
    [10, 10.001, '10.0°'],
  ])('%s to %s → %s', (from, to, text) => {
    expect(arcText(from, to)).toBe(text);
  });
});
