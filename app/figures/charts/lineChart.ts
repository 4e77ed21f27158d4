/**
 * Pure helpers shared by the line charts (loss curves, gradient norm with clipping, vanishing and
 * exploding gradients): cleaning values for drawing, log-axis floors and ticks, downsampling many
 * points to what a screen can show, placing labels at line ends without overlap, and the words and
 * numbers of captions.
 */
import { format, ticks as niceTicks } from 'd3';
import { useSyncExternalStore } from 'react';

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

/**
 * Ticks for a log axis that fit in `maxTicks`: 1-2-5 (or 1-3) steps inside a decade or two, powers of
 * ten when the range is wider, every second (fifth, tenth...) power when it spans many decades.
 */
export function logTickValues(low: number, high: number, maxTicks: number): number[] {
  const first = Math.ceil(Math.log10(low) - 1e-9);
  const last = Math.floor(Math.log10(high) + 1e-9);
  const powers = last - first + 1;
  if (powers >= 3 || (powers >= 2 && maxTicks < 4)) {
    const wanted = (powers - 1) / Math.max(1, maxTicks - 1);
    const stride = decadeStrides.find((candidate) => candidate >= wanted - 1e-9) ?? Math.ceil(wanted);
    const values: number[] = [];
    for (let exponent = first; exponent <= last; exponent++) {
      if (exponent % stride === 0) values.push(10 ** exponent);
    }
    if (values.length >= 2) return values;
  }
  for (const mantissas of [[1, 2, 5], [1, 3], [1]]) {
    const values: number[] = [];
    for (let exponent = first - 1; exponent <= last; exponent++) {
      for (const mantissa of mantissas) {
        const value = mantissa * 10 ** exponent;
        if (value >= low * (1 - 1e-9) && value <= high * (1 + 1e-9)) values.push(cleanFloat(value));
      }
    }
    if (values.length >= 2 && values.length <= maxTicks) return values;
  }
  // Less than a factor of two: ordinary ticks read best.
  return niceTicks(low, high, Math.max(2, maxTicks)).filter((value) => value > 0);
}

/** How many decades apart labelled powers of ten may be: 1, 10², 10⁴... or 10³, 10⁶... read well. */
const decadeStrides = [1, 2, 3, 5, 6, 10, 15, 20, 30, 50, 100];

/** 0.30000000000000004 -> 0.3, for tick values built by multiplying powers of ten. */
function cleanFloat(value: number): number {
  return Number(value.toPrecision(12));
}

/** The smallest of 1, 2, 5, 10, 20, 50... that is at least `raw`. */
export function niceStride(raw: number): number {
  if (!(raw > 1)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const multiple of [1, 2, 5, 10]) {
    if (multiple * power >= raw - 1e-9) return multiple * power;
  }
  return 10 * power;
}

const superscriptDigits: Record<string, string> = {
  '-': '⁻',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
};

function superscript(value: number): string {
  return String(value)
    .split('')
    .map((character) => superscriptDigits[character] ?? character)
    .join('');
}

const plainNumber = format('~g');

/**
 * Tick labels for a log axis: plain numbers (0.01, 0.5, 20) while the axis stays between 0.001 and
 * 10,000, else powers of ten written 10⁻⁶.
 */
export function logTickFormat(low: number, high: number): (value: number) => string {
  const plain = low >= 1e-3 * (1 - 1e-9) && high <= 1e4 * (1 + 1e-9);
  return (value) => {
    if (plain) return plainNumber(value);
    const exponent = Math.round(Math.log10(value));
    if (Math.abs(value / 10 ** exponent - 1) > 1e-6) return plainNumber(value);
    if (exponent === 0) return '1';
    if (exponent === 1) return '10';
    return `10${superscript(exponent)}`;
  };
}

/** Tick labels for a linear value axis: short, with k/M for large numbers. */
export function linearTickFormat(high: number): (value: number) => string {
  if (Math.abs(high) >= 1e4) return format('~s');
  return format('~g');
}

/** Steps and distances on the x axis: whole numbers, "12k" when long. */
export function stepTickFormat(high: number): (value: number) => string {
  return Math.abs(high) >= 1e4 ? format('~s') : format(',');
}

/**
 * Reduces a run of pixel-space points to at most four per pixel column (first, lowest, highest,
 * last, in their order), so a 5,000-step curve draws as fast as a 500-step one and keeps its spikes.
 */
