/**
 * Makes one folder name safe to create from frame metadata (a FILTER or OBJECT header is user
 * text): no separators, no `.`/`..`, no hidden names (so never `.astrotrack`, the tool's own state
 * folder), no control or text-direction characters, nothing Windows forbids, and at most 255 bytes
 * of UTF-8 (what every common file system allows), cut between characters.
 */
const FORBIDDEN_CHARACTERS =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes
  /[<>:"/\\|?*\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
const MAX_NAME_BYTES = 255;

export function sanitizePathSegment(name: string, fallback = '_'): string {
  let safe = name.replace(FORBIDDEN_CHARACTERS, '_').trim();
  if (/^\.*$/.test(safe)) return fallback;
  // A leading dot hides a folder (and `.astrotrack` is the tool's own): each becomes `_`.
  safe = safe.replace(/^\.+/, (dots) => '_'.repeat(dots.length));
  safe = withinBytes(safe, MAX_NAME_BYTES);
  // Windows drops trailing dots and spaces, which would merge two different names.
  safe = safe.replace(/[. ]+$/, '');
  if (WINDOWS_RESERVED.test(safe)) safe = withinBytes(`_${safe}`, MAX_NAME_BYTES);
  return safe;
}

/** The longest start of `text` that is at most `max` bytes of UTF-8, never cutting a character. */
export function withinBytes(text: string, max: number): string {
  if (Buffer.byteLength(text, 'utf8') <= max) return text;
  let bytes = 0;
  let end = 0;
  for (const character of text) {
    bytes += Buffer.byteLength(character, 'utf8');
    if (bytes > max) break;
    end += character.length;
  }
  return text.slice(0, end);
}
