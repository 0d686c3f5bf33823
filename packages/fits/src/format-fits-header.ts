/** Writes FITS header blocks: 80-character cards, `END`, padded to 2880 bytes (FITS Standard 4.0 §4). */
import { FITS_BLOCK_SIZE } from './parse-fits-header.js';

/** What the writer can write: strings, numbers and logicals. */
export type WritableFitsValue = string | number | boolean;
export type FitsCard = readonly [keyword: string, value: WritableFitsValue, comment?: string];

const CARD = 80;

export function formatFitsCard([keyword, value, comment]: FitsCard): string {
  if (!/^[A-Z0-9_-]{1,8}$/.test(keyword)) throw new Error(`invalid FITS keyword "${keyword}"`);
  let text: string;
  if (typeof value === 'string') {
    // Fixed format: the string starts in column 11, at least 8 characters inside the quotes.
    text = `'${value.replace(/'/g, "''").padEnd(8)}'`;
    if (text.length > 70) throw new Error(`FITS string too long for one card: ${keyword}`);
  } else {
    text = (typeof value === 'boolean' ? (value ? 'T' : 'F') : formatNumber(value)).padStart(20);
  }
  let card = `${keyword.padEnd(8)}= ${text}`;
  if (comment) card += ` / ${comment}`;
  return card.slice(0, CARD).padEnd(CARD);
}

function formatNumber(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`FITS numbers must be finite, got ${value}`);
  if (Number.isInteger(value)) return String(value);
  const text = String(value);
  return text.includes('e') ? text.replace('e', 'E') : text;
}

export function formatFitsHeader(cards: readonly FitsCard[]): Buffer {
  const text = cards.map(formatFitsCard).join('') + 'END'.padEnd(CARD);
  const size = Math.ceil(text.length / FITS_BLOCK_SIZE) * FITS_BLOCK_SIZE;
  return Buffer.from(text.padEnd(size), 'ascii');
}
