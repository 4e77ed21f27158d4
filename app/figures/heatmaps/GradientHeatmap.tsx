import { scaleLinear } from 'd3';
import { type KeyboardEvent, type PointerEvent, useCallback, useMemo, useRef } from 'react';
import { Axis } from '../frame/Axis';
import { ColorLegend } from '../frame/ColorLegend';
import { sequentialMap } from '../frame/colorScales';
import { FigureFrame } from '../frame/FigureFrame';
import { fitPlotHeight, useFigureScale } from '../frame/figureScale';
import { formatNumber } from '../frame/figureText';
import { useChartFontSize } from '../frame/hooks';
import { Responsive } from '../frame/Responsive';
import { stepTicks } from '../frame/ticks';
import { drawPixelGrid, useCanvasPaint } from '../frame/useCanvasPaint';
import { type GridCell, useGridCursor } from '../frame/useGridCursor';
import {
  type GradientGridSummary,
  type GradientHeatmapRow,
  gridPixels,
  summariseGrid,
  trainingTicks,
} from './gradientGrid';
import { describeGrid, gridTable, normSymbol } from './gradientText';
import '../frame/gateFigures.css';

export type { GradientHeatmapRow } from './gradientGrid';

export interface GradientHeatmapProps {
  /** One row per recorded training step, in training order; `norms[t]` is ‖∂L/∂hₜ‖ at time step t. */
  readonly rows: readonly GradientHeatmapRow[];
  /** Colour by log₁₀ of the norm (default), since norms span orders of magnitude. */
  readonly logColor?: boolean;
  /** Width of the graphic in CSS pixels; when absent, the figure measures the space it has. */
  readonly width?: number;
  /** Height of the heatmap itself (without axes and legend). */
  readonly height?: number;
}

const title = 'Gradient per time step over training';
const exportName = 'gradient-over-training';

/** Time step × training step heatmap of ‖∂L/∂hₜ‖: how the gradient's reach changes as the network learns. */
export function GradientHeatmap({ rows, logColor = true, width, height }: GradientHeatmapProps) {
  const summary = useMemo(() => summariseGrid(rows, logColor), [rows, logColor]);
  const { cursor, setCursor, onKeyDown } = useGridCursor(rows.length, summary.timeSteps);

  if (rows.length === 0 || summary.timeSteps === 0) {
    return (
      <FigureFrame title={title} description="No training steps recorded yet." exportName={exportName}>
        <p className="gates-empty">
          Nothing recorded yet: train for a few steps and the heatmap will fill in, one row per step.
        </p>
      </FigureFrame>
    );
  }

  const value = cursor ? Number(rows[cursor.row]!.norms[cursor.column]) : Number.NaN;
  const readout = cursor
    ? `Training step ${rows[cursor.row]!.step}, time step ${cursor.column + 1}: ${normSymbol} = ${Number.isFinite(value) ? formatNumber(value) : 'no value'}`
    : 'Point at a cell, or focus the heatmap and use the arrow keys, to read a value.';
  const graphic = (available: number) => (
    <HeatmapGraphic
      rows={rows}
      summary={summary}
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
      description={describeGrid(rows, summary)}
      table={gridTable(rows, summary.timeSteps)}
      exportName={exportName}
    >
      {width !== undefined ? graphic(width) : <Responsive>{graphic}</Responsive>}
      <p className="gates-readout" aria-live="polite">
        {readout}
      </p>
    </FigureFrame>
  );
}

interface HeatmapGraphicProps {
  readonly rows: readonly GradientHeatmapRow[];
  readonly summary: GradientGridSummary;
  readonly width: number;
  readonly height?: number;
  readonly cursor: GridCell | null;
  readonly onCursor: (cell: GridCell | null) => void;
  readonly onKeyDown: (event: KeyboardEvent) => void;
}

