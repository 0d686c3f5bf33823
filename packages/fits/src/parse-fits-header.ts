/**
 * Splits header bytes into cards up to `END` and parses them (leniently, lenient-card.ts), joining
 * CONTINUE long strings (FITS 4.0 §4.2.1.2). Works on whatever bytes it is given and says when it
 * needs more. Scanning and parsing are separate so a reader can parse only the cards
 * it is asked about.
 */
import { printableText } from './printable-text.js';
import { decodeText, parseCardLeniently } from './lenient-card.js';
import { readString, type HeaderCard } from './parse-fits-card.js';

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

/** A header that cannot be read; its message is one printable line, whatever the file held. */
export class FitsHeaderError extends Error {
  override readonly name = 'FitsHeaderError';

  constructor(message: string) {
    super(printableText(message));
  }
}

/** Finds `END` in the header that starts at `offset`; `{ done: false }` when it is not in `bytes` yet. */
export function scanFitsHeader(bytes: Uint8Array, offset = 0): HeaderScan {
  const whole = bytes.length - ((bytes.length - offset) % CARD_SIZE);
  const end = findEndCard(bytes, offset, whole);
  // Only the cards before END are decoded, natively: decoding whole blocks per file, or testing
  // every character in JavaScript, was most of the cost of a scan. A byte that is not printable
  // ASCII stays a latin1 character, judged when its card is read (lenient-card.ts).
  if (end === -1) return { done: false };
  const view = Buffer.from(bytes.buffer, bytes.byteOffset + offset, end - offset);
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

/**
 * Card `index`, its string value joined with the CONTINUE cards that carry it on; `next` is past them.
 * Never throws: a card that breaks the standard is read leniently and says so in `problem`.
 */
export function parseCardAt(header: string, index: number): { card: HeaderCard; next: number } {
  let card = parseCardLeniently(cardOf(header, index)!);
  let next = index + 1;
  while (continues(card) && cardOf(header, next)?.startsWith('CONTINUE')) {
    card = { ...card, value: joinContinue(card.value as string, cardOf(header, next)!) };
    next++;
  }
  if (next > index + 1) card = { ...card, value: decodeText(card.value) };
  return { card, next };
}

function continues(card: HeaderCard): boolean {
  return typeof card.value === 'string' && card.value.endsWith('&');
}

function joinContinue(value: string, text: string): string {
  const body = text.slice(8);
  const quote = body.indexOf("'");
  if (quote === -1) return value;
  try {
    return value.slice(0, -1) + readString(body, quote).value;
  } catch {
    return value.slice(0, -1) + body.slice(quote + 1).trimEnd();
  }
}
