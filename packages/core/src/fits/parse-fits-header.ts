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

/** Finds `END` in the header that starts at `offset`; `{ done: false }` when it is not in `bytes` yet. */
export function scanFitsHeader(bytes: Uint8Array, offset = 0): HeaderScan {
  let text = '';
  let at = offset;
  while (at + CARD_SIZE <= bytes.length) {
    // A run of clean cards is decoded at once: one decode per card costs more.
    let runEnd = at;
    let endCard = -1;
    while (runEnd + CARD_SIZE <= bytes.length && isPrintableCard(bytes, runEnd)) {
      if (isEndCard(bytes, runEnd)) {
        endCard = runEnd;
        break;
      }
      runEnd += CARD_SIZE;
    }
    text += latin1.decode(bytes.subarray(at, runEnd));
    if (endCard !== -1) {
      const used = endCard + CARD_SIZE - offset;
      return { done: true, text, size: Math.ceil(used / FITS_BLOCK_SIZE) * FITS_BLOCK_SIZE };
    }
    if (runEnd + CARD_SIZE > bytes.length) break;
    text += cardTextWithStrayBytes(bytes, runEnd, text.length / CARD_SIZE);
    at = runEnd + CARD_SIZE;
  }
  return { done: false };
}

/** Card `index` of a scanned header's text, or undefined past the end. */
export function cardOf(text: string, index: number): string | undefined {
  const start = index * CARD_SIZE;
  return start < text.length ? text.slice(start, start + CARD_SIZE) : undefined;
}

function isPrintableCard(bytes: Uint8Array, at: number): boolean {
  for (let i = at; i < at + CARD_SIZE; i++) {
    const byte = bytes[i]!;
    if (byte < 0x20 || byte > 0x7e) return false;
  }
  return true;
}

/** `END` and 77 spaces. */
function isEndCard(bytes: Uint8Array, at: number): boolean {
  if (bytes[at] !== 0x45 || bytes[at + 1] !== 0x4e || bytes[at + 2] !== 0x44) return false;
  for (let i = at + 3; i < at + CARD_SIZE; i++) if (bytes[i] !== 0x20) return false;
  return true;
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
