/** Every setting the schema accepts has its row in docs/configuration.md: a key nobody can look up is a trap. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { configSchema } from './config-schema.js';

const DOC = readFileSync(
  fileURLToPath(new URL('../../../../docs/configuration.md', import.meta.url)),
  'utf8',
);

interface SchemaLike {
  shape?: Record<string, SchemaLike>;
  unwrap?: () => SchemaLike;
}

/** The settings with a value of their own (`plan.targetHours`, not `plan`), by path. */
function leafKeys(schema: SchemaLike, prefix = ''): string[] {
  return Object.entries(schema.shape ?? {}).flatMap(([key, value]) => {
    const inner = typeof value.unwrap === 'function' ? value.unwrap() : value;
    const path = prefix ? `${prefix}.${key}` : key;
    return inner.shape && key !== 'rigs' ? leafKeys(inner, path) : [path];
  });
}

describe('docs/configuration.md', () => {
  const rows = new Set([...DOC.matchAll(/^\| `([^`]+)`/gm)].map((match) => match[1]));
  const keys = leafKeys(configSchema as unknown as SchemaLike).filter((key) => key !== '$schema');

  it('finds the settings it checks', () => {
    expect(keys).toContain('utcOffset');
    expect(keys).toContain('filters.noFilter');
    expect(keys.length).toBeGreaterThan(25);
  });

  it.each(keys)('has a row for %s', (key) => {
    expect(rows.has(key)).toBe(true);
  });
});
