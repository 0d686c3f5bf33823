/**
 * A rig's folder layout: `{target}/{night}/{filter}`, `Session_{session}deg/{filter}`… Each `/` part
 * becomes one folder under the organized folder; every value from a frame is made a safe folder name
 * first, so no header can reach outside it.
 */
import { sanitizePathSegment } from '../sanitize-path-segment.js';

export const LAYOUT_TOKENS = {
  filter: 'the filter (canonical name)',
  target: 'the target (OBJECT)',
  night: 'the night, YYYY-MM-DD (local time minus 12 h)',
  exposure: 'the exposure in seconds, e.g. 300 or 0.81',
  binning: 'the binning, e.g. 1x1',
  gain: 'the gain',
  offset: 'the offset',
  kind: 'light, flat, dark, bias or darkflat',
  rig: 'the rig’s name (default when none)',
  session: 'the session’s flat angle in degrees, e.g. 71 or 69.6',
  n: 'the session’s number, 1 for the lowest angle',
} as const;

export type LayoutToken = keyof typeof LAYOUT_TOKENS;

/** Built-in layouts, by `--by` name. */
export const NAMED_LAYOUTS = {
  filter: '{filter}',
  session: 'Session_{session}deg/{filter}',
  night: '{target}/{night}/{filter}',
} as const;

export type LayoutName = keyof typeof NAMED_LAYOUTS;

type Part = { text: string } | { token: LayoutToken };

export interface LayoutTemplate {
  source: string;
  /** One list of parts per folder level. */
  folders: Part[][];
  tokens: ReadonlySet<LayoutToken>;
  /** Whether it needs flat sessions (`{session}` or `{n}`). */
  usesSessions: boolean;
  /** Values already made safe folder names, so each distinct value is worked out once. */
  safeNames: Map<string, string>;
}

/** The problems with a template, as sentences; empty when it is good. */
export function layoutProblems(source: string): string[] {
  const problems: string[] = [];
  if (source.trim() === '') return ['the layout is empty'];
  if (source.startsWith('/') || /^[a-z]:/i.test(source) || source.startsWith('\\'))
    problems.push('the layout must be relative: it is placed inside the organized folder');
  if (source.includes('\\')) problems.push('use / between folders, not \\');
  for (const folder of source.split('/')) {
    if (folder === '') problems.push('the layout has an empty folder name (a doubled or end /)');
    else if (folder === '.' || folder === '..')
      problems.push(`"${folder}" is not allowed in a layout`);
    else if (folder.startsWith('.'))
      problems.push(
        `"${folder}" starts with a dot: hidden folders (and .astrotrack, astrotrack's own) are not made`,
      );
    for (const [, name] of folder.matchAll(/\{([^}]*)\}/g)) {
      if (!Object.hasOwn(LAYOUT_TOKENS, name!))
        problems.push(
          `unknown placeholder {${name}}; known: ${Object.keys(LAYOUT_TOKENS)
            .map((token) => `{${token}}`)
            .join(' ')}`,
        );
    }
    const literal = folder.replace(/\{[^}]*\}/g, '');
    if (/[{}]/.test(literal)) problems.push(`unbalanced braces in "${folder}"`);
    else if (literal !== '' && sanitizeLiteral(literal) !== literal)
      problems.push(`"${literal}" in "${folder}" has characters a folder name cannot have`);
  }
  return [...new Set(problems)];
}

function sanitizeLiteral(literal: string): string {
  // Literal text may be partial (`Session_`), so check it as a name with a stand-in around it.
  return sanitizePathSegment(`x${literal}x`).slice(1, -1);
}

/** Parses a template known to be good (check it with `layoutProblems` first). */
export function parseLayout(source: string): LayoutTemplate {
  const problems = layoutProblems(source);
  if (problems.length > 0) throw new Error(`bad layout "${source}": ${problems.join('; ')}`);
  const tokens = new Set<LayoutToken>();
  const folders = source.split('/').map((folder) => {
    const parts: Part[] = [];
    let last = 0;
    for (const match of folder.matchAll(/\{([^}]*)\}/g)) {
      if (match.index > last) parts.push({ text: folder.slice(last, match.index) });
      parts.push({ token: match[1] as LayoutToken });
      tokens.add(match[1] as LayoutToken);
      last = match.index + match[0].length;
    }
    if (last < folder.length) parts.push({ text: folder.slice(last) });
    return parts;
  });
  return {
    source,
    folders,
    tokens,
    usesSessions: tokens.has('session') || tokens.has('n'),
    safeNames: new Map(),
  };
}

export type LayoutValues = Partial<Record<LayoutToken, string | null>>;

/**
 * The folder path a frame goes to, `/`-separated, or the tokens it has no value for. Values become
 * safe folder names: `../../etc` → `___.._etc`, `.astrotrack` → `_astrotrack`, `CON` → `_CON`.
 */
export function renderLayout(
  layout: LayoutTemplate,
  values: LayoutValues,
): { folder: string } | { missing: LayoutToken[] } {
  const safe = layout.safeNames;
  const safeName = (name: string) => {
    let result = safe.get(name);
    if (result === undefined) {
      result = sanitizePathSegment(name);
      // An archive has few distinct values; the cap only guards against a pathological one.
      if (safe.size < 10_000) safe.set(name, result);
    }
    return result;
  };
  const missing: LayoutToken[] = [];
  const folders: string[] = [];
  for (const parts of layout.folders) {
    let name = '';
    for (const part of parts) {
      if ('text' in part) name += part.text;
      else {
        const value = values[part.token];
        if (value === null || value === undefined || value === '') missing.push(part.token);
        else name += safeName(value);
      }
    }
    folders.push(safeName(name));
  }
  return missing.length > 0 ? { missing: [...new Set(missing)] } : { folder: folders.join('/') };
}
