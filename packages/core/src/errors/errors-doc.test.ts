/** docs/errors.md lists every named error with its exit code, and names none the catalogue lacks. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AstrotrackError } from './astrotrack-error.js';
import { errors } from './catalogue.js';
import { EXIT_CODES } from './exit-codes.js';

const DOC = readFileSync(
  fileURLToPath(new URL('../../../../docs/errors.md', import.meta.url)),
  'utf8',
);

/** Each factory called with stand-in arguments: a name and an exit code are all that is read. */
function catalogue(): Map<string, number> {
  const named = new Map<string, number>();
  for (const make of Object.values(errors) as Array<(...args: unknown[]) => unknown>) {
    const error = make('x', ['x'], 'x', { notStarted: 0, dir: 'x' });
    expect(error).toBeInstanceOf(AstrotrackError);
    named.set((error as AstrotrackError).name, (error as AstrotrackError).exitCode);
  }
  return named;
}

describe('docs/errors.md', () => {
  const documented = new Map(
    [...DOC.matchAll(/^\| `([A-Za-z]+)`\s*\| (\d+)\s*\|/gm)].map((row) => [
      row[1]!,
      Number(row[2]),
    ]),
  );
  const named = catalogue();

  it('reads both lists', () => {
    expect(named.size).toBe(Object.keys(errors).length);
    expect(named.size).toBeGreaterThan(20);
  });

  it.each([...named])('documents %s with exit %i', (name, exit) => {
    expect(documented.get(name)).toBe(exit);
  });

  it('names no error the catalogue does not have', () => {
    expect([...documented.keys()].filter((name) => !named.has(name))).toEqual([]);
  });

  it('explains every exit code', () => {
    const codes = [...DOC.matchAll(/^\| (\d+)\s+\|/gm)].map((row) => Number(row[1]));
    expect(codes.sort((a, b) => a - b)).toEqual(Object.values(EXIT_CODES).sort((a, b) => a - b));
  });
});
