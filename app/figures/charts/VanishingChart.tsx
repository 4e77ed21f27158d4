import { type ReactNode, useMemo } from 'react';
import { formatNumber, plural } from '../../shared/format';
import type { FigureTable } from '../frame/FigureFrame';
import type { FigureUpdate } from '../frame/FigureNotice';
import { formatCaptionNumber, joinWords } from '../frame/figureText';
import { seriesColors } from '../frame/palette';
import { LineChartFigure, usePreparedPlot } from './LineChartFigure';
import { floorSentence, nonFiniteSentence, tableSteps } from './lineCaptions';
import type { PlotSeries, PreparedSeries } from './lineSeries';

/** How the size of the gradient changes as it travels back through time, for one network. */
export interface GradientCurve {
  readonly id: string;
  readonly label: string;
  /** A literal colour (e.g. from cellColors); the palette's next colour when absent. */
  readonly color?: string;
  /** ‖∂h_T/∂h_t‖ by distance T − t: values[0] is distance 0, the norm of the identity (√H). */
  readonly values: readonly number[];
}

export interface VanishingChartProps {
  readonly curves: readonly GradientCurve[];
  /** Draws this curve strongly and the others faint (e.g. the W_hh scale a slider picked). */
  readonly highlightId?: string | null;
  /** Width in CSS pixels; when absent the chart measures the space it has. */
  readonly width?: number;
  readonly height?: number;
  readonly title?: string;
  /** The lowest value shown; smaller values (and exact zeros from underflow) are drawn on it. */
  readonly floor?: number;
  readonly xLabel?: string;
  readonly yLabel?: string;
  readonly emptyMessage?: string;
  readonly exportName?: string;
  /** Controls drawn above the chart, such as a slider for the scale of W_hh. */
  readonly controls?: ReactNode;
  /** What to notice, and what the chart shows now (see FigureNotice), when a lesson places it. */
  readonly notice?: string;
  readonly update?: FigureUpdate;
}

/**
 * ‖∂h_T/∂h_t‖ against the distance T − t on a log axis: a straight line falling is a gradient that
 * vanishes geometrically, one rising explodes. Each curve is named at its end.
 */
export function VanishingChart({
  curves,
  highlightId = null,
  width,
  height,
  title = 'How far back the gradient reaches',
  floor: explicitFloor,
  xLabel = 'Steps back in time, T − t',
  yLabel = 'Gradient norm ‖∂h_T / ∂h_t‖',
  emptyMessage = 'Run the backward pass to see how the gradient shrinks or grows with distance.',
  exportName,
  controls,
  notice,
  update,
}: VanishingChartProps) {
  const highlighted =
    highlightId !== null && curves.some((curve) => curve.id === highlightId) ? highlightId : null;
  const plotSeries = useMemo<PlotSeries[]>(
    () =>
      curves.map((curve, index) => ({
        id: curve.id,
        label: curve.label,
        color: curve.color ?? seriesColors[index % seriesColors.length]!,
        muted: highlighted !== null && curve.id !== highlighted,
        points: curve.values.map((value, distance) => ({ x: distance, y: value })),
      })),
    [curves, highlighted],
  );
  const plot = usePreparedPlot(plotSeries, 'log', { floor: explicitFloor });
  const { floor, series: prepared } = plot;
  const hasExplicitFloor = floor === explicitFloor;
  const description = useMemo(
    () =>
      describeVanishing(curves, prepared, {
        highlightId: highlighted,
        floor,
        explicitFloor: hasExplicitFloor,
      }),
    [curves, prepared, highlighted, floor, hasExplicitFloor],
  );
  const table = useMemo(() => vanishingTable(curves), [curves]);

  return (
    <LineChartFigure
      plot={plot}
      title={title}
      description={description}
      table={table}
      exportName={exportName}
      controls={controls}
      notice={notice}
      update={update}
      width={width}
      height={height}
      emptyMessage={emptyMessage}
      nonFiniteWhat="value"
      xLabel={xLabel}
      yLabel={yLabel}
      summary={`Line chart, log scale: gradient norm against steps back in time for ${joinWords(
        curves.map((curve) => curve.label),
      )}.`}
      floor={
        plot.clamped > 0
          ? {
              value: floor,
              label: hasExplicitFloor ? `≤ ${formatCaptionNumber(floor)} drawn here` : '0 drawn here',
            }
          : null
      }
    />
  );
}

export interface GradientTrend {
  readonly direction: 'shrinks' | 'grows' | 'level';
  /** Average factor per step back, from a straight-line fit of log10(norm) against distance. */
  readonly factorPerStep: number;
  /** Steps back for a tenfold change; Infinity when level. */
  readonly stepsPerTenfold: number;
  /** "shrinks by a factor of about 10 every 7 steps" */
  readonly phrase: string;
}

function roundFactor(factor: number): string {
  return formatNumber(factor, 2);
}

/**
 * Summarises a curve for a caption from a least-squares fit of log10(norm) against distance
 * (distance 0, the identity, is left out when there is enough else to fit): how fast the gradient
 * shrinks or grows. Null when fewer than two finite, positive values exist.
 */