export function downsampleByColumn(points: readonly XY[]): XY[] {
  if (points.length <= 4) return points.slice();
  const result: XY[] = [];
  let column = Math.floor(points[0]!.x);
  let bucket: XY[] = [];
  const flush = () => {
    if (bucket.length <= 4) {
      result.push(...bucket);
      return;
    }
    let low = bucket[0]!;
    let high = bucket[0]!;
    let lowIndex = 0;
    let highIndex = 0;
    bucket.forEach((point, index) => {
      if (point.y < low.y) {
        low = point;
        lowIndex = index;
      }
      if (point.y > high.y) {
        high = point;
        highIndex = index;
      }
    });
    const picks = new Set([0, lowIndex, highIndex, bucket.length - 1]);
    for (const index of [...picks].sort((a, b) => a - b)) result.push(bucket[index]!);
  };
  for (const point of points) {
    const pointColumn = Math.floor(point.x);
    if (pointColumn !== column) {
      flush();
      bucket = [];
      column = pointColumn;
    }
    bucket.push(point);
  }
  flush();
  return result;
}

/**
 * Moves labels apart vertically so that none is closer than `gap` to the next, staying within
 * [top, bottom] when there is room. Returns the new positions in the order given.
 */
export function spreadLabels(wanted: readonly number[], gap: number, top: number, bottom: number): number[] {
  const order = wanted.map((y, index) => ({ y, index })).sort((a, b) => a.y - b.y);
  const placed = order.map((item) => Math.min(bottom, Math.max(top, item.y)));
  for (let i = 1; i < placed.length; i++) placed[i] = Math.max(placed[i]!, placed[i - 1]! + gap);
  const overflow = placed.length > 0 ? placed[placed.length - 1]! - bottom : 0;
  if (overflow > 0) {
    placed[placed.length - 1] = bottom;
    for (let i = placed.length - 2; i >= 0; i--) placed[i] = Math.min(placed[i]!, placed[i + 1]! - gap);
  }
  const result = new Array<number>(wanted.length);
  order.forEach((item, rank) => {
    result[item.index] = placed[rank]!;
  });
  return result;
}

/**
 * Which x values (steps, distances) become table rows: all when they fit, else those nearest to
 * round multiples (every 100 steps, say), always with the first and the last.
 */
export function tableSteps(
  sortedSteps: readonly number[],
  maxRows = 50,
): { steps: number[]; stride: number } {
  const count = sortedSteps.length;
  if (count <= maxRows) return { steps: sortedSteps.slice(), stride: 1 };
  const first = sortedSteps[0]!;
  const last = sortedSteps[count - 1]!;
  const stride = niceStride((last - first) / (maxRows - 2));
  const chosen = new Set<number>([first]);
  let cursor = 0;
  for (let target = Math.ceil(first / stride) * stride; target < last; target += stride) {
    while (
      cursor + 1 < count &&
      Math.abs(sortedSteps[cursor + 1]! - target) <= Math.abs(sortedSteps[cursor]! - target)
    ) {
      cursor++;
    }
    chosen.add(sortedSteps[cursor]!);
  }
  chosen.add(last);
  return { steps: [...chosen].sort((a, b) => a - b), stride };
}

/** The distinct finite x values of several series, ascending. */
export function unionOfSteps(series: readonly PlotSeries[]): number[] {
  const steps = new Set<number>();
  for (const one of series) for (const point of one.points) if (Number.isFinite(point.x)) steps.add(point.x);
  return [...steps].sort((a, b) => a - b);
}

/**
 * A centred moving average over `window` points (fewer at the ends), by running sums: the trend of
 * a noisy curve.
 */
export function movingAverage(values: readonly number[], window: number): number[] {
  const half = Math.floor(window / 2);
  const sums = new Float64Array(values.length + 1);
  for (let i = 0; i < values.length; i++) sums[i + 1] = sums[i]! + values[i]!;
  return values.map((_, i) => {
    const from = Math.max(0, i - half);
    const to = Math.min(values.length, i + half + 1);
    return (sums[to]! - sums[from]!) / (to - from);
  });
}

/** Whole numbers with thousands separators: "5,000". */
export const formatStep = format(',');

/**
 * A number as a caption says it: three significant figures, whole numbers from 100 up, and
 * "3.2 × 10⁻⁸" for the very small and very large.
 */
export function formatCaptionNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'infinity' : 'minus infinity';
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e5 || magnitude < 1e-3) {
    const exponent = Math.floor(Math.log10(magnitude));
    let mantissa = Number((value / 10 ** exponent).toPrecision(2));
    let shown = exponent;
    if (Math.abs(mantissa) >= 10) {
      mantissa /= 10;
      shown++;
    }
    const power = `10${superscript(shown)}`;
    return Math.abs(mantissa) === 1 ? `${mantissa < 0 ? '−' : ''}${power}` : `${mantissa} × ${power}`;
  }
  if (magnitude >= 100) return formatStep(Math.round(value));
  return String(Number(value.toPrecision(3)));
}

