import { describe, expect, it } from 'vitest';
import { validateConfig } from './validate-config.js';

const known = { parsers: new Set(['toolkit', 'nina']), plugins: new Set<string>() };

function problems(raw: unknown): string[] {
  const result = validateConfig(raw, known);
  return result.ok ? [] : result.problems;
}

describe('validateConfig', () => {
  it('accepts an empty config and a full one', () => {
    expect(problems({})).toEqual([]);
    expect(problems(undefined)).toEqual([]);
    expect(
      problems({
        rig: 'redcat',
        filters: { extra: ['HaOIII'], aliases: { Lum: 'L', Duo: 'HaOIII' } },
        parsers: ['toolkit', ['nina', { pattern: '$$FILTER$$' }]],
        plan: { targetHours: 10, allocation: { L: 40, Red: 20 }, rejectionBuffer: 10 },
        report: { sort: 'remaining-time', includeUnknown: true },
        rigs: { redcat: { plan: { allocation: { Ha: 50, OIII: 50 } } } },
      }),
    ).toEqual([]);
  });

  it("takes targets' goals beside their aliases, and names a goal that is wrong by its path", () => {
    expect(
      problems({
        targets: {
          aliases: { Andromeda: 'M31' },
          'M 31': { plan: { targetHours: 20, allocation: { L: 40 } } },
        },
        rigs: { redcat: { targets: { 'NGC 7000': { plan: { targetHours: 8 } } } } },
      }),
    ).toEqual([]);
    const found = problems({
      targets: {
        'M 31': { plan: { allocation: { L: 40 } } },
        alias: { Andromeda: 'M31' },
      },
    });
    expect(found.some((p) => p.startsWith('targets.M 31.plan.targetHours'))).toBe(true);
    expect(found.some((p) => p.startsWith('targets.alias'))).toBe(true);
  });

  it('lists every problem at once, each with its path', () => {
    expect(
      problems({
        rig: 'redkat',
        parsers: ['toolkit', 'ninja', 42],
        plan: { targetHours: -1, allocation: { L: 140 } },
        report: { sort: 'fastest' },
        rigs: {
          redcat: { parsers: [['ninja', {}]], plan: { alocation: {} }, astrobin: { filters: {} } },
        },
        colour: true,
      }),
    ).toEqual([
      'plan.targetHours: expected a number from 0.01 to 100000',
      'plan.allocation.L: expected a number from 0 to 100',
      'report.sort: Invalid option: expected one of "filter"|"exposure"|"subs"|"total"|"remaining-time"|"remaining-subs"',
      'parsers[2]: expected a plugin name, a [name, options] pair or a plugin object',
      'rigs.redcat.plan.alocation: unknown setting (did you mean "allocation"?)',
      // A setting that moved says where to.
      "rigs.redcat.astrobin: moved: the astrobin reporter's options go with it, reporters: [[astrobin, { filterIds, bortle, meanSqm }]]",
      'colour: unknown setting',
      // In the same pass: what the names say, wherever the shape let them be read.
      'parsers[1]: unknown parser "ninja" (did you mean "nina"?); built-in: toolkit, nina',
      'rigs.redcat.parsers[0]: unknown parser "ninja" (did you mean "nina"?); built-in: toolkit, nina',
      'rig: no rig named "redkat" under "rigs" (did you mean "redcat"?)',
    ]);
  });

  it('checks names and filters once the shape is right, again listing all with paths', () => {
    expect(
      problems({
        rig: 'redkat',
        parsers: ['toolkit', 'ninja'],
        plan: { allocation: { L: 40, Hb: 10 } },
        filters: { aliases: { Duo: 'HaOIII' } },
        rigs: {
          redcat: {
            parsers: [['ninja', {}]],
            filters: { known: ['Ha'] },
            plan: { allocation: { L: 5 } },
          },
        },
      }),
    ).toEqual([
      'parsers[1]: unknown parser "ninja" (did you mean "nina"?); built-in: toolkit, nina',
      'filters.aliases.Duo: "HaOIII" is not a known filter; add it to filters.extra',
      'plan.allocation.Hb: unknown filter (did you mean "Ha"?); known: L, R, G, B, Ha, OIII, SII, ALPT, ALPT2, UVIR, OSC',
      'rigs.redcat.parsers[0]: unknown parser "ninja" (did you mean "nina"?); built-in: toolkit, nina',
      'rigs.redcat.plan.allocation.L: unknown filter; known: Ha, OSC',
      'rig: no rig named "redkat" under "rigs" (did you mean "redcat"?)',
    ]);
  });

  it('lists shape and name problems in one pass, even when some part has the wrong shape', () => {
    expect(
      problems({
        colour: 'yes',
        parsers: ['ninja'],
        plan: { targetHours: -1, allocation: { Hb: 10 } },
        filters: { extra: ['HaOIII'], noFilter: 'Colour' },
        rigs: {
          redcat: { parsers: 'toolkit', plan: { allocation: { Colour: 100, Lum: 5 } } },
          mono: { filters: { noFilter: '' }, plan: { allocation: { OSC: 100 } } },
        },
      }),
    ).toEqual([
      'plan.targetHours: expected a number from 0.01 to 100000',
      'rigs.redcat.parsers: Invalid input: expected array, received string',
      'rigs.mono.filters.noFilter: Too small: expected string to have >=1 characters',
      'colour: unknown setting',
      'parsers[0]: unknown parser "ninja" (did you mean "nina"?); built-in: toolkit, nina',
      // A part with a bad value is still read key by key: the allocation next to a bad targetHours.
      'plan.allocation.Hb: unknown filter (did you mean "Ha"?); known: L, R, G, B, Ha, OIII, SII, ALPT, ALPT2, UVIR, HaOIII, Colour',
      // The rig's filters are the top level's merged with its own, as a scan sees them: its own
      // noFilter is refused above, so "no filter" is the top level's Colour, not OSC.
      'rigs.mono.plan.allocation.OSC: unknown filter; known: L, R, G, B, Ha, OIII, SII, ALPT, ALPT2, UVIR, HaOIII, Colour',
    ]);
  });

  it('requires third-party plugin objects to be namespaced and complete', () => {
    expect(
      problems({
        parsers: [
          { name: 'mine', parse: () => null },
          { name: 'acme/mine' },
          { name: 'acme/ok', parse: () => null },
        ],
        plugins: [{ name: 'acme/obs', setup: () => {} }, { setup: () => {} }],
      }),
    ).toEqual([
      'parsers[0]: plugin name "mine" must be namespaced, like "you/mine", so it cannot clash with a built-in',
      'parsers[1]: parser "acme/mine" has no parse() function',
      'plugins[1]: a plugin needs a non-empty string "name"',
    ]);
  });

  it("checks a built-in reporter's options with the reporter's own rules, and refuses a bare name", () => {
    const withReporters = {
      ...known,
      reporters: new Set(['astrobin', 'csv']),
      reporterOptions: (name: string, options: unknown) =>
        name === 'astrobin' && !('filterIds' in (options as object))
          ? ['bortl: unknown option']
          : [],
    };
    const result = validateConfig(
      {
        reporters: ['csv', ['astrobin', { bortl: 4 }], ['tabel', {}]],
        rigs: { a: { reporters: [['astrobin', { filterIds: { L: 1 } }]] } },
      },
      withReporters,
    );
    expect(result.ok ? [] : result.problems).toEqual([
      'reporters[0]: expected a [name, options] pair or a reporter object',
      'reporters[1].bortl: unknown option',
      'reporters[2]: unknown reporter "tabel"; built-in: astrobin, csv',
    ]);
  });
});