function HeatmapGraphic({ rows, summary, width, height, cursor, onCursor, onKeyDown }: HeatmapGraphicProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const { timeSteps } = summary;
  // Margins and tick spacing grow with the type (12 px on a reading page, more on a projector).
  const type = useChartFontSize() / 12;
  const margin = {
    top: 10,
    right: 16,
    bottom: Math.round(106 * type),
    left: Math.round((width > 900 ? 84 : 68) * type),
  };
  const plotWidth = Math.max(10, width - margin.left - margin.right);
  const plotHeight = fitPlotHeight(
    height ?? Math.round(Math.min(520, Math.max(200, width * 0.42))),
    useFigureScale(),
  );
  const outerHeight = plotHeight + margin.top + margin.bottom;

  // At most one band of training steps per device pixel row: more would only alias.
  const density = typeof window !== 'undefined' && window.devicePixelRatio > 0 ? window.devicePixelRatio : 1;
  const bands = Math.min(rows.length, Math.max(1, Math.ceil(plotHeight * density)));
  const pixels = useMemo(() => gridPixels(rows, summary, bands), [rows, summary, bands]);
  const paint = useCallback(
    (context: CanvasRenderingContext2D) =>
      drawPixelGrid(context, pixels, timeSteps, bands, { x: 0, y: 0, width: plotWidth, height: plotHeight }),
    [pixels, timeSteps, bands, plotWidth, plotHeight],
  );
  useCanvasPaint(canvasRef, plotWidth, plotHeight, paint);

  const x = useMemo(
    () =>
      scaleLinear()
        .domain([0.5, timeSteps + 0.5])
        .range([0, plotWidth]),
    [timeSteps, plotWidth],
  );
  const y = useMemo(
    () => scaleLinear().domain([0, rows.length]).range([0, plotHeight]),
    [rows.length, plotHeight],
  );
  const xTicks = useMemo(() => stepTicks(timeSteps, plotWidth), [timeSteps, plotWidth]);
  const yTicks = useMemo(
    () => trainingTicks(rows, Math.max(2, Math.floor(plotHeight / (45 * type)))),
    [rows, plotHeight, type],
  );
  const yFormat = useCallback((tick: number) => String(rows[Math.floor(tick)]?.step ?? ''), [rows]);

  const clamp = (index: number, count: number) => Math.max(0, Math.min(count - 1, index));
  const pick = (event: PointerEvent<SVGRectElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const column = Math.floor(((event.clientX - box.left) / Math.max(1, box.width)) * timeSteps);
    const row = Math.floor(((event.clientY - box.top) / Math.max(1, box.height)) * rows.length);
    onCursor({ row: clamp(row, rows.length), column: clamp(column, timeSteps) });
  };
  const cellHeight = plotHeight / rows.length;
  const cellWidth = plotWidth / timeSteps;
  const legendWidth = Math.max(
    120,
    Math.min(plotWidth - (summary.missing ? 90 : 0), Math.max(300, plotWidth * 0.3), 440),
  );

  return (
    <div className="heatmap-stack" style={{ width, height: outerHeight }}>
      <canvas
        ref={canvasRef}
        style={{ left: margin.left, top: margin.top, width: plotWidth, height: plotHeight }}
      />
      <svg
        width={width}
        height={outerHeight}
        role="img"
        aria-label={`Heatmap of ${normSymbol}: ${timeSteps} time steps across, ${rows.length} training steps down`}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the plot is read with the arrow keys (see useGridCursor)
        tabIndex={0}
        onKeyDown={onKeyDown}
        className="gates-plot"
      >
        <g transform={`translate(${margin.left},${margin.top})`}>
          <Axis scale={x} orient="bottom" y={plotHeight} tickValues={xTicks} />
          <Axis scale={y} orient="left" tickValues={yTicks} format={yFormat} />
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
            transform={`translate(${-margin.left + 14},${plotHeight / 2}) rotate(-90)`}
            textAnchor="middle"
          >
            Training step
          </text>
          {cursor && (
            <rect
              className="heatmap-cursor"
              x={cursor.column * cellWidth}
              y={cursor.row * cellHeight}
              width={Math.max(2, cellWidth)}
              height={Math.max(2, cellHeight)}
            />
          )}
          <rect
            width={plotWidth}
            height={plotHeight}
            fill="transparent"
            onPointerMove={pick}
            onPointerLeave={() => onCursor(null)}
          />
          <ColorLegend
            x={0}
            y={plotHeight + Math.round(50 * type)}
            width={legendWidth}
            title={summary.log ? `${normSymbol} (log colour scale)` : normSymbol}
            map={sequentialMap}
            domain={summary.domain}
            type={summary.log ? 'log' : 'linear'}
            showMissing={summary.missing > 0}
          />
        </g>
      </svg>
    </div>
  );
}
