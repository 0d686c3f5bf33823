import {
  buildExposureReport,
  createFilterSet,
  EMPTY_FRAME_FIELDS,
  ExposureAccumulator,
  type ExposureReport,
  type Frame,
} from '@astrotrack/core/internal';

/** A night with lights counted, lights in a reject folder, and frames found twice. */
export function lossesReport(): ExposureReport {
  const accumulator = new ExposureAccumulator(false);
  const frame = (i: number, fields: Partial<Frame>): Frame => ({
    ...EMPTY_FRAME_FIELDS,
    path: `/data/${i}.fits`,
    relativePath: `night1/${fields.filter}_${i}.fits`,
    parser: 'test',
    sources: {},
    rig: null,
    night: '2025-09-14',
    exposureSeconds: 300,
    ...fields,
  });
  for (let i = 0; i < 10; i++) accumulator.addFrame(frame(i, { filter: 'Ha' }));
  for (let i = 0; i < 4; i++) accumulator.addFrame(frame(i, { filter: 'OIII' }));
  for (let i = 10; i < 13; i++)
    accumulator.addRejected({ frame: frame(i, { filter: 'Ha' }), folder: 'rejected' });
  accumulator.addRejected({ frame: frame(20, { filter: 'SII' }), folder: 'REJECT' });
  accumulator.addDuplicate({
    path: '/data/backup/night1/Ha_1.fits',
    relativePath: 'backup/night1/Ha_1.fits',
    sameAs: 'night1/Ha_1.fits',
    how: 'copy',
  });
  accumulator.addDuplicate({
    path: '/data/Ha/Ha_2.fits',
    relativePath: 'Ha/Ha_2.fits',
    sameAs: 'night1/Ha_2.fits',
    how: 'same file',
  });
  return buildExposureReport(accumulator, {
    root: '/data',
    rig: null,
    filters: createFilterSet({ known: ['Ha', 'OIII', 'SII'] }),
  });
}
