/**
 * Reads the header of a monolithic XISF file (XISF 1.0 §8): the `XISF0100` signature, the XML header's
 * length (uint32, little-endian), then the XML. Only the header is read; attachments never are.
 * `FITSKeyword` values are raw FITS value text (`'LIGHT'`, `300.`, `T`) and are read as FITS cards are.
 */
import { createRequire } from 'node:module';
import type { XMLParser } from 'fast-xml-parser';
import {
  FitsCardError,
  parseValueAndComment,
  type FitsValue,
  type HeaderCard,
} from './parse-fits-card.js';
import { indexParsedCards } from './keyword-index.js';
import { valueLeniently } from './lenient-card.js';
import { FitsHeaderError } from './parse-fits-header.js';
import { runReadProgram, runReadProgramSync, type ReadProgram } from './read-program.js';

export interface XisfProperty {
  id: string;
  type: string;
  value: string;
}

export interface XisfHeader {
  /** The first image's `FITSKeyword` elements, as FITS cards. */
  cards: readonly HeaderCard[];
  /** The first image's `Property` elements by id. */
  properties: ReadonlyMap<string, XisfProperty>;
  /** The `<Image imageType>` attribute, if any. */
  imageType: string | null;
  /** The first value of a FITS keyword, any letter case. */
  get(keyword: string): FitsValue | undefined;
  /** What was wrong with that keyword's value, if it was read leniently. */
  problem(keyword: string): string | undefined;
}

export interface ReadXisfHeaderOptions {
  /** A larger XML header is refused (default 4 MiB). */
  maxHeaderBytes?: number;
}

const SIGNATURE = 'XISF0100';
const PREAMBLE = 16;

type FastXmlParser = typeof import('fast-xml-parser');
let xmlParsing: { parser: XMLParser; validator: FastXmlParser['XMLValidator'] } | undefined;

/**
 * The XML parser, loaded on the first XISF file: most archives have none, and loading it costs
 * every run tens of milliseconds. Its CommonJS build loads synchronously, for the sync reader.
 */
function xmlTools() {
  if (!xmlParsing) {
    const { XMLParser, XMLValidator } = createRequire(import.meta.url)(
      'fast-xml-parser',
    ) as FastXmlParser;
    const parser = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      parseAttributeValue: false,
      parseTagValue: false,
      trimValues: false,
      isArray: (name) => name === 'Image' || name === 'FITSKeyword' || name === 'Property',
    });
    xmlParsing = { parser, validator: XMLValidator };
  }
  return xmlParsing;
}

export function readXisfHeaderSync(
  path: string | Buffer,
  options: ReadXisfHeaderOptions = {},
): XisfHeader {
  return runReadProgramSync(path, xisfHeaderProgram(options));
}

export function readXisfHeader(
  path: string | Buffer,
  options: ReadXisfHeaderOptions = {},
): Promise<XisfHeader> {
  return runReadProgram(path, xisfHeaderProgram(options));
}

function* xisfHeaderProgram(options: ReadXisfHeaderOptions): ReadProgram<XisfHeader> {
  const max = options.maxHeaderBytes ?? 4 * 1024 * 1024;
  const preamble = yield { position: 0, length: PREAMBLE };
  if (preamble.length === 0) throw new FitsHeaderError('the file is empty');
  if (latin1.decode(preamble.subarray(0, Math.min(8, preamble.length))) !== SIGNATURE) {
    throw new FitsHeaderError('not an XISF file: it does not start with XISF0100');
  }
  if (preamble.length < PREAMBLE)
    throw new FitsHeaderError('the file ends inside the XISF preamble: truncated?');
  const length = new DataView(preamble.buffer, preamble.byteOffset, PREAMBLE).getUint32(8, true);
  if (length > max)
    throw new FitsHeaderError(
      `the XML header claims ${length} bytes, more than the ${max} allowed`,
    );
  const body = yield { position: PREAMBLE, length };
  if (body.length < length) {
    throw new FitsHeaderError(
      `the file ends inside the XML header (${body.length} of ${length} bytes): truncated?`,
    );
  }
  let xml: string;
  try {
    xml = new TextDecoder('utf-8', { fatal: true }).decode(body.subarray(0, trimmedLength(body)));
  } catch {
    throw new FitsHeaderError('the XML header is not valid UTF-8');
  }
  return parseXisfXml(xml);
}

