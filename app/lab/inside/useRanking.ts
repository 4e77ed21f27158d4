import { useEffect, useState } from 'react';
import type { RankedUnit } from '../../../engine/lab/rankUnits';
import type { TextTrace, TraceKind } from '../../../engine/lab/trace';
import { rankUnits } from '../../engine';

interface Ranking {
  readonly trace: TextTrace;
  readonly signal: Float64Array;
  readonly kind: TraceKind;
  readonly ranked: readonly RankedUnit[];
}

/**
 * The `top` series of `kind` (every layer) most correlated with `signal`, or null while they are being
 * ranked (or when `signal` is null). Each layer is ranked in a task of its own, so three layers of 256
 * units over 2,000 characters never hold the page for one long task; a newer question cancels an older.
 */
export function useRanking(
  trace: TextTrace,
  signal: Float64Array | null,
  kind: TraceKind,
  top: number,
): readonly RankedUnit[] | null {
  const [ranking, setRanking] = useState<Ranking | null>(null);
  useEffect(() => {
    if (signal === null) return;
    let layer = 0;
    const found: RankedUnit[] = [];
    const rankNextLayer = () => {
      found.push(...rankUnits(trace, signal, { top, kinds: [kind], layers: [layer] }));
      layer++;
      if (layer < trace.layers.length) {
        timer = setTimeout(rankNextLayer, 0);
        return;
      }
      // A stable sort keeps equal |r| in layer order, as rankUnits orders them.
      found.sort((a, b) => Math.abs(b.r) - Math.abs(a.r));
      setRanking({ trace, signal, kind, ranked: found.slice(0, top) });
    };
    let timer = setTimeout(rankNextLayer, 0);
    return () => clearTimeout(timer);
  }, [trace, signal, kind, top]);
  const current =
    ranking !== null && ranking.trace === trace && ranking.signal === signal && ranking.kind === kind;
  return current ? ranking.ranked : null;
}
