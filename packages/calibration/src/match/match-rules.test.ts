/** The matching rules, kind by kind: what rules a set out, what only warns, and which set wins. */
import { describe, expect, it } from 'vitest';
import { lights, RULES, set } from '../test-support/sets.js';
import { matchDarks } from './match-dark.js';
import { matchFlatDarks } from './match-flat-darks.js';
import { matchFlats } from './match-flat.js';

describe('darks', () => {
  it.each([
    ['the same setup', {}, 'ok', []],
    ['0.3 °C off', { sensorTemperature: -10.3 }, 'ok', []],
    ['2 °C off, the limit', { sensorTemperature: -8 }, 'ok', []],
    ['2.1 °C off', { sensorTemperature: -7.9 }, 'missing', ['temperature −7.9 °C, 2.1 °C from']],
    ['another gain', { gain: 0 }, 'missing', ['gain 0, the lights 100']],
    ['another offset', { offset: 10 }, 'missing', ['offset 10, the lights 50']],
    ['another camera', { camera: 'ZWO ASI533MC Pro' }, 'missing', ['camera ZWO ASI533MC Pro']],
    ['another binning', { binning: '2x2' }, 'missing', ['binning 2x2, the lights 1x1']],
    ['another readout mode', { readoutMode: 'High Gain' }, 'warn', []],
    [
      'a longer exposure',
      { exposureSeconds: 600 },
      'missing',
      ['exposure 600 s, the lights 300 s'],
    ],
    ['two years older', { date: '2024-09-01' }, 'missing', ['days before the lights (limit 365)']],
    ['no temperature', { sensorTemperature: null }, 'warn', []],
    ['no camera', { camera: null }, 'warn', []],
  ] as const)('%s: %s', (_, fields, status, failures) => {
    const match = matchDarks(lights(), [set('dark', fields)], RULES);
    expect(match.status).toBe(status);
    if (status === 'missing') {
      expect(match.nearest?.why.join('; ')).toContain(failures[0]);
      expect(match.missing).toBe(
        'darks: 300 s, gain 100, offset 50, −10 °C, bin 1x1, ZWO ASI2600MM Pro',
      );
    } else expect(match.set).not.toBeNull();
  });

  it('says how a matched set differs: "temperature 0.3 °C off"', () => {
    const match = matchDarks(lights(), [set('dark', { sensorTemperature: -10.3 })], RULES);
    expect(match.notes).toContain('temperature 0.3 °C off');
    expect(match.ageDays).toBe(1);
  });

  it('prefers exact to near, then the set closest in time, newer on a tie', () => {
    const near = set('dark', { sensorTemperature: -11, date: '2026-10-02' });
    const exactOld = set('dark', { date: '2026-09-01' });
    const exactBefore = set('dark', { date: '2026-10-01' });
    const exactAfter = set('dark', { date: '2026-10-03' });
    expect(matchDarks(lights(), [near, exactOld], RULES).set).toBe(exactOld);
    expect(matchDarks(lights(), [exactOld, exactBefore], RULES).set).toBe(exactBefore);
    expect(matchDarks(lights(), [exactBefore, exactAfter], RULES).set).toBe(exactAfter);
    // A set that warns (its temperature unknown) loses to one that does not, however far.
    const unknown = set('dark', { sensorTemperature: null, date: '2026-10-02' });
    expect(matchDarks(lights(), [unknown, exactOld], RULES).set).toBe(exactOld);
  });

  it('prefers the frames in the scanned folder to a library record of the same set', () => {
    const recorded = set('dark', { source: 'library' });
    const here = set('dark');
    expect(matchDarks(lights(), [recorded, here], RULES).set).toBe(here);
  });

  it('takes darks within the exposure tolerance, and scales longer ones only with bias', () => {
    const close = set('dark', { exposureSeconds: 301 });
    expect(matchDarks(lights(), [close], RULES).status).toBe('missing');
    const tolerant = matchDarks(lights(), [close], { ...RULES, exposureTolerance: 1 });
    expect(tolerant.status).toBe('ok');
    expect(tolerant.notes).toContain('exposure 301 s for 300 s lights');

    const long = set('dark', { exposureSeconds: 600 });
    const scaling = { ...RULES, scaleDarks: true };
    expect(matchDarks(lights(), [long], scaling).nearest?.why[0]).toMatch(/needs bias/);
    const scaled = matchDarks(lights(), [long, set('bias')], scaling);
    expect(scaled.status).toBe('ok');
    expect(scaled.notes[0]).toMatch(/^scaled from 600 s with bias/);
    // Never a shorter dark, and an exact one wins over a scaled one.
    expect(
      matchDarks(lights(), [set('dark', { exposureSeconds: 120 }), set('bias')], scaling).status,
    ).toBe('missing');
    const exact = set('dark');
    expect(matchDarks(lights(), [long, set('bias'), exact], scaling).set).toBe(exact);
  });

  it('uses a master dark like a set of frames', () => {
    const master = set('dark', { master: true, frames: null });
    const match = matchDarks(lights(), [master], RULES);
    expect(match).toMatchObject({ status: 'ok', set: { master: true } });
  });
});