const latin1 = new TextDecoder('latin1');

function dropLongValues(xml: string): string {
  return xml.replace(LONG_TEXT, '><').replace(LONG_ATTRIBUTE, '=""');
}

function countOf(text: string, character: string): number {
  let count = 0;
  for (let at = text.indexOf(character); at !== -1; at = text.indexOf(character, at + 1)) count++;
  return count;
}

/** Writers pad the header with zeros up to the first attachment. */
function trimmedLength(body: Uint8Array): number {
  let end = body.length;
  while (end > 0 && body[end - 1] === 0) end--;
  return end;
}

/**
 * Real headers have a few hundred elements; a hostile one with millions of elements or attributes
 * would cost seconds and hundreds of megabytes to parse, so it is refused after one linear count.
 */
export const XISF_MAX_ELEMENTS = 10_000;
export const XISF_MAX_ATTRIBUTES = 50_000;

/**
 * Longer text or attribute values (an embedded ICC profile, a thumbnail, a long processing history)
 * are dropped before parsing: the XML parser is slow on them (seconds for a few megabytes), and no
 * value the engine reads is near this long.
 */
const XISF_MAX_VALUE = 65_536;
const LONG_TEXT = new RegExp(`>[^<]{${XISF_MAX_VALUE},}<`, 'g');
const LONG_ATTRIBUTE = new RegExp(`="[^"]{${XISF_MAX_VALUE},}"`, 'g');

export function parseXisfXml(source: string): XisfHeader {
  const xml = source.length > XISF_MAX_VALUE ? dropLongValues(source) : source;
  const elements = countOf(xml, '<');
  if (elements > XISF_MAX_ELEMENTS)
    throw new FitsHeaderError(
      `the XML header has ${elements} tags, more than the ${XISF_MAX_ELEMENTS} astrotrack reads`,
    );
  const attributes = countOf(xml, '=');
  if (attributes > XISF_MAX_ATTRIBUTES)
    throw new FitsHeaderError(
      `the XML header has ${attributes} attributes, more than the ${XISF_MAX_ATTRIBUTES} astrotrack reads`,
    );
  const valid = xmlTools().validator.validate(xml);
  if (valid !== true) {
    throw new FitsHeaderError(
      `the XML header is not well-formed: ${valid.err.msg} (line ${valid.err.line})`,
    );
  }
  let document: { xisf?: { Image?: XmlImage[] } };
  try {
    document = xmlTools().parser.parse(xml) as typeof document;
  } catch (error) {
    // The validator passes a few inputs the parser refuses (`<xisf><!'</xisf>`).
    throw new FitsHeaderError(`the XML header is not well-formed: ${(error as Error).message}`);
  }
  if (!document.xisf) throw new FitsHeaderError('the XML header has no <xisf> root element');
  const image = document.xisf.Image?.[0];
  const cards = (image?.FITSKeyword ?? []).map(keywordCard);
  const properties = new Map<string, XisfProperty>();
  for (const property of image?.Property ?? []) {
    if (!property.id || properties.has(property.id)) continue;
    properties.set(property.id, {
      id: property.id,
      type: property.type ?? '',
      value: property.value ?? property['#text'] ?? '',
    });
  }
  const index = indexParsedCards(cards);
  return {
    cards,
    properties,
    imageType: image?.imageType ?? null,
    get: (keyword) => index.value(keyword),
    problem: (keyword) => index.problem(keyword),
  };
}

interface XmlImage {
  imageType?: string;
  FITSKeyword?: Array<{ name?: string; value?: string; comment?: string }>;
  Property?: Array<{ id?: string; type?: string; value?: string; '#text'?: string }>;
}

function keywordCard(element: { name?: string; value?: string; comment?: string }): HeaderCard {
  const keyword = (element.name ?? '').trim().toUpperCase();
  const comment = element.comment?.trim() || null;
  if (keyword === 'COMMENT' || keyword === 'HISTORY' || keyword === '') {
    return { keyword, value: null, comment: element.value?.trim() || comment, commentary: true };
  }
  try {
    const { value } = parseValueAndComment(element.value ?? '');
    return { keyword, value, comment, commentary: false };
  } catch (error) {
    if (!(error instanceof FitsCardError)) throw error;
    const { value, problem } = valueLeniently(element.value ?? '', error.message);
    return { keyword, value, comment, commentary: false, problem };
  }
}
