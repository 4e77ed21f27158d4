/**
 * Lesson 5's dropout pair on seeds 1 to 10, at the 800 steps the page trains: the dropout run's training
 * loss stays higher on every seed, its held-out loss ends lower on most, and the run without dropout is
 * past its best held-out loss by the end (it has begun to overfit) on most. The counts are the ones the
 * lesson states after the demo. A file of its own, since these 20 character-model runs are the slowest
 * seed test and Vitest runs files in parallel.
 */
import { describe, expect, it } from 'vitest';
import { dropoutOff, dropoutOn } from '../../lessons/05-training-well/demos.ts';
import { demoConfig, type RunSummary, runSummary, SEEDS } from './demoSeedRuns.ts';

/** Nats of held-out loss below which two values count as level. */
const LEVEL = 0.02;

describe('lesson 5 dropout pair on seeds 1 to 10', () => {
  it('dropout keeps the training loss higher on every seed, the held-out loss lower on 9 and level on 1, where the other run overfits', () => {
    const budget = dropoutOff.steps!;
    expect(dropoutOn.steps).toBe(budget);
    const pairs: { seed: number; off: RunSummary; on: RunSummary }[] = [];
    for (const seed of SEEDS) {
      const off = runSummary(demoConfig(dropoutOff, seed), budget);
      const on = runSummary(demoConfig(dropoutOn, seed), budget);
      expect(off, `seed ${seed} without dropout diverged`).not.toBeNull();
      expect(on, `seed ${seed} with dropout diverged`).not.toBeNull();
      pairs.push({ seed, off: off!, on: on! });
    }
    for (const { seed, off, on } of pairs) {
      expect(on.recentTrainingLoss, `seed ${seed}`).toBeGreaterThan(off.recentTrainingLoss);
    }
    // Differences within LEVEL nats are "level" on the page: the curves' ends cannot be told apart by eye.
    const seedsWhere = (test: (pair: (typeof pairs)[number]) => boolean) =>
      pairs.filter(test).map(({ seed }) => seed);
    const lower = seedsWhere(({ off, on }) => on.finalHeldOutLoss < off.finalHeldOutLoss - LEVEL);
    const level = seedsWhere(({ off, on }) => Math.abs(on.finalHeldOutLoss - off.finalHeldOutLoss) <= LEVEL);
    // Overfitting: by the end, the held-out loss without dropout has climbed back above its best.
    const overfit = seedsWhere(({ off }) => off.finalHeldOutLoss > off.bestHeldOutLoss + LEVEL);
    expect(lower).toHaveLength(9);
    expect(level).toHaveLength(1);
    expect(overfit).toEqual(lower);
  }, 1_800_000);
});
