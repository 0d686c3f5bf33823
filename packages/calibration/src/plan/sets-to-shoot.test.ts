/**
 * What to shoot is the fewest sets, and enough: on random archives, the darks to shoot are as few as
 * an exhaustive search finds, and after shooting every suggested set, no light group still misses
 * darks, flats or the flats' calibration.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CalibrationSet, LightGroup, SetToShoot } from '@astrotrack/core/internal';
import { matchGroup } from '../calibration-plugin.js';
import { CAMERA, lights, RULES, set } from '../test-support/sets.js';
import type { LightSetup } from '../match/rules.js';
import { setsToShoot } from './sets-to-shoot.js';
import { stabTemperatures } from './stab-temperatures.js';

const TODAY = '2026-11-01';
const FRAMES = { dark: 30, bias: 50, darkflat: 25, flat: 20 };

/** Groups of a small pool of setups, so classes repeat and temperatures crowd. */
const groupArbitrary: fc.Arbitrary<LightSetup> = fc
  .record({
    camera: fc.constantFrom(CAMERA, 'ZWO ASI533MC Pro'),
    gain: fc.constantFrom(0, 100),
    exposureSeconds: fc.constantFrom(60, 300),
    centre: fc.constantFrom(-15, -10, -5, 0),
    tenths: fc.integer({ min: -35, max: 35 }),
    filter: fc.constantFrom('L', 'Ha'),
    angle: fc.constantFrom(null, 44, 46.5, 135, 359.5, 1.2),
    day: fc.integer({ min: 1, max: 28 }),
  })
  .map((g) =>
    lights({
      camera: g.camera,
      gain: g.gain,
      exposureSeconds: g.exposureSeconds,
      sensorTemperature: Math.round(g.centre * 10 + g.tenths) / 10,
      filter: g.filter,
      angle: g.angle === null ? null : { from: g.angle, to: g.angle },
      night: `2026-10-${String(g.day).padStart(2, '0')}`,
    }),
  );

/** The fewest sets by brute force: every partition of the groups into sets one dark can cover. */
function fewestDarkSets(groups: readonly LightGroup[], tolerance: number): number {
  const reach = Math.floor(tolerance * 10 + 1e-6);
  const classOf = (g: LightGroup) =>
    JSON.stringify([g.camera, g.gain, g.offset, g.binning, g.readoutMode, g.exposureSeconds]);
  const oneDark = (members: readonly LightGroup[]) => {
    if (new Set(members.map(classOf)).size > 1) return false;
    const tenths = members.map((g) => Math.round(g.sensorTemperature! * 10));
    return Math.max(...tenths) - Math.min(...tenths) <= 2 * reach;
  };
  let best = groups.length;
  const search = (index: number, blocks: LightGroup[][]) => {
    if (blocks.length >= best) return;
    if (index === groups.length) {
      best = blocks.length;
      return;
    }
    const group = groups[index]!;
    for (const block of blocks) {
      if (!oneDark([...block, group])) continue;
      block.push(group);
      search(index + 1, blocks);
      block.pop();
    }
    blocks.push([group]);
    search(index + 1, blocks);
    blocks.pop();
  };
  search(0, []);
  return best;
}

/** A suggested set, shot today. */
function shot(entry: SetToShoot): CalibrationSet {
  return set(entry.kind, {
    camera: entry.camera,
    exposureSeconds: entry.exposureSeconds,
    gain: entry.gain,
    offset: entry.offset,
    binning: entry.binning,
    readoutMode: entry.readoutMode,
    sensorTemperature: entry.sensorTemperature,
    filter: entry.filter,
    angle: entry.angle,
    date: TODAY,
  });
}

