import type { ParserPlugin, PluginFactory } from '@astrotrack/core/internal';
import { aptParser } from './apt/apt-parser.js';
import { asiairParser } from './asiair/asiair-parser.js';
import { ekosParser } from './ekos/ekos-parser.js';
import { ninaParser } from './nina/nina-parser.js';
import { seestarParser } from './seestar/seestar-parser.js';
import { sgpParser } from './sgp/sgp-parser.js';
import { sharpcapParser } from './sharpcap/sharpcap-parser.js';
import { toolkitParser } from './toolkit/toolkit-parser.js';

/** Built-in parsers by the name a config uses. */
export const builtinParsers: Readonly<Record<string, PluginFactory<ParserPlugin>>> = {
  apt: aptParser,
  asiair: asiairParser,
  ekos: ekosParser as PluginFactory<ParserPlugin>,
  nina: ninaParser as PluginFactory<ParserPlugin>,
  seestar: seestarParser,
  sgp: sgpParser as PluginFactory<ParserPlugin>,
  sharpcap: sharpcapParser,
  toolkit: toolkitParser,
};

/**
 * Used when a rig names no parsers: ASIAIR and Seestar names are unmistakable, SGP's and KStars'
 * default names are taken only with their marks (`frame<n>`, `_secs`), APT's only whole (a type
 * letter first, the temperature or `NA` last), SharpCap's only in its
 * `<date>/…/<HH_MM_SS>/` folders; the toolkit rules catch the rest.
 */
export const DEFAULT_PARSERS = [
  'asiair',
  'seestar',
  'sgp',
  'ekos',
  'apt',
  'sharpcap',
  'toolkit',
] as const;
