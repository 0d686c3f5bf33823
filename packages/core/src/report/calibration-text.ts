/** Calibration sets and light groups in words: what the calibration plugin, the reporters and the CLI print. */
import type { CalibrationKind, CalibrationSet } from './calibration-section.js';

export const KIND_WORDS: Record<CalibrationKind, { one: string; many: string }> = {
  dark: { one: 'dark', many: 'darks' },
  bias: { one: 'bias', many: 'bias' },
  darkflat: { one: 'dark flat', many: 'dark flats' },
  flat: { one: 'flat', many: 'flats' },
};

/** `−10.2 °C`: a real minus sign, one decimal where it has one. */
export function celsius(value: number): string {
  const text = Number.isInteger(value) ? String(Math.abs(value)) : Math.abs(value).toFixed(1);
  return `${value < 0 ? '−' : ''}${text} °C`;
}

export function seconds(value: number): string {
  return `${Number(value.toFixed(3))} s`;
}

interface Setup {
  camera: string | null;
  exposureSeconds: number | null;
  gain: number | null;
  offset: number | null;
  binning: string | null;
  readoutMode: string | null;
  sensorTemperature: number | null;
}

/** `300 s, gain 100, offset 50, −10 °C, bin 1x1`: the facts that are known, in a stable order. */
export function setupText(setup: Setup, options: { camera?: boolean } = {}): string {
  const parts: string[] = [];
  if (setup.exposureSeconds !== null) parts.push(seconds(setup.exposureSeconds));
  if (setup.gain !== null) parts.push(`gain ${setup.gain}`);
  if (setup.offset !== null) parts.push(`offset ${setup.offset}`);
  if (setup.sensorTemperature !== null) parts.push(celsius(setup.sensorTemperature));
  if (setup.binning !== null) parts.push(`bin ${setup.binning}`);
  if (setup.readoutMode !== null) parts.push(`mode ${setup.readoutMode}`);
  if (options.camera !== false && setup.camera !== null) parts.push(setup.camera);
  return parts.join(', ');
}

/** `darks 300 s, gain 100, −10.2 °C from 2026-10-02`; `master dark …`; `L flats at 72° …`. */
export function describeSet(set: CalibrationSet): string {
  const words = KIND_WORDS[set.kind];
  const name = set.master ? `master ${words.one}` : words.many;
  const filter = set.kind === 'flat' && set.filter ? `${set.filter} ` : '';
  const angle =
    set.kind === 'flat'
      ? set.angle === null
        ? ' (no angle)'
        : ` at ${degreesText(set.angle)}`
      : '';
  const setup = setupText(set);
  const date = set.date ? ` from ${set.date}` : '';
  return `${filter}${name}${angle}${setup ? ` ${setup}` : ''}${date}`;
}

/** One decimal, two where one would hide a difference: `72.49°`. */
export function degreesText(angle: number): string {
  const two = angle.toFixed(2);
  return `${two.endsWith('0') ? angle.toFixed(1) : two}°`;
}
