import { useEffect, useState } from 'react';
import type { RankedUnit } from '../../../engine/lab/rankUnits';
import type { AnyTrace, TraceKind } from '../../../engine/lab/trace';
import { columnCorrelation } from '../../engine';

interface Ranking {
  readonly trace: AnyTrace;
  readonly signal: Float64Array;
  readonly kindsKey: string;
  readonly ranked: readonly RankedUnit[];
}

/** How many units are correlated per task: 64 columns of 2,000 characters take a few milliseconds. */
export const UNITS_PER_TASK = 64;

/**
 * The `top` series of `kinds` (every layer) most correlated with `signal`, or null while they are being
 * ranked (or when `signal` is null). The units are correlated {@link UNITS_PER_TASK} at a time, a task
 * each, so three layers of six series of 256 units over 2,000 characters never hold the page (a whole
 * layer in one task measured 15-45 ms); a newer question cancels an older. The order is rankUnits's: by
 * |r|, ties in layer, series and unit order.
 */
export function useRanking(
  trace: AnyTrace,
  signal: Float64Array | null,
  kinds: readonly TraceKind[],
  top: number,
): readonly RankedUnit[] | null {
  const [ranking, setRanking] = useState<Ranking | null>(null);
  // By content, so that a list written out where the hook is called does not start the search again.
  const kindsKey = kinds.join(' ');
  useEffect(() => {
    if (signal === null) return;
    const H = trace.hiddenSize;
    // The walk rankUnits takes: layer by layer, the trace's series in its order, unit by unit.
    const wanted = kindsKey.split(' ');
    const searched = trace.kinds.filter((kind) => wanted.includes(kind));
    const found: RankedUnit[] = [];
    let layer = 0;
    let kindIndex = 0;
    let unit = 0;
    const rankSlice = () => {
      const kind = searched[kindIndex];
      const series = kind === undefined ? undefined : trace.layers[layer]?.[kind];
      const end = Math.min(H, unit + UNITS_PER_TASK);
      for (; kind !== undefined && series !== undefined && unit < end; unit++) {
        const r = columnCorrelation(series, H, unit, signal, 0);
        found.push({ layer, kind, unit, r, sign: r > 0 ? 1 : r < 0 ? -1 : 0 });
      }
      if (series === undefined || unit >= H) {
        unit = 0;
        kindIndex++;
        if (kindIndex >= searched.length) {
          kindIndex = 0;
          layer++;
        }
      }
      if (layer < trace.layers.length && searched.length > 0) {
        timer = setTimeout(rankSlice, 0);
        return;
      }
      // A stable sort keeps equal |r| in the walk's order, as rankUnits orders them.
      found.sort((a, b) => Math.abs(b.r) - Math.abs(a.r));
      setRanking({ trace, signal, kindsKey, ranked: found.slice(0, top) });
    };
    let timer = setTimeout(rankSlice, 0);
    return () => clearTimeout(timer);
  }, [trace, signal, kindsKey, top]);
  const current =
    ranking !== null && ranking.trace === trace && ranking.signal === signal && ranking.kindsKey === kindsKey;
  return current ? ranking.ranked : null;
}
