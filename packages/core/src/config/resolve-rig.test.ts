import { describe, expect, it } from 'vitest';
import { resolveRig } from './resolve-rig.js';
import { SETTING_DEFAULTS } from './setting-defaults.js';

describe('resolveRig', () => {
  const config = {
    rig: 'redcat',
    filters: { aliases: { Lum: 'L' }, extra: ['Duo'] },
    parsers: ['toolkit'],
    plan: { targetHours: 10, rejectionBuffer: 20 },
    rigs: {
      redcat: { filters: { aliases: { Clear: 'L' } }, plan: { allocation: { L: 100 } } },
      seestar: { parsers: ['other'], filters: { known: ['LP'] } },
    },
  };

  it('merges the default rig over the top level', () => {
    const rig = resolveRig(config);
    expect(rig.name).toBe('redcat');
    expect(rig.plan).toEqual({
      targetHours: 10,
      rejectionBuffer: 20,
      allocation: { L: 100 },
      bufferFallback: 15,
      bufferMinFrames: 30,
    });
    expect(rig.filters.canonical('clear')).toBe('L');
    expect(rig.filters.canonical('lum')).toBe('L');
    expect(rig.filters.canonical('duo')).toBe('Duo');
    expect(rig.parsers).toEqual(['toolkit']);
  });

  it('takes the rig asked for; lists replace', () => {
    const rig = resolveRig(config, 'seestar');
    expect(rig.parsers).toEqual(['other']);
    expect(rig.filters.order).toEqual(['LP', 'Duo', 'OSC']);
  });

  it('names the rigs there are when one is missing', () => {
    expect(() => resolveRig(config, 'edge')).toThrow(
      'no rig named "edge" (the config has: redcat, seestar)',
    );
    expect(() => resolveRig({}, 'edge')).toThrow(
      'no rig named "edge" (the config defines no rigs)',
    );
  });

  it('uses top-level settings when there are no rigs', () => {
    expect(resolveRig({ plan: { targetHours: 3 } }).plan.targetHours).toBe(3);
    expect(resolveRig({}).name).toBeNull();
  });

  it('fills every default, and lets nothing unset (a JS config writing undefined) hide one', () => {
    const rig = resolveRig(
      { flats: { tolerance: undefined }, rigs: { a: { plan: { rejectionBuffer: undefined } } } },
      'a',
    );
    expect(rig.flats).toEqual({ ...SETTING_DEFAULTS.flats });
    expect(rig.plan.rejectionBuffer).toBe(15);
    expect(rig.organize).toEqual({ mode: 'move', tolerance: 2 });
    expect(rig.headers).toBe(true);
  });

  it('puts the command line over the rig, section by section', () => {
    const rig = resolveRig(
      {
        plan: { targetHours: 5, allocation: { L: 100 } },
        rigs: { a: { plan: { targetHours: 8 } } },
      },
      'a',
      { plan: { targetHours: 10, rejectionBuffer: undefined }, headers: false },
    );
    expect(rig.plan).toEqual({
      targetHours: 10,
      allocation: { L: 100 },
      rejectionBuffer: 15,
      bufferFallback: 15,
      bufferMinFrames: 30,
    });
    expect(rig.headers).toBe(false);
  });
});
