import { describe, expect, it } from 'vitest';
import { layoutProblems, NAMED_LAYOUTS, parseLayout, renderLayout } from './layout-template.js';

describe('layout templates', () => {
  it.each([
    ['{filter}', { filter: 'Ha' }, 'Ha'],
    ['Session_{session}deg/{filter}', { session: '71', filter: 'ALPT' }, 'Session_71deg/ALPT'],
    [
      '{target}/{night}/{filter}',
      { target: 'M 31', night: '2025-09-01', filter: 'L' },
      'M 31/2025-09-01/L',
    ],
    ['{filter}/SESSION_{n}', { filter: 'L', n: '2' }, 'L/SESSION_2'],
    [
      '{filter}_{exposure}s_{binning}',
      { filter: 'L', exposure: '0.81', binning: '1x1' },
      'L_0.81s_1x1',
    ],
  ])('%s renders %j as %s', (source, values, folder) => {
    expect(renderLayout(parseLayout(source), values)).toEqual({ folder });
  });

  it.each([
    ['../../etc', '___.._etc'],
    ['a/b', 'a_b'],
    ['CON', '_CON'],
    ['nul.txt', '_nul.txt'],
    ['..', '_'],
    ['Ha\u0000\u001b[31m', 'Ha__[31m'],
    ['L. ', 'L'],
  ])('makes the header value %j a safe folder name (%s)', (filter, folder) => {
    expect(renderLayout(parseLayout('{filter}'), { filter })).toEqual({ folder });
  });

  it('lists the placeholders a frame has no value for', () => {
    expect(
      renderLayout(parseLayout('{target}/{night}/{filter}'), { filter: 'L', night: null }),
    ).toEqual({
      missing: ['target', 'night'],
    });
  });

  it.each([
    ['', 'the layout is empty'],
    ['/abs/{filter}', 'the layout must be relative'],
    ['C:/x', 'the layout must be relative'],
    ['{filter}//x', 'empty folder name'],
    ['../{filter}', '".." is not allowed'],
    ['{filtr}', 'unknown placeholder {filtr}'],
    ['{filter', 'unbalanced braces'],
    ['a:b/{filter}', 'characters a folder name cannot have'],
  ])('refuses %j: %s', (source, problem) => {
    expect(layoutProblems(source).join('\n')).toContain(problem);
    expect(() => parseLayout(source)).toThrow();
  });

  it('accepts every named layout and knows which need sessions', () => {
    for (const source of Object.values(NAMED_LAYOUTS)) expect(layoutProblems(source)).toEqual([]);
    expect(parseLayout(NAMED_LAYOUTS.session).usesSessions).toBe(true);
    expect(parseLayout(NAMED_LAYOUTS.filter).usesSessions).toBe(false);
  });
});
