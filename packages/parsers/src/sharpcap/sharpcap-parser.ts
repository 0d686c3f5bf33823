/**
 * SharpCap's capture folders (research notes §4.5): `SharpCap Captures/<YYYY-MM-DD>/<target or
 * Capture>/<HH_MM_SS>/<name>_<NNNNN>.fits`, sometimes with a frame-type folder (`…/Capture/Dark/…`).
 * The name says nothing but the running number; the folders give the target, the local start
 * time of the capture run (so the night) and the frame type. The exposure comes from the header.
 */
import {
  frameKindFromImageType,
  nightOfLocalTime,
  parsedFrameBuilder,
  stripFrameExtension,
  type ParserPlugin,
} from '@astrotrack/core/internal';

const DATE_FOLDER = /^\d{4}-\d{2}-\d{2}$/;
const TIME_FOLDER = /^(\d{2})_(\d{2})_(\d{2})$/;
const NUMBERED = /^.+_(\d{5})$/;
/** The folder SharpCap names the target when the user gave none. */
const NO_TARGET = /^capture$/i;

/** Where the run's time and date folders are; worked out once per folder (the walker shares its array). */
const runFolderCache = new WeakMap<readonly string[], { timeAt: number; dateAt: number }>();

function runFolders(folders: readonly string[]): { timeAt: number; dateAt: number } {
  let found = runFolderCache.get(folders);
  if (!found) {
    const timeAt = folders.findLastIndex((folder) => TIME_FOLDER.test(folder));
    const dateAt = folders.findLastIndex((folder, i) => i < timeAt && DATE_FOLDER.test(folder));
    found = { timeAt, dateAt };
    runFolderCache.set(folders, found);
  }
  return found;
}

export function sharpcapParser(): ParserPlugin {
  return {
    name: 'sharpcap',
    parse(file) {
      const folders = file.folders;
      const { timeAt, dateAt } = runFolders(folders);
      if (timeAt === -1 || dateAt === -1) return null;
      const number = NUMBERED.exec(stripFrameExtension(file.name));
      if (!number) return null;
      const parsed = parsedFrameBuilder('folder');
      const { set } = parsed;
      const [, hh, mm, ss] = TIME_FOLDER.exec(folders[timeAt]!)!;
      const local = `${folders[dateAt]}T${hh}:${mm}:${ss}`;
      const night = nightOfLocalTime(local);
      if (night) {
        set('captureTime', local, `${folders[dateAt]}/${folders[timeAt]}`);
        set('night', night, `${folders[dateAt]}/${folders[timeAt]}`);
      }
      for (let i = dateAt + 1; i < folders.length; i++) {
        const folder = folders[i]!;
        if (i === timeAt) continue;
        const kind = frameKindFromImageType(folder);
        if (kind) set('kind', kind, folder);
        else if (i < timeAt && !NO_TARGET.test(folder)) set('target', folder, folder);
      }
      parsed.fields.frameNumber = Number(number[1]);
      parsed.sources.frameNumber = { origin: 'filename', detail: number[1]! };
      return parsed;
    },
  };
}
