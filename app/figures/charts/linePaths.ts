/**
 * The marks of a line plot in pixels: each series' path (downsampled to the pixel grid, with gaps where
 * values are missing, a faint raw path under a smoothed one), its lone points, its end; the labels at
 * the line ends pushed apart; and where a diverged series stops being finite.
 */
import { line } from 'd3';
import { fitText, textWidth } from '../frame/textMeasure';
import { downsampleByColumn, movingAverage, spreadLabels } from './lineLayout';
import { labelChrome } from './linePlotLayout';
import type { PreparedSeries, XY } from './lineSeries';

export interface DrawnPath {
  readonly d: string;
  readonly count: number;
}

export interface DrawnSeries {
  readonly series: PreparedSeries;
  readonly main: DrawnPath;
  /** The raw points under a smoothed line; null when the series is not smoothed. */
  readonly faint: DrawnPath | null;
  readonly dots: readonly XY[];
  readonly end: XY | null;
  /** More than a point or two per pixel: a thinner stroke keeps spikes apart. */
  readonly dense: boolean;
}

type Scale = (value: number) => number;

export function drawSeries(
  series: readonly PreparedSeries[],
  x: Scale,
  y: Scale,
  innerWidth: number,
): DrawnSeries[] {
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
}

export interface EndLabel {
  readonly series: PreparedSeries;
  readonly endX: number;
  readonly endY: number;
  readonly labelY: number;
  readonly text: string;
}

/** One label per series with an end, spread apart vertically, cut to the right margin's room. */
export function placeEndLabels(
  drawn: readonly DrawnSeries[],
  fontSize: number,
  innerHeight: number,
  right: number,
): EndLabel[] {
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
}

export interface BreakMark {
  readonly series: PreparedSeries;
  readonly x: number;
  readonly text: string;
}

/** Where each highlighted series that diverged stops being finite, and what it became. */
export function breakMarks(series: readonly PreparedSeries[], x: Scale): BreakMark[] {
  return series
    .filter((one) => !one.muted && one.issues.nonFiniteToEnd && one.issues.firstNonFiniteX !== null)
    .map((one) => ({
      series: one,
      x: x(one.issues.firstNonFiniteX!),
      text: one.issues.hasNaN
        ? one.issues.hasInfinity
          ? 'not finite from here'
          : 'NaN from here'
        : 'infinite from here',
    }));
}
