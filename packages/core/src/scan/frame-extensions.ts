/** Which files are frames: FITS (plain or tile-compressed) and XISF, in any letter case. */

const FRAME_EXTENSION = /\.(fits|fit|fts|fz|xisf)$/i;

export function isFrameFileName(name: string): boolean {
  // `._name.fits` are macOS AppleDouble resource forks, not frames.
  return FRAME_EXTENSION.test(name) && !name.startsWith('._');
}

/** The file name without its frame extension(s): `a.fits.fz` → `a`. */
export function stripFrameExtension(name: string): string {
  return name.replace(/(\.(fits|fit|fts))?\.(fits|fit|fts|fz|xisf)$/i, '');
}
