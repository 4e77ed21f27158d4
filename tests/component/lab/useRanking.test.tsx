import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { UNITS_PER_TASK, useRanking } from '../../../app/lab/inside/useRanking';
import { rankUnits } from '../../../engine/lab/rankUnits';
import type { TextTrace } from '../../../engine/lab/trace';

/** Two layers of 150 units over 40 characters (more units than one task ranks), values from a fixed LCG. */
function wideTrace(): TextTrace {
  const T = 40;
  const H = 150;
  let state = 7;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648 - 0.5;
  };
  const layer = () => ({ h: Float64Array.from({ length: T * H }, next) });
  return {
    cell: 'rnn',
    steps: T,
    hiddenSize: H,
    vocabularySize: 3,
    kinds: ['h'],
    layers: [layer(), layer()],
    probabilities: new Float64Array(T * 3),
  };
}

describe('useRanking', () => {
  it('ranks a slice of units per task and ends with exactly what rankUnits ranks', async () => {
    const trace = wideTrace();
    expect(trace.hiddenSize).toBeGreaterThan(UNITS_PER_TASK);
    const signal = Float64Array.from({ length: trace.steps }, (_, t) => (t % 3 === 0 ? 1 : 0));
    const { result } = renderHook(() => useRanking(trace, signal, 'h', 5));
    expect(result.current).toBeNull();
    await waitFor(() => expect(result.current).not.toBeNull());
    expect(result.current).toEqual(rankUnits(trace, signal, { top: 5, kinds: ['h'] }));
  });
});
