/**
 * Lesson 5 on seeds 1 to 10: the clipping demo diverges without clipping and trains with it; orthogonal
 * recurrent weights leave the plateau no later than a tiny Gaussian; forget bias 1 leaves it on 8 seeds and
 * bias 0 on none; the optimisers' order is the same on every seed; and both predict questions.
 */
import { describe, expect, it } from 'vitest';
import { CLIPPING_SETUP, clippingConfig } from '../../app/widgets/clippingConfig.ts';
import { createTrainer } from '../../engine/trainer.ts';
import {
  adamDefaultRate,
  forgetBiasOne,
  forgetBiasZero,
  forgetBiasZeroSlides,
  initOrthogonal,
  initOrthogonalSlides,
  initTinyGaussian,
  sgdLargeRate,
  sgdLargeRateSlides,
  sgdSmallRate,
} from '../../lessons/05-training-well/demos.ts';
import { questions } from '../../lessons/05-training-well/quiz.ts';
import {
  count,
  demoConfig,
  ownSeedWinner,
  predictQuestion,
  predictWinner,
  SEEDS,
  stepsToAccuracy,
  stepsToLoss,
} from './demoSeedRuns.ts';

describe('lesson 5 on seeds 1 to 10', () => {
  it('the clipping demo: unclipped SGD overflows within 20 steps, clipped at 1 trains all 400', () => {
    for (const seed of SEEDS) {
      const none = createTrainer({ ...clippingConfig('none'), seed });
      while (none.stepCount < CLIPPING_SETUP.steps && none.trainStep() !== null);
      expect(none.divergence?.step, `seed ${seed}`).toBeLessThan(20);
      const clipped = createTrainer({ ...clippingConfig('clipped'), seed });
      while (clipped.stepCount < CLIPPING_SETUP.steps && clipped.trainStep() !== null);
      expect(clipped.divergence, `seed ${seed}`).toBeNull();
    }
  }, 900_000);

  it('orthogonal against a tiny Gaussian: orthogonal leaves the plateau first on 9 seeds and ties on 1', () => {
    expect(initOrthogonalSlides.config).toEqual(initOrthogonal.config);
    const outcomes = SEEDS.map((seed) => {
      const orthogonal = stepsToAccuracy(demoConfig(initOrthogonal, seed), initOrthogonal.steps!, 0.5);
      expect(orthogonal, `seed ${seed}`).not.toBeNull();
      // The Gaussian run only has to reach the orthogonal run's step to tell first from tied or later.
      const gaussian = stepsToAccuracy(
        demoConfig(initTinyGaussian, seed),
        initTinyGaussian.steps!,
        0.5,
        orthogonal!,
      );
      return gaussian === null ? 'orthogonal' : gaussian < orthogonal! ? 'gaussian' : 'tie';
    });
    expect(count(outcomes, 'orthogonal')).toBe(9);
    expect(count(outcomes, 'tie')).toBe(1);
  }, 900_000);

  it('forget bias 1 against 0: bias 1 passes 50% within 500 steps on 8 seeds, bias 0 on none', () => {
    expect(forgetBiasZeroSlides.config).toEqual(forgetBiasZero.config);
    const one = SEEDS.map((seed) =>
      stepsToAccuracy(demoConfig(forgetBiasOne, seed), forgetBiasOne.steps!, 0.5),
    );
    const zero = SEEDS.map((seed) =>
      stepsToAccuracy(demoConfig(forgetBiasZero, seed), forgetBiasZero.steps!, 0.5),
    );
    expect(
      count(
        one.map((step) => step !== null),
        true,
      ),
    ).toBe(8);
    expect(
      count(
        zero.map((step) => step !== null),
        true,
      ),
    ).toBe(0);
    // The page's own seed is one where bias 1 gets there.
    expect(one[forgetBiasOne.config!.seed! - 1]).not.toBeNull();
  }, 900_000);

  it('the optimisers: SGD at 1 gets below loss 1 first, Adam second, SGD at 0.001 not in 300 steps', () => {
    expect(sgdLargeRateSlides.config).toEqual(sgdLargeRate.config);
    for (const seed of SEEDS) {
      const large = stepsToLoss(demoConfig(sgdLargeRate, seed), sgdLargeRate.steps!, 1);
      const adam = stepsToLoss(demoConfig(adamDefaultRate, seed), adamDefaultRate.steps!, 1);
      const small = stepsToLoss(demoConfig(sgdSmallRate, seed), sgdSmallRate.steps!, 1);
      expect(large, `seed ${seed}`).not.toBeNull();
      expect(adam, `seed ${seed}`).not.toBeNull();
      expect(large!, `seed ${seed}`).toBeLessThan(adam!);
      expect(small, `seed ${seed}`).toBeNull();
    }
  }, 900_000);

  it('l5-predict-clipping: the clipped run has the lower held-out loss on every seed', () => {
    const question = predictQuestion(questions, 'l5-predict-clipping');
    const winners = SEEDS.map((seed) => predictWinner(question, seed));
    expect(count(winners, 'clipped')).toBe(10);
    expect(ownSeedWinner(question, winners)).toBe(question.explain.outcome);
  }, 900_000);

  it('l5-predict-forget-bias: bias 1 wins on every seed', () => {
    const question = predictQuestion(questions, 'l5-predict-forget-bias');
    const winners = SEEDS.map((seed) => predictWinner(question, seed));
    expect(count(winners, 'bias-1')).toBe(10);
    expect(ownSeedWinner(question, winners)).toBe(question.explain.outcome);
  }, 900_000);
});
