/**
 * mitt is synchronous and drops the promises its handlers return. This wrapper tags every handler
 * with its plugin's name, turns sync throws and async rejections into PluginErrors, and lets the
 * engine await outstanding handler work with `drain()` at phase boundaries.
 */
import mittModule from 'mitt';
import type { Emitter, EventType, Handler } from 'mitt';
import { PluginError } from './plugin-error.js';

// mitt ships CommonJS-style typings: under NodeNext the default import is typed as the module.
const mitt = mittModule as unknown as <E extends Record<EventType, unknown>>() => Emitter<E>;

export type BusHandler<T> = (payload: T) => void | Promise<void>;

export interface EventBus<Events extends Record<string, unknown>> {
  on<K extends keyof Events & string>(
    event: K,
    handler: BusHandler<Events[K]>,
    plugin: string,
  ): void;
  emit<K extends keyof Events & string>(event: K, payload: Events[K]): void;
  /** Handlers still running (async work not yet settled). */
  readonly pending: number;
  /** Waits for every running handler; returns and forgets the errors collected so far. */
  drain(): Promise<PluginError[]>;
}

export function createEventBus<Events extends Record<string, unknown>>(): EventBus<Events> {
  const emitter = mitt<Events>();
  const running = new Set<Promise<void>>();
  let errors: PluginError[] = [];

  return {
    on(event, handler, plugin) {
      const wrapped: Handler<Events[typeof event]> = (payload) => {
        let result: void | Promise<void>;
        try {
          result = handler(payload);
        } catch (cause) {
          errors.push(new PluginError(plugin, event, cause));
          return;
        }
        if (result && typeof result.then === 'function') {
          const tracked: Promise<void> = result.then(
            () => {
              running.delete(tracked);
            },
            (cause: unknown) => {
              running.delete(tracked);
              errors.push(new PluginError(plugin, event, cause));
            },
          );
          running.add(tracked);
        }
      };
      emitter.on(event, wrapped);
    },
    emit(event, payload) {
      // mitt's own emit copies the handler list into two new arrays per event; a scan emits one
      // event per file, so the handlers mitt keeps are called here directly instead.
      const handlers = emitter.all.get(event) as Handler<Events[typeof event]>[] | undefined;
      if (!handlers) return;
      for (let i = 0; i < handlers.length; i++) handlers[i]!(payload);
    },
    get pending() {
      return running.size;
    },
    async drain() {
      while (running.size > 0) await Promise.all(running);
      const collected = errors;
      errors = [];
      return collected;
    },
  };
}
