import { describe, expect, it } from 'vitest';
import { parseAllocation, parseBoundedNumber } from './parse-allocation.js';

describe('parseAllocation', () => {
  it.each([
    ['L=40,R=20,G=20,B=20', { L: 40, R: 20, G: 20, B: 20 }],
    ['L = 40, R = 20', { L: 40, R: 20 }],
    ['L=40%,R=20 %', { L: 40, R: 20 }],
    ['OSC=100', { OSC: 100 }],
  ])('%j', (text, expected) => {
    expect({ ...parseAllocation(text) }).toEqual(expected);
  });

  it('keeps a filter called like an object built-in', () => {
    expect(Object.entries(parseAllocation('__proto__=50,constructor=50'))).toEqual([
      ['__proto__', 50],
      ['constructor', 50],
    ]);
  });

  it.each(['L=forty', 'L=40%%', 'L', '=40'])('refuses %j', (text) => {
    expect(() => parseAllocation(text)).toThrow(/bad --alloc/);
  });
});

describe('parseBoundedNumber', () => {
  it.each(['0x10', '1e3', 'Infinity', '', ' ', '5.5.5'])('refuses %j', (text) => {
    expect(() => parseBoundedNumber('--x', text, { min: 0, max: 1e6 })).toThrow('bad --x');
  });
  it('reads decimals within the bounds', () => {
    expect(parseBoundedNumber('--x', ' 2.5 ', { min: 0.5, max: 90 })).toBe(2.5);
    expect(() => parseBoundedNumber('--x', '91', { min: 0.5, max: 90 })).toThrow('from 0.5 to 90');
  });
});
