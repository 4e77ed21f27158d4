/** Pixel-level helpers of the line plot: fewer points per pixel, smoothed trends, labels kept apart. */
import type { XY } from './lineSeries';

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

/** Default height of a line chart for a width: taller than wide never, cramped never. */
export function chartHeight(width: number): number {
  // A phone's chart is nearly square; a wide one is wide.
  return Math.round(Math.min(460, Math.max(260, width < 520 ? width * 0.9 : width * 0.55)));
}
