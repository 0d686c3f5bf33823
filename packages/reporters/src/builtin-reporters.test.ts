import { describe, expect, it } from 'vitest';
import { createFilterSet } from '@astrotrack/core';
import { builtinReporters, isBuiltinReporter, loadBuiltinReporter } from './builtin-reporters.js';
import { REPORTER_OPTIONS, reporterOptionProblems } from './reporter-options.js';

const context = { filters: createFilterSet() };

describe('builtinReporters', () => {
  it('loads each built-in by name, as a plugin named after it', async () => {
    for (const name of Object.keys(builtinReporters)) {
      const reporter = await loadBuiltinReporter(name, {});
      expect(reporter.name).toBe(name);
      expect(typeof reporter.format).toBe('function');
    }
    expect(isBuiltinReporter('table')).toBe(true);
    expect(isBuiltinReporter('toString')).toBe(false);
    expect(Object.keys(REPORTER_OPTIONS)).toEqual(Object.keys(builtinReporters));
  });

  it("lists every problem with a built-in's options, by path", () => {
    expect(reporterOptionProblems('astrobin', { filterIds: { L: 4531, Hb: 1 } }, context)).toEqual([
      'filterIds.Hb: unknown filter; known: L, R, G, B, Ha, OIII, SII, ALPT, ALPT2, UVIR, OSC',
    ]);
    expect(
      reporterOptionProblems('astrobin', { filterIds: { L: -1 }, bortle: 12, sqm: 20 }, context),
    ).toEqual([
      'filterIds.L: Too small: expected number to be >0',
      'bortle: Too big: expected number to be <=9',
      'sqm: unknown option',
    ]);
    expect(reporterOptionProblems('json', { pretty: true }, context)).toEqual([
      'pretty: unknown option',
    ]);
    expect(reporterOptionProblems('json', {}, context)).toEqual([]);
  });
});
