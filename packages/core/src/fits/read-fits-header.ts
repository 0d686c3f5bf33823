/**
 * Reads the header of a FITS file, never its pixels: the first 5,760 bytes hold nearly every camera
 * header; longer ones are read a few blocks at a time up to a cap. For a tile-compressed file
 * (`fpack`, `.fz`) the image's header lives in the first BINTABLE extension with `ZIMAGE = T`.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { FITS_BLOCK_SIZE, FitsHeaderError, parseFitsHeader } from './parse-fits-header.js';
import type { FitsValue, HeaderCard } from './parse-fits-card.js';
import { compressedImageCards } from './compressed-image-cards.js';

export interface FitsHeader {
  /** The image's cards: the primary header, or the compressed image's header seen as the image's. */
  cards: readonly HeaderCard[];
  /** The primary header, when the image lives in an extension. */
  primary: readonly HeaderCard[] | null;
  /** Tile-compressed (fpack) image. */
  compressed: boolean;
  /** The first value of a keyword, any letter case: the image's cards first, then the primary's. */
  get(keyword: string): FitsValue | undefined;
}

export interface ReadFitsHeaderOptions {
  /** A header longer than this is refused (default 1 MiB, 364 blocks of 36 cards). */
  maxHeaderBytes?: number;
}

const FIRST_READ = 2 * FITS_BLOCK_SIZE;
const LATER_READ = 8 * FITS_BLOCK_SIZE;
const DEFAULT_MAX_HEADER = 364 * FITS_BLOCK_SIZE;

export async function readFitsHeader(
  path: string,
  options: ReadFitsHeaderOptions = {},
): Promise<FitsHeader> {
  const max = options.maxHeaderBytes ?? DEFAULT_MAX_HEADER;
  const handle = await open(path, 'r');
  try {
    const primary = await readHeaderAt(handle, 0, max, 'SIMPLE  =');
    if (numberOf(primary.cards, 'NAXIS') === 0) {
      const at = primary.size + dataSize(primary.cards);
      const extension = await readHeaderAt(handle, at, max, 'XTENSION=', true);
      if (extension) {
        if (
          cardValue(extension.cards, 'XTENSION') === 'BINTABLE' &&
          cardValue(extension.cards, 'ZIMAGE') === true
        ) {
          return makeHeader(compressedImageCards(extension.cards), primary.cards, true);
        }
        if (cardValue(extension.cards, 'XTENSION') === 'IMAGE')
          return makeHeader(extension.cards, primary.cards, false);
      }
    }
    return makeHeader(primary.cards, null, false);
  } finally {
    await handle.close();
  }
}

interface ReadHeader {
  cards: HeaderCard[];
  size: number;
}

async function readHeaderAt(
  handle: FileHandle,
  offset: number,
  max: number,
  start: string,
): Promise<ReadHeader>;
async function readHeaderAt(
  handle: FileHandle,
  offset: number,
  max: number,
  start: string,
  optional: true,
): Promise<ReadHeader | null>;
/** Reads the header at `offset`, which must begin with `start`; an optional one may be missing. */
async function readHeaderAt(
  handle: FileHandle,
  offset: number,
  max: number,
  start: string,
  optional = false,
): Promise<ReadHeader | null> {
  let buffer = Buffer.alloc(FIRST_READ);
  let filled = 0;
  for (;;) {
    const want = Math.min(buffer.length - filled, max - filled);
    const { bytesRead } = await handle.read(buffer, filled, want, offset + filled);
    filled += bytesRead;
    if (filled === bytesRead && buffer.toString('latin1', 0, start.length) !== start) {
      if (optional) return null;
      throw new FitsHeaderError(
        filled === 0
          ? 'the file is empty'
          : `not a FITS file: it does not start with ${start.slice(0, 6)}`,
      );
    }
    const parsed = parseFitsHeader(buffer.subarray(0, filled - (filled % 80)));
    if (parsed.done) return { cards: parsed.cards, size: parsed.size };
    if (bytesRead < want) {
      throw new FitsHeaderError(
        `the file ends inside the header (after ${offset + filled} bytes): truncated?`,
      );
    }
    if (filled >= max)
      throw new FitsHeaderError(`no END card in the first ${max} bytes of the header`);
    const grown = Buffer.alloc(Math.min(buffer.length + LATER_READ, max));
    buffer.copy(grown, 0, 0, filled);
    buffer = grown;
  }
}

/** |BITPIX|/8 × GCOUNT × (PCOUNT + NAXIS1 × … × NAXISn), in whole blocks. */
function dataSize(cards: readonly HeaderCard[]): number {
  const axes = numberOf(cards, 'NAXIS') ?? 0;
  if (axes === 0) return 0;
  let pixels = 1;
  for (let i = 1; i <= axes; i++) pixels *= numberOf(cards, `NAXIS${i}`) ?? 0;
  const bytes =
    (Math.abs(numberOf(cards, 'BITPIX') ?? 8) / 8) *
    (numberOf(cards, 'GCOUNT') ?? 1) *
    ((numberOf(cards, 'PCOUNT') ?? 0) + pixels);
  return Math.ceil(bytes / FITS_BLOCK_SIZE) * FITS_BLOCK_SIZE;
}

function cardValue(cards: readonly HeaderCard[], keyword: string): FitsValue | undefined {
  return cards.find((card) => card.keyword === keyword && !card.commentary)?.value;
}

function numberOf(cards: readonly HeaderCard[], keyword: string): number | undefined {
  const value = cardValue(cards, keyword);
  return typeof value === 'number' ? value : undefined;
}

/** Duplicated keywords happen in the wild; the first one counts, as in astropy. */
export function makeHeader(
  cards: readonly HeaderCard[],
  primary: readonly HeaderCard[] | null,
  compressed: boolean,
): FitsHeader {
  const lookup = new Map<string, FitsValue>();
  for (const list of [cards, primary ?? []]) {
    for (const card of list) {
      const key = card.keyword.toUpperCase();
      if (!card.commentary && !lookup.has(key)) lookup.set(key, card.value);
    }
  }
  return { cards, primary, compressed, get: (keyword) => lookup.get(keyword.toUpperCase()) };
}
