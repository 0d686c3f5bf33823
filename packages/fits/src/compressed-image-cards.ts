/**
 * The Tiled Image Compression Convention (FITS 4.0 §10) keeps the image's header inside a BINTABLE:
 * the table's own keywords (`NAXIS1`, `TFORM1`, its `CHECKSUM`…) describe the table, and `Z`-prefixed
 * copies keep the image's (`ZBITPIX`, `ZNAXISn`, `ZHECKSUM`…). Seen as the image's header, the copies
 * take their names back and the table's keywords and compression parameters go, as astropy shows it.
 */
import type { HeaderCard } from './parse-fits-card.js';

const TABLE_ONLY =
  /^(XTENSION|SIMPLE|EXTEND|BLOCKED|BITPIX|NAXIS\d*|PCOUNT|GCOUNT|TFIELDS|T(TYPE|FORM|UNIT|DIM|SCAL|ZERO|NULL|DISP)\d+|THEAP|CHECKSUM|DATASUM)$/;
const COMPRESSION_PARAMETERS =
  /^(ZIMAGE|ZCMPTYPE|ZTILE\d+|ZNAME\d+|ZVAL\d+|ZQUANTIZ|ZDITHER0|ZMASKCMP)$/;
const IMAGE_COPIES: Record<string, string> = {
  ZSIMPLE: 'SIMPLE',
  ZTENSION: 'XTENSION',
  ZEXTEND: 'EXTEND',
  ZBLOCKED: 'BLOCKED',
  ZBITPIX: 'BITPIX',
  ZNAXIS: 'NAXIS',
  ZPCOUNT: 'PCOUNT',
  ZGCOUNT: 'GCOUNT',
  ZHECKSUM: 'CHECKSUM',
  ZDATASUM: 'DATASUM',
};

export function compressedImageCards(table: readonly HeaderCard[]): HeaderCard[] {
  const image: HeaderCard[] = [];
  for (const card of table) {
    if (card.commentary) {
      image.push(card);
      continue;
    }
    if (TABLE_ONLY.test(card.keyword) || COMPRESSION_PARAMETERS.test(card.keyword)) continue;
    const axis = /^ZNAXIS(\d+)$/.exec(card.keyword);
    const keyword = axis ? `NAXIS${axis[1]}` : (IMAGE_COPIES[card.keyword] ?? card.keyword);
    image.push(keyword === card.keyword ? card : { ...card, keyword });
  }
  return image;
}
