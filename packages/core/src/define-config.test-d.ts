import { describe, expectTypeOf, it } from 'vitest';
import { defineConfig, type AstrotrackConfig } from './define-config.js';
import type { ObserverPlugin, ParserPlugin, ReporterPlugin } from './plugin.js';

describe('public types', () => {
  it('defineConfig returns the config type and checks keys and values', () => {
    expectTypeOf(defineConfig({ plan: { targetHours: 10 } })).toEqualTypeOf<AstrotrackConfig>();
    defineConfig({ parsers: ['toolkit', ['toolkit', {}]], report: { sort: 'remaining-time' } });
    // @ts-expect-error: not a sort key
    defineConfig({ report: { sort: 'fastest' } });
    // @ts-expect-error: percentages are numbers
    defineConfig({ plan: { allocation: { L: '40' } } });
    // @ts-expect-error: unknown key
    defineConfig({ colour: true });
  });

  it('plugin objects are plain objects with a name', () => {
    const parser: ParserPlugin = { name: 'you/p', parse: () => null };
    expectTypeOf(parser.parse).returns.toEqualTypeOf<ReturnType<ParserPlugin['parse']>>();
    expectTypeOf<ObserverPlugin['setup']>().parameter(0).toHaveProperty('on');
    expectTypeOf<ReporterPlugin['format']>().returns.toEqualTypeOf<string>();
    // @ts-expect-error: an observer must subscribe
    const observer: ObserverPlugin = { name: 'you/o' };
    void observer;
  });

  it('frame events are typed from the event map', () => {
    const observer: ObserverPlugin = {
      name: 'you/o',
      setup({ on }) {
        on('frame', (frame) => {
          expectTypeOf(frame.exposureSeconds).toEqualTypeOf<number | null>();
        });
        on('frame:skipped', (event) => {
          expectTypeOf(event.reason).toEqualTypeOf<string>();
        });
      },
    };
    void observer;
  });
});
