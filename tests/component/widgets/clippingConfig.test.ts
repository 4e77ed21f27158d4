import { describe, expect, it } from 'vitest';
import { CLIPPING_SETUP, clippingConfig } from '../../../app/widgets/clippingConfig';
import { createTrainer } from '../../../engine/trainer';

/** Trains a configuration with the real engine, as the worker would, and reports what happened. */
function train(variant: 'none' | 'clipped') {
  const trainer = createTrainer(clippingConfig(variant));
  const losses: number[] = [];
  let clipped = 0;
  while (trainer.stepCount < CLIPPING_SETUP.steps) {
    const report = trainer.trainStep();
    if (!report) break;
    losses.push(report.loss);
    if (report.clipped) clipped++;
  }
  return { trainer, losses, clipped };
}

describe('the clipping demo’s configuration, trained by the real engine', () => {
  it('diverges without clipping within the demo’s steps, and trains with clipping at 1', () => {
    const none = train('none');
    expect(none.trainer.divergence).not.toBeNull();
    expect(none.trainer.divergence!.step).toBeLessThan(CLIPPING_SETUP.steps / 2);

    const clipped = train('clipped');
    expect(clipped.trainer.divergence).toBeNull();
    expect(clipped.trainer.stepCount).toBe(CLIPPING_SETUP.steps);
    expect(clipped.clipped).toBeGreaterThan(0);
    const heldOut = clipped.trainer.evaluate();
    // Far better than always answering 0 (the wave's power, about 0.2).
    expect(heldOut.metric).toBeLessThan(clipped.trainer.task.baseline.value / 5);

    // Same weights, same first batch: the first loss (before any update) is the same.
    expect(none.losses[0]).toBe(clipped.losses[0]);
  });
});