describe('flats', () => {
  it.each([
    ['the same angle', {}, 'ok'],
    ['2.5° from the far end of the lights', { angle: 47.5 }, 'ok'],
    ['2.6° from the far end', { angle: 47.6 }, 'missing'],
    ['across 0°', { angle: 359 }, 'missing'],
    ['another filter', { filter: 'R' }, 'missing'],
    ['no angle, for lights with one', { angle: null }, 'missing'],
    ['another binning', { binning: '2x2' }, 'missing'],
    ['shot 100 days before (old flats still count)', { date: '2026-06-24' }, 'warn'],
  ] as const)('%s', (_, fields, status) => {
    expect(matchFlats(lights(), [set('flat', fields)], RULES).status).toBe(status);
  });

  it('covers lights across 0°, and lights without an angle only with flats without one', () => {
    const across = lights({ angle: { from: 359.5, to: 0.4 } });
    expect(matchFlats(across, [set('flat', { angle: 1 })], RULES).status).toBe('ok');
    const fixed = lights({ angle: null });
    expect(matchFlats(fixed, [set('flat', { angle: null })], RULES).status).toBe('ok');
    expect(matchFlats(fixed, [set('flat')], RULES).status).toBe('missing');
  });

  it('lets old flats count only while the rig says so', () => {
    const old = set('flat', { date: '2026-01-01' });
    expect(matchFlats(lights(), [old], { ...RULES, oldFlatsCover: false }).status).toBe('missing');
  });

  it("takes the flat library's flats, whose camera and binning are unknown, as for any", () => {
    const fromLibrary = set('flat', {
      source: 'flat-library',
      camera: null,
      binning: null,
      gain: null,
      exposureSeconds: null,
    });
    expect(matchFlats(lights(), [fromLibrary], RULES).status).toBe('ok');
  });
});

describe('the flats’ own calibration', () => {
  const flat = (fields = {}) => matchFlats(lights(), [set('flat', fields)], RULES);

  it('is dark flats at the flat’s exposure, else bias, else missing', () => {
    const darkFlats = set('darkflat', { exposureSeconds: 1.5 });
    const bias = set('bias');
    expect(matchFlatDarks(lights(), flat(), [darkFlats, bias], RULES).set).toBe(darkFlats);
    expect(
      matchFlatDarks(lights(), flat(), [set('darkflat', { exposureSeconds: 3 }), bias], RULES).set,
    ).toBe(bias);
    const none = matchFlatDarks(lights(), flat(), [set('darkflat', { exposureSeconds: 3 })], RULES);
    expect(none.status).toBe('missing');
    expect(none.missing).toMatch(/^dark flats: 1\.5 s, gain 100/);
    expect(none.nearest?.why).toEqual(['exposure 3 s, the flats 1.5 s']);
  });

  it('follows the flat’s gain, not the lights’', () => {
    const flatAtGain0 = flat({ gain: 0, offset: 10 });
    expect(matchFlatDarks(lights(), flatAtGain0, [set('bias')], RULES).status).toBe('missing');
    expect(
      matchFlatDarks(lights(), flatAtGain0, [set('bias', { gain: 0, offset: 10 })], RULES).status,
    ).toBe('ok');
  });

  it('is not needed for a master flat', () => {
    const master = flat({ master: true });
    expect(matchFlatDarks(lights(), master, [], RULES)).toMatchObject({ status: 'ok', set: null });
  });

  it('for lights without flats: a bias at the lights’ gain will do for the flats to come', () => {
    const noFlat = matchFlats(lights(), [], RULES);
    expect(matchFlatDarks(lights(), noFlat, [set('bias')], RULES).status).toBe('ok');
    expect(matchFlatDarks(lights(), noFlat, [], RULES).missing).toMatch(
      /new flats' exposure, or bias/,
    );
  });
});
