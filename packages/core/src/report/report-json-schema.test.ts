import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '@astrotrack/test-utils/temp-dir';
import { resolveRig } from '../config/resolve-rig.js';
import type { ParserPlugin } from '../plugin.js';
import { scanArchive } from '../scan/scan-archive.js';
import { writeFrames } from '../test-support/write-frames.js';
import { reportJsonSchema } from './report-json-schema.js';
import { exposureReportSchema } from './report-schema.js';

const tempDir = useTempDir();
const WRITTEN = join(import.meta.dirname, '..', '..', 'schema', 'report.schema.json');
const validate = new Ajv2020.default({ allErrors: true, strictRequired: false }).compile(
  reportJsonSchema(),
);
const problems = () => (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);

const nameParser: ParserPlugin = {
  name: 'test/names',
  parse(file) {
    const match = /^(flat_)?([A-Za-z]+)_(\d+)s_/.exec(file.name);
    if (!match) return null;
    const kind = match[1] ? ('flat' as const) : ('light' as const);
    return { fields: { filter: match[2]!, exposureSeconds: Number(match[3]), kind }, sources: {} };
  },
};

async function realReport() {
  const root = tempDir();
  writeFrames(root, ['M31/L_120s_1.fits', 'M31/Ha_300s_1.fits', 'flat_L_2s_1.fits', 'x.fits']);
  const { report } = await scanArchive({
    root,
    rig: resolveRig({}),
    parsers: [nameParser],
    plan: { targetHours: 2, allocation: { L: 60, Ha: 40 } },
  });
  return structuredClone(report);
}

const flats = {
  tolerance: 2,
  maxAgeDays: 90,
  oldFlatsCover: false,
  libraryPath: null,
  filters: [
    {
      filter: 'L',
      binning: null,
      detected: { from: 10, to: 12, angles: 2, frames: 3 },
      framesWithoutAngle: 0,
      withoutAngle: null,
      owned: [{ angle: 11, date: '2026-11-30', old: false, ageDays: 2 }],
      needed: [],
      status: 'have-all',
      groups: [{ flat: 11, owned: true, lights: { from: 10, to: 12 }, frames: 3 }],
      coveredFrames: 3,
      uncoveredFrames: 0,
    },
  ],
};

describe('the JSON Schema of the report, written from its zod schema', () => {
  it.runIf(existsSync(WRITTEN))('is the file the build wrote', () => {
    expect(JSON.parse(readFileSync(WRITTEN, 'utf8'))).toEqual(reportJsonSchema());
  });

  it('accepts a report a scan made, as zod does', async () => {
    const report = await realReport();
    expect(report.plan?.filters).toHaveLength(2);
    expect(report.skipped).toHaveLength(1);
    expect(validate(report), problems().join('\n')).toBe(true);
    expect(exposureReportSchema.parse(report)).toEqual(report);
  });

  it('rejects what breaks the contract, each by its path', async () => {
    const report: Record<string, unknown> & Awaited<ReturnType<typeof realReport>> =
      await realReport();
    (report as Record<string, unknown>).totalSeconds = '2 h';
    delete (report as Record<string, unknown>).nights;
    report.frames.byKind.light = -1;
    report.duplicates.push({ relativePath: 'a', sameAs: 'b', how: 'copy', extra: 1 } as never);
    report.skipped[0]!.code = 'lost' as never;
    expect(validate(report)).toBe(false);
    expect(problems()).toEqual(
      expect.arrayContaining([
        '/totalSeconds must be number',
        " must have required property 'nights'",
        '/frames/byKind/light must be >= 0',
        '/duplicates/0 must NOT have additional properties',
        '/skipped/0/code must be equal to one of the allowed values',
      ]),
    );
  });

  it('leaves room for what a newer report adds: fields and warning codes', async () => {
    const report = await realReport();
    const newer = {
      ...report,
      seeing: { fwhm: 2.1 },
      warnings: [{ code: 'a-code-from-later', message: 'new' }],
    };
    expect(validate(newer), problems().join('\n')).toBe(true);
  });

  it('checks a registered section by its own schema, and leaves others to their plugin', async () => {
    const report = await realReport();
    const section = { id: 'flats', plugin: 'astrotrack:flats', title: 'Flats', data: flats };
    const other = { id: 'acme/stats', plugin: 'acme', title: 'Stats', data: [1, 'two'] };
    expect(validate({ ...report, sections: [section, other] }), problems().join('\n')).toBe(true);

    const wrong = structuredClone(flats);
    wrong.filters[0]!.status = 'maybe';
    delete (wrong.filters[0] as Partial<(typeof flats.filters)[0]>).needed;
    expect(validate({ ...report, sections: [other, { ...section, data: wrong }] })).toBe(false);
    expect(problems()).toEqual(
      expect.arrayContaining([
        '/sections/1/data/filters/0/status must be equal to one of the allowed values',
        "/sections/1/data/filters/0 must have required property 'needed'",
      ]),
    );
  });
});