/** "a", "a and b", "a, b and c". */
export function joinWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatStep(count)} ${count === 1 ? one : many}`;
}

function nonFiniteKind(issues: SeriesIssues): string {
  if (issues.hasNaN && issues.hasInfinity) return 'NaN or infinite';
  return issues.hasNaN ? 'NaN (not a number)' : 'infinite';
}

/**
 * The caption's sentence about values that could not be drawn, or null when there were none:
 * "For RNN, the loss became NaN (not a number) at step 180; those 121 points are not drawn."
 */
export function nonFiniteSentence(
  issues: SeriesIssues,
  options: { label?: string; noun: string; at?: (x: number) => string },
): string | null {
  if (issues.nonFinite === 0) return null;
  const subject = options.label ? `For ${options.label}, the ${options.noun}` : `The ${options.noun}`;
  const at = options.at ?? ((x: number) => `step ${formatStep(x)}`);
  const where = at(issues.firstNonFiniteX ?? 0);
  if (issues.nonFiniteToEnd) {
    const those =
      issues.nonFinite === 1 ? 'that point is' : `those ${formatStep(issues.nonFinite)} points are`;
    return `${subject} became ${nonFiniteKind(issues)} at ${where}; ${those} not drawn.`;
  }
  const count = issues.nonFinite === 1 ? 'one value is' : `${formatStep(issues.nonFinite)} values are`;
  return `${subject}: ${count} ${nonFiniteKind(issues)} (first at ${where}) and not drawn.`;
}

/** The caption's sentence about values drawn at a log axis's floor, or null when there were none. */
export function floorSentence(clamped: number, floor: number, explicitFloor: boolean): string | null {
  if (clamped === 0) return null;
  const what = explicitFloor ? `below ${formatCaptionNumber(floor)}` : 'of zero or less';
  const verb = clamped === 1 ? 'is' : 'are';
  return `On the log axis, ${plural(clamped, 'value')} ${what} ${verb} drawn at the floor, ${formatCaptionNumber(floor)}.`;
}

/** Default height of a line chart for a width: taller than wide never, cramped never. */
export function chartHeight(width: number): number {
  // A phone's chart is nearly square; a wide one is wide.
  return Math.round(Math.min(460, Math.max(260, width < 520 ? width * 0.9 : width * 0.55)));
}

/** Rough rendered width of a label in Inter, for layout before anything is drawn (jsdom cannot measure). */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const character of text) {
    if (/[0-9]/.test(character)) em += 0.6;
    else if (/[A-Z]/.test(character)) em += 0.68;
    else if (/[a-z]/.test(character)) em += 0.55;
    else if (character === ' ') em += 0.28;
    else if (/[.,:;'|!il]/.test(character)) em += 0.3;
    else em += 0.62;
  }
  return em * fontSize * (bold ? 1.06 : 1);
}

/** The label, cut with an ellipsis if it would be wider than `maxWidth`. */
export function fitText(text: string, maxWidth: number, fontSize: number, bold = false): string {
  if (textWidth(text, fontSize, bold) <= maxWidth) return text;
  const characters = [...text];
  while (characters.length > 1 && textWidth(`${characters.join('')}…`, fontSize, bold) > maxWidth) {
    characters.pop();
  }
  return `${characters.join('').trimEnd()}…`;
}

function subscribeToMedia(query: string) {
  return (onChange: () => void) => {
    if (typeof matchMedia !== 'function') return () => {};
    const list = matchMedia(query);
    list.addEventListener('change', onChange);
    return () => list.removeEventListener('change', onChange);
  };
}

const projectorQuery = '(min-width: 1800px)';
const subscribeToProjector = subscribeToMedia(projectorQuery);

/**
 * The font size (px) of chart labels: global.css raises it from 12 to 15 on a projector-wide screen,
 * and margins must leave room for the larger text.
 */
export function useChartFontSize(): number {
  const large = useSyncExternalStore(
    subscribeToProjector,
    () => (typeof matchMedia === 'function' ? matchMedia(projectorQuery).matches : false),
    () => false,
  );
  return large ? 15 : 12;
}

/** A file name from a title: "Loss over training" -> "loss-over-training". */
export function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'figure'
  );
}
