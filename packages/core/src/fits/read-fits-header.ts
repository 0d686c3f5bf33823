/**
 * Reads the header of a FITS file, never its pixels: the first 5,760 bytes hold nearly every camera
 * header; longer ones are read a few blocks at a time up to a cap. For a tile-compressed file
 * (`fpack`, `.fz`) the image's header lives in the first BINTABLE extension with `ZIMAGE = T`.
 *
 * What to read is decided once, by a generator that asks for byte ranges (read-program.ts).
 */
import { compressedImageCards } from './compressed-image-cards.js';
import {
  runReadProgram,
  runReadProgramSync,
  type ReadProgram,
  type ReadRequest,
} from './read-program.js';
import {
  FitsCardError,
  parseCardValue,
  type FitsValue,
  type HeaderCard,
} from './parse-fits-card.js';
import {
  FITS_BLOCK_SIZE,
  FitsHeaderError,
  parseCardAt,
  parseCards,
  printableCard,
  scanFitsHeader,
} from './parse-fits-header.js';

export interface FitsHeader {
  /** The image's cards: the primary header, or the compressed image's header seen as the image's. */
  readonly cards: readonly HeaderCard[];
  /** The primary header, when the image lives in an extension. */
  readonly primary: readonly HeaderCard[] | null;
  /** Tile-compressed (fpack) image. */
  readonly compressed: boolean;
  /**
   * The first value of a keyword, any letter case: the image's cards first, then the primary's.
   * Values are parsed when asked for; a malformed one throws FitsHeaderError then.
   */
  get(keyword: string): FitsValue | undefined;
}

export interface ReadFitsHeaderOptions {
  /** A header longer than this is refused (default 1 MiB, 364 blocks of 36 cards). */
  maxHeaderBytes?: number;
}

type HeaderProgram = ReadProgram<FitsHeader>;

const FIRST_READ = 2 * FITS_BLOCK_SIZE;
const LATER_READ = 8 * FITS_BLOCK_SIZE;
const DEFAULT_MAX_HEADER = 364 * FITS_BLOCK_SIZE;

export function readFitsHeaderSync(path: string, options: ReadFitsHeaderOptions = {}): FitsHeader {
  return runReadProgramSync(path, fitsHeaderProgram(options));
}

export function readFitsHeader(
  path: string,
  options: ReadFitsHeaderOptions = {},
): Promise<FitsHeader> {
  return runReadProgram(path, fitsHeaderProgram(options));
}

export function fitsHeaderProgram(options: ReadFitsHeaderOptions = {}): ReadProgram<FitsHeader> {
  return headerProgram(options.maxHeaderBytes ?? DEFAULT_MAX_HEADER);
}

function* headerProgram(max: number): HeaderProgram {
  const primary = yield* readHeaderAt(0, max, 'SIMPLE  =');
  const primaryIndex = indexCards(primary.text);
  if (primaryIndex.value('NAXIS') === 0) {
    const extension = yield* readHeaderAt(
      primary.size + dataSize(primaryIndex),
      max,
      'XTENSION=',
      true,
    );
    if (extension) {
      const extensionIndex = indexCards(extension.text);
      const kind = extensionIndex.value('XTENSION');
      if (kind === 'BINTABLE' && extensionIndex.value('ZIMAGE') === true) {
        return makeHeader(
          compressedImageCards(parseCards(extension.text)),
          parseCards(primary.text),
          true,
        );
      }
      if (kind === 'IMAGE')
        return lazyHeader(extension.text, extensionIndex, primary.text, primaryIndex);
    }
  }
  return lazyHeader(primary.text, primaryIndex, null, null);
}

interface RawHeader {
  text: string;
  size: number;
}

