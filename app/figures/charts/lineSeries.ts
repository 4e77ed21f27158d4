/**
 * A line chart's data on its way to the screen: raw series in, drawable runs out, with what could not
 * be drawn (NaN, infinity, values at or below a log axis's floor) counted for the caption, and the
 * ranges the axes must show.
 */

export type YScaleType = 'linear' | 'log';

export interface XY {
  readonly x: number;
  readonly y: number;
}

/** A series as the line plot receives it: raw values, which may be NaN, infinite or (on a log axis) ≤ 0. */
export interface PlotSeries {
  readonly id: string;
  readonly label: string;
  readonly color: string;
  /** SVG stroke-dasharray; the line's second cue besides colour. */
  readonly dash?: string;
  /** Drawn faint, behind the others (context for a highlighted series). */
  readonly muted?: boolean;
  /** Used at a line's end when the full label does not fit (e.g. "LSTM" for "LSTM held-out"). */
  readonly shortLabel?: string;
  /**
   * When above 1, the points are drawn thin and faint and a moving average over this many points is
   * drawn on top, so a noisy curve of thousands of steps shows its trend.
   */
  readonly smoothing?: number;
  /** Points in order of x. */
  readonly points: readonly XY[];
}

/** What could not be drawn as given, for the caption. */
export interface SeriesIssues {
  /** Points whose value is NaN or ±Infinity: never drawn. */
  readonly nonFinite: number;
  readonly hasNaN: boolean;
  readonly hasInfinity: boolean;
  /** The x of the first non-finite value. */
  readonly firstNonFiniteX: number | null;
  /** Every point from the first non-finite one on is non-finite (a run that diverged). */
  readonly nonFiniteToEnd: boolean;
  /** Values drawn at the log axis's floor instead of where they are (zero, negative, or below the floor). */
  readonly clamped: number;
}

export interface PreparedSeries extends PlotSeries {
  /** Runs of drawable points between non-finite values, clamped to the floor on a log axis. */
  readonly segments: readonly (readonly XY[])[];
  readonly issues: SeriesIssues;
  /** The last drawable point, where the series' label attaches. */
  readonly end: XY | null;
}

/**
 * The lowest value a log axis shows. An explicit floor wins; otherwise values at or below zero are
 * drawn one decade under the smallest positive value, so they sit visibly below the real data.
 */
export function chooseLogFloor(series: readonly PlotSeries[], explicit?: number): number {
  if (explicit !== undefined && Number.isFinite(explicit) && explicit > 0) return explicit;
  let smallest = Number.POSITIVE_INFINITY;
  for (const one of series) {
    for (const point of one.points) {
      if (Number.isFinite(point.y) && point.y > 0 && point.y < smallest) smallest = point.y;
    }
  }
  if (!Number.isFinite(smallest)) return 1e-3;
  return 10 ** (Math.floor(Math.log10(smallest)) - 1);
}

/** Splits a series into drawable runs and counts what was skipped or clamped. */
export function prepareSeries(series: PlotSeries, scale: YScaleType, floor: number): PreparedSeries {
  const segments: XY[][] = [];
  let current: XY[] = [];
  let nonFinite = 0;
  let hasNaN = false;
  let hasInfinity = false;
  let firstNonFiniteX: number | null = null;
  let finiteAfterFirstBad = false;
  let clamped = 0;
  for (const point of series.points) {
    if (!Number.isFinite(point.x)) continue;
    if (!Number.isFinite(point.y)) {
      nonFinite++;
      if (Number.isNaN(point.y)) hasNaN = true;
      else hasInfinity = true;
      if (firstNonFiniteX === null) firstNonFiniteX = point.x;
      if (current.length > 0) segments.push(current);
      current = [];
      continue;
    }
    if (firstNonFiniteX !== null) finiteAfterFirstBad = true;
    let y = point.y;
    if (scale === 'log' && (y <= 0 || y < floor)) {
      y = floor;
      clamped++;
    }
    current.push({ x: point.x, y });
  }
  if (current.length > 0) segments.push(current);
  const lastSegment = segments[segments.length - 1];
  return {
    ...series,
    segments,
    issues: {
      nonFinite,
      hasNaN,
      hasInfinity,
      firstNonFiniteX,
      nonFiniteToEnd: nonFinite > 0 && !finiteAfterFirstBad,
      clamped,
    },
    end: lastSegment ? lastSegment[lastSegment.length - 1]! : null,
  };
}

/** The x range of every point with a finite x (including those whose value cannot be drawn). */
export function xExtent(series: readonly PlotSeries[]): [number, number] | null {
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (const one of series) {
    for (const point of one.points) {
      if (!Number.isFinite(point.x)) continue;
      if (point.x < low) low = point.x;
      if (point.x > high) high = point.x;
    }
  }
  if (!Number.isFinite(low)) return null;
  if (low === high) return low === 0 ? [0, 1] : [low - 1, high + 1];
  return [low, high];
}

/**
 * The y range to show: the drawable values plus anything that must stay in view (a threshold).
 * A linear axis starts at zero; a log axis gets a little room above and below. Null when nothing can
 * be drawn.
 */
export function yExtent(
  series: readonly PreparedSeries[],
  scale: YScaleType,
  include: readonly number[] = [],
): [number, number] | null {
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (const one of series) {
    for (const segment of one.segments) {
      for (const point of segment) {
        if (point.y < low) low = point.y;
        if (point.y > high) high = point.y;
      }
    }
  }
  if (!Number.isFinite(low)) return null;
  for (const value of include) {
    if (!Number.isFinite(value) || (scale === 'log' && value <= 0)) continue;
    low = Math.min(low, value);
    high = Math.max(high, value);
  }
  if (scale === 'linear') {
    low = Math.min(0, low);
    high = Math.max(0, high);
    return low === high ? [0, 1] : [low, high];
  }
  const logLow = Math.log10(low);
  const logHigh = Math.log10(high);
  const pad = logHigh - logLow < 1e-9 ? 0.5 : (logHigh - logLow) * 0.04;
  return [10 ** (logLow - pad), 10 ** (logHigh + pad)];
}

/** Above this ratio of largest to smallest value, a linear axis flattens all but the largest to zero. */
export const HUGE_RANGE = 1e6;

/**
 * The range of the finite values when every one is positive and the largest is more than
 * {@link HUGE_RANGE} times the smallest (an exploding run), else null: such data is drawn on a log
 * axis even when linear was asked for.
 */
export function hugePositiveRange(series: readonly PlotSeries[]): [number, number] | null {
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (const one of series) {
    for (const point of one.points) {
      if (!Number.isFinite(point.y)) continue;
      if (point.y <= 0) return null;
      if (point.y < low) low = point.y;
      if (point.y > high) high = point.y;
    }
  }
  return Number.isFinite(low) && high / low > HUGE_RANGE ? [low, high] : null;
}
