/**
 * What `scan --reporter json` prints is what the report's contract says: the published JSON Schema
 * accepts it, and zod's schema (the source of the types reporters are written against) reads it
 * back unchanged, so no field is printed that the contract does not name. With headers and names
 * only, on the sample archive with its flats learned, so the flats section is full.
 */
import { copyFileSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { exposureReportSchema, REPORT_SECTION_SCHEMAS } from '@astrotrack/core/schema';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTempDir } from '@astrotrack/test-utils/temp-dir';
import { runCli } from './test-support/run-cli.js';

const tempDir = useTempDir('all');
const published = createRequire(import.meta.url).resolve(
  '@astrotrack/core/schema/report.schema.json',
);
const validate = new Ajv2020.default({ allErrors: true, strictRequired: false }).compile(
  JSON.parse(readFileSync(published, 'utf8')),
);
// The demo's config, copied so its flat library (`./flats.json`) is written beside the copy.
const SAMPLE_CONFIG = join(import.meta.dirname, '..', '..', '..', 'samples', 'astro.config.yaml');

describe('the JSON report of a real scan keeps its contract', () => {
  let archive = '';
  let config = '';
  let env: NodeJS.ProcessEnv = {};
  beforeAll(async () => {
    const dir = tempDir();
    archive = join(dir, 'archive');
    config = join(dir, 'astro.config.yaml');
    copyFileSync(SAMPLE_CONFIG, config);
    env = { XDG_CONFIG_HOME: join(dir, 'xdg'), XDG_DATA_HOME: join(dir, 'data') };
    expect((await runCli(['sample', archive, '--header-only'], { env })).code).toBe(0);
    const learned = await runCli(['flats', 'learn', archive, '--config', config], { env });
    expect(learned.code, learned.stderr).toBe(0);
  });

  it.each([
    ['headers', []],
    ['names only', ['--no-headers']],
    ['one target, with a plan', ['--target', 'M31', '--target-hours', '20']],
  ])('%s', async (_, flags) => {
    const args = ['scan', archive, '--config', config, '--reporter', 'json', ...flags];
    const run = await runCli(args, { env });
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(validate(report), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(exposureReportSchema.parse(report)).toEqual(report);

    const flats = report.sections.find((section: { id: string }) => section.id === 'flats');
    expect(flats.data.filters.length).toBeGreaterThan(0);
    expect(flats.data.filters.some((f: { owned: unknown[] }) => f.owned.length > 0)).toBe(true);
    expect(REPORT_SECTION_SCHEMAS.flats.parse(flats.data)).toEqual(flats.data);
  });
});
