import { formatNumber } from './figureText';

/** The figure's data as a table: the text alternative a screen reader (or a curious student) can read. */
export interface FigureTable {
  readonly caption: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly (string | number)[])[];
}

/** Tables carry the numbers a reader may want to check, so one figure more than captions. */
const tableDigits = 4;

/**
 * A figure's data as an HTML table, the one markup every figure's table uses: the frame's "Show data"
 * table and the copies some figures keep for paper (`hidden` on screen, shown by a print style sheet).
 */
export function FigureTableView({
  table,
  className,
  hidden,
}: {
  readonly table: FigureTable;
  readonly className?: string;
  readonly hidden?: boolean;
}) {
  return (
    <table className={className ? `figure-table ${className}` : 'figure-table'} hidden={hidden}>
      <caption>{table.caption}</caption>
      <thead>
        <tr>
          {table.columns.map((column) => (
            <th key={column} scope="col">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row, rowIndex) => (
          // Rows have no identity beyond their position in the data.
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional
          <tr key={rowIndex}>
            {row.map((cell, cellIndex) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional
              <td key={cellIndex}>{typeof cell === 'number' ? formatNumber(cell, tableDigits) : cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
