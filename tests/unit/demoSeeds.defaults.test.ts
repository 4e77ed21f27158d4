/**
 * The flagship task at the defaults holds on seeds 1 to 10: `train --cell lstm --task recall` (lag 20,
 * hidden 64, Adam 0.01, clip 1, batch 32, forget bias DEFAULT_FORGET_BIAS) reaches 99% held-out accuracy
 * within its 1,500-step budget on every seed, and so does the playground's default configuration.
 */
import { describe, expect, it } from 'vitest';
import { PLAYGROUND_DEFAULT } from '../../app/playground/urlState.ts';
import { parseTrainFlags } from '../../cli/trainFlags.ts';
import { SEEDS, stepsToAccuracy } from './demoSeedRuns.ts';

describe('the defaults on seeds 1 to 10', () => {
  it('the CLI’s recall default reaches 99% on every seed', () => {
    const parsed = parseTrainFlags([])!;
    const steps = SEEDS.map((seed) =>
      stepsToAccuracy({ ...parsed.config, seed }, parsed.run.maxSteps, parsed.run.target ?? 0.99),
    );
    expect(steps.every((step) => step !== null)).toBe(true);
  }, 900_000);

  it('the playground’s default reaches 99% on every seed', () => {
    const steps = SEEDS.map((seed) => stepsToAccuracy({ ...PLAYGROUND_DEFAULT, seed }, 3000, 0.99));
    expect(steps.every((step) => step !== null)).toBe(true);
  }, 900_000);
});
