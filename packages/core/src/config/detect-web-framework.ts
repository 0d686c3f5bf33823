/** `astro.config.*` is also the Astro web framework's file name; recognise theirs and say so. */

const ASTRO_IMPORT = /(?:from\s*|require\(\s*|import\(\s*)['"]astro(?:\/[\w-]+)?['"]/;

export function importsWebFramework(source: string): boolean {
  return ASTRO_IMPORT.test(source);
}

const WEB_KEYS = [
  'integrations',
  'site',
  'output',
  'adapter',
  'vite',
  'markdown',
  'server',
  'srcDir',
];
const OUR_KEYS = ['rig', 'rigs', 'filters', 'parsers', 'plugins', 'plan', 'report'];

export function looksLikeWebFrameworkConfig(config: unknown): boolean {
  if (!config || typeof config !== 'object') return false;
  const keys = Object.keys(config);
  return keys.some((key) => WEB_KEYS.includes(key)) && !keys.some((key) => OUR_KEYS.includes(key));
}
