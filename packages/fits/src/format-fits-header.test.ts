import { describe, expect, it } from 'vitest';
import { formatFitsCard, formatFitsHeader } from './format-fits-header.js';
import { FITS_BLOCK_SIZE } from './parse-fits-header.js';

describe('formatFitsCard', () => {
  it('writes fixed-format cards of 80 characters', () => {
    expect(formatFitsCard(['SIMPLE', true, 'conforms'])).toBe(
      `SIMPLE  =                    T / conforms${' '.repeat(39)}`,
    );
    expect(formatFitsCard(['EXPTIME', 300])).toBe(
      `EXPTIME =                  300${' '.repeat(50)}`,
    );
    expect(formatFitsCard(['CCD-TEMP', -9.9])).toBe(
      `CCD-TEMP=                 -9.9${' '.repeat(50)}`,
    );
    expect(formatFitsCard(['FILTER', 'Ha'])).toBe(`FILTER  = 'Ha      '${' '.repeat(60)}`);
    expect(formatFitsCard(['OBJECT', "Barnard's Loop"])).toBe(
      "OBJECT  = 'Barnard''s Loop'".padEnd(80),
    );
    expect(formatFitsCard(['TINY', 1.5e-9])).toContain('1.5E-9');
  });

  it('refuses what FITS cannot hold', () => {
    expect(() => formatFitsCard(['lower', 1])).toThrow('invalid FITS keyword');
    expect(() => formatFitsCard(['LONG', 'x'.repeat(80)])).toThrow('too long');
    expect(() => formatFitsCard(['NAN', Number.NaN])).toThrow('finite');
  });
});

describe('formatFitsHeader', () => {
  it('ends with END and pads to whole 2880-byte blocks', () => {
    const one = formatFitsHeader([['SIMPLE', true]]);
    expect(one.length).toBe(FITS_BLOCK_SIZE);
    expect(one.toString('ascii', 80, 83)).toBe('END');
    const cards = Array.from({ length: 36 }, (_, i) => [`KEY${i}`, i] as const);
    const two = formatFitsHeader(cards);
    expect(two.length).toBe(2 * FITS_BLOCK_SIZE);
    expect(two.toString('ascii', 36 * 80, 36 * 80 + 3)).toBe('END');
    expect(/^[\x20-\x7e]*$/.test(two.toString('latin1'))).toBe(true);
  });
});
