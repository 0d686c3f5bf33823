import type { ParserPlugin, PluginFactory } from '@astrotrack/core';
import { asiairParser } from './asiair/asiair-parser.js';
import { ninaParser } from './nina/nina-parser.js';
import { sgpParser } from './sgp/sgp-parser.js';
import { toolkitParser } from './toolkit/toolkit-parser.js';

/** Built-in parsers by the name a config uses. */
export const builtinParsers: Readonly<Record<string, PluginFactory<ParserPlugin>>> = {
  asiair: asiairParser,
  nina: ninaParser as PluginFactory<ParserPlugin>,
  sgp: sgpParser as PluginFactory<ParserPlugin>,
  toolkit: toolkitParser,
};

/** Used when a rig names no parsers: ASIAIR names are unmistakable; the toolkit rules catch the rest. */
export const DEFAULT_PARSERS = ['asiair', 'toolkit'] as const;
