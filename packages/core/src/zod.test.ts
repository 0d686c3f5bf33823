/**
 * One copy of zod at run time: every schema of every astrotrack package is made with the parts
 * bundled into core (zod.ts). A runtime `import ... from 'zod'` anywhere else would load all of zod
 * again, a second copy whose registries (`.describe()`, `.meta()`) the JSON Schemas would not see.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as z from './zod.js';

const packages = fileURLToPath(new URL('../../', import.meta.url));
const RUNTIME_ZOD_IMPORT = /^(?:import|export)(?!\s+type\b)[^;]*from\s+['"]zod(?:\/[^'"]*)?['"]/m;

function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sources(path);
    return /\.ts$/.test(entry.name) && !/\.test(-d)?\.ts$/.test(entry.name) ? [path] : [];
  });
}

describe('zod', () => {
  it('is imported at run time only by core/src/zod.ts', () => {
    const importers = readdirSync(packages)
      .flatMap((name) => {
        try {
          return sources(join(packages, name, 'src'));
        } catch {
          return [];
        }
      })
      .filter((file) => RUNTIME_ZOD_IMPORT.test(readFileSync(file, 'utf8')))
      .map((file) => relative(packages, file));
    expect(importers).toEqual(['core/src/zod.ts']);
  });

  it('finds a runtime import and passes a type-only one', () => {
    expect(RUNTIME_ZOD_IMPORT.test("import { z } from 'zod';")).toBe(true);
    expect(RUNTIME_ZOD_IMPORT.test("import * as z from 'zod/mini';")).toBe(true);
    expect(RUNTIME_ZOD_IMPORT.test("export { object } from 'zod';")).toBe(true);
    expect(RUNTIME_ZOD_IMPORT.test("import type { z } from 'zod';")).toBe(false);
    expect(RUNTIME_ZOD_IMPORT.test("export type { output } from 'zod';")).toBe(false);
  });

  it('has what the schemas use', () => {
    const schema = z.strictObject({ kind: z.enum(['a', 'b']), n: z.int().optional() });
    expect(schema.safeParse({ kind: 'a', n: 2 }).success).toBe(true);
    expect(schema.safeParse({ kind: 'c' }).error?.issues[0]?.path).toEqual(['kind']);
  });
});
