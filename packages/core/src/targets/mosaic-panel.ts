/**
 * Mosaic panels as capture programs and people name them: `M31 Panel 1`, `M31_Panel_2`,
 * `Veil Mosaic Panel 3`, `M31-P4`, `M31 P5`. The mosaic is the name before the panel (its identity
 * as any target's: `M 31 Panel 1` is a panel of M31), the panel its number.
 */
const PANEL = /^(.+?)[\s_-]+(?:mosaic[\s_-]+)?(?:panel|pane|p)[\s_-]*0*(\d{1,3})$/i;

export interface PanelName {
  /** The mosaic's name as written (before the panel). */
  mosaic: string;
  panel: number;
}

export function panelOf(name: string): PanelName | null {
  const match = PANEL.exec(name.trim());
  if (!match) return null;
  const mosaic = match[1]!.replace(/[\s_-]+mosaic$/i, '').trim();
  if (mosaic === '') return null;
  return { mosaic, panel: Number(match[2]) };
}
