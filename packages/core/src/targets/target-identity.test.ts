/** Target names as imagers write them, in headers, names and folders: which are one object. */
import { describe, expect, it } from 'vitest';
import { TargetNames, identifyName, isTargetName } from './target-identity.js';

describe('target identity', () => {
  it.each([
    [
      [
        'M31',
        'M 31',
        'm31',
        'M031',
        'M_31',
        'Messier 31',
        'NGC 224',
        'NGC0224',
        'ngc224',
        'Andromeda Galaxy',
        'andromeda',
      ],
      'M31',
    ],
    [['M42', 'M 42', 'NGC 1976', 'Orion Nebula', 'the orion nebula'], 'M42'],
    [['NGC 7000', 'NGC7000', 'ngc_7000', 'C20', 'Caldwell 20', 'North America Nebula'], 'NGC 7000'],
    [['IC 1805', 'IC1805', 'Heart Nebula', 'Heart'], 'IC 1805'],
    [['Sh2-155', 'Sh 2-155', 'SH2_155', 'C 9', 'Cave Nebula'], 'Sh2-155'],
    [['M45', 'M 45', 'Pleiades'], 'M45'],
    [['NGC 2237', 'Rosette Nebula', 'Rosette', 'C49'], 'NGC 2237'],
    [['IC 434A', 'ic434a'], 'IC 434A'],
  ])('%j are one object, shown as %s', (names, shown) => {
    const identities = names.map(identifyName);
    expect(new Set(identities.map((i) => i.key)).size).toBe(1);
    expect(identities.map((i) => i.name)).toEqual(names.map(() => shown));
  });

  it.each([
    ['M31', 'M32'],
    ['NGC 224', 'NGC 2240'],
    ['IC 434', 'IC 434A'],
    ['Orion', 'M42'], // the constellation is no short name for the nebula
    ['Saturn', 'NGC 7009'], // nor the planet for the Saturn Nebula
    ['Sh2-155', 'Sh2-15'],
    ['M 1', 'M 101'],
  ])('%s and %s are different objects', (a, b) => {
    expect(identifyName(a).key).not.toBe(identifyName(b).key);
  });

  it('keeps any other name as written, matching it without case, spaces, _ and -', () => {
    expect(identifyName(' Barnards  Loop ')).toEqual({
      key: 'barnardsloop',
      name: 'Barnards Loop',
    });
    expect(identifyName('barnards_loop').key).toBe(identifyName('Barnards Loop').key);
    expect(identifyName('5 Ursae Minoris').name).toBe('5 Ursae Minoris');
  });

  it("applies the config's aliases first", () => {
    const names = new TargetNames({ aliases: { 'My Nebula': 'Sh2-240', Spaghetti: 'Sh2-240' } });
    expect(names.identify('my nebula')).toEqual({ key: 'sh2240', name: 'Sh2-240' });
    expect(names.same('Spaghetti', 'SH2 240')).toBe(true);
    expect(names.same('My Nebula', 'M31')).toBe(false);
  });

  it.each(['FlatWizard', 'Flat Wizard', 'TEST', 'test', '', '   ', 'Unknown', 'flat', '?', '-'])(
    '%j is no target',
    (value) => {
      expect(isTargetName(value)).toBe(false);
    },
  );

  it.each(['M31', 'Test Nebula', 'NGC 7000', 'Jupiter', '47 Tuc'])('%j is a target', (value) => {
    expect(isTargetName(value)).toBe(true);
  });
});
