import type { ParserPlugin } from '../plugin.js';

/** A parser for tests: `<filter>_<seconds>s_<n>.<ext>`, as the toolkit's names read. */
export const nameParser: ParserPlugin = {
  name: 'test/names',
  parse(file) {
    const match = /^([A-Za-z]+)_(\d+)s_/.exec(file.name);
    if (!match) return null;
    return {
      fields: { filter: match[1]!, exposureSeconds: Number(match[2]) },
      sources: { filter: { origin: 'filename', detail: match[1]! } },
    };
  },
};
