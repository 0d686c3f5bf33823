/**
 * Makes one folder name safe to create from frame metadata (a FILTER or OBJECT header is user
 * text): no separators, no `.`/`..`, no control characters, nothing Windows forbids.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes
const FORBIDDEN_CHARACTERS = /[<>:"/\\|?*\u0000-\u001f\u007f]/g;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

export function sanitizePathSegment(name: string, fallback = '_'): string {
  let safe = name.replace(FORBIDDEN_CHARACTERS, '_').trim();
  // Windows drops trailing dots and spaces, which would merge two different names.
  safe = safe.replace(/[. ]+$/, '');
  if (safe === '' || /^\.+$/.test(safe)) return fallback;
  if (WINDOWS_RESERVED.test(safe)) safe = `_${safe}`;
  return safe.length > 200 ? safe.slice(0, 200) : safe;
}
