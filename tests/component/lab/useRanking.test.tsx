import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { UNITS_PER_TASK, useRanking } from '../../../app/lab/inside/useRanking';
import { rankUnits } from '../../../engine/lab/rankUnits';
import type { TextTrace } from '../../../engine/lab/trace';

/** Two layers of 150 units over 40 characters (more units than one task ranks), values from a fixed LCG. */
function wideTrace(kinds: readonly ('h' | 'c')[] = ['h']): TextTrace {
  const T = 40;
  const H = 150;
  let state = 7;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648 - 0.5;
  };
  const layer = () =>
    Object.fromEntries(kinds.map((kind) => [kind, Float64Array.from({ length: T * H }, next)]));
  return {
    cell: kinds.includes('c') ? 'lstm' : 'rnn',
    steps: T,
    hiddenSize: H,
    vocabularySize: 3,
    kinds: [...kinds],
    layers: [layer(), layer()],
    probabilities: new Float64Array(T * 3),
  };
}

describe('useRanking', () => {
  it('ranks a slice of units per task and ends with exactly what rankUnits ranks', async () => {
    const trace = wideTrace();
    expect(trace.hiddenSize).toBeGreaterThan(UNITS_PER_TASK);
    const signal = Float64Array.from({ length: trace.steps }, (_, t) => (t % 3 === 0 ? 1 : 0));
    const { result } = renderHook(() => useRanking(trace, signal, trace.kinds, 5));
    expect(result.current).toBeNull();
    await waitFor(() => expect(result.current).not.toBeNull());
    expect(result.current).toEqual(rankUnits(trace, signal, { top: 5, kinds: ['h'] }));
  });

  it('searches every series it is given, in rankUnits order, and only those', async () => {
    const trace = wideTrace(['h', 'c']);
    const signal = Float64Array.from({ length: trace.steps }, (_, t) => Math.sin(t / 3));
    // A planted cell-state unit that follows the signal: the search must reach the second series.
    const c = trace.layers[1]!.c!;
    for (let t = 0; t < trace.steps; t++)
      c[t * trace.hiddenSize + 77] = signal[t]! * 0.5 + 0.01 * Math.cos(t);
    const both = renderHook(() => useRanking(trace, signal, trace.kinds, 5));
    await waitFor(() => expect(both.result.current).not.toBeNull());
    expect(both.result.current).toEqual(rankUnits(trace, signal, { top: 5 }));
    expect(both.result.current![0]).toMatchObject({ layer: 1, kind: 'c', unit: 77 });
    const onlyH = renderHook(() => useRanking(trace, signal, ['h'], 5));
    await waitFor(() => expect(onlyH.result.current).not.toBeNull());
    expect(onlyH.result.current).toEqual(rankUnits(trace, signal, { top: 5, kinds: ['h'] }));
    expect(onlyH.result.current!.every((one) => one.kind === 'h')).toBe(true);
  });
});
