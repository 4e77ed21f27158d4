import { ticks as niceTicks } from 'd3';
import { colorLookup, lookupIndex, missingColor, sequentialMap } from '../frame/colorScales';

/** One recorded training step: ‖∂L/∂hₜ‖ for each time step t of that step's batch. */
export interface GradientHeatmapRow {
  readonly step: number;
  readonly norms: Float64Array | readonly number[];
}

/** What the colours of a gradient heatmap stand for, and what could not be drawn. */
export interface GradientGridSummary {
  readonly timeSteps: number;
  /** The colour domain: smallest and largest value drawn (positive when `log`). */
  readonly domain: readonly [number, number];
  readonly log: boolean;
  readonly missing: number;
  readonly zeros: number;
}

/** Scans every cell once: the colour domain, and how many cells are non-finite or (on a log scale) zero. */
export function summariseGrid(rows: readonly GradientHeatmapRow[], logColor: boolean): GradientGridSummary {
  let timeSteps = 0;
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  let missing = 0;
  let zeros = 0;
  for (const row of rows) timeSteps = Math.max(timeSteps, row.norms.length);
  for (const row of rows) {
    const norms = row.norms;
    missing += timeSteps - norms.length;
    for (let t = 0; t < norms.length; t++) {
      const value = Number(norms[t]);
      if (!Number.isFinite(value)) missing++;
      else if (logColor && value <= 0) zeros++;
      else {
        if (value < low) low = value;
        if (value > high) high = value;
      }
    }
  }
  const log = logColor && high > 0;
  if (!(high >= low)) return { timeSteps, domain: log ? [0.1, 1] : [0, 1], log, missing, zeros };
  if (log)
    return { timeSteps, domain: high > low ? [low, high] : [low / 10, high * 10], log, missing, zeros };
  return { timeSteps, domain: [0, high > 0 ? high : 1], log, missing, zeros };
}

/**
 * RGBA pixels for the heatmap, one column per time step and one row per band of training steps.
 * When there are more training steps than screen pixels, each band is the mean (geometric on a log
 * scale) of its steps, so that no recorded step is silently skipped.
 */
export function gridPixels(
  rows: readonly GradientHeatmapRow[],
  summary: GradientGridSummary,
  bands: number,
): Uint8ClampedArray<ArrayBuffer> {
  const { timeSteps, domain, log } = summary;
  const lookup = sequentialLookup();
  const missing = hexBytes(missingColor);
  // Natural logs are cheaper than log10 and give the same fractions.
  const low = log ? Math.log(domain[0]) : domain[0];
  const span = (log ? Math.log(domain[1]) : domain[1]) - low || 1;
  const pixels = new Uint8ClampedArray(timeSteps * bands * 4);
  const sums = new Float64Array(timeSteps);
  const counts = new Int32Array(timeSteps);
  for (let band = 0; band < bands; band++) {
    const first = Math.floor((band * rows.length) / bands);
    const last = Math.max(first + 1, Math.floor(((band + 1) * rows.length) / bands));
    sums.fill(0);
    counts.fill(0);
    for (let r = first; r < last; r++) {
      const norms = rows[r]!.norms;
      for (let t = 0; t < norms.length; t++) {
        const value = +norms[t]!;
        // value - value is 0 only for finite numbers: one test for NaN and ±Infinity.
        if (value - value !== 0) continue;
        sums[t] += log ? Math.log(value > 0 ? value : domain[0]) : value;
        counts[t]++;
      }
    }
    for (let t = 0; t < timeSteps; t++) {
      const offset = (band * timeSteps + t) * 4;
      if (counts[t] === 0) {
        pixels.set(missing, offset);
      } else {
        const index = lookupIndex((sums[t]! / counts[t]! - low) / span) * 3;
        pixels[offset] = lookup[index]!;
        pixels[offset + 1] = lookup[index + 1]!;
        pixels[offset + 2] = lookup[index + 2]!;
      }
      pixels[offset + 3] = 255;
    }
  }
  return pixels;
}

let cachedLookup: Uint8Array | null = null;
/** The sequential map's lookup table, built once (256 colour parses) on first use, not at import. */
function sequentialLookup(): Uint8Array {
  cachedLookup ??= colorLookup(sequentialMap);
  return cachedLookup;
}

function hexBytes(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

/** Index of the row whose training step is nearest to `step` (rows ascending by step). */
export function nearestRow(rows: readonly GradientHeatmapRow[], step: number): number {
  let low = 0;
  let high = rows.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (rows[middle]!.step < step) low = middle + 1;
    else high = middle;
  }
  if (low > 0 && Math.abs(rows[low - 1]!.step - step) <= Math.abs(rows[low]!.step - step)) return low - 1;
  return low;
}

/** Row indices (as row centres) whose training steps are round numbers, for the y axis. */
export function trainingTicks(rows: readonly GradientHeatmapRow[], count: number): number[] {
  if (rows.length === 0) return [];
  const wanted = niceTicks(rows[0]!.step, rows[rows.length - 1]!.step, count);
  const indices = new Set(
    (wanted.length > 0 ? wanted : [rows[0]!.step]).map((step) => nearestRow(rows, step)),
  );
  return [...indices].map((index) => index + 0.5);
}
