import { scaleLinear, scaleLog } from 'd3';
import { useId } from 'react';
import { type ColorMap, missingColor } from './colorScales';
import { useChartFontSize } from './hooks';
import { formatTick, powersOfTen } from './ticks';

export interface ColorLegendProps {
  /** Top-left corner of the legend (its title line) in the enclosing SVG's coordinates. */
  readonly x: number;
  readonly y: number;
  /** Length of the gradient bar in pixels. */
  readonly width: number;
  readonly title: string;
  readonly map: ColorMap;
  /** The values at the bar's two ends. */
  readonly domain: readonly [number, number];
  readonly type?: 'linear' | 'log';
  /** Adds a grey swatch for cells with no finite value. */
  readonly showMissing?: boolean;
}

const barHeight = 12;
const stopOffsets = Array.from({ length: 25 }, (_, index) => index / 24);

/**
 * A colour legend for a heatmap: a gradient bar with tick values under it, drawn inside the figure's
 * SVG so that exports carry it. It takes about 52 px of height below `y`.
 */
export function ColorLegend({
  x,
  y,
  width,
  title,
  map,
  domain,
  type = 'linear',
  showMissing,
}: ColorLegendProps) {
  const gradientId = `legend-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const scale = (type === 'log' ? scaleLog() : scaleLinear()).domain(domain).range([0, width]);
  // Spacing and offsets grow with the type (12 px on a reading page, more on a projector).
  const typeScale = useChartFontSize() / 12;
  const maxTicks = Math.max(2, Math.floor(width / (55 * typeScale)));
  const decades = type === 'log' ? powersOfTen(domain[0], domain[1]) : [];
  let ticks = type === 'log' && decades.length >= 2 ? decades : scale.ticks(maxTicks);
  // Fewer, rounder ticks rather than every other one, so that 0 stays named on a diverging scale.
  for (let count = maxTicks - 1; ticks.length > maxTicks + 1 && count >= 1; count--) {
    ticks =
      type === 'log' && decades.length >= 2
        ? decades.filter((_, index) => index % (maxTicks + 1 - count) === 0)
        : scale.ticks(count);
  }
  const barTop = Math.round(18 * typeScale);
  return (
    <g transform={`translate(${x},${y})`} className="color-legend">
      <defs>
        <linearGradient id={gradientId} x1="0" x2="1" y1="0" y2="0">
          {stopOffsets.map((offset) => (
            <stop key={offset} offset={offset} stopColor={map(offset)} />
          ))}
        </linearGradient>
      </defs>
      <text className="chart-label color-legend-title" x={0} y={Math.round(12 * typeScale)}>
        {title}
      </text>
      <rect x={0} y={barTop} width={width} height={barHeight} fill={`url(#${gradientId})`} />
      {ticks.map((tick) => (
        <g key={tick} transform={`translate(${scale(tick)},${barTop + barHeight})`}>
          <line y2={4} className="color-legend-tick" />
          <text className="chart-label" y={Math.round(16 * typeScale)} textAnchor="middle">
            {formatTick(tick, type === 'log')}
          </text>
        </g>
      ))}
      {showMissing && (
        <g transform={`translate(${width + 14},${barTop})`}>
          <rect width={barHeight} height={barHeight} fill={missingColor} />
          <text className="chart-label" x={barHeight + 5} y={barHeight - 1}>
            no value
          </text>
        </g>
      )}
    </g>
  );
}
