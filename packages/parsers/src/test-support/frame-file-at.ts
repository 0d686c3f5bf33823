import type { FrameFile } from '@astrotrack/core';

/** The file a scan of `/<root>` hands parsers for `path` (relative, `/`-separated). */
export function frameFileAt(path: string, root = 'd'): FrameFile {
  const parts = path.split('/');
  return {
    path: `/${root}/${path}`,
    relativePath: path,
    name: parts.at(-1)!,
    folders: [root, ...parts.slice(0, -1)],
  };
}
