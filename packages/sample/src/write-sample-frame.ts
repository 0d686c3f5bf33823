/** Writes one frame: a real FITS header, then pixel data as a sparse hole of the real size. */
import { closeSync, fstatSync, ftruncateSync, openSync, writeSync } from 'node:fs';
import { formatFitsHeader, type FitsCard } from '@astrotrack/fits';
import { FITS_BLOCK_SIZE } from '@astrotrack/fits';

export interface SampleFrameHeader {
  imageType: 'LIGHT' | 'FLAT' | 'DARK' | 'BIAS';
  exposureSeconds: number;
  filter?: string;
  object?: string;
  /** Local capture time, `YYYY-MM-DDTHH:mm:ss`. */
  dateLocal: string;
  utcOffsetHours: number;
  rotatorAngle?: number;
  gain: number;
  offset: number;
  sensorTemperature: number;
  binning: number;
  width: number;
  height: number;
  software: string;
  /** The camera: `ZWO ASI2600MM Pro` unless said. */
  instrument?: string;
  /** A colour camera's Bayer pattern (`RGGB`), written as BAYERPAT. */
  bayerPattern?: string;
  /** Only DATE-OBS (UTC), no DATE-LOC: as ASIAIR and Ekos write. */
  utcOnly?: boolean;
}

export function sampleFrameCards(h: SampleFrameHeader): FitsCard[] {
  const local = new Date(`${h.dateLocal}Z`);
  const utc = new Date(local.getTime() - h.utcOffsetHours * 3600_000).toISOString().slice(0, 23);
  const cards: FitsCard[] = [
    ['SIMPLE', true, 'file conforms to FITS standard'],
    ['BITPIX', 16, 'number of bits per data pixel'],
    ['NAXIS', 2, 'number of data axes'],
    ['NAXIS1', h.width, 'length of data axis 1'],
    ['NAXIS2', h.height, 'length of data axis 2'],
    ['EXTEND', true],
    ['BZERO', 32768, 'offset data range to that of unsigned short'],
    ['BSCALE', 1, 'default scaling factor'],
    ['IMAGETYP', h.imageType, 'Type of exposure'],
    ['EXPOSURE', h.exposureSeconds, '[s] Exposure duration'],
    ['EXPTIME', h.exposureSeconds, '[s] Exposure duration'],
    ...(h.utcOnly
      ? []
      : ([['DATE-LOC', `${h.dateLocal}.000`, 'Time of observation (local)']] as FitsCard[])),
    ['DATE-OBS', utc, 'Time of observation (UTC)'],
    ['XBINNING', h.binning, 'X axis binning factor'],
    ['YBINNING', h.binning, 'Y axis binning factor'],
    ['GAIN', h.gain, 'Sensor gain'],
    ['OFFSET', h.offset, 'Sensor gain offset'],
    ['CCD-TEMP', h.sensorTemperature, '[degC] CCD temperature'],
    ['SET-TEMP', -10, '[degC] CCD temperature setpoint'],
    ['INSTRUME', h.instrument ?? 'ZWO ASI2600MM Pro', 'Imaging instrument name'],
    ['TELESCOP', 'RedCat 51', 'Name of telescope'],
    ['FOCALLEN', 250, '[mm] Focal length'],
  ];
  if (h.filter) cards.push(['FILTER', h.filter, 'Active filter name']);
  if (h.bayerPattern) cards.push(['BAYERPAT', h.bayerPattern, 'Sensor Bayer pattern']);
  if (h.object) cards.push(['OBJECT', h.object, 'Name of the object of interest']);
  if (h.rotatorAngle !== undefined) {
    cards.push(['ROTATOR', h.rotatorAngle, '[deg] Mechanical rotator angle']);
    cards.push(['ROTATANG', h.rotatorAngle, '[deg] Mechanical rotator angle']);
  }
  cards.push(['SWCREATE', h.software, 'Software that created this file']);
  return cards;
}

/**
 * Synchronous on purpose: generating 10^5 files is syscall-bound and the sync calls are several
 * times faster than promises here. Returns true when the data was kept as a hole (sparse file).
 */
export function writeSampleFrame(
  path: string,
  header: SampleFrameHeader,
  withData: boolean,
): boolean {
  const head = formatFitsHeader(sampleFrameCards(header));
  const fd = openSync(path, 'wx');
  try {
    writeSync(fd, head, 0, head.length, 0);
    if (!withData) return true;
    const dataBytes = header.width * header.height * 2;
    ftruncateSync(fd, head.length + Math.ceil(dataBytes / FITS_BLOCK_SIZE) * FITS_BLOCK_SIZE);
    const info = fstatSync(fd);
    return info.blocks * 512 < info.size / 2;
  } finally {
    closeSync(fd);
  }
}
