import { type ReactNode, useMemo } from 'react';
import { formatPercent, plural } from '../../shared/format';
import type { FigureTable } from '../frame/FigureFrame';
import { formatCaptionNumber, formatStep } from '../frame/figureText';
import { okabeIto } from '../frame/palette';
import { textWidth } from '../frame/textMeasure';
import { LineChartFigure, usePreparedPlot } from './LineChartFigure';
import type { PlotContext } from './LinePlot';
import { floorSentence, nonFiniteSentence, tableSteps } from './lineCaptions';
import type { KeyItem } from './linePlotLayout';
import type { PlotSeries, PreparedSeries } from './lineSeries';

export interface ClipPoint {
  readonly step: number;
  /** Global gradient norm before clipping. */
  readonly normBefore: number;
  /** Whether clipping fired at this step. */
  readonly clipped: boolean;
}

export interface ClippingChartProps {
  /** In order of step. */
  readonly points: readonly ClipPoint[];
  /** The clipping threshold (max norm); null when training does not clip. */
  readonly threshold: number | null;
  /** Width in CSS pixels; when absent the chart measures the space it has. */
  readonly width?: number;
  readonly height?: number;
  readonly title?: string;
  readonly emptyMessage?: string;
  readonly exportName?: string;
  readonly controls?: ReactNode;
}

const normColor = okabeIto.blue;
const clipColor = okabeIto.vermillion;
/** Height (px) of the row under the curve where clipped steps are marked. */
const clipBand = 13;

/**
 * The gradient norm at every step before clipping, on a log axis, with the clipping threshold as a
 * labelled line and a tick along the bottom for every step where clipping fired.
 */
export function ClippingChart({
  points,
  threshold,
  width,
  height,
  title = 'Gradient norm and clipping',
  emptyMessage = 'Press Train to see the gradient norm at every step.',
  exportName,
  controls,
}: ClippingChartProps) {
  const activeThreshold =
    threshold !== null && Number.isFinite(threshold) && threshold > 0 ? threshold : null;
  const plotSeries = useMemo<PlotSeries[]>(
    () => [
      {
        id: 'norm',
        label: 'gradient norm',
        color: normColor,
        points: points.map((point) => ({ x: point.step, y: point.normBefore })),
      },
    ],
    [points],
  );
  const plot = usePreparedPlot(plotSeries, 'log', { threshold: activeThreshold });
  const { floor, series: prepared } = plot;
  const clippedSteps = useMemo(
    () => points.filter((point) => point.clipped && Number.isFinite(point.step)).map((point) => point.step),
    [points],
  );
  const description = useMemo(
    () => describeClipping(points, threshold, prepared[0]!, floor),
    [points, threshold, prepared, floor],
  );
  const table = useMemo(() => clippingTable(points), [points]);
  const keyItems = useMemo<KeyItem[]>(
    () => (clippedSteps.length > 0 ? [{ label: 'clipped step', kind: 'tick', color: clipColor }] : []),
    [clippedSteps.length],
  );

  return (
    <LineChartFigure
      plot={plot}
      title={title}
      description={description}
      table={table}
      exportName={exportName}
      controls={controls}
      width={width}
      height={height}
      emptyMessage={emptyMessage}
      nonFiniteWhat="gradient norm"
      xLabel="Training step"
      yLabel="Gradient norm before clipping"
      summary={`Line chart of the gradient norm before clipping against training step, on a log scale${
        activeThreshold === null
          ? ''
          : `, with the clipping threshold at ${formatCaptionNumber(activeThreshold)}`
      }.`}
      directLabels={false}
      keyItems={keyItems}
      bottomBand={clipBand}
      floor={prepared[0]!.issues.clamped > 0 ? { value: floor, label: '≤ 0 drawn here' } : null}
      behind={(context) =>
        activeThreshold !== null && <ClipZone context={context} threshold={activeThreshold} />
      }
      front={(context) => (
        <>
          {activeThreshold !== null && <ThresholdLine context={context} threshold={activeThreshold} />}
          <ClipMarks context={context} steps={clippedSteps} />
        </>
      )}
    />
  );
}

/** A faint tint over the norms that clipping scales down. */
function ClipZone({ context, threshold }: { context: PlotContext; threshold: number }) {
  const y = Math.max(0, Math.min(context.bandTop, context.y(threshold)));
  return (
    <rect
      className="clip-zone"
      x={0}
      y={0}
      width={context.innerWidth}
      height={y}
      fill={clipColor}
      fillOpacity={0.06}
    />
  );
}

