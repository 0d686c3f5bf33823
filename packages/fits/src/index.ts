export {
  readFitsHeader,
  readFitsHeaderSync,
  fitsHeaderProgram,
  type FitsHeader,
  type FitsHdu,
  type ReadFitsHeaderOptions,
} from './read-fits-header.js';
export {
  readXisfHeader,
  readXisfHeaderSync,
  parseXisfXml,
  XISF_MAX_ELEMENTS,
  XISF_MAX_ATTRIBUTES,
  type XisfHeader,
  type XisfProperty,
  type ReadXisfHeaderOptions,
} from './read-xisf-header.js';
export {
  FITS_BLOCK_SIZE,
  FitsHeaderError,
  parseCardAt,
  parseCards,
  parseFitsHeader,
  scanFitsHeader,
  type HeaderParse,
  type HeaderScan,
} from './parse-fits-header.js';
export {
  parseFitsCard,
  parseCardValue,
  FitsCardError,
  type FitsValue,
  type HeaderCard,
} from './parse-fits-card.js';
export {
  formatFitsCard,
  formatFitsHeader,
  type FitsCard,
  type WritableFitsValue,
} from './format-fits-header.js';
export {
  runReadProgram,
  runReadProgramSync,
  type ReadProgram,
  type ReadRequest,
} from './read-program.js';
export { printableText } from './printable-text.js';
