import { type ReactNode, useMemo } from 'react';
import { plural } from '../../shared/format';
import type { FigureTable } from '../frame/FigureFrame';
import { formatCaptionNumber, formatStep, joinWords } from '../frame/figureText';
import { seriesColors } from '../frame/palette';
import { LineChartFigure, usePreparedPlot } from './LineChartFigure';
import { floorSentence, nonFiniteSentence, tableSteps, unionOfSteps } from './lineCaptions';
import type { KeyItem } from './linePlotLayout';
import type { PlotSeries, PreparedSeries, YScaleType } from './lineSeries';
import { ScaleToggle } from './ScaleToggle';

export interface LossPoint {
  readonly step: number;
  readonly value: number;
}

/** One curve: a run's training loss, its held-out loss, or a metric such as accuracy. */
export interface LossSeries {
  readonly id: string;
  readonly label: string;
  /** A literal colour (e.g. from cellColors); the palette's next colour when absent. */
  readonly color?: string;
  /** In order of step. */
  readonly points: readonly LossPoint[];
  /** Measured on held-out data: drawn dashed, and named so in the caption. */
  readonly heldOut?: boolean;
}

export type LossScale = YScaleType;

export interface LossChartProps {
  readonly series: readonly LossSeries[];
  /** The y axis's title, e.g. "Cross-entropy loss (nats)". */
  readonly yLabel: string;
  readonly xLabel?: string;
  readonly scale: LossScale;
  /** Called by the linear/log toggle; without it no toggle is shown. */
  readonly onScaleChange?: (scale: LossScale) => void;
  /** Width in CSS pixels; when absent the chart measures the space it has. */
  readonly width?: number;
  readonly height?: number;
  readonly title?: string;
  /** The quantity as the caption names it ("loss"); derived from yLabel when absent. */
  readonly quantity?: string;
  /** Shown instead of the chart before there is any point. */
  readonly emptyMessage?: string;
  readonly exportName?: string;
  /** More controls next to the scale toggle. */
  readonly controls?: ReactNode;
  /**
   * Curves of more than 600 points are drawn faint with a moving average on top (default true);
   * the caption says so.
   */
  readonly smooth?: boolean;
}

const heldOutDash = '7 4';

/**
 * Loss and metric curves of one or several runs over training steps, on a linear or log axis, with
 * held-out curves dashed and every curve named at its end.
 */
export function LossChart({
  series,
  yLabel,
  xLabel = 'Training step',
  scale,
  onScaleChange,
  width,
  height,
  title = 'Loss over training',
  quantity,
  emptyMessage,
  exportName,
  controls,
  smooth = true,
}: LossChartProps) {
  const noun = quantity ?? quantityFromLabel(yLabel);
  const plotSeries = useMemo<PlotSeries[]>(
    () =>
      series.map((one, index) => ({
        id: one.id,
        label: one.label,
        color: one.color ?? seriesColors[index % seriesColors.length]!,
        dash: one.heldOut ? heldOutDash : undefined,
        shortLabel: one.heldOut ? withoutHeldOut(one.label) : undefined,
        smoothing: smooth ? smoothingWindow(one.points.length) : undefined,
        points: one.points.map((point) => ({ x: point.step, y: point.value })),
      })),
    [series, smooth],
  );
  const plot = usePreparedPlot(plotSeries, scale);
  // The axis drawn, which is log when linear was asked for but the values span more than 10⁶.
  const { floor, series: prepared, scale: shown } = plot;
  const description = useMemo(() => {
    const sentences = [describeLossCurves(series, prepared, { quantity: noun, scale: shown, floor })];
    const windows = [...new Set(plotSeries.map((one) => one.smoothing ?? 1).filter((window) => window > 1))];
    if (windows.length > 0) {
      sentences.push(
        `Faint lines show every logged step; the bold lines are moving averages over ${joinWords(
          windows.map(String),
        )} steps.`,
      );
    }
    return sentences.join(' ');
  }, [series, plotSeries, prepared, noun, shown, floor]);
  const table = useMemo(() => lossTable(series, plotSeries, yLabel), [series, plotSeries, yLabel]);
  const hasHeldOut = series.some((one) => one.heldOut);
  const keyItems = useMemo<KeyItem[]>(
    () =>
      hasHeldOut
        ? [
            { label: 'training', kind: 'line' },
            { label: 'held-out', kind: 'line', dash: heldOutDash },
          ]
        : [],
    [hasHeldOut],
  );
  const summary = `Line chart of ${noun} against ${xLabel.toLowerCase()} for ${joinWords(
    series.map(captionName),
  )}${shown === 'log' ? ', on a log scale' : ''}.`;

  return (
    <LineChartFigure
      plot={plot}
      title={title}
      description={description}
      table={table}
      exportName={exportName}
      controls={
        onScaleChange || controls ? (
          <>
            {onScaleChange && <ScaleToggle scale={scale} onChange={onScaleChange} />}
            {controls}
          </>
        ) : undefined
      }
      width={width}
      height={height}
      emptyMessage={emptyMessage ?? defaultEmptyMessage(noun)}
      nonFiniteWhat={`${noun} value`}
      xLabel={xLabel}
      yLabel={yLabel}
      summary={summary}
      keyItems={keyItems}
      floor={shown === 'log' && plot.clamped > 0 ? { value: floor, label: '≤ 0 drawn here' } : null}
    />
  );
}