function ThresholdLine({ context, threshold }: { context: PlotContext; threshold: number }) {
  const y = context.y(threshold);
  const text = `clip threshold ${formatCaptionNumber(threshold)}`;
  const textWide = textWidth(text, context.fontSize) + 8;
  const transition = context.animate ? 'transform 250ms ease-out' : 'none';
  return (
    <g className="clip-threshold" transform={`translate(0,${y})`} style={{ transition }}>
      <line
        x1={0}
        x2={context.innerWidth}
        y1={0}
        y2={0}
        stroke={clipColor}
        strokeWidth={1.5}
        strokeDasharray="6 3"
      />
      <rect
        className="line-backdrop"
        x={context.innerWidth - textWide - 2}
        y={-context.fontSize - 5}
        width={textWide}
        height={context.fontSize + 3}
        rx={2}
      />
      <text className="chart-label" x={context.innerWidth - 6} y={-5} textAnchor="end">
        {text}
      </text>
    </g>
  );
}

/**
 * One tick per step where clipping fired, along the band under the curve. Steps that fall on the
 * same pixel share a tick (they would draw on top of each other anyway).
 */
function ClipMarks({ context, steps }: { context: PlotContext; steps: readonly number[] }) {
  const columns = new Map<number, number>();
  for (const step of steps) {
    const x = Math.round(context.x(step) * 2) / 2;
    columns.set(x, (columns.get(x) ?? 0) + 1);
  }
  return (
    <g className="clip-marks">
      {[...columns.keys()].map((x) => (
        <line
          key={x}
          className="clip-mark"
          x1={x}
          x2={x}
          y1={context.bandTop + 2}
          y2={context.innerHeight - 1}
          stroke={clipColor}
          strokeWidth={1.5}
        />
      ))}
    </g>
  );
}

/**
 * The caption: how often clipping fired and how large the norm got.
 * "Clipping at 1 fired on 27 of 300 steps (9%), most recently at step 287. Before clipping the
 * gradient norm ranged from 0.21 to 38 (at step 112); its median was 0.62."
 */
export function describeClipping(
  points: readonly ClipPoint[],
  threshold: number | null,
  prepared: PreparedSeries,
  floor: number,
): string {
  if (points.length === 0) return 'No training steps yet, so there is no gradient norm to show.';
  const sentences: string[] = [];
  const clipped = points.filter((point) => point.clipped);
  const count = points.length;
  if (threshold === null) {
    sentences.push('No clipping: there is no threshold, so every step uses its full gradient.');
  } else if (!(Number.isFinite(threshold) && threshold > 0)) {
    sentences.push(
      `The clipping threshold (${formatCaptionNumber(threshold)}) is not a positive number, so no line is drawn.`,
    );
  } else {
    const lastClipped = clipped[clipped.length - 1];
    sentences.push(
      `Clipping at ${formatCaptionNumber(threshold)} fired on ${formatStep(clipped.length)} of ${plural(
        count,
        'step',
      )} (${formatPercent(clipped.length / count)})${
        lastClipped ? `, most recently at step ${formatStep(lastClipped.step)}` : ''
      }.`,
    );
  }
  const finite = points.filter((point) => Number.isFinite(point.normBefore));
  if (finite.length > 0) {
    const largest = finite.reduce((best, point) => (point.normBefore > best.normBefore ? point : best));
    const smallest = finite.reduce((best, point) => (point.normBefore < best.normBefore ? point : best));
    const sorted = finite.map((point) => point.normBefore).sort((a, b) => a - b);
    const median = sorted[Math.floor((sorted.length - 1) / 2)]!;
    sentences.push(
      finite.length === 1
        ? `The gradient norm before clipping was ${formatCaptionNumber(largest.normBefore)} at step ${formatStep(largest.step)}.`
        : `Before clipping the gradient norm ranged from ${formatCaptionNumber(smallest.normBefore)} to ${formatCaptionNumber(
            largest.normBefore,
          )} (at step ${formatStep(largest.step)}); its median was ${formatCaptionNumber(median)}.`,
    );
  }
  const note = nonFiniteSentence(prepared.issues, { noun: 'gradient norm' });
  if (note) sentences.push(note);
  const clampNote = floorSentence(prepared.issues.clamped, floor, false);
  if (clampNote) sentences.push(clampNote);
  return sentences.join(' ');
}

function clippingTable(points: readonly ClipPoint[]): FigureTable {
  const byStep = new Map(points.map((point) => [point.step, point]));
  const allSteps = [...byStep.keys()].filter(Number.isFinite).sort((a, b) => a - b);
  const { steps, stride } = tableSteps(allSteps, 50);
  return {
    caption:
      stride === 1
        ? 'Gradient norm before clipping at every step.'
        : `Gradient norm before clipping at ${steps.length} of ${formatStep(allSteps.length)} steps (about every ${formatStep(
            stride,
          )} steps, with the first and the last).`,
    columns: ['Step', 'Norm before clipping', 'Clipped'],
    rows: steps.map((step) => {
      const point = byStep.get(step)!;
      return [formatStep(step), point.normBefore, point.clipped ? 'yes' : 'no'];
    }),
  };
}
