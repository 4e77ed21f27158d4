import { useEffect, useState } from 'react';
import type { RankedUnit } from '../../../engine/lab/rankUnits';
import type { AnyTrace, TraceKind } from '../../../engine/lab/trace';
import { columnCorrelation } from '../../engine';

interface Ranking {
  readonly trace: AnyTrace;
  readonly signal: Float64Array;
  readonly kind: TraceKind;
  readonly ranked: readonly RankedUnit[];
}

/** How many units are correlated per task: 64 columns of 2,000 characters take a few milliseconds. */
export const UNITS_PER_TASK = 64;

/**
 * The `top` series of `kind` (every layer) most correlated with `signal`, or null while they are being
 * ranked (or when `signal` is null). The units are correlated {@link UNITS_PER_TASK} at a time, a task
 * each, so three layers of 256 units over 2,000 characters never hold the page (a whole layer in one
 * task measured 15-45 ms); a newer question cancels an older. The order is rankUnits's: by |r|, ties in
 * layer and unit order.
 */
export function useRanking(
  trace: AnyTrace,
  signal: Float64Array | null,
  kind: TraceKind,
  top: number,
): readonly RankedUnit[] | null {
  const [ranking, setRanking] = useState<Ranking | null>(null);
  useEffect(() => {
    if (signal === null) return;
    const H = trace.hiddenSize;
    const found: RankedUnit[] = [];
    let layer = 0;
    let unit = 0;
    const rankSlice = () => {
      const series = trace.layers[layer]?.[kind];
      const end = Math.min(H, unit + UNITS_PER_TASK);
      for (; series !== undefined && unit < end; unit++) {
        const r = columnCorrelation(series, H, unit, signal, 0);
        found.push({ layer, kind, unit, r, sign: r > 0 ? 1 : r < 0 ? -1 : 0 });
      }
      if (series === undefined || unit >= H) {
        layer++;
        unit = 0;
      }
      if (layer < trace.layers.length) {
        timer = setTimeout(rankSlice, 0);
        return;
      }
      // A stable sort keeps equal |r| in layer and unit order, as rankUnits orders them.
      found.sort((a, b) => Math.abs(b.r) - Math.abs(a.r));
      setRanking({ trace, signal, kind, ranked: found.slice(0, top) });
    };
    let timer = setTimeout(rankSlice, 0);
    return () => clearTimeout(timer);
  }, [trace, signal, kind, top]);
  const current =
    ranking !== null && ranking.trace === trace && ranking.signal === signal && ranking.kind === kind;
  return current ? ranking.ranked : null;
}
