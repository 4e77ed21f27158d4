import { type ReactNode, useMemo } from 'react';
import { Axis } from '../frame/Axis';
import { useChartFontSize, usePrefersReducedMotion } from '../frame/hooks';
import { LineKey } from './LineKey';
import { BreakMarks, EndLabels, SeriesLayer } from './LineMarks';
import { breakMarks, drawSeries, placeEndLabels } from './linePaths';
import { type KeyItem, linePlotLayout } from './linePlotLayout';
import type { PreparedSeries, YScaleType } from './lineSeries';
import { RichLabel } from './RichLabel';
import './lineFigures.css';

/** What a chart's own layers (a threshold, markers along the axis) need to draw inside the plot. */
export interface PlotContext {
  readonly x: (value: number) => number;
  readonly y: (value: number) => number;
  readonly innerWidth: number;
  readonly innerHeight: number;
  /** Where the band reserved under the curves begins (equal to innerHeight when there is none). */
  readonly bandTop: number;
  readonly fontSize: number;
  readonly animate: boolean;
}

export interface LinePlotProps {
  readonly width: number;
  readonly height: number;
  readonly series: readonly PreparedSeries[];
  readonly xDomain: readonly [number, number];
  readonly yDomain: readonly [number, number];
  readonly scale: YScaleType;
  readonly xLabel: string;
  readonly yLabel: string;
  /** Accessible name of the graphic; the figure's caption carries the detail. */
  readonly summary: string;
  /** A log axis's floor, marked when some values were drawn there. */
  readonly floor?: { readonly value: number; readonly label: string } | null;
  readonly keyItems?: readonly KeyItem[];
  /** Labels at line ends (default true). */
  readonly directLabels?: boolean;
  /** Pixels kept free under the curves, e.g. for a row of event markers. */
  readonly bottomBand?: number;
  readonly behind?: (context: PlotContext) => ReactNode;
  readonly front?: (context: PlotContext) => ReactNode;
}

/**
 * The drawing shared by the line charts: axes, curves (downsampled to the pixel grid, gaps where
 * values are missing, dots for lone points), labels at the line ends pushed apart so they never
 * overlap, and an optional key. React renders every mark; D3 supplies scales, the line shape and axes.
 */
export function LinePlot({
  width,
  height,
  series,
  xDomain,
  yDomain,
  scale,
  xLabel,
  yLabel,
  summary,
  floor,
  keyItems = [],
  directLabels = true,
  bottomBand = 0,
  behind,
  front,
}: LinePlotProps) {
  const fontSize = useChartFontSize();
  const animate = !usePrefersReducedMotion();
  const [xLow, xHigh] = xDomain;
  const [yLow, yHigh] = yDomain;
  const layout = useMemo(
    () =>
      linePlotLayout({
        width,
        height,
        fontSize,
        yLabel,
        keyItems,
        bottomBand,
        scale,
        xDomain: [xLow, xHigh],
        yDomain: [yLow, yHigh],
        directLabels,
        series,
      }),
    [
      fontSize,
      yLabel,
      keyItems,
      width,
      height,
      bottomBand,
      scale,
      yLow,
      yHigh,
      xLow,
      xHigh,
      directLabels,
      series,
    ],
  );
  const { x, y, innerWidth, innerHeight, bandTop, left, top, right } = layout;
  const drawn = useMemo(() => drawSeries(series, x, y, innerWidth), [series, x, y, innerWidth]);
  const labels = useMemo(
    () => (directLabels ? placeEndLabels(drawn, fontSize, innerHeight, right) : []),
    [directLabels, drawn, fontSize, innerHeight, right],
  );
  const breaks = useMemo(() => breakMarks(series, x), [series, x]);
  const context: PlotContext = { x, y, innerWidth, innerHeight, bandTop, fontSize, animate };
  const keyRowY = layout.keyOnOwnRow ? layout.rowHeight + fontSize + 2 : fontSize + 2;

  return (
    <svg
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={summary}
      className="line-plot"
    >
      <text className="axis-title" x={0} y={fontSize + 2}>
        <RichLabel text={yLabel} />
      </text>
      {keyItems.length > 0 && (
        <LineKey
          items={keyItems}
          widths={layout.keyWidths}
          fontSize={fontSize}
          x={width - layout.keyWidth}
          y={keyRowY}
        />
      )}
      <g transform={`translate(${left},${top})`}>
        <Axis
          orient="left"
          scale={y}
          tickValues={layout.yTicks}
          format={layout.yFormat}
          gridLength={innerWidth}
        />
        <Axis orient="bottom" scale={x} y={innerHeight} tickValues={layout.xTicks} format={layout.xFormat} />
        {behind?.(context)}
        {floor && (
          <g className="line-floor-mark">
            <line className="line-floor" x1={0} x2={innerWidth} y1={y(floor.value)} y2={y(floor.value)} />
            <text className="chart-label" x={4} y={y(floor.value) - 4}>
              {floor.label}
            </text>
          </g>
        )}
        <SeriesLayer drawn={drawn} animate={animate} />
        <BreakMarks marks={breaks} fontSize={fontSize} innerWidth={innerWidth} bandTop={bandTop} />
        {front?.(context)}
        <EndLabels labels={labels} innerWidth={innerWidth} />
      </g>
      <text className="axis-title" x={left + innerWidth / 2} y={height - 6} textAnchor="middle">
        <RichLabel text={xLabel} />
      </text>
    </svg>
  );
}