function readHeaderAt(
  offset: number,
  max: number,
  start: string,
): Generator<ReadRequest, RawHeader, Uint8Array>;
function readHeaderAt(
  offset: number,
  max: number,
  start: string,
  optional: true,
): Generator<ReadRequest, RawHeader | null, Uint8Array>;
/** The header at `offset`, which must begin with `start`; an optional one may be missing. */
function* readHeaderAt(
  offset: number,
  max: number,
  start: string,
  optional = false,
): Generator<ReadRequest, RawHeader | null, Uint8Array> {
  let buffer: Uint8Array = new Uint8Array(0);
  for (;;) {
    const want = Math.min(buffer.length === 0 ? FIRST_READ : LATER_READ, max - buffer.length);
    // `chunk` may be the caller's reused buffer: what is kept across reads is copied (concat).
    const chunk = yield { position: offset + buffer.length, length: want };
    buffer = buffer.length === 0 ? chunk : concat(buffer, chunk);
    if (buffer.length === chunk.length && !startsWith(buffer, start)) {
      if (optional) return null;
      throw new FitsHeaderError(
        buffer.length === 0
          ? 'the file is empty'
          : `not a FITS file: it does not start with ${start.slice(0, 6)}`,
      );
    }
    const scan = scanFitsHeader(buffer.subarray(0, buffer.length - (buffer.length % 80)));
    if (scan.done) return { text: scan.text, size: scan.size };
    if (chunk.length < want) {
      throw new FitsHeaderError(
        `the file ends inside the header (after ${offset + buffer.length} bytes): truncated?`,
      );
    }
    if (buffer.length >= max)
      throw new FitsHeaderError(`no END card in the first ${max} bytes of the header`);
    if (buffer === chunk) buffer = chunk.slice();
  }
}

function startsWith(bytes: Uint8Array, text: string): boolean {
  if (bytes.length < text.length) return false;
  for (let i = 0; i < text.length; i++) if (bytes[i] !== text.charCodeAt(i)) return false;
  return true;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}

interface CardIndex {
  /** The parsed value of a keyword's first value card, any letter case. */
  value(keyword: string): FitsValue | undefined;
}

/**
 * Finds a keyword's first value card through the header's keyword fields, coded as numbers once
 * per header (no string per card), and parses only that card.
 */
function indexCards(text: string): CardIndex {
  return new KeywordIndex(text);
}

// A class rather than a closure: thousands are made per second, and instances are cheaper.
class KeywordIndex implements CardIndex {
  private codes: Int32Array | undefined;
  private lowerCaseKeywords: boolean | undefined;
  private slow: Map<string, FitsValue> | undefined;

  constructor(private readonly text: string) {}

  value(keyword: string): FitsValue | undefined {
    const { text } = this;
    const wanted = keywordCode(keyword);
    if (wanted !== null) {
      this.codes ??= valueCardCodes(text);
      const index = indexOfCode(this.codes, wanted);
      if (index !== -1) {
        const at = index * 80;
        const card = text.slice(at, at + 80);
        // A long string continues on CONTINUE cards: the full parse joins them.
        if (endsWithContinuation(card)) return parseCardAt(text, index).card.value;
        return cardValue(card, index);
      }
      this.lowerCaseKeywords ??= hasLowerCaseKeyword(text);
      if (!this.lowerCaseKeywords) return undefined;
    }
    // HIERARCH keywords and lower-case ones (`medNR-1`, seen in the wild) take the slow way, once.
    this.slow ??= firstValues(parseCards(text));
    return this.slow.get(keyword.toUpperCase());
  }
}

/** Whether a card's value ends `&'` (blanks after it allowed): a long string continued on the next card. */
function endsWithContinuation(card: string): boolean {
  let last = card.length - 1;
  while (last > 0 && card.charCodeAt(last) === 0x20) last--;
  return card.charCodeAt(last) === 0x27 && card.charCodeAt(last - 1) === 0x26;
}

/**
 * An 8-character keyword field as two numbers, 24 bits each: characters 0x20–0x5f (upper case,
 * digits, `-`, `_`, blank) are 6 bits each. Anything else cannot be found this way: -1.
 */
function halfCode(text: string, at: number): number {
  let code = 0;
  for (let i = at + 3; i >= at; i--) {
    const char = text.charCodeAt(i) - 0x20;
    if (char < 0 || char > 0x3f) return -1;
    code = (code << 6) | char;
  }
  return code;
}

/** Card i → the code of its keyword at [2i, 2i + 1] if it is a value card (`= ` in columns 9–10), else -1. */
function valueCardCodes(text: string): Int32Array {
  const cards = text.length / 80;
  const codes = new Int32Array(cards * 2);
  for (let i = 0, at = 0; i < cards; i++, at += 80) {
    const valued = text.charCodeAt(at + 8) === 0x3d && text.charCodeAt(at + 9) === 0x20;
    codes[2 * i] = valued ? halfCode(text, at) : -1;
    codes[2 * i + 1] = valued ? halfCode(text, at + 4) : -1;
  }
  return codes;
}

