/**
 * The real headers the tests read: written by astropy (`make-fixtures.py`, run by hand), with what
 * astropy read back in `expected.json`.
 */
import { fileURLToPath } from 'node:url';

export const HEADER_FIXTURES = fileURLToPath(
  new URL('../../fits/test-fixtures/headers/', import.meta.url),
);
