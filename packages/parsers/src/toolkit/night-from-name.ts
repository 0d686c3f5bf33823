/**
 * The night from names: a local date and time at the start of the file name (N.I.N.A.'s
 * `$$DATETIME$$`, `2025-09-14_03-06-28`; ASIAIR's `20250914-030628` anywhere) minus 12 hours, or the
 * nearest folder named by a date (N.I.N.A.'s `$$DATEMINUS12$$` folder is the night already).
 */
import { nightOfDate } from '@astrotrack/core/internal';

const NINA_DATETIME = /^(\d{4}-\d{2}-\d{2})_(\d{2})-(\d{2})-(\d{2})(?=[_-]|$)/;
const ASIAIR_DATETIME = /(?:^|_)(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(?=_|$)/;
const DATE_FOLDER = /^\d{4}-\d{2}-\d{2}$/;

export function nightFromName(stem: string): string | null {
  const nina = NINA_DATETIME.exec(stem);
  if (nina) return nightOfDate(nina[1]!, Number(nina[2]));
  const asiair = ASIAIR_DATETIME.exec(stem);
  if (asiair) return nightOfDate(`${asiair[1]}-${asiair[2]}-${asiair[3]}`, Number(asiair[4]));
  return null;
}

export function nightFromFolders(folders: readonly string[]): string | null {
  for (let i = folders.length - 1; i >= 0; i--)
    if (DATE_FOLDER.test(folders[i]!)) return folders[i]!;
  return null;
}
