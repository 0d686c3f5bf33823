import type { ParserPlugin, PluginFactory } from '@astrotrack/core';
import { ninaParser } from './nina/nina-parser.js';
import { toolkitParser } from './toolkit/toolkit-parser.js';

/** Built-in parsers by the name a config uses. */
export const builtinParsers: Readonly<Record<string, PluginFactory<ParserPlugin>>> = {
  nina: ninaParser as PluginFactory<ParserPlugin>,
  toolkit: toolkitParser,
};

/** Used when a rig names no parsers. */
export const DEFAULT_PARSERS = ['toolkit'] as const;
