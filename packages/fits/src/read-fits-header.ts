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
import { type CardIndex, indexCards, indexParsedCards } from './keyword-index.js';
import type { FitsValue, HeaderCard } from './parse-fits-card.js';
import {
  FITS_BLOCK_SIZE,
  FitsHeaderError,
  parseCards,
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
   * Every header read, in file order: the primary's, then the extension holding the image (as
   * astropy shows a compressed one), for `inspect`.
   */
  readonly hdus: readonly FitsHdu[];
  /**
   * The first value of a keyword, any letter case: the image's cards first, then the primary's.
   * Values are parsed when asked for, leniently: this never throws.
   */
  get(keyword: string): FitsValue | undefined;
  /** What was wrong with the card `get(keyword)` read, if it broke the standard (lenient-card.ts). */
  problem(keyword: string): string | undefined;
}

export interface FitsHdu {
  /** `primary`, or `extension 1 (IMAGE 'CCD00')`. */
  label: string;
  cards: readonly HeaderCard[];
}

export interface ReadFitsHeaderOptions {
  /** A header longer than this is refused (default 1 MiB, 364 blocks of 36 cards). */
  maxHeaderBytes?: number;
}

type HeaderProgram = ReadProgram<FitsHeader>;

const FIRST_READ = 2 * FITS_BLOCK_SIZE;
const LATER_READ = 8 * FITS_BLOCK_SIZE;
const DEFAULT_MAX_HEADER = 364 * FITS_BLOCK_SIZE;

export function readFitsHeaderSync(
  path: string | Buffer,
  options: ReadFitsHeaderOptions = {},
): FitsHeader {
  return runReadProgramSync(path, fitsHeaderProgram(options));
}

export function readFitsHeader(
  path: string | Buffer,
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
      // The INHERIT convention: the extension's cards first, the primary's where it says nothing.
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
    // Not `chunk.slice()`: on a Buffer that is a view of the reused scratch, not a copy.
    if (buffer === chunk) buffer = Uint8Array.prototype.slice.call(chunk);
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

  get hdus(): readonly FitsHdu[] {
    return hdusOf(this.cards, this.primary, 'IMAGE');
  }

  get(keyword: string): FitsValue | undefined {
    const value = this.image.value(keyword);
    return value !== undefined || this.primaryIndex === null
      ? value
      : this.primaryIndex.value(keyword);
  }

  problem(keyword: string): string | undefined {
    // No value is parsed again here: a problem is known once its value was asked for.
    if (this.primaryIndex === null) return this.image.problem(keyword);
    return this.image.problem(keyword) ?? this.primaryIndex.problem(keyword);
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
  const index = indexParsedCards([...cards, ...(primary ?? [])]);
  return {
    cards,
    primary,
    compressed,
    hdus: hdusOf(cards, primary, compressed ? 'tile-compressed IMAGE' : 'IMAGE'),
    get: (keyword) => index.value(keyword),
    problem: (keyword) => index.problem(keyword),
  };
}

/** The headers read, in file order: the image's alone, or the primary's and the extension's. */
function hdusOf(
  cards: readonly HeaderCard[],
  primary: readonly HeaderCard[] | null,
  kind: string,
): FitsHdu[] {
  if (primary === null) return [{ label: 'primary', cards }];
  const name = cards.find((card) => card.keyword === 'EXTNAME' && !card.commentary)?.value;
  const label = `extension 1 (${kind}${typeof name === 'string' ? ` '${name}'` : ''})`;
  return [
    { label: 'primary', cards: primary },
    { label, cards },
  ];
}
