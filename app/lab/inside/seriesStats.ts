/**
 * What the panel derives from one series of a trace, computed once per series and kept with it: each
 * unit's summary, the colour scale (from the summaries, so the half a million values are read once)
 * and the heatmap's pixels. Switching back to a layer or series seen before then costs no pass over
 * its values, and the series not yet shown are prepared while the page is idle.
 */
import type { AnyTrace, TraceKind, TraceValues } from '../../../engine/lab/trace';
import { whenIdle } from '../../shared/whenIdle';
import { heatmapPixels, summariseUnits, type UnitSummary } from './unitHeatmapData';
import { scaleForBound, type UnitScale } from './unitScale';

/** One series' summaries and colour scale. */
export interface SeriesStats {
  readonly summaries: readonly UnitSummary[];
  readonly scale: UnitScale;
  /** How many units have values beyond the scale's ends (drawn in the end colours). */
  readonly beyond: number;
}

/**
 * The share of units whose every value a signed scale holds. The rest may go past its ends: a cell
 * state can count up over a long passage (one toy-code unit reached 1,684 over 2,000 characters while
 * the others stayed within ±10), and a scale wide enough for it left every other unit white.
 */
export const UNITS_HELD = 0.9;

// Keyed by the series itself: each (trace, layer, kind) has its own array, freed with the trace.
const statsCache = new WeakMap<TraceValues, SeriesStats>();
const pixelCache = new WeakMap<TraceValues, Uint8ClampedArray<ArrayBuffer>>();

/** The summaries and scale of a [T][H] series of `kind` (cached). */
export function seriesStats(
  kind: TraceKind,
  series: TraceValues,
  steps: number,
  hiddenSize: number,
): SeriesStats {
  let stats = statsCache.get(series);
  if (!stats) {
    const summaries = summariseUnits(series, steps, hiddenSize);
    // Each unit's largest finite |value| (its extremes hold it), and the one that {@link UNITS_HELD} of
    // the units stay within.
    const sizes = summaries
      .filter((one) => Number.isFinite(one.min))
      .map((one) => Math.max(Math.abs(one.min), Math.abs(one.max)))
      .sort((a, b) => a - b);
    const held = sizes.length === 0 ? 0 : sizes[Math.max(0, Math.ceil(UNITS_HELD * sizes.length) - 1)]!;
    const scale = scaleForBound(kind, held);
    const bound = Math.max(Math.abs(scale.domain[0]), Math.abs(scale.domain[1]));
    stats = {
      summaries,
      scale,
      beyond: scale.kind === 'gate' ? 0 : sizes.filter((size) => size > bound).length,
    };
    statsCache.set(series, stats);
  }
  return stats;
}

/** The heatmap's RGBA pixels of a series in its scale (cached; the scale is the series' own). */
export function seriesPixels(
  series: TraceValues,
  steps: number,
  hiddenSize: number,
  scale: UnitScale,
): Uint8ClampedArray<ArrayBuffer> {
  let pixels = pixelCache.get(series);
  if (!pixels) {
    pixels = heatmapPixels(series, steps, hiddenSize, scale);
    pixelCache.set(series, pixels);
  }
  return pixels;
}

/** Every (layer, kind) of a trace whose series is complete, in the order the picker lists them. */
function allSeries(trace: AnyTrace): { kind: TraceKind; series: TraceValues }[] {
  const size = trace.steps * trace.hiddenSize;
  return trace.layers.flatMap((layer) =>
    trace.kinds.flatMap((kind) => {
      const series = layer[kind];
      return series !== undefined && series.length >= size ? [{ kind, series }] : [];
    }),
  );
}

/**
 * Prepares the stats and pixels of every series of `trace` in idle moments, one pass over a series'
 * values (2,000 × 256: a few milliseconds) in each; returns a cancel.
 */
export function prepareSeries(trace: AnyTrace): () => void {
  // Two steps per series, each one pass over its values: the summaries, then the pixels.
  const steps = allSeries(trace).flatMap(({ kind, series }) => [
    () => seriesStats(kind, series, trace.steps, trace.hiddenSize),
    () => {
      const { scale } = seriesStats(kind, series, trace.steps, trace.hiddenSize);
      seriesPixels(series, trace.steps, trace.hiddenSize, scale);
    },
  ]);
  let cancel = () => {};
  const next = () => {
    const step = steps.shift();
    if (!step) return;
    step();
    cancel = whenIdle(next, 2000, 50);
  };
  cancel = whenIdle(next, 2000, 50);
  return () => cancel();
}
