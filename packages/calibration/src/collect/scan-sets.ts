/**
 * The calibration frames a scan finds, as sets: frames of one kind that share camera, exposure,
 * gain, offset, binning, readout mode, sensor temperature (whole degrees), filter and angle (flats)
 * and night. Masters are a set each. The same grouping learns sets for the library.
 */
import type { CalibrationKind, CalibrationSet, Frame } from '@astrotrack/core/internal';

interface Accumulated {
  set: CalibrationSet;
  temperatureSum: number;
  temperatures: number;
  folders: Set<string>;
  /** With `keepFiles`: the frames' relative paths. */
  files: string[] | null;
}

export class CalibrationSetAccumulator {
  private readonly sets = new Map<string, Accumulated>();
  private readonly masters: CalibrationSet[] = [];

  /** The frames of each set handed out, when kept: `export` links them. */
  private readonly filesOfSet = new WeakMap<CalibrationSet, readonly string[]>();

  /**
   * `anglePrecision`: flats' angles are grouped to it (the flats' `anglePrecision`); `keepFiles`:
   * each set's frames are kept (`filesOf`).
   */
  constructor(
    private readonly anglePrecision: number,
    private readonly keepFiles = false,
  ) {}

  /** The relative paths of a set's frames (a master's own file); empty unless kept. */
  filesOf(set: CalibrationSet): readonly string[] {
    return this.filesOfSet.get(set) ?? [];
  }

  add(frame: Frame): void {
    if (frame.kind === 'light') return;
    const base = setOf(frame, frame.kind, this.anglePrecision);
    const key = [
      base.kind,
      base.camera,
      base.exposureSeconds,
      base.gain,
      base.offset,
      base.binning,
      base.readoutMode,
      frame.sensorTemperature === null ? null : Math.round(frame.sensorTemperature),
      base.filter,
      base.angle,
      base.date,
    ].join('\u0000');
    let entry = this.sets.get(key);
    if (!entry) {
      entry = {
        set: { ...base, frames: 0 },
        temperatureSum: 0,
        temperatures: 0,
        folders: new Set(),
        files: this.keepFiles ? [] : null,
      };
      this.sets.set(key, entry);
    }
    entry.set.frames = (entry.set.frames ?? 0) + 1;
    if (frame.sensorTemperature !== null) {
      entry.temperatureSum += frame.sensorTemperature;
      entry.temperatures++;
    }
    if (entry.folders.size < 2) entry.folders.add(folderOf(frame.relativePath));
    entry.files?.push(frame.relativePath);
  }

  addMaster(frame: Frame): void {
    if (frame.kind === 'light') return;
    const set = setOf(frame, frame.kind, this.anglePrecision);
    this.masters.push({
      ...set,
      master: true,
      frames: null,
      sensorTemperature:
        frame.sensorTemperature === null ? null : Math.round(frame.sensorTemperature * 10) / 10,
      where: frame.relativePath,
    });
  }

  calibrationSets(): CalibrationSet[] {
    const sets = [...this.sets.values()].map(
      ({ set, temperatureSum, temperatures, folders, files }) => {
        const made: CalibrationSet = {
          ...set,
          sensorTemperature:
            temperatures === 0 ? null : Math.round((temperatureSum / temperatures) * 10) / 10,
          // One folder, or the first of several.
          where: [...folders][0] ?? null,
        };
        if (files) this.filesOfSet.set(made, files);
        return made;
      },
    );
    if (this.keepFiles)
      for (const master of this.masters) this.filesOfSet.set(master, [master.where!]);
    return [...sets, ...this.masters];
  }
}

function setOf(frame: Frame, kind: CalibrationKind, anglePrecision: number): CalibrationSet {
  const flat = kind === 'flat';
  return {
    kind,
    master: false,
    camera: frame.camera,
    exposureSeconds:
      frame.exposureSeconds === null ? null : Math.round(frame.exposureSeconds * 1000) / 1000,
    gain: frame.gain,
    offset: frame.offset,
    binning: frame.binning,
    readoutMode: frame.readoutMode,
    sensorTemperature: frame.sensorTemperature,
    filter: flat ? frame.filter : null,
    angle: flat && frame.rotatorAngle !== null ? roundTo(frame.rotatorAngle, anglePrecision) : null,
    date: frame.night,
    frames: 1,
    source: 'scan',
    where: null,
  };
}

function roundTo(value: number, step: number): number {
  const decimals = Math.max(0, Math.ceil(-Math.log10(step)));
  return Number((Math.round(value / step) * step).toFixed(decimals));
}

function folderOf(relativePath: string): string {
  const slash = relativePath.lastIndexOf('/');
  return slash < 0 ? '.' : relativePath.slice(0, slash);
}
