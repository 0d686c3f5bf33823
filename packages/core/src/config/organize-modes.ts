/** How `organize` places a file. */
export const ORGANIZE_MODES = ['move', 'copy', 'hardlink', 'symlink'] as const;
