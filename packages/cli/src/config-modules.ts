/**
 * The packages a JS/TS config may import, as this installation has them. A config outside any
 * project (astrotrack installed globally, the config in the archive's folder) resolves them here.
 */
import { fileURLToPath } from 'node:url';

const IMPORTABLE = [
  '@astrotrack/cli/config',
  '@astrotrack/core/config',
  '@astrotrack/core',
  '@astrotrack/parsers',
  '@astrotrack/reporters',
  '@astrotrack/flats',
  '@astrotrack/organizer',
  '@astrotrack/cli',
];

let resolved: Record<string, string> | undefined;

export function configModules(): Record<string, string> {
  if (resolved) return resolved;
  resolved = {};
  for (const name of IMPORTABLE) {
    try {
      resolved[name] = fileURLToPath(import.meta.resolve(name));
    } catch {
      // Not installed beside the CLI (a trimmed install): the config's folder must have it.
    }
  }
  return resolved;
}
