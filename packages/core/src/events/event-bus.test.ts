import { describe, expect, it } from 'vitest';
import { createEventBus } from './event-bus.js';
import { PluginError } from './plugin-error.js';

type Events = { tick: number; done: string };

describe('createEventBus', () => {
  it('calls handlers in subscription order with the payload', () => {
    const bus = createEventBus<Events>();
    const seen: string[] = [];
    bus.on('tick', (n) => void seen.push(`a${n}`), 'a');
    bus.on('tick', (n) => void seen.push(`b${n}`), 'b');
    bus.emit('tick', 1);
    bus.emit('tick', 2);
    expect(seen).toEqual(['a1', 'b1', 'a2', 'b2']);
  });

  it('drain() waits for async handlers that mitt would forget', async () => {
    const bus = createEventBus<Events>();
    const finished: number[] = [];
    bus.on(
      'tick',
      async (n) => {
        await new Promise((resolve) => setTimeout(resolve, 20 - n * 5));
        finished.push(n);
      },
      'slow',
    );
    bus.emit('tick', 1);
    bus.emit('tick', 2);
    expect(bus.pending).toBe(2);
    expect(finished).toEqual([]);
    expect(await bus.drain()).toEqual([]);
    expect(finished.sort()).toEqual([1, 2]);
    expect(bus.pending).toBe(0);
  });

  it('turns a sync throw into a PluginError naming the plugin and event, and keeps going', async () => {
    const bus = createEventBus<Events>();
    const after: number[] = [];
    bus.on(
      'tick',
      () => {
        throw new Error('boom');
      },
      'acme/broken',
    );
    bus.on('tick', (n) => void after.push(n), 'acme/fine');
    bus.emit('tick', 7);
    expect(after).toEqual([7]);
    const [error, ...rest] = await bus.drain();
    expect(rest).toEqual([]);
    expect(error).toBeInstanceOf(PluginError);
    expect(error!.plugin).toBe('acme/broken');
    expect(error!.event).toBe('tick');
    expect(error!.message).toBe('plugin "acme/broken" failed while handling "tick": boom');
  });

  it('turns an async rejection into a PluginError, never an unhandled rejection', async () => {
    const bus = createEventBus<Events>();
    bus.on(
      'done',
      async (text) => {
        await Promise.resolve();
        throw new Error(`rejected ${text}`);
      },
      'acme/async',
    );
    bus.emit('done', 'x');
    const errors = await bus.drain();
    expect(errors.map((e) => e.message)).toEqual([
      'plugin "acme/async" failed while handling "done": rejected x',
    ]);
    expect(await bus.drain()).toEqual([]);
  });
});
