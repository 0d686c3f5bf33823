/**
 * A header read three ways gives the same fields: straight from the file, from the header cache's
 * stored form after a trip through JSON (a warm scan), and from a header worker's answer (a cold
 * scan of a large archive). Generated headers as capture programs write and break them, with the
 * values JSON cannot carry (`1E999`, `-0.0`) and cards left undefined.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corruption, headerBytes, headerCards } from '@astrotrack/test-utils/fits-header-arbitrary';
import { useTempDir } from '@astrotrack/test-utils/temp-dir';
import { createFilterSet } from '../filters/filter-set.js';
import { fieldsFromHeader, type HeaderLookup } from '../headers/header-fields.js';
import { readFrameHeaderSync } from '../headers/read-frame-header.js';
import { storedLookup, storeHeader, withChanges } from './header-cache.js';
import { answerHeaderJob, headerAnswer, isFailure } from './header-job.js';

const tempDir = useTempDir();
const options = { filters: createFilterSet({}), angle: 'mechanical' as const, utcOffsetHours: 2 };

function throughCache(header: HeaderLookup): HeaderLookup {
  return storedLookup(JSON.parse(JSON.stringify(storeHeader(header))) as unknown[]);
}

function throughWorker(path: string): HeaderLookup {
  const answers = answerHeaderJob({
    id: 0,
    paths: [path],
    stat: false,
    expect: new Float64Array(3).fill(Number.NaN),
  });
  const answer = headerAnswer(answers, 0);
  if (!answer || isFailure(answer)) throw new Error(`the worker did not read ${path}`);
  answer[0] = withChanges(answer[0], answers.base)!;
  return storedLookup(answer);
}

describe('a stored header', () => {
  it('gives the fields the file gives, through the cache and through a worker', () => {
    const file = join(tempDir(), 'frame.fits');
    let withProblems = 0;
    // fast-check prints the seed and the smallest failing header when it fails.
    fc.assert(
      fc.property(headerCards, corruption, (cards, corrupt) => {
        writeFileSync(file, headerBytes(corrupt(cards)));
        let header: HeaderLookup;
        try {
          header = readFrameHeaderSync(file);
        } catch {
          return; // a broken structure: no header to store
        }
        const direct = fieldsFromHeader(header, options);
        if (direct.problems.length > 0) withProblems++;
        expect(fieldsFromHeader(throughCache(header), options)).toEqual(direct);
        expect(fieldsFromHeader(throughWorker(file), options)).toEqual(direct);
      }),
      { numRuns: 400 },
    );
    // The generated headers reach the problems a lenient reading reports.
    expect(withProblems).toBeGreaterThan(40);
  });
});
