import { max, min, scaleLinear, scaleLog } from 'd3';
import { type KeyboardEvent, type PointerEvent, useMemo } from 'react';
import { Axis } from '../frame/Axis';
import { missingColor } from '../frame/colorScales';
import { FigureFrame } from '../frame/FigureFrame';
import { fitPlotHeight, useFigureScale } from '../frame/figureScale';
import { formatNumber } from '../frame/figureText';
import { useChartFontSize } from '../frame/hooks';
import { okabeIto } from '../frame/palette';
import { Responsive } from '../frame/Responsive';
import { formatTick, logTickFormat, stepTicks } from '../frame/ticks';
import { type GridCell, useGridCursor } from '../frame/useGridCursor';
import { barsTable, describeBars, normSymbol } from '../heatmaps/gradientText';
import '../frame/gateFigures.css';

export interface GradientBarsProps {
  /** ‖∂L/∂hₜ‖ for the current batch; index t = time step (shown counted from 1). */
  readonly norms: readonly number[] | Float64Array;
  /** A log y axis, for gradients that span orders of magnitude. */
  readonly logScale?: boolean;
  /** Width of the graphic in CSS pixels; when absent, the figure measures the space it has. */
  readonly width?: number;
  readonly height?: number;
}

const title = 'Gradient reaching each time step';
const exportName = 'gradient-per-step';

/** Bars of the gradient norm per time step of one batch: does the error signal survive the trip back? */
export function GradientBars({ norms, logScale = false, width, height }: GradientBarsProps) {
  const values = useMemo(() => Array.from(norms, Number), [norms]);
  const { cursor, setCursor, onKeyDown } = useGridCursor(1, values.length);

  if (values.length === 0) {
    return (
      <FigureFrame title={title} description="No gradients yet." exportName={exportName}>
        <p className="gates-empty">No gradients to show yet: train for one step and they will appear here.</p>
      </FigureFrame>
    );
  }

  const value = cursor ? values[cursor.column]! : Number.NaN;
  const readout = cursor
    ? `Step ${cursor.column + 1}: ${normSymbol} = ${Number.isFinite(value) ? formatNumber(value) : 'no value'}`
    : 'Point at a bar, or focus the chart and use the arrow keys, to read a value.';
  const graphic = (available: number) => (
    <BarsGraphic
      values={values}
      logScale={logScale}
      width={available}
      height={height}
      cursor={cursor}
      onCursor={setCursor}
      onKeyDown={onKeyDown}
    />
  );
  return (
    <FigureFrame
      title={title}
      description={describeBars(values, logScale)}
      table={barsTable(values)}
      exportName={exportName}
    >
      {width !== undefined ? graphic(width) : <Responsive>{graphic}</Responsive>}
      <p className="gates-readout" aria-live="polite">
        {readout}
      </p>
    </FigureFrame>
  );
}

interface BarsGraphicProps {
  readonly values: readonly number[];
  readonly logScale: boolean;
  readonly width: number;
  readonly height?: number;
  readonly cursor: GridCell | null;
  readonly onCursor: (cell: GridCell | null) => void;
  readonly onKeyDown: (event: KeyboardEvent) => void;
}

