import { textWidth } from '../frame/textMeasure';
import type { BreakMark, DrawnSeries, EndLabel } from './linePaths';
import { swatchLength } from './linePlotLayout';
import type { PreparedSeries } from './lineSeries';

/** The curves: faint context first, dashed (sparse, easily hidden) last; lone points as dots. */
export function SeriesLayer({ drawn, animate }: { drawn: readonly DrawnSeries[]; animate: boolean }) {
  const transition = animate ? 'stroke-opacity 250ms ease-out, stroke-width 250ms ease-out' : 'none';
  const layer = (one: PreparedSeries) => (one.muted ? 0 : one.dash ? 2 : 1);
  const ordered = [...drawn].sort((a, b) => layer(a.series) - layer(b.series));
  return (
    <g className="line-series-layer">
      {ordered.map(({ series: one, main, faint, dots, dense }) => (
        <g key={one.id} data-series={one.id}>
          {faint?.d && (
            <path
              className="line-series-raw"
              d={faint.d}
              fill="none"
              stroke={one.color}
              strokeWidth={1}
              strokeOpacity={one.muted ? 0.15 : 0.28}
              strokeDasharray={one.dash}
              strokeLinejoin="round"
            />
          )}
          {main.d && (
            <path
              className="line-series"
              data-muted={one.muted || undefined}
              d={main.d}
              data-points={main.count}
              fill="none"
              stroke={one.color}
              strokeWidth={one.muted ? 1.5 : dense ? 1.25 : 2.25}
              strokeOpacity={one.muted ? 0.5 : 1}
              strokeDasharray={one.dash}
              strokeLinejoin="round"
              style={{ transition }}
            />
          )}
          {dots.map((dot) => (
            <circle
              key={`${dot.x},${dot.y}`}
              className="line-point"
              cx={dot.x}
              cy={dot.y}
              r={one.muted ? 2.5 : 3.5}
              fill={one.color}
              fillOpacity={one.muted ? 0.5 : 1}
            />
          ))}
        </g>
      ))}
    </g>
  );
}

/** A dotted line where a diverged series stops being finite, with what it became. */
export function BreakMarks({
  marks,
  fontSize,
  innerWidth,
  bandTop,
}: {
  marks: readonly BreakMark[];
  fontSize: number;
  innerWidth: number;
  bandTop: number;
}) {
  return marks.map((mark, index) => {
    const wide = textWidth(mark.text, fontSize) + 8;
    const flip = mark.x + wide + 4 > innerWidth;
    const textY = fontSize + 2 + index * fontSize * 1.4;
    return (
      <g key={mark.series.id} className="line-break" data-series={mark.series.id}>
        <line
          x1={mark.x}
          x2={mark.x}
          y1={0}
          y2={bandTop}
          stroke={mark.series.color}
          strokeWidth={1.25}
          strokeDasharray="2 3"
        />
        <rect
          className="line-backdrop"
          x={flip ? mark.x - wide - 2 : mark.x + 2}
          y={textY - fontSize}
          width={wide}
          height={fontSize + 4}
          rx={2}
        />
        <text
          className="chart-label"
          x={flip ? mark.x - 6 : mark.x + 6}
          y={textY}
          textAnchor={flip ? 'end' : 'start'}
        >
          {mark.text}
        </text>
      </g>
    );
  });
}

/** Each line's name in the right margin, with a swatch, joined to the line's end when moved apart. */
export function EndLabels({ labels, innerWidth }: { labels: readonly EndLabel[]; innerWidth: number }) {
  const start = innerWidth + 4;
  return labels.map((label) => {
    const displaced = Math.abs(label.labelY - label.endY) > 1 || label.endX < innerWidth - 1;
    return (
      <g key={label.series.id} className="line-direct-label" data-series={label.series.id}>
        {label.text !== label.series.label && <title>{label.series.label}</title>}
        {displaced && (
          <polyline
            points={`${label.endX + 3},${label.endY} ${Math.max(label.endX + 3, start - 6)},${label.endY} ${start},${label.labelY}`}
            fill="none"
            stroke={label.series.color}
            strokeWidth={1}
            strokeOpacity={label.series.muted ? 0.4 : 0.8}
            strokeDasharray={label.endX < innerWidth - 1 ? '1 3' : undefined}
          />
        )}
        <line
          className="line-swatch"
          x1={start}
          x2={start + swatchLength}
          y1={label.labelY}
          y2={label.labelY}
          stroke={label.series.color}
          strokeWidth={label.series.muted ? 1.5 : 2.5}
          strokeOpacity={label.series.muted ? 0.5 : 1}
          strokeDasharray={label.series.dash ? '3 2' : undefined}
        />
        <text
          className={label.series.muted ? 'line-label-muted' : 'line-label'}
          x={start + swatchLength + 4}
          y={label.labelY}
          dy="0.35em"
        >
          {label.text}
        </text>
      </g>
    );
  });
}
