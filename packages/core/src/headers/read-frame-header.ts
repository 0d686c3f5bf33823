/** Reads the header of any frame file: XISF by its extension, FITS (plain or `.fz`) otherwise. */
import { readFitsHeader } from '../fits/read-fits-header.js';
import { readXisfHeader } from '../fits/read-xisf-header.js';
import type { HeaderLookup } from './header-fields.js';

export async function readFrameHeader(path: string): Promise<HeaderLookup> {
  if (/\.xisf$/i.test(path)) {
    const xisf = await readXisfHeader(path);
    return {
      get: xisf.get,
      property: (id) => xisf.properties.get(id)?.value,
      imageType: xisf.imageType,
    };
  }
  return readFitsHeader(path);
}
