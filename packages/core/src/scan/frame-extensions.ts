/** Which files are frames: FITS (plain or tile-compressed) and XISF, in any letter case. */

const FRAME_EXTENSION = /\.(fits|fit|fts|fz|xisf)$/i;

export function isFrameFileName(name: string): boolean {
  // `._name.fits` are macOS AppleDouble resource forks, not frames.
  return FRAME_EXTENSION.test(name) && !name.startsWith('._');
}

/** The file name without its frame extension(s): `a.fits.fz` → `a`. */
export function stripFrameExtension(name: string): string {
  // Every parser asks for the same file in turn: the last answer is kept.
  if (name === lastName) return lastStem;
  const dot = name.lastIndexOf('.');
  // `.fits.fz`: the compressed file keeps the inner extension too.
  const stem =
    dot <= 0
      ? name
      : name.slice(dot + 1).toLowerCase() === 'fz'
        ? name.slice(0, dot).replace(/\.(fits|fit|fts)$/i, '')
        : name.slice(0, dot);
  lastName = name;
  lastStem = stem;
  return stem;
}

let lastName = '';
let lastStem = '';
