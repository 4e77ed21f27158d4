/**
 * The memory-horizon sweep (lesson 2's widget; the claims page runs it on seeds 1 to 3) on seeds 1 to 10,
 * each run trained as its worker trains it (horizonRun): what the claims page says of it holds. At lags
 * up to 20 all but two of the 120 runs reach 99% within the budget; at lag 40 which cells learn it
 * changes from seed to seed (the RNN on four seeds, the LSTM on two, the GRU on none within 500 steps).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_HORIZON_PLAN, HORIZON_SEEDS, LEARNED } from '../../app/widgets/horizonSetup.ts';
import type { CellKind } from '../../engine/types.ts';
import { horizonRun, SEEDS } from './demoSeedRuns.ts';

describe('the memory-horizon sweep on seeds 1 to 10', () => {
  it('learns lags up to 20 on nearly every run; at lag 40 the cells that learn it depend on the seed', () => {
    const plan = DEFAULT_HORIZON_PLAN;
    const longest = Math.max(...plan.lags);
    const missedShort: string[] = [];
    const learnedLongest: Record<CellKind, number[]> = { rnn: [], lstm: [], gru: [] };
    for (const seed of SEEDS) {
      for (const lag of plan.lags) {
        for (const cell of plan.cells) {
          const accuracy = horizonRun({ ...plan, seed }, cell, lag).accuracy ?? 0;
          if (lag < longest && accuracy < plan.target) missedShort.push(`${cell} ${lag} seed ${seed}`);
          if (lag === longest && accuracy >= LEARNED) learnedLongest[cell].push(seed);
        }
      }
    }
    expect(missedShort).toEqual(['rnn 20 seed 8', 'rnn 10 seed 9']);
    expect(learnedLongest).toEqual({ rnn: [2, 4, 6, 8], lstm: [5, 6], gru: [] });
    // The claims page shows seeds 1 to 3: there every short lag is learned, and lag 40 by the RNN on seed 2.
    const shown = (cell: CellKind) => learnedLongest[cell].filter((seed) => HORIZON_SEEDS.includes(seed));
    expect([shown('rnn'), shown('lstm'), shown('gru')]).toEqual([[2], [], []]);
    expect(missedShort.filter((run) => HORIZON_SEEDS.some((seed) => run.endsWith(` seed ${seed}`)))).toEqual(
      [],
    );
  }, 3_600_000);
});