export function summariseGradientCurve(values: readonly number[]): GradientTrend | null {
  const usable = values
    .map((value, distance) => ({ distance, value }))
    .filter(({ value }) => Number.isFinite(value) && value > 0);
  const beyondIdentity = usable.filter(({ distance }) => distance >= 1);
  const fit = beyondIdentity.length >= 2 ? beyondIdentity : usable;
  if (fit.length < 2) return null;
  const meanX = fit.reduce((sum, { distance }) => sum + distance, 0) / fit.length;
  const meanY = fit.reduce((sum, { value }) => sum + Math.log10(value), 0) / fit.length;
  let covariance = 0;
  let variance = 0;
  for (const { distance, value } of fit) {
    covariance += (distance - meanX) * (Math.log10(value) - meanY);
    variance += (distance - meanX) ** 2;
  }
  const slope = covariance / variance;
  const span = fit[fit.length - 1]!.distance - fit[0]!.distance;
  const decades = Math.abs(slope) * span;
  const factorPerStep = 10 ** slope;
  if (decades < Math.log10(2)) {
    return {
      direction: 'level',
      factorPerStep,
      stepsPerTenfold: Number.POSITIVE_INFINITY,
      phrase: `stays roughly level (within a factor of 2 over ${plural(span, 'step')})`,
    };
  }
  const direction = slope < 0 ? 'shrinks' : 'grows';
  const stepsPerTenfold = 1 / Math.abs(slope);
  let phrase: string;
  if (stepsPerTenfold > span) {
    phrase = `${direction} slowly, by a factor of about ${roundFactor(10 ** decades)} over ${plural(span, 'step')}`;
  } else if (stepsPerTenfold >= 1.5) {
    const steps = stepsPerTenfold < 20 ? Math.round(stepsPerTenfold) : Number(stepsPerTenfold.toPrecision(2));
    phrase = `${direction} by a factor of about 10 every ${steps} steps`;
  } else {
    phrase = `${direction} by a factor of about ${roundFactor(10 ** Math.abs(slope))} every step`;
  }
  return { direction, factorPerStep, stepsPerTenfold, phrase };
}

/**
 * One caption sentence for a curve: "For RNN, the gradient norm shrinks by a factor of about 10 every
 * 7 steps: 5.66 at the last step, 3.2 × 10⁻⁸ at 59 steps back."
 */
export function describeGradientCurve(label: string, values: readonly number[]): string {
  const finitePositive = values
    .map((value, distance) => ({ distance, value }))
    .filter(({ value }) => Number.isFinite(value) && value > 0);
  const trend = summariseGradientCurve(values);
  const firstZero = values.indexOf(0);
  const underflow =
    firstZero >= 0 ? ` It underflows to exactly 0 from ${plural(firstZero, 'step')} back.` : '';
  if (!trend) {
    const only = finitePositive[0];
    return only
      ? `For ${label}, there is one value so far: ${formatCaptionNumber(only.value)} at ${at(only.distance)}.${underflow}`
      : `For ${label}, there is no finite, positive value to describe.${underflow}`;
  }
  const first = finitePositive[0]!;
  const last = finitePositive[finitePositive.length - 1]!;
  return `For ${label}, the gradient norm ${trend.phrase}: ${formatCaptionNumber(first.value)} at ${at(
    first.distance,
  )}, ${formatCaptionNumber(last.value)} at ${at(last.distance)}.${underflow}`;
}

function at(distance: number): string {
  return distance === 0 ? 'the last step' : `${plural(distance, 'step')} back`;
}

function describeVanishing(
  curves: readonly GradientCurve[],
  prepared: readonly PreparedSeries[],
  options: { highlightId: string | null; floor: number; explicitFloor: boolean },
): string {
  if (curves.every((curve) => curve.values.length === 0)) {
    return 'No gradients measured yet, so there is nothing to show.';
  }
  const sentences: string[] = [];
  const described =
    options.highlightId === null ? curves : curves.filter((curve) => curve.id === options.highlightId);
  for (const curve of described) {
    if (curve.values.length === 0) sentences.push(`${curve.label} has no values yet.`);
    else sentences.push(describeGradientCurve(curve.label, curve.values));
  }
  if (options.highlightId !== null && curves.length > 1) {
    const others = curves.filter((curve) => curve.id !== options.highlightId).map((curve) => curve.label);
    sentences.push(`Faint lines show the others for comparison: ${joinWords(others)}.`);
  }
  curves.forEach((curve, index) => {
    const note = nonFiniteSentence(prepared[index]!.issues, {
      label: curve.label,
      noun: 'gradient norm',
      at: (distance) => `${plural(distance, 'step')} back`,
    });
    if (note) sentences.push(note);
  });
  const clamped = prepared.reduce((sum, one) => sum + one.issues.clamped, 0);
  const floorNote = floorSentence(clamped, options.floor, options.explicitFloor);
  if (floorNote) sentences.push(floorNote);
  return sentences.join(' ');
}

function vanishingTable(curves: readonly GradientCurve[]): FigureTable {
  const longest = Math.max(0, ...curves.map((curve) => curve.values.length));
  const distances = Array.from({ length: longest }, (_, distance) => distance);
  const { steps, stride } = tableSteps(distances, 50);
  return {
    caption:
      stride === 1
        ? 'Gradient norm ‖∂h_T/∂h_t‖ at every distance T − t.'
        : `Gradient norm ‖∂h_T/∂h_t‖ at ${steps.length} of ${longest} distances (every ${stride}, with the last).`,
    columns: ['Steps back (T − t)', ...curves.map((curve) => curve.label)],
    rows: steps.map((distance) => [
      String(distance),
      ...curves.map((curve) => (distance < curve.values.length ? curve.values[distance]! : '–')),
    ]),
  };
}
