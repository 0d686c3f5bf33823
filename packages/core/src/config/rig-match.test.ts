import { describe, expect, it } from 'vitest';
import { describeMatch, type MatchingRig, rigMatcher } from './rig-match.js';

const RIGS: MatchingRig[] = [
  { name: 'redcat', match: { camera: 'ZWO ASI2600MM Pro', telescope: 'RedCat 51' } },
  { name: 'edge', match: { telescope: ['EdgeHD 8', 'C8'], focalLength: 2032 } },
  { name: 'seestar', match: { camera: 'Seestar S50' } },
  { name: 'wide', match: { focalLength: [100, 200] } },
];

const frame = (camera: string | null, telescope: string | null, focalLength: number | null) => ({
  camera,
  telescope,
  focalLength,
});

describe('rigMatcher', () => {
  const matchOf = rigMatcher(RIGS);
  // Header values as capture programs write them.
  it.each([
    ['N.I.N.A., ASCOM names', frame('ZWO ASI2600MM Pro', 'RedCat 51', 250), 'redcat'],
    [
      'other case and punctuation',
      frame('zwo asi2600mm-pro', 'William Optics REDCAT-51', 250),
      'redcat',
    ],
    ['the telescope does not fit', frame('ZWO ASI2600MM Pro', 'Samyang 135mm', 135), 'wide'],
    ['no telescope written', frame('ZWO ASI2600MM Pro', null, null), null],
    [
      'a word is only whole: RedCat 51 is not RedCat 510',
      frame('ZWO ASI2600MM Pro', 'RedCat 510', null),
      null,
    ],
    ['focal length within 5 %', frame('ZWO ASI294MM Pro', 'Celestron EdgeHD 8"', 2030), 'edge'],
    ['focal length with a reducer, past 5 %', frame('ZWO ASI294MM Pro', 'EdgeHD 8', 1422), null],
    ['any of a list', frame('ZWO ASI294MM Pro', 'Celestron C8', 2000), 'edge'],
    ['focal length unknown', frame('ZWO ASI294MM Pro', 'EdgeHD 8', null), null],
    ['a smart telescope', frame('Seestar S50', 'Seestar S50', 250), 'seestar'],
    ['a range, inclusive', frame('Canon EOS 6D', null, 200), 'wide'],
    ['nothing known', frame(null, null, null), null],
  ])('%s', (_, fields, rig) => {
    expect(matchOf(fields)).toBe(rig);
  });

  it('takes the first rig in the config order when several fit', () => {
    const both = rigMatcher([
      { name: 'first', match: { camera: 'ASI2600MM' } },
      { name: 'second', match: { camera: 'ZWO ASI2600MM Pro' } },
    ]);
    expect(both(frame('ZWO ASI2600MM Pro', null, null))).toBe('first');
  });

  it('reads as text in the report', () => {
    expect(RIGS.map((rig) => describeMatch(rig.match))).toEqual([
      'camera ZWO ASI2600MM Pro, telescope RedCat 51',
      'telescope EdgeHD 8 or C8, focal length 2032 mm',
      'camera Seestar S50',
      'focal length 100–200 mm',
    ]);
  });
});
