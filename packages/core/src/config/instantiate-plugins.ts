/** Turns plugin specs from a config into plugin objects, calling built-in factories by name. */
import type { PluginSpec } from './config-types.js';
import { errors, firstLine } from '../errors/catalogue.js';

export type PluginFactory<P> = (options?: Record<string, unknown>) => P;

export function instantiatePlugins<P extends { name: string }>(
  specs: readonly PluginSpec<P>[],
  builtins: Readonly<Record<string, PluginFactory<P>>>,
  kind = 'parsers',
): P[] {
  return specs.map((spec, index) => {
    if (typeof spec !== 'string' && !Array.isArray(spec)) return spec as P;
    const [name, options] =
      typeof spec === 'string'
        ? [spec, undefined]
        : (spec as readonly [string, Record<string, unknown>]);
    try {
      return builtinFactory(builtins, name)(options);
    } catch (error) {
      // A built-in refusing its options is a config problem, not a crash.
      throw errors.configInvalid('the config', [
        `${kind}[${index}] (${name}): ${firstLine(error)}`,
      ]);
    }
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
