/**
 * Splits header bytes into cards up to `END` (checking every byte is printable ASCII) and parses
 * them, joining CONTINUE long strings (FITS 4.0 §4.2.1.2). Works on whatever bytes it is given and
 * says when it needs more. Scanning and parsing are separate so a reader can parse only the cards
 * it is asked about.
 */
import { isAscii } from 'node:buffer';
import { FitsCardError, parseFitsCard, readString, type HeaderCard } from './parse-fits-card.js';

export const FITS_BLOCK_SIZE = 2880;
const CARD_SIZE = 80;

export type HeaderScan =
  | {
      done: true /** The card images before END, one after another, 80 characters each. */;
      text: string /** Whole blocks. */;
      size: number;
    }
  | { done: false };

export type HeaderParse = { done: true; cards: HeaderCard[]; size: number } | { done: false };

export class FitsHeaderError extends Error {
  override readonly name = 'FitsHeaderError';
}

const NOT_PRINTABLE = /[^\x20-\x7e]/;

/** Finds `END` in the header that starts at `offset`; `{ done: false }` when it is not in `bytes` yet. */
export function scanFitsHeader(bytes: Uint8Array, offset = 0): HeaderScan {
  const whole = bytes.length - ((bytes.length - offset) % CARD_SIZE);
  const end = findEndCard(bytes, offset, whole);
  const stop = end === -1 ? whole : end;
  // Only the cards before END are decoded, natively: decoding whole blocks per file, or testing
  // every character in JavaScript, was most of the cost of a scan. Bytes above 0x7e are found
  // here; control characters are caught card by card when a card is parsed (printableCard).
  const view = Buffer.from(bytes.buffer, bytes.byteOffset + offset, stop - offset);
  if (!isAscii(view)) return scanCardByCard(bytes, offset);
  if (end === -1) return { done: false };
  return {
    done: true,
    text: view.toString('latin1'),
    size: Math.ceil((end + CARD_SIZE - offset) / FITS_BLOCK_SIZE) * FITS_BLOCK_SIZE,
  };
}

/** The offset of the END card (`END` and 77 blanks) at a card boundary, or -1. */
function findEndCard(bytes: Uint8Array, offset: number, whole: number): number {
  for (let at = offset; at < whole; at += CARD_SIZE) {
    if (bytes[at] !== 0x45 || bytes[at + 1] !== 0x4e || bytes[at + 2] !== 0x44) continue;
    let blank = true;
    for (let i = at + 3; i < at + CARD_SIZE && blank; i++) blank = bytes[i] === 0x20;
    if (blank) return at;
  }
  return -1;
}

/** The slow path, for a header with a stray byte: forgiven in a comment, else an error naming the card. */
function scanCardByCard(bytes: Uint8Array, offset: number): HeaderScan {
  let text = '';
  for (let at = offset; at + CARD_SIZE <= bytes.length; at += CARD_SIZE) {
    const raw = Buffer.from(bytes.buffer, bytes.byteOffset + at, CARD_SIZE).toString('latin1');
    const card = printableCard(raw, text.length / CARD_SIZE);
    if (card === END_CARD) {
      const used = at + CARD_SIZE - offset;
      return { done: true, text, size: Math.ceil(used / FITS_BLOCK_SIZE) * FITS_BLOCK_SIZE };
    }
    text += card;
  }
  return { done: false };
}

const END_CARD = `END${' '.repeat(77)}`;

/** Card `index` of a scanned header's text, or undefined past the end. */
export function cardOf(text: string, index: number): string | undefined {
  const start = index * CARD_SIZE;
  return start < text.length ? text.slice(start, start + CARD_SIZE) : undefined;
}

/** Parses the header that starts at `offset`, every card. */
export function parseFitsHeader(bytes: Uint8Array, offset = 0): HeaderParse {
  const scan = scanFitsHeader(bytes, offset);
  return scan.done ? { done: true, cards: parseCards(scan.text), size: scan.size } : scan;
}

/** Every card of a scanned header's text, with CONTINUE long strings joined to the card they continue. */
export function parseCards(text: string): HeaderCard[] {
  const cards: HeaderCard[] = [];
  for (let index = 0; index * CARD_SIZE < text.length; ) {
    const { card, next } = parseCardAt(text, index);
    cards.push(card);
    index = next;
  }
  return cards;
}

/** Card `index`, its string value joined with the CONTINUE cards that carry it on; `next` is past them. */
export function parseCardAt(header: string, index: number): { card: HeaderCard; next: number } {
  const text = printableCard(cardOf(header, index)!, index);
  try {
    let card = parseFitsCard(text);
    let next = index + 1;
    while (continues(card) && cardOf(header, next)?.startsWith('CONTINUE')) {
      const continuation = printableCard(cardOf(header, next)!, next);
      card = { ...card, value: joinContinue(card.value as string, continuation) };
      next++;
    }
    return { card, next };
  } catch (error) {
    if (error instanceof FitsCardError) {
      throw new FitsHeaderError(
        `card ${index + 1} (${text.slice(0, 8).trim() || 'blank'}): ${error.message}`,
      );
    }
    throw error;
  }
}

/**
 * A card with only printable ASCII, as the standard asks. Real writers put `°` in comments, which
 * costs nobody a frame: a stray character there becomes `?`. Anywhere else it is an error.
 */
export function printableCard(card: string, index: number): string {
  if (!NOT_PRINTABLE.test(card)) return card;
  let text = '';
  let inString = false;
  let commentStart = -1;
  for (let i = 0; i < card.length; i++) {
    const code = card.charCodeAt(i);
    if (code === 0x27 && i >= 10) inString = !inString;
    if (code === 0x2f && !inString && i >= 10 && commentStart === -1) commentStart = i;
    if (code < 0x20 || code > 0x7e) {
      if (commentStart !== -1) {
        text += '?';
        continue;
      }
      throw new FitsHeaderError(
        `card ${index + 1} has a byte 0x${code.toString(16).padStart(2, '0')} that is not printable ASCII`,
      );
    }
    text += card[i];
  }
  return text;
}

function continues(card: HeaderCard): boolean {
  return typeof card.value === 'string' && card.value.endsWith('&');
}

function joinContinue(value: string, text: string): string {
  const body = text.slice(8);
  const quote = body.indexOf("'");
  if (quote === -1) return value;
  return value.slice(0, -1) + readString(body, quote).value;
}
