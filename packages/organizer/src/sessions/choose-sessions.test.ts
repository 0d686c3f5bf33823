import { describe, expect, it } from 'vitest';
import { WAR_AND_PEACE_FLATS, warAndPeaceLights } from '@astrotrack/test-utils/war-and-peace';
import { chooseSessions, type SessionFlat, type SessionLight } from './choose-sessions.js';

const flatsOf = (byFilter: Record<string, number[]>): SessionFlat[] =>
  Object.entries(byFilter).flatMap(([filter, angles]) =>
    angles.map((angle) => ({ filter, angle })),
  );

const light = (filter: string, angle: number, binning: string | null = null): SessionLight => ({
  filter,
  angle,
  binning,
});

describe('chooseSessions', () => {
  it('gives the War and Peace example two sessions, not the toolkit printout’s three', () => {
    const lights = warAndPeaceLights().map((l) => light(l.filter, l.angle));
    const choice = chooseSessions(lights, flatsOf(WAR_AND_PEACE_FLATS), { tolerance: 2 });
    expect(
      choice.sessions.map((s) => ({
        angle: s.angle,
        filters: s.filters.map((f) => [
          f.filter,
          f.frames,
          f.lights.from,
          f.lights.to,
          f.flatOwned,
        ]),
      })),
    ).toEqual([
      { angle: 10, filters: [['ALPT2', 38, 10, 10, true]] },
      {
        angle: 71,
        filters: [
          ['ALPT', 165, 70.4, 72.53, true],
          ['ALPT2', 121, 70.47, 72.53, true],
        ],
      },
    ]);
    expect(choice.flatsToShoot).toEqual([]);
    expect(choice.sessionOf.filter((index) => index === 1)).toHaveLength(286);
  });

  it('prefers the angle owned for more filters when two cover the same lights', () => {
    const lights = [light('L', 50), light('R', 50.5)];
    const choice = chooseSessions(lights, flatsOf({ L: [49, 51], R: [51] }), { tolerance: 2 });
    expect(choice.sessions.map((s) => s.angle)).toEqual([51]);
  });

  it('then prefers the angle nearest the middle of the lights it covers', () => {
    const lights = [light('L', 50.2), light('L', 50.8)];
    const choice = chooseSessions(lights, flatsOf({ L: [49, 50.5, 52] }), { tolerance: 2 });
    expect(choice.sessions.map((s) => s.angle)).toEqual([50.5]);
  });

  it('covers the most lights first, even when a nearer flat exists for some', () => {
    // 70 is nearest to half the lights, but 72 covers all 6: one session, not two.
    const lights = [70.2, 70.5, 71, 73, 73.5, 74].map((a) => light('L', a));
    const choice = chooseSessions(lights, flatsOf({ L: [70, 72] }), { tolerance: 2 });
    expect(choice.sessions.map((s) => [s.angle, s.frames])).toEqual([[72, 6]]);
  });

  it('sends each light to the nearest chosen angle that covers it', () => {
    // 99 is chosen first (5 lights from 97.4 to 101), then 96 for 94 and 95; 97.4 then moves to 96,
    // which is nearer.
    const lights = [94, 95, 97.4, 98, 99, 100, 101].map((a) => light('L', a));
    const choice = chooseSessions(lights, flatsOf({ L: [96, 99] }), { tolerance: 2 });
    expect(choice.sessions.map((s) => [s.angle, s.frames])).toEqual([
      [96, 3],
      [99, 4],
    ]);
  });

  it('puts lights with no flat into a session of another filter’s flat when one is near', () => {
    const lights = [light('ALPT2', 10), light('ALPT', 10.5)];
    const choice = chooseSessions(lights, flatsOf({ ALPT2: [10] }), { tolerance: 2 });
    expect(choice.sessions).toHaveLength(1);
    expect(choice.flatsToShoot).toEqual([{ filter: 'ALPT', angle: 10 }]);
  });

  it('makes the fewest new angles for lights no flat is near, shared across filters', () => {
    const lights = [light('L', 200.2), light('R', 201.4), light('L', 300)];
    const choice = chooseSessions(lights, [], { tolerance: 2 });
    expect(choice.sessions.map((s) => [s.angle, s.owned, s.frames])).toEqual([
      [201, false, 2],
      [300, false, 1],
    ]);
    expect(choice.flatsToShoot).toEqual([
      { filter: 'L', angle: 201 },
      { filter: 'R', angle: 201 },
      { filter: 'L', angle: 300 },
    ]);
  });

  it('wraps around 0°', () => {
    const lights = [light('L', 359.5), light('L', 0.7)];
    const choice = chooseSessions(lights, flatsOf({ L: [0] }), { tolerance: 2 });
    expect(choice.sessions).toHaveLength(1);
    expect(choice.sessions[0]!.filters[0]!.lights).toEqual({ from: 359.5, to: 0.7 });
  });

  it('only counts a flat of the lights’ binning (or one that fits any binning)', () => {
    const lights = [light('L', 10, '2x2')];
    const choice = chooseSessions(lights, [{ filter: 'L', angle: 10, binning: '1x1' }], {
      tolerance: 2,
    });
    expect(choice.flatsToShoot).toEqual([{ filter: 'L', angle: 10 }]);
  });
});
