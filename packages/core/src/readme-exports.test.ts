/** The README lists every name `@astrotrack/core` exports, each once, and no other. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');

/** The names `src/index.ts` exports, values and types. */
function exportedNames(): string[] {
  const index = readFileSync(join(ROOT, 'src', 'index.ts'), 'utf8');
  return [...index.matchAll(/export (?:type )?\{([^}]*)\}/g)].flatMap((match) =>
    match[1]!
      .split(',')
      .map((name) => name.replace(/^\s*type\s+/, '').trim())
      .filter(Boolean),
  );
}

describe('the README of @astrotrack/core', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const listed = [...readme.matchAll(/^\| `([A-Za-z_]+)`\s+\|/gm)].map((row) => row[1]!);

  it('lists every export once, and only exports', () => {
    const names = exportedNames();
    expect(names.length).toBeGreaterThan(20);
    // A small face: each name is a promise once published.
    expect(names.length).toBeLessThanOrEqual(33);
    expect([...listed].sort()).toEqual([...names].sort());
  });

  it('is what the built package exports at run time', async () => {
    const values = Object.keys(await import('./index.js'));
    expect(values.every((name) => listed.includes(name))).toBe(true);
  });
});
