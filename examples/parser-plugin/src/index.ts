/**
 * Reads names like `M42__Halpha__300sec__0001.fit` (target, filter, exposure, frame, joined by `__`),
 * which no built-in parser knows. Copy this package to start your own.
 */
import { defineParser, parsedFrameBuilder } from '@astrotrack/core';

const NAME = /^(?<target>.+?)__(?<filter>[^_]+)__(?<seconds>\d+(?:\.\d+)?)sec__\d+$/;

export const doubleUnderscoreParser = defineParser<{ separator?: string }>((options = {}) => {
  const separator = options.separator ?? '__';
  const pattern =
    separator === '__'
      ? NAME
      : new RegExp(NAME.source.replaceAll('__', separator.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  return {
    name: 'example/double-underscore',
    parse(file, { filters }) {
      const match = pattern.exec(file.name.replace(/\.fits?$/i, ''));
      if (!match?.groups) return null; // not mine: the next parser is asked
      const { target, filter, seconds } = match.groups as {
        target: string;
        filter: string;
        seconds: string;
      };
      const parsed = parsedFrameBuilder('filename');
      parsed.set('target', target, target);
      // The rig's spellings: "Halpha" → "Ha" with the default aliases.
      parsed.set('filter', filters.canonical(filter) ?? filter, filter);
      parsed.set('exposureSeconds', Number(seconds), `${seconds}sec`);
      return parsed;
    },
  };
});
