/** Which files are frames: FITS (plain or tile-compressed) and XISF, in any letter case. */

const FRAME_EXTENSION = /\.(fits|fit|fts|fz|xisf)$/i;

export function isFrameFileName(name: string): boolean {
  // `._name.fits` are macOS AppleDouble resource forks, not frames.
  return FRAME_EXTENSION.test(name) && !name.startsWith('._');
}

/** The file name without its frame extension(s): `a.fits.fz` → `a`. */
export function stripFrameExtension(name: string): string {
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return name;
  const stem = name.slice(0, dot);
  // `.fits.fz`: the compressed file keeps the inner extension too.
  return name.slice(dot + 1).toLowerCase() === 'fz' ? stem.replace(/\.(fits|fit|fts)$/i, '') : stem;
}
