/** The Python toolkit's rules as a parser: filter, exposure, angle, object and kind from the path. */
import {
  stripFrameExtension,
  type FieldSources,
  type FilterSet,
  type FrameFields,
  type ParserPlugin,
} from '@astrotrack/core/internal';
import { angleAfter } from './extract-angle.js';
import { findExposure } from './extract-exposure-time.js';
import { findFilterInFolders, findFilterTokenInName, type FilterMatch } from './detect-filter.js';
import { findKindInFolders, findKindInName, type KindMatch } from './detect-frame-kind.js';
import { findObjectName, type ObjectMatch } from './detect-object-name.js';
import { nightFromFolders, nightFromName } from './night-from-name.js';

interface FolderFacts {
  filters: FilterSet;
  night: string | null;
  filter: FilterMatch | null;
  kind: KindMatch | null;
  target: ObjectMatch | null;
}

/** The toolkit's names end in a running number, `…_300.00s_0114`: the digits after the last `_`. */
function trailingNumber(stem: string): string | null {
  const underscore = stem.lastIndexOf('_');
  if (underscore === -1 || stem.length - underscore < 3) return null;
  for (let i = underscore + 1; i < stem.length; i++) {
    const code = stem.charCodeAt(i);
    if (code < 48 || code > 57) return null;
  }
  return stem.slice(underscore + 1);
}

export function toolkitParser(): ParserPlugin {
  // The walker hands every file of a folder the same `folders` array, so what folders say is
  // worked out once per folder, not once per file.
  const folderFacts = new WeakMap<readonly string[], FolderFacts>();
  const factsFor = (folders: readonly string[], filters: FilterSet): FolderFacts => {
    let facts = folderFacts.get(folders);
    if (!facts || facts.filters !== filters) {
      facts = {
        filters,
        night: nightFromFolders(folders),
        filter: findFilterInFolders(folders, filters),
        kind: findKindInFolders(folders),
        target: findObjectName(folders, filters),
      };
      folderFacts.set(folders, facts);
    }
    return facts;
  };

  return {
    name: 'toolkit',
    parse(file, { filters }) {
      const stem = stripFrameExtension(file.name);
      const folder = factsFor(file.folders, filters);
      const nameFilter = findFilterTokenInName(stem, filters);
      const filter: FilterMatch | null =
        folder.filter ??
        (nameFilter && {
          filter: nameFilter.filter,
          source: { origin: 'filename', detail: nameFilter.token },
        });
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
        sources.exposureSeconds = { origin: 'filename', detail: exposure.token };
      }
      const angle = nameFilter && angleAfter(stem, nameFilter);
      if (angle) {
        fields.rotatorAngle = angle.degrees;
        sources.rotatorAngle = { origin: 'filename', detail: angle.token };
      }
      const kind = findKindInName(stem) ?? folder.kind;
      if (kind) {
        fields.kind = kind.kind;
        sources.kind = kind.source;
      }
      const frameNumber = trailingNumber(stem);
      if (frameNumber !== null) {
        fields.frameNumber = Number(frameNumber);
        sources.frameNumber = { origin: 'filename', detail: frameNumber };
      }
      const nameNight = nightFromName(stem);
      if (nameNight) {
        fields.night = nameNight;
        sources.night = { origin: 'filename', detail: nameNight };
      } else if (folder.night) {
        fields.night = folder.night;
        sources.night = { origin: 'folder', detail: folder.night };
      }
      if (folder.target) {
        fields.target = folder.target.target;
        sources.target = folder.target.source;
      }
      return { fields, sources };
    },
  };
}