function BarsGraphic({ values, logScale, width, height, cursor, onCursor, onKeyDown }: BarsGraphicProps) {
  const steps = values.length;
  // Margins and tick spacing grow with the type (12 px on a reading page, more on a projector).
  const type = useChartFontSize() / 12;
  const vertical = { top: 14, bottom: Math.round(46 * type) };
  const outerHeight = fitPlotHeight(
    height ?? Math.round(Math.min(440, Math.max(230, width * 0.42))),
    useFigureScale(),
  );
  const plotHeight = outerHeight - vertical.top - vertical.bottom;
  const yTickCount = Math.max(3, Math.floor(plotHeight / (50 * type)));
  const useLog = logScale && values.some((value) => Number.isFinite(value) && value > 0);

  const y = useMemo(() => {
    const finite = values.filter((value) => Number.isFinite(value));
    if (useLog) {
      const positive = finite.filter((value) => value > 0);
      const low = 10 ** Math.floor(Math.log10(min(positive) ?? 1));
      const high = 10 ** Math.ceil(Math.log10(max(positive) ?? 1));
      return scaleLog()
        .domain([low, high === low ? low * 10 : high])
        .range([plotHeight, 0]);
    }
    return scaleLinear()
      .domain([0, max(finite) || 1])
      .range([plotHeight, 0])
      .nice();
  }, [useLog, values, plotHeight]);
  const yFormat = useMemo(() => {
    if (!useLog) return (tick: number) => formatTick(tick);
    const [low, high] = y.domain() as [number, number];
    return logTickFormat(low, high);
  }, [useLog, y]);
  // Room on the left for the longest tick label (at the projector's larger type) and the axis title.
  const longestLabel = Math.max(0, ...y.ticks(yTickCount).map((tick) => yFormat(tick).length));
  const margin = { ...vertical, right: 14, left: Math.max(58, Math.round((40 + longestLabel * 8.5) * type)) };
  const plotWidth = Math.max(10, width - margin.left - margin.right);
  const x = useMemo(
    () =>
      scaleLinear()
        .domain([0.5, steps + 0.5])
        .range([0, plotWidth]),
    [steps, plotWidth],
  );
  const xTicks = useMemo(() => stepTicks(steps, plotWidth), [steps, plotWidth]);

  const slot = plotWidth / Math.max(1, steps);
  const barWidth = Math.max(1, slot > 4 ? slot * 0.78 : slot);
  const pick = (event: PointerEvent<SVGRectElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const t = Math.floor(((event.clientX - box.left) / Math.max(1, box.width)) * steps);
    onCursor({ row: 0, column: Math.max(0, Math.min(steps - 1, t)) });
  };

  return (
    <svg
      width={width}
      height={outerHeight}
      role="img"
      aria-label={`Bar chart of ${normSymbol} over ${steps} time steps`}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: the plot is read with the arrow keys (see useGridCursor)
      tabIndex={0}
      onKeyDown={onKeyDown}
      className="gates-plot"
    >
      <g transform={`translate(${margin.left},${margin.top})`}>
        <Axis scale={y} orient="left" ticks={yTickCount} format={yFormat} gridLength={plotWidth} />
        <Axis scale={x} orient="bottom" y={plotHeight} tickValues={xTicks} />
        <g>
          {values.map((value, t) => {
            const left = x(t + 1) - barWidth / 2;
            if (!Number.isFinite(value)) {
              return (
                <rect
                  // biome-ignore lint/suspicious/noArrayIndexKey: the time step is the bar’s identity
                  key={t}
                  data-testid="bar"
                  x={left}
                  y={0}
                  width={barWidth}
                  height={plotHeight}
                  fill={missingColor}
                  opacity={0.45}
                />
              );
            }
            const top = useLog ? (value > 0 ? y(value) : plotHeight) : y(Math.max(0, value));
            const fill = cursor?.column === t ? okabeIto.vermillion : okabeIto.blue;
            return (
              <rect
                // biome-ignore lint/suspicious/noArrayIndexKey: the time step is the bar’s identity
                key={t}
                data-testid="bar"
                x={left}
                y={top}
                width={barWidth}
                height={Math.max(0, plotHeight - top)}
                fill={fill}
              />
            );
          })}
        </g>
        <rect
          width={plotWidth}
          height={plotHeight}
          fill="transparent"
          onPointerMove={pick}
          onPointerLeave={() => onCursor(null)}
        />
        <text
          className="axis-title"
          x={plotWidth / 2}
          y={plotHeight + Math.round(38 * type)}
          textAnchor="middle"
        >
          Time step t
        </text>
        <text
          className="axis-title"
          transform={`translate(${-margin.left + 16},${plotHeight / 2}) rotate(-90)`}
          textAnchor="middle"
        >
          {normSymbol}
          {useLog ? ' (log scale)' : ''}
        </text>
      </g>
    </svg>
  );
}
