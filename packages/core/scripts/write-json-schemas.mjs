/**
 * Writes the published JSON Schemas from their zod schemas, so neither can disagree with what
 * astrotrack accepts or prints. Runs after every build.
 *   schema/astro-config.schema.json  astro.config.*
 *   schema/report.schema.json        the report (`scan --reporter json`)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { configSchema, reportJsonSchema } from '../dist/schema.js';

const configJsonSchema = {
  ...z.toJSONSchema(configSchema, { unrepresentable: 'any', target: 'draft-2020-12' }),
  $id: 'https://unpkg.com/@astrotrack/core/schema/astro-config.schema.json',
  title: 'astrotrack configuration (astro.config.*)',
};

const folder = new URL('../schema/', import.meta.url);
mkdirSync(folder, { recursive: true });
for (const [name, schema] of [
  ['astro-config.schema.json', configJsonSchema],
  ['report.schema.json', reportJsonSchema()],
]) {
  writeFileSync(new URL(name, folder), `${JSON.stringify(schema, null, 2)}\n`);
}
