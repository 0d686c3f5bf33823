import { describe, expect, it } from 'vitest';
import type { ParsedFrame } from '../plugin.js';
import { mergeFrameFields } from './merge-frame-fields.js';

const header: ParsedFrame = {
  fields: { filter: 'OIII', exposureSeconds: 0.0015, kind: 'flat', rotatorAngle: 359.995 },
  sources: { filter: { origin: 'header', detail: 'FILTER' } },
};

describe('mergeFrameFields', () => {
  it('takes the header where it speaks and the name elsewhere', () => {
    const name: ParsedFrame = {
      fields: { filter: 'OIII', exposureSeconds: 0, target: 'M31', kind: 'flat', rotatorAngle: 0 },
      sources: {
        target: { origin: 'folder', detail: 'M31' },
        filter: { origin: 'filename', detail: 'OIII' },
      },
    };
    const merged = mergeFrameFields(header, name);
    expect(merged.fields).toEqual({
      filter: 'OIII',
      exposureSeconds: 0.0015,
      target: 'M31',
      kind: 'flat',
      rotatorAngle: 359.995,
    });
    expect(merged.sources.filter).toEqual({ origin: 'header', detail: 'FILTER' });
    expect(merged.sources.target).toEqual({ origin: 'folder', detail: 'M31' });
    expect(merged.disagreements).toEqual([]);
  });

  it('lists real disagreements, not rounding', () => {
    const name: ParsedFrame = {
      fields: { filter: 'Ha', exposureSeconds: 300, kind: 'light', rotatorAngle: 10 },
      sources: {},
    };
    expect(
      mergeFrameFields(
        {
          fields: { filter: 'oiii', exposureSeconds: 300.004, kind: 'light', rotatorAngle: 10.004 },
          sources: {},
        },
        name,
      ).disagreements,
    ).toEqual([{ field: 'filter', header: 'oiii', name: 'Ha' }]);
    expect(mergeFrameFields(header, name).disagreements.map((d) => d.field)).toEqual([
      'filter',
      'exposureSeconds',
      'kind',
      'rotatorAngle',
    ]);
  });
});
