/**
 * The report's published JSON Schema (`@astrotrack/core/schema/report.schema.json`), written from
 * its zod schema at build. What zod alone would not say is added here: objects stay open (fields
 * are added within a schema version), warning codes stay an open list, and each registered section
 * has its data's schema.
 */
import * as z from '../zod.js';
import { REPORT_SCHEMA_VERSION, WARNING_CODES } from './report-codes.js';
import {
  exposureReportSchema,
  REPORT_SECTION_SCHEMAS,
  warningCodeSchema,
} from './report-schema.js';

const REPORT_SCHEMA_ID = 'https://unpkg.com/@astrotrack/core/schema/report.schema.json';

type JsonSchema = Record<string, unknown>;

const options = {
  target: 'draft-2020-12',
  // Input, not output: an object's unknown keys are allowed, so a newer report still validates.
  io: 'input',
  override: ({ zodSchema, jsonSchema }) => {
    if (zodSchema !== warningCodeSchema) return;
    for (const key of Object.keys(jsonSchema)) delete jsonSchema[key];
    Object.assign(jsonSchema, {
      type: 'string',
      description: `${WARNING_CODES.join(', ')}; new codes may be added.`,
    });
  },
} satisfies Parameters<typeof z.toJSONSchema>[1];

function sectionDefName(id: string): string {
  return `${id.replace(/[^A-Za-z0-9]+(.)?/g, (_, next: string = '') => next.toUpperCase())}Section`;
}

export function reportJsonSchema(): JsonSchema {
  const { $schema, ...body } = z.toJSONSchema(exposureReportSchema, options) as JsonSchema;
  const defs = (body.$defs ?? {}) as Record<string, JsonSchema>;
  const sections = (body.properties as Record<string, JsonSchema>).sections!;
  const item = sections.items as JsonSchema;
  item.allOf = Object.entries(REPORT_SECTION_SCHEMAS).map(([id, schema]) => {
    const { $schema: _, $defs, ...data } = z.toJSONSchema(schema, options) as JsonSchema;
    if ($defs) throw new Error(`section ${id}: a section's schema cannot share definitions yet`);
    const name = sectionDefName(id);
    defs[name] = data;
    return {
      if: { properties: { id: { const: id } }, required: ['id'] },
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then, not a thenable.
      then: { properties: { data: { $ref: `#/$defs/${name}` } } },
    };
  });
  return {
    $schema,
    $id: REPORT_SCHEMA_ID,
    title: `astrotrack exposure report, schema version ${REPORT_SCHEMA_VERSION}`,
    ...body,
    $defs: defs,
  };
}
