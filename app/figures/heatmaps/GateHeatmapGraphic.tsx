import { scaleLinear } from 'd3';
import { type KeyboardEvent, type PointerEvent, useCallback, useMemo, useRef } from 'react';
import { Axis } from '../frame/Axis';
import { ColorLegend } from '../frame/ColorLegend';
import { divergingMap, sequentialMap } from '../frame/colorScales';
import { displayInput, type GateInfo } from '../frame/gates';
import { stepTicks } from '../frame/ticks';
import { useCanvasPaint } from '../frame/useCanvasPaint';
import type { GridCell } from '../frame/useGridCursor';
import { rowColor } from './gateHeatmapData';

export interface GateHeatmapGraphicProps {
  readonly rows: readonly GateInfo[];
  /** One unit's values per row, each of length `steps`. */
  readonly series: readonly Float64Array[];
  /** Symmetric bound of the diverging scale for signed rows. */
  readonly bound: number;
  readonly steps: number;
  readonly unit: number;
  readonly step: number;
  readonly inputLabels?: readonly string[];
  readonly width: number;
  readonly cursor: GridCell | null;
  readonly onCursor: (cell: GridCell | null) => void;
  readonly onKeyDown: (event: KeyboardEvent) => void;
  readonly onStepChange?: (step: number) => void;
}

/** The gate heatmap itself: cells on a canvas; labels, axis, step marker and legends in an SVG above it. */
export function GateHeatmapGraphic(props: GateHeatmapGraphicProps) {
  const {
    rows,
    series,
    bound,
    steps,
    unit,
    step,
    inputLabels,
    width,
    cursor,
    onCursor,
    onKeyDown,
    onStepChange,
  } = props;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const narrow = width < 520;
  const margin = { top: 8, right: 12, left: narrow ? 30 : width > 900 ? 136 : 116 };
  const plotWidth = Math.max(10, width - margin.left - margin.right);
  const rowHeight = Math.round(Math.min(46, Math.max(24, width / 30)));
  // States (c, h) sit a little apart from the gates above them.
  const rowTops = useMemo(
    () =>
      rows.map(
        (row, index) =>
          index * (rowHeight + 3) + (row.key === 'c' || (row.key === 'h' && index > 0) ? 10 : 0),
      ),
    [rows, rowHeight],
  );
  const plotHeight = rowTops[rows.length - 1]! + rowHeight;
  const cellWidth = plotWidth / Math.max(1, steps);
  const labelsHeight = inputLabels ? 20 : 0;
  const hasSigned = rows.some((row) => row.kind === 'signed');
  const hasGates = rows.some((row) => row.kind === 'gate');
  const stacked = narrow && hasSigned && hasGates;
  const legendTop = margin.top + plotHeight + labelsHeight + 50;
  const legendWidth = narrow ? width - 24 : Math.min(280, (plotWidth - 40) / 2);
  const outerHeight = legendTop + (stacked ? 110 : 54);

  const paint = useCallback(
    (context: CanvasRenderingContext2D) => {
      const gap = cellWidth >= 14 ? 1 : 0;
      rows.forEach((row, r) => {
        const values = series[r]!;
        for (let t = 0; t < steps; t++) {
          context.fillStyle = rowColor(row.kind, values[t]!, bound);
          context.fillRect(t * cellWidth, rowTops[r]!, Math.max(1, cellWidth - gap), rowHeight);
        }
      });
    },
    [rows, rowTops, series, steps, cellWidth, rowHeight, bound],
  );
  useCanvasPaint(canvasRef, plotWidth, plotHeight, paint);
  const x = useMemo(
    () =>
      scaleLinear()
        .domain([0.5, steps + 0.5])
        .range([0, plotWidth]),
    [steps, plotWidth],
  );
  const xTicks = useMemo(() => stepTicks(steps, plotWidth), [steps, plotWidth]);

  const pick = (event: PointerEvent<SVGRectElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const column = Math.max(
      0,
      Math.min(steps - 1, Math.floor(((event.clientX - box.left) / Math.max(1, box.width)) * steps)),
    );
    const yInPlot = ((event.clientY - box.top) / Math.max(1, box.height)) * plotHeight;
    const row = rowTops.filter((top) => top <= yInPlot).length - 1;
    onCursor({ row: Math.max(0, row), column });
    if (event.type === 'pointerdown') onStepChange?.(column);
  };
  const signedSymbols = rows.filter((row) => row.kind === 'signed').map((row) => row.symbol);

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
        aria-label={`Heatmap of ${rows.map((row) => row.symbol).join(', ')} for unit ${unit + 1} over ${steps} time steps`}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the plot is read with the arrow keys (see useGridCursor)
        tabIndex={0}
        onKeyDown={onKeyDown}
        className="gates-plot"
      >
        <g transform={`translate(${margin.left},${margin.top})`}>
          {rows.map((row, r) => (
            <text
              key={row.key}
              className="gates-row-label"
              x={-8}
              y={rowTops[r]! + rowHeight / 2}
              dominantBaseline="central"
              textAnchor="end"
            >
              <tspan className="gates-symbol">{row.symbol}</tspan>
              {!narrow && <tspan className="gates-name"> {row.name}</tspan>}
            </text>
          ))}
          {inputLabels && (
            <g transform={`translate(0,${plotHeight + 15})`}>
              {inputLabels.slice(0, steps).map((label, t) =>
                cellWidth >= 9 || xTicks.includes(t + 1) ? (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the time step is the label’s identity
                  <text key={t} className="gates-input-label" x={x(t + 1)} textAnchor="middle">
                    {displayInput(label)}
                  </text>
                ) : null,
              )}
            </g>
          )}
          <Axis scale={x} orient="bottom" y={plotHeight + labelsHeight} tickValues={xTicks} />
          <text
            className="axis-title"
            x={plotWidth / 2}
            y={plotHeight + labelsHeight + 38}
            textAnchor="middle"
          >
            Time step t{inputLabels ? ', input above' : ''}
          </text>
          <rect
            className="heatmap-step"
            x={step * cellWidth - 1.5}
            y={-4}
            width={cellWidth + 2}
            height={plotHeight + 8}
            rx={2}
          />
          {cursor && (
            <rect
              className="heatmap-cursor"
              x={cursor.column * cellWidth}
              y={rowTops[cursor.row]}
              width={cellWidth}
              height={rowHeight}
            />
          )}
          <rect
            width={plotWidth}
            height={plotHeight}
            fill="transparent"
            onPointerMove={pick}
            onPointerDown={pick}
            onPointerLeave={() => onCursor(null)}
          />
        </g>
        {hasGates && (
          <ColorLegend
            x={narrow ? 12 : margin.left}
            y={legendTop}
            width={legendWidth}
            title="Gates (σ): 0 closed … 1 open"
            map={sequentialMap}
            domain={[0, 1]}
          />
        )}
        {hasSigned && (
          <ColorLegend
            x={narrow ? 12 : margin.left + (hasGates ? legendWidth + 40 : 0)}
            y={legendTop + (stacked ? 56 : 0)}
            width={legendWidth}
            title={`${signedSymbols.join(', ')}: negative … positive`}
            map={divergingMap}
            domain={[-bound, bound]}
          />
        )}
      </svg>
    </div>
  );
}
