/**
 * Header first, name second: each field comes from the header when it has it, else from the name.
 * Where both say something different about the same fact, the header wins and the difference is
 * reported, because a name that lies usually means a renamed file or a wrong filter-wheel slot.
 */
import type { FieldSources, FrameFields } from '../frame.js';
import type { ParsedFrame } from '../plugin.js';

export interface Disagreement {
  field: 'filter' | 'exposureSeconds' | 'kind' | 'rotatorAngle';
  header: string;
  name: string;
}

export function mergeFrameFields(
  header: ParsedFrame,
  name: ParsedFrame | null,
): { fields: Partial<FrameFields>; sources: FieldSources; disagreements: Disagreement[] } {
  if (!name) return { fields: header.fields, sources: header.sources, disagreements: NONE };
  const h = header.fields;
  const n = name.fields;
  const hs = header.sources;
  const ns = name.sources;
  // Field by field, spelled out: spreading and key loops cost more than the header read (measured).
  const fields: Partial<FrameFields> = {
    kind: h.kind ?? n.kind,
    target: h.target ?? n.target,
    filter: h.filter ?? n.filter,
    exposureSeconds: h.exposureSeconds ?? n.exposureSeconds,
    rotatorAngle: h.rotatorAngle ?? n.rotatorAngle,
    binning: h.binning ?? n.binning,
    gain: h.gain ?? n.gain,
    offset: h.offset ?? n.offset,
    sensorTemperature: h.sensorTemperature ?? n.sensorTemperature,
    captureTime: h.captureTime ?? n.captureTime,
    night: h.night ?? n.night,
    frameNumber: h.frameNumber ?? n.frameNumber,
  };
  const sources: FieldSources = {
    kind: h.kind != null ? hs.kind : ns.kind,
    target: h.target != null ? hs.target : ns.target,
    filter: h.filter != null ? hs.filter : ns.filter,
    exposureSeconds: h.exposureSeconds != null ? hs.exposureSeconds : ns.exposureSeconds,
    rotatorAngle: h.rotatorAngle != null ? hs.rotatorAngle : ns.rotatorAngle,
    binning: h.binning != null ? hs.binning : ns.binning,
    gain: h.gain != null ? hs.gain : ns.gain,
    offset: h.offset != null ? hs.offset : ns.offset,
    sensorTemperature: h.sensorTemperature != null ? hs.sensorTemperature : ns.sensorTemperature,
    captureTime: h.captureTime != null ? hs.captureTime : ns.captureTime,
    night: h.night != null ? hs.night : ns.night,
    frameNumber: h.frameNumber != null ? hs.frameNumber : ns.frameNumber,
  };
  return { fields, sources, disagreements: disagreements(header, name) };
}

const NONE: Disagreement[] = [];

function disagreements(header: ParsedFrame, name: ParsedFrame): Disagreement[] {
  let found = NONE;
  const add = (disagreement: Disagreement) => {
    if (found === NONE) found = [];
    found.push(disagreement);
  };
  const h = header.fields;
  const n = name.fields;
  if (h.filter && n.filter && h.filter.toLowerCase() !== n.filter.toLowerCase()) {
    add({ field: 'filter', header: h.filter, name: n.filter });
  }
  // Names round: NINA writes 2 decimals, so 0.0015 s is "0.00s". Only a real difference counts.
  if (h.exposureSeconds != null && n.exposureSeconds != null && n.exposureSeconds > 0) {
    if (Math.abs(h.exposureSeconds - n.exposureSeconds) > 0.005 + h.exposureSeconds * 0.001) {
      add({
        field: 'exposureSeconds',
        header: `${h.exposureSeconds}`,
        name: `${n.exposureSeconds}`,
      });
    }
  }
  if (h.kind && n.kind && h.kind !== n.kind) add({ field: 'kind', header: h.kind, name: n.kind });
  if (h.rotatorAngle != null && n.rotatorAngle != null) {
    const difference = Math.abs(h.rotatorAngle - n.rotatorAngle);
    if (Math.min(difference, 360 - difference) > 0.01) {
      add({ field: 'rotatorAngle', header: `${h.rotatorAngle}`, name: `${n.rotatorAngle}` });
    }
  }
  return found;
}
