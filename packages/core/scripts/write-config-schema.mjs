/**
 * Writes schema/astro-config.schema.json, the JSON Schema of astro.config, from the config's zod
 * schema, so the two never disagree. Runs after every build.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { configSchema } from '../dist/config/config-schema.js';

const schema = {
  ...z.toJSONSchema(configSchema, { unrepresentable: 'any', target: 'draft-2020-12' }),
  $id: 'https://unpkg.com/@astrotrack/core/schema/astro-config.schema.json',
  title: 'astrotrack configuration (astro.config.*)',
};
mkdirSync(new URL('../schema/', import.meta.url), { recursive: true });
writeFileSync(
  new URL('../schema/astro-config.schema.json', import.meta.url),
  `${JSON.stringify(schema, null, 2)}\n`,
);
