/** Reads the header of any frame file: XISF by its extension, FITS (plain or `.fz`) otherwise. */
import { readFitsHeader, readFitsHeaderSync } from '@astrotrack/fits';
import { readXisfHeader, readXisfHeaderSync, type XisfHeader } from '@astrotrack/fits';
import type { HeaderLookup } from './header-fields.js';

const isXisf = (path: string | Buffer) =>
  /\.xisf$/i.test(typeof path === 'string' ? path : path.toString('latin1'));

/** `path` as a Buffer for a name that is not valid UTF-8. */
export async function readFrameHeader(path: string | Buffer): Promise<HeaderLookup> {
  return isXisf(path) ? xisfLookup(await readXisfHeader(path)) : readFitsHeader(path);
}

export function readFrameHeaderSync(path: string | Buffer): HeaderLookup {
  return isXisf(path) ? xisfLookup(readXisfHeaderSync(path)) : readFitsHeaderSync(path);
}

function xisfLookup(xisf: XisfHeader): HeaderLookup {
  return {
    get: xisf.get,
    problem: xisf.problem,
    property: (id) => xisf.properties.get(id)?.value,
    imageType: xisf.imageType,
  };
}
