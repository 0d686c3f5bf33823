/** A grid table in the style of Python's `tabulate(tablefmt="grid")`, which the toolkit printed. */

export type Align = 'left' | 'right';

export interface GridColumn {
  header: string;
  align: Align;
}

export type CellStyle = (text: string, row: number, column: number) => string;

/** `paint` colours a cell after padding, so widths are measured on plain text. */
export function renderGrid(
  columns: readonly GridColumn[],
  rows: readonly (readonly string[])[],
  paint: CellStyle = (text) => text,
): string {
  const widths = columns.map((column, i) =>
    Math.max(column.header.length, ...rows.map((row) => (row[i] ?? '').length)),
  );
  const rule = (char: string) => `+${widths.map((w) => char.repeat(w + 2)).join('+')}+`;
  const line = (cells: readonly string[], rowIndex: number | null) =>
    `|${cells
      .map((cell, i) => {
        const padded =
          columns[i]!.align === 'right' ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!);
        return ` ${rowIndex === null ? padded : paint(padded, rowIndex, i)} `;
      })
      .join('|')}|`;
  return [
    rule('-'),
    line(
      columns.map((c) => c.header),
      null,
    ),
    rule('='),
    ...rows.map((row, i) => line(row, i)),
    rule('-'),
  ].join('\n');
}
