import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './load-config.js';

const ROOT = join(import.meta.dirname, '..', '..');
const SCHEMA = join(ROOT, 'schema', 'astro-config.schema.json');
const KNOWN = { parsers: new Set(['nina', 'toolkit']), plugins: new Set<string>() };

// The schema is written by the build (scripts/write-json-schemas.mjs), which runs before tests.
describe.runIf(existsSync(SCHEMA))('the JSON Schema of astro.config', () => {
  const validate = new Ajv2020.default({ allErrors: true, strictRequired: false }).compile(
    JSON.parse(readFileSync(SCHEMA, 'utf8')),
  );

  it('accepts the sample config, as loaded', async () => {
    const { config } = await loadConfig({
      searchFrom: ROOT,
      configFile: join(ROOT, '..', '..', 'samples', 'astro.config.yaml'),
      known: KNOWN,
    });
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
  });

  it('says what editors should complete, and rejects what astrotrack rejects', () => {
    const schema = JSON.parse(readFileSync(SCHEMA, 'utf8'));
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining([
        '$schema',
        'filters',
        'plan',
        'flats',
        'organize',
        'reporters',
        'rigs',
      ]),
    );
    expect(schema.properties.plan.description).toBe(
      'Target hours, allocation per filter, rejection buffer.',
    );
    expect(validate({ plan: { targetHours: -1 }, flats: { tolerence: 2 }, angle: 'up' })).toBe(
      false,
    );
    expect(validate.errors!.map((e) => e.instancePath).sort()).toEqual([
      '/angle',
      '/flats',
      '/plan/targetHours',
    ]);
  });
});
