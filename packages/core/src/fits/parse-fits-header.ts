/**
 * Splits header bytes into cards up to `END` and joins CONTINUE long strings (FITS 4.0 §4.2.1.2).
 * Works on whatever bytes it is given and says when it needs more.
 */
import {
  FitsCardError,
  parseFitsCard,
  readString,
  type FitsValue,
  type HeaderCard,
} from './parse-fits-card.js';

export const FITS_BLOCK_SIZE = 2880;
const CARD_SIZE = 80;

export type HeaderParse =
  | { done: true; cards: HeaderCard[] /** Bytes the header takes, whole blocks. */; size: number }
  | { done: false };

export class FitsHeaderError extends Error {
  override readonly name = 'FitsHeaderError';
}

/** Parses the header that starts at `offset`; `{ done: false }` when `END` is not in `bytes` yet. */
export function parseFitsHeader(bytes: Uint8Array, offset = 0): HeaderParse {
  const cards: HeaderCard[] = [];
  for (let at = offset; at + CARD_SIZE <= bytes.length; at += CARD_SIZE) {
    const index = (at - offset) / CARD_SIZE;
    const text = cardText(bytes, at, index);
    if (text.startsWith('END') && text.slice(3).trim() === '') {
      const used = at + CARD_SIZE - offset;
      return { done: true, cards, size: Math.ceil(used / FITS_BLOCK_SIZE) * FITS_BLOCK_SIZE };
    }
    let card: HeaderCard;
    try {
      card = parseFitsCard(text);
    } catch (error) {
      if (error instanceof FitsCardError) {
        throw new FitsHeaderError(
          `card ${index + 1} (${text.slice(0, 8).trim() || 'blank'}): ${error.message}`,
        );
      }
      throw error;
    }
    if (card.keyword === 'CONTINUE' && card.commentary && continues(cards.at(-1))) {
      appendContinue(cards.at(-1)!, text);
      continue;
    }
    cards.push(card);
  }
  return { done: false };
}

/** The card as text. Bytes outside printable ASCII are not FITS: an error, except in a comment. */
function cardText(bytes: Uint8Array, at: number, index: number): string {
  let text = '';
  let inString = false;
  let commentStart = -1;
  for (let i = 0; i < CARD_SIZE; i++) {
    const byte = bytes[at + i]!;
    if (byte === 0x27 && i >= 10) inString = !inString;
    if (byte === 0x2f && !inString && i >= 10 && commentStart === -1) commentStart = i;
    if (byte < 0x20 || byte > 0x7e) {
      // Real writers put `°` in comments; that costs nobody a frame. Elsewhere it is not a header.
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

function continues(card: HeaderCard | undefined): boolean {
  return typeof card?.value === 'string' && card.value.endsWith('&');
}

function appendContinue(card: HeaderCard, text: string): void {
  const body = text.slice(8);
  const quote = body.indexOf("'");
  if (quote === -1) return;
  const { value } = readString(body, quote);
  (card as { value: FitsValue }).value = (card.value as string).slice(0, -1) + value;
}
