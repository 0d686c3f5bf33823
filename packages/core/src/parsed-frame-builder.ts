/** Collects frame fields together with where each came from: what every parser and header mapping returns. */
import type { FieldOrigin, FieldSources, FrameFields } from './frame.js';
import type { ParsedFrame } from './plugin.js';

export interface ParsedFrameBuilder extends ParsedFrame {
  /** Sets a field and records its source: `detail` is the text read (token, keyword, folder). */
  set<K extends keyof FrameFields>(field: K, value: FrameFields[K], detail: string): void;
}

export function parsedFrameBuilder(origin: FieldOrigin): ParsedFrameBuilder {
  const fields: Partial<FrameFields> = {};
  const sources: FieldSources = {};
  return {
    fields,
    sources,
    set(field, value, detail) {
      fields[field] = value;
      sources[field] = { origin, detail };
    },
  };
}
