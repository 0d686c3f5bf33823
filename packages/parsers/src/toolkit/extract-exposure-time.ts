/** The toolkit's exposure rule: a number followed by `s` between `_`/`-` separators, e.g. `_300.00s_`. */
import { fileStem } from './name-tokens.js';

export interface ExposureMatch {
  seconds: number;
  token: string;
}

/**
 * The first `<number>s` token between `_`/`-` separators (or the ends of the name). A hand-written
 * scan: it runs on every file name, and a regex backtracks over every digit of the date first.
 */
export function findExposure(stem: string): ExposureMatch | null {
  for (let s = stem.indexOf('s'); s !== -1; s = stem.indexOf('s', s + 1)) {
    const after = stem.charCodeAt(s + 1);
    if (s + 1 < stem.length && after !== UNDERSCORE && after !== DASH) continue;
    let start = s;
    let separators = 0;
    while (start > 0) {
      const code = stem.charCodeAt(start - 1);
      if (code >= ZERO && code <= NINE) start--;
      else if ((code === DOT || code === COMMA) && separators === 0) {
        separators++;
        start--;
      } else break;
    }
    if (start === s || (start > 0 && !isSeparator(stem.charCodeAt(start - 1)))) continue;
    const number = stem.slice(start, s);
    if (!isDigit(number.charCodeAt(0)) || !isDigit(number.charCodeAt(number.length - 1))) continue;
    // NINA 1.x on a German or French Windows wrote `300,00s`.
    return { seconds: Number(number.replace(',', '.')), token: `${number}s` };
  }
  return null;
}

const UNDERSCORE = 95;
const DASH = 45;
const DOT = 46;
const COMMA = 44;
const ZERO = 48;
const NINE = 57;

function isDigit(code: number): boolean {
  return code >= ZERO && code <= NINE;
}

function isSeparator(code: number): boolean {
  return code === UNDERSCORE || code === DASH;
}

/** `extract_exposure_time(filename)`: seconds, or null when the name carries none (the toolkit returned 0). */
export function extractExposureTime(filename: string): number | null {
  return findExposure(fileStem(filename))?.seconds ?? null;
}
