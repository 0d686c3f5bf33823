/**
 * A parser's test as a table, in the spirit of stylelint's `testRule`: real names it must read (and
 * what it must read from them), and names it must turn away so the next parser gets them.
 *
 *   testParser({
 *     parser: aptParser(),
 *     context: { filters: createFilterSet() },
 *     accept: [{ name: 'L_2021-05-06_20-13-32_Bin1x1_1s__-10C.fit', fields: { exposureSeconds: 1 } }],
 *     reject: ['light_M31_L_120s_001.fits'],
 *   });
 */
import { describe, expect, it } from 'vitest';
import { frameFileAt, type FrameFileShape } from './frame-file-at.js';

interface ParserShape<Context> {
  name: string;
  parse(file: FrameFileShape, context: Context): { fields: object } | null;
}

export interface ParserCase {
  /** The path under the scanned folder, `/`-separated: `M31/LIGHT/L_…fit`. */
  name: string;
  /** What the parser must read, field by field (others are not checked). */
  fields: Record<string, unknown>;
  /** Fields it must leave unknown: a dark's filter, a name without a date's night. */
  unknown?: readonly string[];
}

export function testParser<Context>(table: {
  parser: ParserShape<Context>;
  context: Context;
  accept: readonly ParserCase[];
  reject?: readonly string[];
}): void {
  const { parser, context } = table;
  describe(`parser ${parser.name}`, () => {
    it.each(table.accept.map((entry) => [entry.name, entry] as const))('reads %s', (_, entry) => {
      const parsed = parser.parse(frameFileAt(entry.name), context);
      expect(parsed, `${parser.name} turned ${entry.name} away`).not.toBeNull();
      const fields = parsed!.fields as Record<string, unknown>;
      expect(fields).toMatchObject(entry.fields);
      for (const field of entry.unknown ?? []) expect(fields[field], field).toBeUndefined();
    });
    if (table.reject?.length)
      it.each(table.reject)('turns %s away', (name) => {
        expect(parser.parse(frameFileAt(name), context)).toBeNull();
      });
  });
}
