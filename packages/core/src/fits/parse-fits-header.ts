/**
 * Splits header bytes into cards up to `END` (checking every byte is printable ASCII) and parses
 * them, joining CONTINUE long strings (FITS 4.0 §4.2.1.2). Works on whatever bytes it is given and
 * says when it needs more. Scanning and parsing are separate so a reader can parse only the cards
 * it is asked about.
 */
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

const END_CARD = `END${' '.repeat(77)}`;
const END_BYTES = Buffer.from(END_CARD, 'latin1');
const NOT_PRINTABLE = /[^\x20-\x7e]/;

/** Finds `END` in the header that starts at `offset`; `{ done: false }` when it is not in `bytes` yet. */
export function scanFitsHeader(bytes: Uint8Array, offset = 0): HeaderScan {
  const whole = bytes.length - ((bytes.length - offset) % CARD_SIZE);
  // END is found in the bytes natively, and only the cards before it are decoded: decoding whole
  // blocks per file is most of what the garbage collector then has to clear.
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, whole);
  let end = view.indexOf(END_BYTES, offset);
  while (end !== -1 && (end - offset) % CARD_SIZE !== 0) end = view.indexOf(END_BYTES, end + 1);
  const text = latin1.decode(bytes.subarray(offset, end === -1 ? whole : end));
  if (NOT_PRINTABLE.test(text)) return scanCardByCard(bytes, offset);
  if (end === -1) return { done: false };
  return {
    done: true,
    text,
    size: Math.ceil((end + CARD_SIZE - offset) / FITS_BLOCK_SIZE) * FITS_BLOCK_SIZE,
  };
}

/** The slow path, for a header with a stray byte: forgiven in a comment, else an error naming the card. */
function scanCardByCard(bytes: Uint8Array, offset: number): HeaderScan {
  let text = '';
  for (let at = offset; at + CARD_SIZE <= bytes.length; at += CARD_SIZE) {
    const card = cardTextWithStrayBytes(bytes, at, text.length / CARD_SIZE);
    if (card === END_CARD) {
      const used = at + CARD_SIZE - offset;
      return { done: true, text, size: Math.ceil(used / FITS_BLOCK_SIZE) * FITS_BLOCK_SIZE };
    }
    text += card;
  }
  return { done: false };
}

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
  const text = cardOf(header, index)!;
  try {
    let card = parseFitsCard(text);
    let next = index + 1;
    while (continues(card) && cardOf(header, next)?.startsWith('CONTINUE')) {
      card = { ...card, value: joinContinue(card.value as string, cardOf(header, next)!) };
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

const latin1 = new TextDecoder('latin1');

/** The slow path: real writers put `°` in comments, which costs nobody a frame; elsewhere it is an error. */
function cardTextWithStrayBytes(bytes: Uint8Array, at: number, index: number): string {
  let text = '';
  let inString = false;
  let commentStart = -1;
  for (let i = 0; i < CARD_SIZE; i++) {
    const byte = bytes[at + i]!;
    if (byte === 0x27 && i >= 10) inString = !inString;
    if (byte === 0x2f && !inString && i >= 10 && commentStart === -1) commentStart = i;
    if (byte < 0x20 || byte > 0x7e) {
      if (commentStart !== -1) {
        text += '?';
        continue;
      }
      throw new FitsHeaderError(
        `card ${index + 1} has a byte 0x${byte.toString(16).padStart(2, '0')} that is not printable ASCII`,
      );
    }
    text += String.fromCharCode(byte);
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
