import { useMemo } from 'react';
import type { CellKind } from '../../engine/types';
import { AtWidth, EmptyPlot } from '../figures/charts/LineChartFigure';
import { LinePlot, type PlotContext } from '../figures/charts/LinePlot';
import { chartHeight } from '../figures/charts/lineLayout';
import { type PlotSeries, prepareSeries } from '../figures/charts/lineSeries';
import { FigureFrame, type FigureTable } from '../figures/frame/FigureFrame';
import { cellColors, cellLabels } from '../figures/frame/palette';
import { textWidth } from '../figures/frame/textMeasure';
import type { HorizonResult } from './memoryHorizonPlan';

export interface LagAccuracyChartProps {
  readonly cells: readonly CellKind[];
  readonly lags: readonly number[];
  readonly results: readonly HorizonResult[];
  /** What guessing scores (1 / symbols), drawn as a reference line. */
  readonly chance: number;
  readonly description: string;
  readonly width?: number;
  readonly emptyMessage: string;
}

/** How far apart (px) the cells' points are drawn at one lag. */
const dodgePixels = 5;
const dashes: Readonly<Record<CellKind, string | undefined>> = { rnn: undefined, lstm: '7 4', gru: '2 3' };

/** Held-out accuracy against the lag, one line per cell, with the chance level marked. */
export function LagAccuracyChart({
  cells,
  lags,
  results,
  chance,
  description,
  width,
  emptyMessage,
}: LagAccuracyChartProps) {
  const series = useMemo(
    () =>
      cells.map(
        (cell): PlotSeries => ({
          id: cell,
          label: cellLabels[cell],
          color: cellColors[cell],
          dash: dashes[cell],
          points: results
            .filter((result) => result.cell === cell && result.accuracy !== null)
            .map((result) => ({ x: result.lag, y: result.accuracy! * 100 })),
        }),
      ),
    [cells, results],
  );
  const table = useMemo(() => lagTable(cells, lags, results), [cells, lags, results]);
  const low = Math.min(...lags);
  const high = Math.max(...lags);
  const empty = results.length === 0;
  return (
    <FigureFrame
      title="Held-out accuracy against the lag"
      description={description}
      table={empty ? undefined : table}
      exportName="memory-horizon"
    >
      <AtWidth width={width}>
        {(available) => {
          const height = chartHeight(available);
          if (empty) return <EmptyPlot height={height} message={emptyMessage} />;
          // Cells that score the same at a lag would hide one another: each is nudged a few pixels
          // sideways (the table and the caption keep the exact lags).
          const step = (dodgePixels * Math.max(1, high - low)) / Math.max(120, available - 110);
          const dodged = series.map((one, index) => ({
            ...one,
            points: one.points.map((point) => ({
              ...point,
              x: point.x + (index - (series.length - 1) / 2) * step,
            })),
          }));
          const spread = ((series.length - 1) / 2) * step;
          return (
            <LinePlot
              width={available}
              height={height}
              series={dodged.map((one) => prepareSeries(one, 'linear', 1))}
              xDomain={[low - spread, high + spread]}
              yDomain={[0, 100]}
              scale="linear"
              xLabel="Lag (steps)"
              yLabel="Held-out accuracy (%)"
              summary={`Line chart of held-out accuracy against the lag for ${cells.map((cell) => cellLabels[cell]).join(', ')}, with the chance level at ${Math.round(chance * 1000) / 10}%.`}
              behind={(context) => <ChanceLine context={context} chance={chance * 100} />}
              front={(context) => <Markers context={context} series={dodged} />}
            />
          );
        }}
      </AtWidth>
    </FigureFrame>
  );
}

function ChanceLine({ context, chance }: { context: PlotContext; chance: number }) {
  const y = context.y(chance);
  const text = `chance ${Math.round(chance * 10) / 10}%`;
  const wide = textWidth(text, context.fontSize) + 8;
  return (
    <g className="chance-line">
      <line x1={0} x2={context.innerWidth} y1={y} y2={y} className="line-floor" strokeWidth={1.5} />
      <rect
        className="line-backdrop"
        x={4}
        y={y - context.fontSize - 5}
        width={wide}
        height={context.fontSize + 3}
        rx={2}
      />
      <text className="chart-label" x={8} y={y - 5}>
        {text}
      </text>
    </g>
  );
}

/** A dot at every measured lag (the lines alone would hide which lags were run). */
function Markers({ context, series }: { context: PlotContext; series: readonly PlotSeries[] }) {
  return (
    <g className="lag-markers">
      {series.flatMap((one) =>
        one.points.map((point) => (
          <circle
            key={`${one.id}-${point.x}`}
            data-series={one.id}
            cx={context.x(point.x)}
            cy={context.y(point.y)}
            r={4}
            fill={one.color}
            stroke="#ffffff"
            strokeWidth={1.5}
          />
        )),
      )}
    </g>
  );
}

function lagTable(
  cells: readonly CellKind[],
  lags: readonly number[],
  results: readonly HorizonResult[],
): FigureTable {
  return {
    caption: 'Held-out accuracy at the end of each run (steps trained in brackets).',
    columns: ['Lag', ...cells.map((cell) => cellLabels[cell])],
    rows: lags.map((lag) => [
      String(lag),
      ...cells.map((cell) => {
        const result = results.find((one) => one.cell === cell && one.lag === lag);
        if (!result) return '–';
        if (result.accuracy === null) return 'could not train';
        return `${(result.accuracy * 100).toFixed(1)}% (${result.steps} steps)`;
      }),
    ]),
  };
}
