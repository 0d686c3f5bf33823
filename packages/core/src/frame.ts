/** The frame model: what astrotrack knows about one file, and where each fact came from. */

export const FRAME_KINDS = ['light', 'flat', 'dark', 'bias', 'darkflat'] as const;
export type FrameKind = (typeof FRAME_KINDS)[number];

/** Where a field's value was found. */
/** `sidecar`: a file beside the frame, N.I.N.A. Session Metadata's `ImageMetaData.csv`. */
export type FieldOrigin = 'header' | 'filename' | 'folder' | 'sidecar' | 'config' | 'default';

export interface FieldSource {
  origin: FieldOrigin;
  /**
   * What exactly was read, as found: the header keyword (`EXPTIME`), the file-name token (`300.00s`),
   * the folder name (`LIGHT`); for `default`, the value assumed.
   */
  detail: string;
}

export interface FrameFields {
  kind: FrameKind;
  target: string | null;
  filter: string | null;
  exposureSeconds: number | null;
  /** Mechanical rotator angle in degrees, [0, 360). */
  rotatorAngle: number | null;
  /** As `XxY`, e.g. `1x1`. */
  binning: string | null;
  gain: number | null;
  offset: number | null;
  sensorTemperature: number | null;
  /** The camera as its driver names it (`INSTRUME`, e.g. `ZWO ASI2600MM Pro`): calibration matches by it. */
  camera: string | null;
  /** The sensor's readout mode (`READOUTM`, e.g. `High Gain 2CMS`), where the camera has several. */
  readoutMode: string | null;
  /** The telescope as the capture program names it (`TELESCOP`, e.g. `RedCat 51`): rigs match frames by it. */
  telescope: string | null;
  /** ISO 8601 capture start; UTC when it ends in `Z`, local otherwise. */
  captureTime: string | null;
  /** `YYYY-MM-DD`: the local capture time minus 12 hours, so one night is one date. */
  night: string | null;
  /** The capture program's running number for the frame, from the name. */
  frameNumber: number | null;
  /** The optics' focal ratio (`FOCRATIO`), e.g. 4.9. */
  focalRatio: number | null;
  /** The air temperature at the site, °C (`AMBTEMP`), as a weather station reports it. */
  ambientTemperature: number | null;
  /** Sky brightness in mag/arcsec² (`MPSAS`, `SQM`), from a sky-quality meter. */
  skyQuality: number | null;
  /** The optics' focal length in mm (`FOCALLEN`) and the pixel size in µm, binning included (`XPIXSZ`): the plate scale. */
  focalLength: number | null;
  pixelSize: number | null;
  /**
   * What the capture program measured on the frame: half-flux radius and FWHM in pixels (`HFR`,
   * `FWHM` cards, N.I.N.A.'s `$$HFR$$`, `$$FWHM$$`), stars detected (`$$STARCOUNT$$`), star
   * eccentricity (`$$ECCENTRICITY$$`), total guiding RMS in arcseconds (`$$RMSARCSEC$$`).
   */
  hfr: number | null;
  starCount: number | null;
  fwhm: number | null;
  eccentricity: number | null;
  guidingRms: number | null;
}

export type FrameField = keyof FrameFields;
export type FieldSources = Partial<Record<FrameField, FieldSource>>;

export interface Frame extends FrameFields {
  /** Absolute path. */
  path: string;
  /** Path relative to the scanned folder, with `/` separators. */
  relativePath: string;
  /** Name of the parser that recognised the file. */
  parser: string;
  sources: FieldSources;
  /**
   * The rig (optical train) the frame is counted under: the first whose `match` fits its headers,
   * else the scan's rig; null when the config names no rig. Set by the engine, not by parsers.
   */
  rig: string | null;
}

export const EMPTY_FRAME_FIELDS: Readonly<FrameFields> = Object.freeze({
  kind: 'light',
  target: null,
  filter: null,
  exposureSeconds: null,
  rotatorAngle: null,
  binning: null,
  gain: null,
  offset: null,
  sensorTemperature: null,
  camera: null,
  readoutMode: null,
  telescope: null,
  captureTime: null,
  night: null,
  frameNumber: null,
  focalRatio: null,
  ambientTemperature: null,
  skyQuality: null,
  focalLength: null,
  pixelSize: null,
  hfr: null,
  starCount: null,
  fwhm: null,
  eccentricity: null,
  guidingRms: null,
});
