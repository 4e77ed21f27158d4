import { line, scaleLinear, scaleLog } from 'd3';
import { type ReactNode, useId, useMemo } from 'react';
import { Axis } from '../frame/Axis';
import { usePrefersReducedMotion } from '../frame/hooks';
import { Responsive } from '../frame/Responsive';
import {
  downsampleByColumn,
  fitText,
  linearTickFormat,
  logTickFormat,
  logTickValues,
  movingAverage,
  type PreparedSeries,
  spreadLabels,
  stepTickFormat,
  textWidth,
  useChartFontSize,
  type XY,
  type YScaleType,
} from './lineChart';
import './lineFigures.css';

/** An entry of the key drawn above the plot (what solid and dashed mean, what a tick marks). */
export interface KeyItem {
  readonly label: string;
  readonly kind: 'line' | 'tick';
  readonly dash?: string;
  /** A literal colour; theme ink when absent. */
  readonly color?: string;
}

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

const keyGlyphWidth = 22;
const keyGap = 14;
/** A line's label: a gap, a short swatch of the line's stroke (colour and dash), a gap, the text. */
const swatchLength = 12;
const labelChrome = 4 + swatchLength + 4 + 2;

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

  const layout = useMemo(() => {
    const rowHeight = Math.round(fontSize * 1.65);
    const titleWidth = textWidth(yLabel, fontSize * 1.05, true);
    const keyWidths = keyItems.map((item) => keyGlyphWidth + 5 + textWidth(item.label, fontSize));
    const keyWidth =
      keyWidths.reduce((sum, each) => sum + each, 0) + keyGap * Math.max(0, keyItems.length - 1);
    const keyOnOwnRow = keyItems.length > 0 && titleWidth + 20 + keyWidth > width;
    const top = rowHeight * (keyOnOwnRow ? 2 : 1) + Math.round(fontSize * 0.6);
    const bottom = Math.round(fontSize * 3.1 + 10);
    const innerHeight = Math.max(60, height - top - bottom);
    const bandTop = innerHeight - bottomBand;

    // Log ticks are powers of ten (short labels), so they may sit closer together.
    const tickSpacing = fontSize * (scale === 'log' ? 2.6 : 3.4);
    const yTickCount = Math.min(8, Math.max(2, Math.floor(bandTop / tickSpacing)));
    const y =
      scale === 'log'
        ? scaleLog().domain([yDomain[0], yDomain[1]]).range([bandTop, 0])
        : scaleLinear().domain([yDomain[0], yDomain[1]]).nice(yTickCount).range([bandTop, 0]);
    const [yLow, yHigh] = y.domain() as [number, number];
    const yTicks = scale === 'log' ? logTickValues(yLow, yHigh, yTickCount) : y.ticks(yTickCount);
    const yFormat = scale === 'log' ? logTickFormat(yLow, yHigh) : linearTickFormat(yHigh);
    const left = Math.ceil(
      Math.max(fontSize * 2, ...yTicks.map((tick) => textWidth(yFormat(tick), fontSize))) + 11,
    );

    const xFormat = stepTickFormat(xDomain[1]);
    const lastXLabelHalf = textWidth(xFormat(xDomain[1]), fontSize) / 2 + 2;
    const labelled = directLabels ? series.filter((one) => one.end !== null) : [];
    const widest = (pick: (one: PreparedSeries) => string) =>
      Math.max(0, ...labelled.map((one) => textWidth(pick(one), fontSize, true)));
    const maxRight = width * 0.3;
    const fullWidth = widest((one) => one.label) + labelChrome;
    const labelWidth =
      fullWidth <= maxRight ? fullWidth : widest((one) => one.shortLabel ?? one.label) + labelChrome;
    const right = Math.ceil(
      labelled.length > 0 ? Math.min(labelWidth, maxRight) : Math.max(lastXLabelHalf, 8),
    );
    const innerWidth = Math.max(60, width - left - right);
    const x = scaleLinear().domain([xDomain[0], xDomain[1]]).range([0, innerWidth]);
    const xLabelWidth = Math.max(
      textWidth(xFormat(xDomain[0]), fontSize),
      textWidth(xFormat(xDomain[1]), fontSize),
    );
    const xTickCount = Math.min(10, Math.max(2, Math.floor(innerWidth / (xLabelWidth + fontSize * 3.5))));
    const xTicks = x.ticks(xTickCount).filter((tick) => Number.isInteger(tick));

    return {
      rowHeight,
      keyWidths,
      keyWidth,
      keyOnOwnRow,
      top,
      left,
      right,
      innerWidth,
      innerHeight,
      bandTop,
      x,
      y,
      yTicks,
      yFormat,
      xTicks,
      xFormat,
    };
  }, [
    fontSize,
    yLabel,
    keyItems,
    width,
    height,
    bottomBand,
    scale,
    yDomain[0],
    yDomain[1],
    xDomain[0],
    xDomain[1],
    directLabels,
    series,
  ]);

  const { x, y, innerWidth, innerHeight, bandTop, left, top, right } = layout;

  const drawn = useMemo(() => {
    // A tenth of a pixel is finer than any screen shows, and keeps the path text (set on every redraw
    // while runs stream) a third of its full-precision length.
    const shape = line<XY>()
      .digits(1)
      .defined((point) => Number.isFinite(point.y))
      .x((point) => point.x)
      .y((point) => point.y);
    const gap: XY = { x: Number.NaN, y: Number.NaN };
    const pathOf = (segments: readonly (readonly XY[])[]) => {
      const pixels: XY[] = [];
      for (const segment of segments) {
        if (pixels.length > 0) pixels.push(gap);
        pixels.push(...downsampleByColumn(segment.map((point) => ({ x: x(point.x), y: y(point.y) }))));
      }
      return { d: shape(pixels) ?? '', count: pixels.length };
    };
    return series.map((one) => {
      const dots = one.segments
        .filter((segment) => segment.length === 1)
        .map((segment) => ({ x: x(segment[0]!.x), y: y(segment[0]!.y) }));
      const raw = pathOf(one.segments);
      if (!(one.smoothing && one.smoothing > 1)) {
        const end = one.end ? { x: x(one.end.x), y: y(one.end.y) } : null;
        // More than a point or two per pixel: a thinner stroke keeps spikes apart.
        const count = one.segments.reduce((sum, segment) => sum + segment.length, 0);
        return { series: one, main: raw, faint: null, dots, end, dense: count > innerWidth * 1.5 };
      }
      const window = one.smoothing;
      const smoothed = one.segments.map((segment) => {
        const averages = movingAverage(
          segment.map((point) => point.y),
          window,
        );
        return segment.map((point, index) => ({ x: point.x, y: averages[index]! }));
      });
      const lastSegment = smoothed[smoothed.length - 1];
      const lastPoint = lastSegment?.[lastSegment.length - 1];
      const end = lastPoint ? { x: x(lastPoint.x), y: y(lastPoint.y) } : null;
      return { series: one, main: pathOf(smoothed), faint: raw, dots, end, dense: false };
    });
  }, [series, x, y, innerWidth]);

  const labels = useMemo(() => {
    if (!directLabels) return [];
    const ends = drawn.filter((one) => one.end !== null);
    const gap = fontSize * 1.3;
    const wanted = ends.map((one) => one.end!.y);
    const placed = spreadLabels(wanted, gap, fontSize * 0.4, innerHeight - fontSize * 0.4);
    const room = right - labelChrome;
    return ends.map(({ series: one, end }, index) => {
      const short = one.shortLabel ?? one.label;
      const text =
        textWidth(one.label, fontSize, true) <= room ? one.label : fitText(short, room, fontSize, true);
      return { series: one, endX: end!.x, endY: end!.y, labelY: placed[index]!, text };
    });
  }, [directLabels, drawn, fontSize, innerHeight, right]);

  const breaks = useMemo(
    () =>
      series
        .filter((one) => !one.muted && one.issues.nonFiniteToEnd && one.issues.firstNonFiniteX !== null)
        .map((one) => ({
          series: one,
          x: x(one.issues.firstNonFiniteX!),
          text: one.issues.hasNaN
            ? one.issues.hasInfinity
              ? 'not finite from here'
              : 'NaN from here'
            : 'infinite from here',
        })),
    [series, x],
  );

  const context: PlotContext = { x, y, innerWidth, innerHeight, bandTop, fontSize, animate };
  const transition = animate ? 'stroke-opacity 250ms ease-out, stroke-width 250ms ease-out' : 'none';
  // Faint context first, dashed (sparse, easily hidden) last.
  const layer = (one: PreparedSeries) => (one.muted ? 0 : one.dash ? 2 : 1);
  const ordered = [...drawn].sort((a, b) => layer(a.series) - layer(b.series));
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
        <g className="line-key" transform={`translate(${width - layout.keyWidth},${keyRowY})`}>
          {keyItems.map((item, index) => {
            const offset =
              layout.keyWidths.slice(0, index).reduce((sum, each) => sum + each, 0) + keyGap * index;
            const middle = -fontSize * 0.35;
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
        {breaks.map((mark, index) => {
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
        })}
        {front?.(context)}
        {labels.map((label) => {
          const start = innerWidth + 4;
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
        })}
      </g>
      <text className="axis-title" x={left + innerWidth / 2} y={height - 6} textAnchor="middle">
        <RichLabel text={xLabel} />
      </text>
    </svg>
  );
}

/** Axis titles may carry one-character subscripts written h_T: drawn lowered and smaller. */
function RichLabel({ text }: { text: string }) {
  const parts = text.split(/_(\w)/);
  if (parts.length === 1) return text;
  // Odd positions are the subscripts split out; the text after one returns to the baseline.
  const pieces = parts.map((part, position) => ({
    part,
    id: `part-${position}`,
    subscript: position % 2 === 1,
    afterSubscript: position % 2 === 0 && position > 0,
  }));
  return pieces
    .filter((piece) => piece.part !== '')
    .map((piece) => (
      <tspan
        key={piece.id}
        dy={piece.subscript ? '0.3em' : piece.afterSubscript ? '-0.3em' : undefined}
        fontSize={piece.subscript ? '0.75em' : undefined}
      >
        {piece.part}
      </tspan>
    ));
}

/**
 * Hands a chart its width: the given one (tests, exports at a fixed size) or, when none is given,
 * the measured width of the figure's graphic area, so the chart fills a phone or a projector.
 */
export function AtWidth({ width, children }: { width?: number; children: (width: number) => ReactNode }) {
  return width !== undefined ? children(width) : <Responsive>{children}</Responsive>;
}

/** Where a chart will be once there is data: a message at the chart's height, never a blank box. */
export function EmptyPlot({ height, message }: { height: number; message: string }) {
  return (
    <div className="line-empty" style={{ minHeight: height }}>
      <p>{message}</p>
    </div>
  );
}

/** Linear or log y axis: two radio buttons in a labelled group. The parent owns the choice. */
export function ScaleToggle({
  scale,
  onChange,
  legend = 'Y axis',
}: {
  scale: YScaleType;
  onChange: (scale: YScaleType) => void;
  legend?: string;
}) {
  const name = useId();
  return (
    <fieldset className="line-scale-toggle">
      <legend>{legend}</legend>
      <span className="line-scale-options">
        {(['linear', 'log'] as const).map((option) => (
          <label key={option}>
            <input
              type="radio"
              name={name}
              value={option}
              checked={scale === option}
              onChange={() => onChange(option)}
            />
            {option === 'linear' ? 'Linear' : 'Log'}
          </label>
        ))}
      </span>
    </fieldset>
  );
}
