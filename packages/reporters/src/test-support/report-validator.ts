/** The report's published JSON Schema (`@astrotrack/core/schema/report.schema.json`), compiled. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv2020 from 'ajv/dist/2020.js';

const published = createRequire(import.meta.url).resolve(
  '@astrotrack/core/schema/report.schema.json',
);

export const validateReport = new Ajv2020.default({
  allErrors: true,
  strictRequired: false,
}).compile(JSON.parse(readFileSync(published, 'utf8')));
