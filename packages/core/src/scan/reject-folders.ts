/**
 * Folders where frames judged bad are put: by N.I.N.A.'s Target Scheduler and grader plugins
 * (`rejected`, `REJECT`), by blink tools and by hand (`bad`, `_bad_frames`, `trash`). A light in one
 * is not integration: it is counted apart, as rejected, so the report shows both.
 */
export const DEFAULT_REJECT_FOLDERS = [
  'reject',
  'rejects',
  'rejected',
  'bad',
  'bad_frames',
  '_bad_frames',
  'badframes',
  'trash',
  'discarded',
] as const;

export interface RejectFolders {
  /** The first folder of the path (relative to the scanned folder) named like a reject folder. */
  of(relativePath: string): string | null;
}

/** The default names and the config's `report.rejectFolders`, matched in any letter case. */
export function rejectFolders(extra: readonly string[] = []): RejectFolders {
  const names = new Set([...DEFAULT_REJECT_FOLDERS, ...extra].map((name) => name.toLowerCase()));
  return {
    of(relativePath) {
      let start = 0;
      for (
        let slash = relativePath.indexOf('/');
        slash !== -1;
        slash = relativePath.indexOf('/', start)
      ) {
        const folder = relativePath.slice(start, slash);
        if (names.has(folder.toLowerCase())) return folder;
        start = slash + 1;
      }
      return null;
    },
  };
}
