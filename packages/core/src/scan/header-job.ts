/**
 * What a header worker does for one folder: stats its files and reads the headers the engine will
 * ask for, answering in the header cache's own stored form (header-cache.ts `storeHeader`). The
 * engine turns each answer back into a lookup with `storedLookup` and runs the same frame program
 * as a synchronous read (read-frame.ts), so a frame read by a worker is the frame read by a cache
 * hit: one truth, whichever thread opened the file.
 */
import { statSync } from 'node:fs';
import { FitsHeaderError } from '@astrotrack/fits';
import { errorCode } from '../errors/catalogue.js';
import { readFrameHeaderSync } from '../headers/read-frame-header.js';
import {
  changesFrom,
  type FileState,
  sameStamp,
  type StoredHeader,
  storeHeader,
  type Value,
} from './header-cache.js';

/** One folder's files, with what the engine already knows of each. */
export interface HeaderJob {
  id: number;
  /** Where each file is opened: the path, or its bytes for a name that is not valid UTF-8. */
  paths: (string | Uint8Array)[];
  /** Stat each file (a header cache is in use). */
  stat: boolean;
  /**
   * Three numbers a file: the size, mtime and ctime of its cache entry (its header is read only if
   * the file no longer has them); NaN: no entry, read it; -1: the engine will not ask, do not read.
   */
  expect: Float64Array;
}

/** Why a stat or read failed, as the engine words it (read-frame.ts `headerSkip`). */
export type JobFailure = { fits: string } | { code: string };

export interface HeaderAnswers {
  id: number;
  /**
   * The values most of the folder's headers share (the first header's): each header below keeps
   * only its changes from them (header-cache.ts `changesFrom`), which makes the message a third of
   * the size, and a third of the work for the engine's thread to take in.
   */
  base: Value[];
  /** Three numbers a file: size, mtimeMs, ctimeMs; NaN where the stat failed or was not asked. */
  states: Float64Array;
  /** Per file: why its stat failed, or null. */
  stateFailures: (JobFailure | null)[];
  /**
   * Per file, as JSON, one after another (`headerAnswer` takes one out): the header as the cache
   * stores it (its values as changes from `base`), or why it could not be read; empty: not read.
   * One string, not thousands of arrays: the engine takes in a message by copying it (a structured
   * clone of the arrays made ~390 bytes a frame of garbage that lived long enough to be promoted,
   * up to 1,024 files ahead), and makes each header's arrays only when it takes that frame.
   */
  headers: string;
  /** Where each file's JSON ends in `headers` (it starts where the one before ends). */
  headerEnds: Uint32Array;
}

export const DO_NOT_READ = -1;

export function answerHeaderJob(job: HeaderJob): HeaderAnswers {
  const count = job.paths.length;
  const states = new Float64Array(count * 3).fill(Number.NaN);
  const stateFailures: (JobFailure | null)[] = new Array(count).fill(null);
  const headers: string[] = [];
  const headerEnds = new Uint32Array(count);
  let base: Value[] | null = null;
  let length = 0;
  const answer = (index: number, text: string) => {
    headers.push(text);
    length += text.length;
    headerEnds[index] = length;
  };
  for (let index = 0; index < count; index++) {
    headerEnds[index] = length;
    const at = index * 3;
    if (job.expect[at] === DO_NOT_READ) continue;
    const path = asPath(job.paths[index]!);
    let state: FileState;
    if (job.stat) {
      try {
        state = statSync(path);
        states[at] = state.size;
        states[at + 1] = state.mtimeMs;
        states[at + 2] = state.ctimeMs;
      } catch (error) {
        stateFailures[index] = failure(error);
        continue;
      }
      // Unchanged since its entry was stored: the engine takes the header from the cache.
      if (sameStamp(job.expect.subarray(at, at + 3), state)) continue;
    }
    let stored: StoredHeader;
    try {
      stored = storeHeader(readFrameHeaderSync(path));
    } catch (error) {
      answer(index, JSON.stringify(failure(error)));
      continue;
    }
    base ??= stored[0];
    stored[0] = changesFrom(stored[0], base);
    answer(index, JSON.stringify(stored));
  }
  return {
    id: job.id,
    base: base ?? [],
    states,
    stateFailures,
    headers: headers.join(''),
    headerEnds,
  };
}

/** File `index`'s header as the worker answered it (values as changes from `base`); null: not read. */
export function headerAnswer(
  answers: HeaderAnswers,
  index: number,
): StoredHeader | JobFailure | null {
  const start = index === 0 ? 0 : answers.headerEnds[index - 1]!;
  const end = answers.headerEnds[index]!;
  return start === end
    ? null
    : (JSON.parse(answers.headers.slice(start, end)) as StoredHeader | JobFailure);
}

/** The error a failure stands for: worded by `headerSkip` exactly as the original would be. */
export function failedWith(failure: JobFailure): unknown {
  return 'fits' in failure
    ? new FitsHeaderError(failure.fits)
    : Object.assign(new Error(failure.code), { code: failure.code });
}

export function isFailure(answer: StoredHeader | JobFailure): answer is JobFailure {
  return !Array.isArray(answer);
}

function failure(error: unknown): JobFailure {
  return error instanceof FitsHeaderError ? { fits: error.message } : { code: errorCode(error) };
}

/** A path's bytes arrive from another thread as a plain Uint8Array; the readers want a Buffer. */
function asPath(path: string | Uint8Array): string | Buffer {
  return typeof path === 'string' ? path : Buffer.from(path.buffer, path.byteOffset, path.length);
}
