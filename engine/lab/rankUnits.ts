/**
 * Which units follow a hypothesis: every (layer, kind, unit) series of a trace ranked by its Pearson
 * correlation with a per-character signal, the largest |r| first.
 */
import type { AnyTrace, TraceKind, TraceValues } from './trace.ts';

/** One ranked series: layer (0 = bottom), kind (h, c or a gate) and unit 0..H−1. */
export interface RankedUnit {
  readonly layer: number;
  readonly kind: TraceKind;
  readonly unit: number;
  /** Pearson's r over the compared characters, in [−1, 1]; 0 if either side is constant. */
  readonly r: number;
  /** 1 if the unit rises with the signal, −1 if it falls, 0 if r is 0. */
  readonly sign: -1 | 0 | 1;
}

/** Options of {@link rankUnits}. */
export interface RankOptions {
  /** How many to return (default 10; fewer if the trace has fewer series). */
  readonly top?: number;
  /** Only these kinds (default every kind of the trace). */
  readonly kinds?: readonly TraceKind[];
  /** Only these layers (default all). */
  readonly layers?: readonly number[];
  /** Compare characters from..T−1 only (default 0), to leave out the first steps from the zero state. */
  readonly from?: number;
}

/**
 * Pearson's r of column `unit` of `series` [T][H] with signal [T] over steps from..T−1, in two passes
 * (means, then centred sums) for accuracy. 0 when either side is constant or anything is not finite.
 */
export function columnCorrelation(
  series: TraceValues,
  H: number,
  unit: number,
  signal: Float64Array,
  from = 0,
): number {
  const T = signal.length;
  const n = T - from;
  if (n < 2) return 0;
  let meanX = 0;
  let meanY = 0;
  for (let t = from; t < T; t++) {
    meanX += series[t * H + unit]!;
    meanY += signal[t]!;
  }
  meanX /= n;
  meanY /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let t = from; t < T; t++) {
    const dx = series[t * H + unit]! - meanX;
    const dy = signal[t]! - meanY;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  // A series that only wobbles by rounding counts as constant: its r would be noise.
  const tiny = 1e-24 * n;
  if (!(sxx > tiny && syy > tiny)) return 0;
  const r = sxy / Math.sqrt(sxx * syy);
  return Number.isFinite(r) ? Math.max(-1, Math.min(1, r)) : 0;
}

/**
 * Ranks every series of `trace` (each layer's kinds × H units, filtered by `options`) by |r| against
 * `signal` [T] (T = trace.steps) and returns the first `top`, largest |r| first; ties keep the order
 * layer, kind (as in trace.kinds), unit. Costs O(series × T); allocates only the result.
 */
export function rankUnits(trace: AnyTrace, signal: Float64Array, options: RankOptions = {}): RankedUnit[] {
  const T = trace.steps;
  if (signal.length !== T) {
    throw new RangeError(`The signal has ${signal.length} values but the trace has ${T} characters.`);
  }
  const from = options.from ?? 0;
  if (!(Number.isInteger(from) && from >= 0 && from < T)) {
    throw new RangeError(`from must be a whole number from 0 to ${T - 1}; got ${from}.`);
  }
  const top = options.top ?? 10;
  if (!(Number.isInteger(top) && top >= 0))
    throw new RangeError(`top must be a whole number ≥ 0; got ${top}.`);
  const H = trace.hiddenSize;
  const kinds = trace.kinds.filter((kind) => options.kinds?.includes(kind) ?? true);
  const ranked: RankedUnit[] = [];
  trace.layers.forEach((layer, k) => {
    if (options.layers !== undefined && !options.layers.includes(k)) return;
    for (const kind of kinds) {
      const series = layer[kind];
      if (series === undefined) continue;
      for (let unit = 0; unit < H; unit++) {
        const r = columnCorrelation(series, H, unit, signal, from);
        ranked.push({ layer: k, kind, unit, r, sign: r > 0 ? 1 : r < 0 ? -1 : 0 });
      }
    }
  });
  // Array.prototype.sort is stable, so equal |r| keep the walk's order.
  ranked.sort((a, b) => Math.abs(b.r) - Math.abs(a.r));
  return ranked.slice(0, top);
}
