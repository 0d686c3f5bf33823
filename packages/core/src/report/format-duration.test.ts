import { describe, expect, it } from 'vitest';
import { formatDuration } from './format-duration.js';

describe('formatDuration', () => {
  it.each([
    [0, '0 h 0 m'],
    [29, '0 h 0 m'],
    [30, '0 h 1 m'],
    [7500, '2 h 5 m'],
    [16560, '4 h 36 m'],
    [45840, '12 h 44 m'],
    [3599, '1 h 0 m'],
    [360000, '100 h 0 m'],
  ])('%d s is %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});