function indexOfCode(codes: Int32Array, wanted: KeywordCode): number {
  for (let i = 0; i < codes.length; i += 2) {
    if (codes[i] === wanted.first && codes[i + 1] === wanted.second) return i / 2;
  }
  return -1;
}

interface KeywordCode {
  first: number;
  second: number;
}

const keywordCodes = new Map<string, KeywordCode | null>();

/** The code of a keyword's field; null for one longer than 8 characters or with other characters. */
function keywordCode(keyword: string): KeywordCode | null {
  let code = keywordCodes.get(keyword);
  if (code === undefined) {
    const field = keyword.toUpperCase().padEnd(8);
    const first = halfCode(field, 0);
    const second = halfCode(field, 4);
    code = field.length > 8 || first === -1 || second === -1 ? null : { first, second };
    if (keywordCodes.size < 1024) keywordCodes.set(keyword, code);
  }
  return code;
}

function cardValue(card: string, index: number): FitsValue {
  try {
    return parseCardValue(printableCard(card, index));
  } catch (error) {
    if (error instanceof FitsCardError) {
      throw new FitsHeaderError(`card ${index + 1} (${card.slice(0, 8).trim()}): ${error.message}`);
    }
    throw error;
  }
}

/** Whether any card's keyword field is written in lower case, which the fast lookup would miss. */
function hasLowerCaseKeyword(text: string): boolean {
  for (let at = 0; at < text.length; at += 80) {
    for (let i = at; i < at + 8; i++) {
      const code = text.charCodeAt(i);
      if (code >= 0x61 && code <= 0x7a) return true;
    }
  }
  return false;
}

function firstValues(cards: readonly HeaderCard[]): Map<string, FitsValue> {
  const values = new Map<string, FitsValue>();
  for (const card of cards) {
    const key = card.keyword.toUpperCase();
    if (!card.commentary && !values.has(key)) values.set(key, card.value);
  }
  return values;
}

function lazyHeader(
  text: string,
  image: CardIndex,
  primaryText: string | null,
  primary: CardIndex | null,
): FitsHeader {
  return new LazyFitsHeader(text, image, primaryText, primary);
}

class LazyFitsHeader implements FitsHeader {
  readonly compressed = false;
  private parsedCards: HeaderCard[] | undefined;
  private parsedPrimary: HeaderCard[] | undefined;

  constructor(
    private readonly text: string,
    private readonly image: CardIndex,
    private readonly primaryText: string | null,
    private readonly primaryIndex: CardIndex | null,
  ) {}

  get cards(): readonly HeaderCard[] {
    this.parsedCards ??= parseCards(this.text);
    return this.parsedCards;
  }

  get primary(): readonly HeaderCard[] | null {
    if (this.primaryText === null) return null;
    this.parsedPrimary ??= parseCards(this.primaryText);
    return this.parsedPrimary;
  }

  get(keyword: string): FitsValue | undefined {
    const value = this.image.value(keyword);
    return value !== undefined || this.primaryIndex === null
      ? value
      : this.primaryIndex.value(keyword);
  }
}

/** |BITPIX|/8 × GCOUNT × (PCOUNT + NAXIS1 × … × NAXISn), in whole blocks. */
function dataSize(cards: CardIndex): number {
  const number = (keyword: string) => {
    const value = cards.value(keyword);
    return typeof value === 'number' ? value : undefined;
  };
  const axes = number('NAXIS') ?? 0;
  if (axes === 0) return 0;
  let pixels = 1;
  for (let i = 1; i <= axes; i++) pixels *= number(`NAXIS${i}`) ?? 0;
  const bytes =
    (Math.abs(number('BITPIX') ?? 8) / 8) *
    (number('GCOUNT') ?? 1) *
    ((number('PCOUNT') ?? 0) + pixels);
  return Math.ceil(bytes / FITS_BLOCK_SIZE) * FITS_BLOCK_SIZE;
}

/** A header whose cards are all parsed already. Duplicated keywords: the first counts, as in astropy. */
export function makeHeader(
  cards: readonly HeaderCard[],
  primary: readonly HeaderCard[] | null,
  compressed: boolean,
): FitsHeader {
  const lookup = firstValues([...cards, ...(primary ?? [])]);
  return { cards, primary, compressed, get: (keyword) => lookup.get(keyword.toUpperCase()) };
}
