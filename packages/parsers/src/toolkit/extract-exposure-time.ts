/** The toolkit's exposure rule: a number followed by `s` between `_`/`-` separators, e.g. `_300.00s_`. */
import { fileStem } from './name-tokens.js';

const EXPOSURE = /(?:^|[_-])(\d+(?:[.,]\d+)?)s(?=[_-]|$)/;

export interface ExposureMatch {
  seconds: number;
  token: string;
}

export function findExposure(stem: string): ExposureMatch | null {
  const match = EXPOSURE.exec(stem);
  if (!match) return null;
  // NINA 1.x on a German or French Windows wrote `300,00s`.
  return { seconds: Number(match[1]!.replace(',', '.')), token: `${match[1]}s` };
}

/** `extract_exposure_time(filename)`: seconds, or null when the name carries none (the toolkit returned 0). */
export function extractExposureTime(filename: string): number | null {
  return findExposure(fileStem(filename))?.seconds ?? null;
}