describe('setsToShoot', () => {
  it('suggests the fewest darks, and every suggestion together calibrates every group', () => {
    fc.assert(
      fc.property(
        fc.array(groupArbitrary, { minLength: 1, maxLength: 6 }),
        fc.constantFrom(0.5, 1, 2, 3),
        fc.boolean(),
        (setups, temperatureTolerance, withBias) => {
          const rules = { ...RULES, temperatureTolerance };
          const owned = withBias ? [set('bias', { date: TODAY })] : [];
          const groups = setups.map((setup) => matchGroup(setup, owned, rules));
          const { toShoot, tooOld } = setsToShoot(groups, rules, FRAMES, TODAY);
          expect(tooOld).toBe(0);
          const darks = toShoot.filter((entry) => entry.kind === 'dark');
          expect(darks.length).toBe(fewestDarkSets(groups, temperatureTolerance));
          for (const entry of toShoot) expect(entry.frames).toBe(FRAMES[entry.kind]);
          expect(darks.reduce((sum, entry) => sum + entry.groups, 0)).toBe(groups.length);

          // First the flats (their own calibration follows them), then everything suggested.
          const afterFlats = [...owned, ...toShoot.filter((e) => e.kind !== 'darkflat').map(shot)];
          const next = setsToShoot(
            setups.map((setup) => matchGroup(setup, afterFlats, rules)),
            rules,
            FRAMES,
            TODAY,
          ).toShoot;
          const all = [...afterFlats, ...next.map(shot)];
          for (const setup of setups) {
            const group = matchGroup(setup, all, rules);
            expect(group.dark.status).not.toBe('missing');
            expect(group.flat.status).not.toBe('missing');
            expect(group.flatDarks.status).not.toBe('missing');
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('groups the sets by what they are for: "darks 300 s, gain 100 (for 2 nights of M31 and NGC 7000)"', () => {
    const setups = [
      lights({ night: '2026-10-20', sensorTemperature: -10.2 }),
      lights({ night: '2026-10-21', target: 'NGC 7000', sensorTemperature: -9.1 }),
      lights({ night: '2026-10-21', gain: 0, sensorTemperature: -10 }),
    ];
    const groups = setups.map((setup) => matchGroup(setup, [], RULES));
    const darks = setsToShoot(groups, RULES, FRAMES, TODAY).toShoot.filter(
      (e) => e.kind === 'dark',
    );
    expect(darks).toEqual([
      expect.objectContaining({
        gain: 100,
        sensorTemperature: -10,
        groups: 2,
        nights: 2,
        targets: ['M31', 'NGC 7000'],
      }),
      expect.objectContaining({
        gain: 0,
        sensorTemperature: -10,
        groups: 1,
        nights: 1,
        targets: ['M31'],
      }),
    ]);
  });

  it('with scaleDarks, one long dark per temperature covers the shorter lights too', () => {
    const setups = [lights({ exposureSeconds: 60 }), lights({ exposureSeconds: 300 })];
    const rules = { ...RULES, scaleDarks: true };
    const groups = setups.map((setup) => matchGroup(setup, [set('bias', { date: TODAY })], rules));
    const darks = setsToShoot(groups, rules, FRAMES, TODAY).toShoot.filter(
      (e) => e.kind === 'dark',
    );
    expect(darks).toEqual([expect.objectContaining({ exposureSeconds: 300, groups: 2 })]);
  });

  it('never promises what a set shot today could not do: groups past the age limit are counted apart', () => {
    const old = lights({ night: '2025-06-01' });
    const groups = [matchGroup(old, [], RULES)];
    const result = setsToShoot(groups, RULES, FRAMES, TODAY);
    expect(result.tooOld).toBe(1);
    expect(result.toShoot.filter((entry) => entry.kind === 'dark')).toEqual([]);
  });
});

describe('stabTemperatures', () => {
  it('covers every temperature, in whole degrees when one covers the same', () => {
    const sets = stabTemperatures([-10.2, -9.1, -7.4, -3, -2.6], 2);
    expect(sets.map((s) => s.temperature)).toEqual([-9, -3]);
    expect(sets.map((s) => s.covers)).toEqual([
      [0, 1, 2],
      [3, 4],
    ]);
    // ±0.2 °C: no whole degree covers −10.4 and −10.1; the middle in tenths does.
    expect(stabTemperatures([-10.4, -10.1], 0.2).map((s) => s.temperature)).toEqual([-10.2]);
  });
});