/** "Cross-entropy loss (nats)" -> "cross-entropy loss"; "MSE" stays "MSE". */
export function quantityFromLabel(label: string): string {
  const bare = label.replace(/\s*\([^)]*\)/g, '').trim() || label.trim();
  const firstWord = bare.split(/\s+/)[0] ?? '';
  if (firstWord.length > 1 && firstWord === firstWord.toUpperCase()) return bare;
  return bare.charAt(0).toLowerCase() + bare.slice(1);
}

function defaultEmptyMessage(quantity: string): string {
  const verb = /loss|error|perplexity/i.test(quantity) ? 'fall' : 'change';
  return `Press Train to see the ${quantity} ${verb}.`;
}

/** About 100 averages along the curve, an odd window so it stays centred; none for short curves. */
function smoothingWindow(count: number): number | undefined {
  if (count <= 600) return undefined;
  return 2 * Math.floor(count / 200) + 1;
}

/** "LSTM held-out" -> "LSTM": at a dashed line's end, the dash already says held-out. */
function withoutHeldOut(label: string): string | undefined {
  const short = label.replace(/[\s,(]*held[-\s]?out\)?/i, '').trim();
  return short && short !== label ? short : undefined;
}

function captionName(series: LossSeries): string {
  return series.heldOut && !/held/i.test(series.label) ? `${series.label} (held-out)` : series.label;
}

/**
 * The caption: where each curve is now and where it started, then anything not drawn.
 * "After 300 steps, the loss is 0.12 for LSTM (down from 2.08), 0.21 for GRU (down from 2.08) and
 * 1.95 for RNN (barely changed from 2.08)."
 */
export function describeLossCurves(
  series: readonly LossSeries[],
  prepared: readonly PreparedSeries[],
  options: { quantity: string; scale: YScaleType; floor: number },
): string {
  const { quantity, scale, floor } = options;
  if (series.every((one) => one.points.length === 0)) {
    return `No training steps yet, so there is no ${quantity} to show.`;
  }
  let lastStep = Number.NEGATIVE_INFINITY;
  for (const one of series) {
    for (const point of one.points)
      if (Number.isFinite(point.step)) lastStep = Math.max(lastStep, point.step);
  }
  const clauses: string[] = [];
  const notes: string[] = [];
  series.forEach((one, index) => {
    const name = captionName(one);
    const issues = prepared[index]!.issues;
    const finite = one.points.filter((point) => Number.isFinite(point.value) && Number.isFinite(point.step));
    if (one.points.length === 0) {
      notes.push(`${name} has no points yet.`);
      return;
    }
    const note = nonFiniteSentence(issues, { label: name, noun: quantity });
    if (note) notes.push(note);
    if (finite.length === 0 || issues.nonFiniteToEnd) return;
    const first = finite[0]!;
    const last = finite[finite.length - 1]!;
    const now = formatCaptionNumber(last.value);
    if (finite.length === 1) {
      clauses.push(`${now} for ${name} (one point so far)`);
      return;
    }
    const change = (last.value - first.value) / Math.max(Math.abs(first.value), 1e-12);
    const from = formatCaptionNumber(first.value);
    let trend =
      Math.abs(change) < 0.1
        ? `barely changed from ${from}`
        : change < 0
          ? `down from ${from}`
          : `up from ${from}`;
    if (one.heldOut) {
      const lowest = finite.reduce((best, point) => (point.value < best.value ? point : best), first);
      if (lowest !== last && last.value > lowest.value * 1.05 && lowest !== first) {
        trend += `; lowest ${formatCaptionNumber(lowest.value)} at step ${formatStep(lowest.step)}`;
      }
    }
    clauses.push(`${now} for ${name} (${trend})`);
  });
  const sentences: string[] = [];
  if (clauses.length > 0) {
    const when = lastStep > 0 ? `After ${plural(lastStep, 'step')}` : `At step ${formatStep(lastStep)}`;
    sentences.push(`${when}, the ${quantity} is ${joinWords(clauses)}.`);
  }
  sentences.push(...notes);
  if (scale === 'log') {
    const clamped = prepared.reduce((sum, one) => sum + one.issues.clamped, 0);
    const sentence = floorSentence(clamped, floor, false);
    if (sentence) sentences.push(sentence);
  }
  return sentences.join(' ');
}

/** At most 50 rows: every k-th logged step, one column per curve. */
function lossTable(
  series: readonly LossSeries[],
  plotSeries: readonly PlotSeries[],
  yLabel: string,
): FigureTable {
  const allSteps = unionOfSteps(plotSeries);
  const { steps, stride } = tableSteps(allSteps, 50);
  const lookups = series.map((one) => new Map(one.points.map((point) => [point.step, point.value])));
  const caption =
    stride === 1
      ? `${yLabel} at every logged step.`
      : `${yLabel} at ${steps.length} of ${formatStep(allSteps.length)} logged steps (about every ${formatStep(
          stride,
        )} steps, with the first and the last).`;
  return {
    caption,
    columns: ['Step', ...series.map(captionName)],
    rows: steps.map((step) => [
      formatStep(step),
      ...lookups.map((lookup) => {
        const value = lookup.get(step);
        return value === undefined ? '–' : value;
      }),
    ]),
  };
}
