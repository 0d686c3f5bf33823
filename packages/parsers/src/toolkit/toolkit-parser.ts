/** The Python toolkit's rules as a parser: filter, exposure, angle, object and kind from the path. */
import type { FieldSources, FrameFields, ParserPlugin } from '@astrotrack/core';
import { findAngle } from './extract-angle.js';
import { findExposure } from './extract-exposure-time.js';
import { findFilter } from './detect-filter.js';
import { findFrameKind } from './detect-frame-kind.js';
import { findObjectName } from './detect-object-name.js';
import { fileStem } from './name-tokens.js';

export function toolkitParser(): ParserPlugin {
  return {
    name: 'toolkit',
    parse(file, { filters }) {
      const stem = fileStem(file.name);
      const filter = findFilter(file.folders, stem, filters);
      const exposure = findExposure(stem);
      // Nothing the toolkit looks for: not a frame these rules can read.
      if (!filter && !exposure) return null;

      const fields: Partial<FrameFields> = {};
      const sources: FieldSources = {};
      if (filter) {
        fields.filter = filter.filter;
        sources.filter = filter.source;
      }
      if (exposure) {
        fields.exposureSeconds = exposure.seconds;
        sources.exposureSeconds = { origin: 'filename', detail: `token "${exposure.token}"` };
      }
      const angle = findAngle(stem, filters);
      if (angle) {
        fields.rotatorAngle = angle.degrees;
        sources.rotatorAngle = { origin: 'filename', detail: `token "${angle.token}" after the filter` };
      }
      const kind = findFrameKind(file.folders, stem);
      if (kind) {
        fields.kind = kind.kind;
        sources.kind = kind.source;
      }
      const target = findObjectName(file.folders, filters);
      if (target) {
        fields.target = target.target;
        sources.target = target.source;
      }
      return { fields, sources };
    },
  };
}
