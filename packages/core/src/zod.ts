/**
 * `@astrotrack/core/zod`: the parts of zod astrotrack's schemas use, bundled into this package
 * (scripts/build-package.mjs `--bundle zod`) and shared by every astrotrack package that makes a
 * schema (`import * as z from '@astrotrack/core/zod'`), so there is one copy at run time.
 *
 * Why: `import { z } from 'zod'` loads zod's ~150 modules, every locale included, and took 40–45 ms
 * of a command's start-up whenever a config was there to check; the parts named here, bundled and
 * tree-shaken, load in about a quarter of that. A schema needing another part of zod adds it here.
 */
export {
  array,
  boolean,
  custom,
  enum,
  int,
  literal,
  number,
  object,
  partialRecord,
  record,
  strictObject,
  string,
  toJSONSchema,
  tuple,
  union,
  unknown,
} from 'zod';
export type { output, ZodType } from 'zod';
