/** Turns plugin specs from a config into plugin objects, calling built-in factories by name. */
import type { PluginSpec } from './config-types.js';

export type PluginFactory<P> = (options?: Record<string, unknown>) => P;

export function instantiatePlugins<P extends { name: string }>(
  specs: readonly PluginSpec<P>[],
  builtins: Readonly<Record<string, PluginFactory<P>>>,
): P[] {
  return specs.map((spec) => {
    if (typeof spec === 'string') return builtinFactory(builtins, spec)();
    if (Array.isArray(spec)) {
      const [name, options] = spec as readonly [string, Record<string, unknown>];
      return builtinFactory(builtins, name)(options);
    }
    return spec as P;
  });
}

function builtinFactory<P>(
  builtins: Readonly<Record<string, PluginFactory<P>>>,
  name: string,
): PluginFactory<P> {
  const factory = builtins[name];
  // Validation has already rejected unknown names; reaching this is a bug.
  if (!factory) throw new Error(`no built-in plugin "${name}"`);
  return factory;
}
