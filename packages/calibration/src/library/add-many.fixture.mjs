// Run as a separate process by calibration-library.test.ts: adds `count` dark sets one change at a time.
import { addCalibrationSets, updateCalibrationLibrary } from '../../dist/index.js';

const [file, gain, count] = process.argv.slice(2);
for (let i = 0; i < Number(count); i++) {
  await updateCalibrationLibrary(file, (library) =>
    addCalibrationSets(library, null, [
      {
        kind: 'dark',
        master: false,
        camera: 'ZWO ASI2600MM Pro',
        exposureSeconds: i + 1,
        gain: Number(gain),
        offset: 50,
        binning: '1x1',
        readoutMode: null,
        sensorTemperature: -10,
        filter: null,
        angle: null,
        date: '2026-10-01',
        frames: 20,
        path: null,
        source: 'learned',
      },
    ]),
  );
}
