/**
 * The summary's race holds on seeds 1 to 10: which cell reaches 99% held-out accuracy first and which last,
 * counted as the text states it.
 */
import { describe, expect, it } from 'vitest';
import { allCells, allCellsSlides } from '../../lessons/07-summary/demos.ts';
import { count, demoConfig, SEEDS, stepsToAccuracy } from './demoSeedRuns.ts';

describe('the summary lesson on seeds 1 to 10', () => {
  it('the race at lag 20: the LSTM reaches 99% first on 7 seeds, and the GRU comes last on 9', () => {
    expect(allCellsSlides.config).toEqual(allCells.config);
    const budget = allCells.steps!;
    const firsts: string[] = [];
    const lasts: string[] = [];
    for (const seed of SEEDS) {
      const lstm = stepsToAccuracy(demoConfig(allCells, seed, 'lstm'), budget, 0.99) ?? Infinity;
      const rnn = stepsToAccuracy(demoConfig(allCells, seed, 'rnn'), budget, 0.99) ?? Infinity;
      // The GRU need only run until both others have arrived to know whether it came last.
      const leader = Math.max(lstm, rnn);
      const gru =
        stepsToAccuracy(
          demoConfig(allCells, seed, 'gru'),
          budget,
          0.99,
          Number.isFinite(leader) ? leader : budget,
        ) ?? Infinity;
      const steps = { rnn, lstm, gru };
      const best = Math.min(rnn, lstm, gru);
      const worst = Math.max(rnn, lstm, gru);
      const only = (value: number) =>
        Object.entries(steps)
          .filter(([, s]) => s === value)
          .map(([cell]) => cell);
      firsts.push(only(best).length === 1 ? only(best)[0]! : 'tie');
      lasts.push(only(worst).length === 1 ? only(worst)[0]! : 'tie');
    }
    expect(count(firsts, 'lstm')).toBe(7);
    expect(count(firsts, 'tie')).toBe(2);
    expect(count(firsts, 'rnn')).toBe(1);
    expect(count(lasts, 'gru')).toBe(9);
  }, 900_000);
});
