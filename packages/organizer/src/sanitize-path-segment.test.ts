import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sanitizePathSegment } from './sanitize-path-segment.js';

describe('sanitizePathSegment', () => {
  it.each([
    ['Ha', 'Ha'],
    ['../../etc', '___.._etc'],
    ['.astrotrack', '_astrotrack'],
    ['.ASTROTRACK/cache', '_ASTROTRACK_cache'],
    ['...hidden', '___hidden'],
    ['L\u202eevil', 'L_evil'],
    ['line\nbreak', 'line_break'],
    ['星'.repeat(150), '星'.repeat(85)],
    [`${'a'.repeat(254)}é`, 'a'.repeat(254)],
    ['a/b', 'a_b'],
    ['a\\b', 'a_b'],
    ['CON', '_CON'],
    ['nul.txt', '_nul.txt'],
    ['com1', '_com1'],
    ['..', '_'],
    ['.', '_'],
    ['', '_'],
    ['   ', '_'],
    ['M 42 ', 'M 42'],
    ['name.', 'name'],
    ['bell\u0007tab\t', 'bell_tab_'],
    ['UV/IR', 'UV_IR'],
    ['a:b*c?"d<e>f|g', 'a_b_c__d_e_f_g'],
  ])('%j → %j', (input, expected) => {
    expect(sanitizePathSegment(input)).toBe(expected);
  });

  it('never returns a separator, a dot name, a control character or a reserved name', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300, unit: 'grapheme' }), (input) => {
        const out = sanitizePathSegment(input);
        expect(out.length).toBeGreaterThan(0);
        expect(Buffer.byteLength(out, 'utf8')).toBeLessThanOrEqual(255);
        expect(out).not.toMatch(/^\./);
        // No character cut in half: no lone surrogate.
        expect(out).not.toMatch(
          /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/,
        );
        // biome-ignore lint/suspicious/noControlCharactersInRegex: escape and control characters are what this checks
        expect(out).not.toMatch(/[/\\<>:"|?*\u0000-\u001f]/);
        expect(out).not.toMatch(/^\.+$/);
        expect(out).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i);
        expect(out).not.toMatch(/[. ]$/);
      }),
    );
  });
});
