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
  if (!name) return { fields: header.fields, sources: header.sources, disagreements: [] };
  const fields: Partial<FrameFields> = { ...name.fields };
  const sources: FieldSources = { ...name.sources };
  for (const key of Object.keys(header.fields) as Array<keyof FrameFields>) {
    if (header.fields[key] === undefined) continue;
    (fields as Record<string, unknown>)[key] = header.fields[key];
    sources[key] = header.sources[key];
  }
  return { fields, sources, disagreements: disagreements(header, name) };
}

function disagreements(header: ParsedFrame, name: ParsedFrame): Disagreement[] {
  const found: Disagreement[] = [];
  const h = header.fields;
  const n = name.fields;
  if (h.filter && n.filter && h.filter.toLowerCase() !== n.filter.toLowerCase()) {
    found.push({ field: 'filter', header: h.filter, name: n.filter });
  }
  // Names round: NINA writes 2 decimals, so 0.0015 s is "0.00s". Only a real difference counts.
  if (h.exposureSeconds != null && n.exposureSeconds != null && n.exposureSeconds > 0) {
    if (Math.abs(h.exposureSeconds - n.exposureSeconds) > 0.005 + h.exposureSeconds * 0.001) {
      found.push({
        field: 'exposureSeconds',
        header: `${h.exposureSeconds}`,
        name: `${n.exposureSeconds}`,
      });
    }
  }
  if (h.kind && n.kind && h.kind !== n.kind)
    found.push({ field: 'kind', header: h.kind, name: n.kind });
  if (h.rotatorAngle != null && n.rotatorAngle != null) {
    const difference = Math.abs(h.rotatorAngle - n.rotatorAngle);
    if (Math.min(difference, 360 - difference) > 0.01) {
      found.push({ field: 'rotatorAngle', header: `${h.rotatorAngle}`, name: `${n.rotatorAngle}` });
    }
  }
  return found;
}
