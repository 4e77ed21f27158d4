import { type KeyItem, keyGap, keyGlyphWidth } from './linePlotLayout';

/** The key above a line plot: a short line (solid or dashed) or a tick, then what it means. */
export function LineKey({
  items,
  widths,
  fontSize,
  x,
  y,
}: {
  items: readonly KeyItem[];
  /** Each entry's width, glyph and text, from the layout. */
  widths: readonly number[];
  fontSize: number;
  x: number;
  y: number;
}) {
  const middle = -fontSize * 0.35;
  return (
    <g className="line-key" transform={`translate(${x},${y})`}>
      {items.map((item, index) => {
        const offset = widths.slice(0, index).reduce((sum, each) => sum + each, 0) + keyGap * index;
        return (
          <g key={item.label} transform={`translate(${offset},0)`}>
            {item.kind === 'line' ? (
              <line
                x1={0}
                x2={keyGlyphWidth}
                y1={middle}
                y2={middle}
                stroke={item.color}
                className={item.color ? undefined : 'line-key-ink'}
                strokeWidth={2}
                strokeDasharray={item.dash}
              />
            ) : (
              <line
                x1={keyGlyphWidth / 2}
                x2={keyGlyphWidth / 2}
                y1={middle - fontSize * 0.45}
                y2={middle + fontSize * 0.45}
                stroke={item.color}
                className={item.color ? undefined : 'line-key-ink'}
                strokeWidth={2}
              />
            )}
            <text className="chart-label" x={keyGlyphWidth + 5} y={0}>
              {item.label}
            </text>
          </g>
        );
      })}
    </g>
  );
}
