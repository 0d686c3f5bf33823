import { describe, expect, it } from 'vitest';
import { createFilterSet, DEFAULT_FILTERS } from './filter-set.js';

describe('createFilterSet', () => {
  it('knows the toolkit filters in the toolkit order', () => {
    const filters = createFilterSet();
    expect(filters.order).toEqual([...DEFAULT_FILTERS, 'OSC']);
    expect(filters.rank('L')).toBe(0);
    expect(filters.rank('UVIR')).toBe(9);
    expect(filters.rank('OSC')).toBe(10);
    expect(filters.rank('Nope')).toBe(11);
  });

  it.each([
    ['L', 'L'],
    ['l', 'L'],
    ['HA', 'Ha'],
    ['ha', 'Ha'],
    ['oiii', 'OIII'],
    ['Lum', 'L'],
    ['LUMINANCE', 'L'],
    ['H-alpha', 'Ha'],
    ['O3', 'OIII'],
    ['alpt2', 'ALPT2'],
    [' Ha ', 'Ha'],
  ])('%j is %j', (spelling, canonical) => {
    expect(createFilterSet().canonical(spelling)).toBe(canonical);
  });

  it.each(['Clear', 'Light', 'gain100', '', 'LL'])('%j is no filter', (spelling) => {
    expect(createFilterSet().canonical(spelling)).toBeNull();
  });

  it('adds extra filters after the known ones and takes rig aliases', () => {
    const filters = createFilterSet({
      extra: ['HaOIII', 'L'],
      aliases: { Clear: 'L', duo: 'HaOIII' },
    });
    expect(filters.order.slice(-2)).toEqual(['HaOIII', 'OSC']);
    expect(filters.canonical('clear')).toBe('L');
    expect(filters.canonical('DUO')).toBe('HaOIII');
  });

  it('replaces the list when known is given; default aliases to dropped filters go too', () => {
    const filters = createFilterSet({ known: ['Ha', 'OIII'] });
    expect(filters.order).toEqual(['Ha', 'OIII', 'OSC']);
    expect(filters.canonical('L')).toBeNull();
    expect(filters.canonical('Lum')).toBeNull();
    expect(filters.canonical('O3')).toBe('OIII');
  });

  it.each([
    [{}, 'OSC', ['OSC', 'osc', 'NoFilter', 'No Filter', 'none']],
    [{ noFilter: 'Colour' }, 'Colour', ['colour', 'NoFilter', 'None']],
    [{ noFilter: ' L ' }, 'L', ['L', 'Lum', 'NoFilter']],
    [{ noFilter: 'DSLR', aliases: { None: 'Ha' } }, 'DSLR', ['dslr', 'NoFilter']],
  ])('names "no filter" %j as %j, with its spellings', (options, noFilter, spellings) => {
    const filters = createFilterSet(options);
    expect(filters.noFilter).toBe(noFilter);
    expect(filters.order.filter((name) => name === noFilter)).toHaveLength(1);
    for (const spelling of spellings) expect(filters.canonical(spelling)).toBe(noFilter);
  });

  it('lets a rig alias win over a "no filter" spelling', () => {
    expect(createFilterSet({ aliases: { None: 'Ha' } }).canonical('none')).toBe('Ha');
  });

  it('escapes spellings for the name pattern', () => {
    const filters = createFilterSet({ extra: ['H.a+'] });
    expect(new RegExp(`^(${filters.spellingsPattern})$`, 'i').test('h.a+')).toBe(true);
    expect(new RegExp(`^(${filters.spellingsPattern})$`, 'i').test('hXa')).toBe(false);
  });
});
