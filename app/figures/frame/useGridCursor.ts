import { type KeyboardEvent, useState } from 'react';

export interface GridCell {
  readonly row: number;
  readonly column: number;
}

/**
 * The cell a person is reading in a heatmap or bar chart, moved by the pointer or, once the plot has
 * focus, by the arrow keys (Home/End jump to the first/last column). Out-of-range cursors (the data
 * shrank) are clamped.
 */
export function useGridCursor(rows: number, columns: number) {
  const [cursor, setCursor] = useState<GridCell | null>(null);
  const clamped =
    cursor && rows > 0 && columns > 0
      ? { row: Math.min(cursor.row, rows - 1), column: Math.min(cursor.column, columns - 1) }
      : null;

  const onKeyDown = (event: KeyboardEvent) => {
    if (rows <= 0 || columns <= 0) return;
    const current = clamped ?? { row: 0, column: 0 };
    const page = Math.max(1, Math.round(rows / 10));
    const moves: Record<string, GridCell> = {
      ArrowLeft: { row: current.row, column: Math.max(0, current.column - 1) },
      ArrowRight: { row: current.row, column: Math.min(columns - 1, current.column + 1) },
      ArrowUp: { row: Math.max(0, current.row - 1), column: current.column },
      ArrowDown: { row: Math.min(rows - 1, current.row + 1), column: current.column },
      PageUp: { row: Math.max(0, current.row - page), column: current.column },
      PageDown: { row: Math.min(rows - 1, current.row + page), column: current.column },
      Home: { row: current.row, column: 0 },
      End: { row: current.row, column: columns - 1 },
    };
    const next = moves[event.key];
    if (!next) return;
    event.preventDefault();
    setCursor(clamped ? next : current);
  };

  return { cursor: clamped, setCursor, onKeyDown };
}
