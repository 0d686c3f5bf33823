/**
 * Cards that break the standard but have one clear meaning, read as astropy's `fix` would, with the
 * problem said: bytes that are not printable ASCII (a UTF-8 `é` in a string is read as `é`, any other
 * byte as `?`), unquoted strings (`DATE-OBS= 2020-01-21T20:29:08.357`, old N.I.N.A.), a string with
 * no closing quote. A value with no clear meaning is left undefined, never guessed: the frame keeps
 * its other facts.
 */
import {
  FitsCardError,
  parseFitsCard,
  parseScalar,
  REAL,
  type FitsValue,
  type HeaderCard,
} from './parse-fits-card.js';

const NOT_PRINTABLE = /[^\x20-\x7e]/;

/** The card as the standard allows it, or read leniently with `problem` saying what was off. */
export function parseCardLeniently(card: string): HeaderCard {
  const clean = printable(card);
  try {
    const parsed = parseFitsCard(clean.text);
    if (!clean.problem) return parsed;
    const comment = parsed.comment === null ? null : decodeText(parsed.comment);
    // Outside the value (a comment, a HISTORY line: `5°C`) a stray byte costs nothing.
    if (parsed.commentary || !hasStrayByte(parsed.value)) return { ...parsed, comment };
    return { ...parsed, value: decodeText(parsed.value), comment, problem: clean.problem };
  } catch (error) {
    if (!(error instanceof FitsCardError)) throw error;
    return sloppyCard(clean.text, clean.problem, error.message);
  }
}

/** Bytes above 0x7e (kept, to be decoded as UTF-8) and control characters (`?`) are a problem. */
function printable(card: string): { text: string; problem?: string } {
  if (!NOT_PRINTABLE.test(card)) return { text: card };
  let text = '';
  for (let i = 0; i < card.length; i++) {
    const code = card.charCodeAt(i);
    text += code < 0x20 || code === 0x7f ? '\x7f' : card[i];
  }
  return { text, problem: 'has bytes that are not printable ASCII' };
}

function hasStrayByte(value: FitsValue): boolean {
  return typeof value === 'string' && NOT_PRINTABLE.test(value);
}

/** A UTF-8 string read byte by byte (latin1) back into its characters; other bytes become `?`. */
export function decodeText<T extends FitsValue>(value: T): T {
  if (typeof value !== 'string' || !NOT_PRINTABLE.test(value)) return value;
  const bytes = Buffer.from(value, 'latin1');
  const utf8 = bytes.toString('utf8');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds
  if (!/[\ufffd\x00-\x1f\x7f]/.test(utf8)) return utf8 as T;
  return value.replace(/[^\x20-\x7e]/g, '?') as T;
}

function sloppyCard(text: string, problem: string | undefined, why: string): HeaderCard {
  const keyword = text.slice(0, 8).trimEnd();
  const equals = keyword === 'HIERARCH' ? text.indexOf('=', 9) : 8;
  const name = keyword === 'HIERARCH' ? text.slice(9, equals).trim() : keyword;
  const read = valueLeniently(text.slice(equals + 1), why);
  const problems = [problem, read.problem].filter(Boolean).join('; ');
  return {
    keyword: name,
    value: read.value,
    comment: read.comment,
    commentary: false,
    problem: problems,
  };
}

/**
 * The text after `=` that the standard's reading refused (`why`): an unclosed string runs to the
 * end; unquoted text that is one word or date is a string; anything else is left undefined.
 */
export function valueLeniently(
  body: string,
  why: string,
): { value: FitsValue; comment: string | null; problem: string } {
  const start = body.length - body.trimStart().length;
  if (body[start] === "'") {
    return {
      value: decodeText(body.slice(start + 1).trimEnd()),
      comment: null,
      problem: 'a string value has no closing quote',
    };
  }
  const slash = body.indexOf(' /');
  const raw = (slash === -1 ? body : body.slice(0, slash)).trim();
  const comment = slash === -1 ? null : body.slice(slash + 2).trim() || null;
  const text = unquotedOrNull(raw);
  if (text === null) return { value: null, comment, problem: `${why}; left undefined` };
  return {
    value: decodeText(text),
    comment,
    problem: `the value ${JSON.stringify(raw)} is not quoted; read as text`,
  };
}

/** Unquoted text that reads as one word or date (no quote, no parenthesis), else null. */
function unquotedOrNull(raw: string): string | null {
  // A number the standard's reading refused (too large) is not text either.
  if (raw === '' || /['()]/.test(raw) || REAL.test(raw)) return null;
  try {
    parseScalar(raw);
    return null;
  } catch {
    return raw;
  }
}
