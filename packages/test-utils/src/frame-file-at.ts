/** The file a parser is handed, as `@astrotrack/core`'s FrameFile has it (structurally: no dependency). */
export interface FrameFileShape {
  path: string;
  relativePath: string;
  name: string;
  folders: string[];
}

/** The file a scan of `/<root>` hands parsers for `path` (relative, `/`-separated). */
export function frameFileAt(path: string, root = 'd'): FrameFileShape {
  const parts = path.split('/');
  return {
    path: `/${root}/${path}`,
    relativePath: path,
    name: parts.at(-1)!,
    folders: [root, ...parts.slice(0, -1)],
  };
}
