/**
 * Truncated BPTT as Williams and Peng (1990) describe it, TBPTT(k, k): the state carried from window to
 * window, a weight update after every window of k steps, the gradient taken back only through that window.
 * Checked against finite differences of each window's own loss with the entering state held fixed.
 */
import { describe, expect, it } from 'vitest';
import { createBatchSource } from '../../engine/batchSource.ts';
import { createHeadWorkspace, headForward } from '../../engine/head.ts';
import { createModel, type Model } from '../../engine/model.ts';
import { createRng } from '../../engine/rng.ts';
import { stackForward } from '../../engine/stack.ts';
import { createTask } from '../../engine/tasks/task.ts';
import { createTrainer, type StepReport } from '../../engine/trainer.ts';
import { DEFAULT_TRAINER_CONFIG, type TrainerConfig } from '../../engine/trainerConfig.ts';
import type { SequenceBatch } from '../../engine/types.ts';
import { createWindowBuffers, sliceWindow, windowBounds } from '../../engine/windows.ts';

/** A small LSTM on the sine task (a target at every step), plain SGD and no clipping: Δw = −η·g. */
function sineConfig(overrides: Partial<TrainerConfig> = {}): TrainerConfig {
  return {
    ...DEFAULT_TRAINER_CONFIG,
    cell: 'lstm',
    task: { kind: 'sine', steps: 7, components: 2, frequencies: 'fixed', heldOutSize: 16 },
    hiddenSize: 3,
    batchSize: 2,
    optimizer: { kind: 'sgd' },
    learningRate: 0.05,
    clip: { kind: 'none' },
    init: { scheme: 'pytorch', std: 0.1, forgetBias: 1 },
    truncation: 3,
    seed: 3,
    ...overrides,
  };
}

/** The mean loss of one window's targets, from the given entering state. */
function windowLoss(model: Model, window: SequenceBatch, h0: Float64Array, c0: Float64Array): number {
  const { outputs } = stackForward(model.layers, window, { h0, c0 });
  return headForward(model.head, outputs, window.target, createHeadWorkspace(model.head.outputSize)).loss;
}

/** Central finite differences of f over every weight of the model. */
function numericGradient(model: Model, f: () => number): Float64Array[] {
  const eps = 1e-6;
  return model.params.map((param) => {
    const g = new Float64Array(param.w.length);
    for (let i = 0; i < param.w.length; i++) {
      const keep = param.w[i]!;
      param.w[i] = keep + eps;
      const up = f();
      param.w[i] = keep - eps;
      const down = f();
      param.w[i] = keep;
      g[i] = (up - down) / (2 * eps);
    }
    return g;
  });
}

describe('truncated BPTT', () => {
  it('updates after each window by the gradient of that window’s loss through its own steps only', () => {
    const config = sineConfig();
    const trainer = createTrainer(config);
    const task = createTask(config.task, config.seed);
    // The trainer's batch stream is the seed's fork 2 (engine/trainer.ts), so this is its first batch.
    const source = createBatchSource(task, config.batching, config.batchSize, createRng(config.seed).fork(2));
    const { batch } = source.next();
    const model = createModel('lstm', task.inputSize, 3, task.outputSize, createRng(99), {
      scheme: 'pytorch',
      std: 0.1,
    });
    model.params.forEach((param, index) => {
      param.w.set(trainer.model.params[index]!.w);
    });
    const H = config.hiddenSize;
    let h0 = new Float64Array(config.batchSize * H);
    let c0 = new Float64Array(config.batchSize * H);
    const bounds = windowBounds(batch.steps, config.truncation);
    expect(bounds).toEqual([
      { from: 0, to: 3 },
      { from: 3, to: 6 },
      { from: 6, to: 7 },
    ]);
    for (const { from, to } of bounds) {
      const window = sliceWindow(batch, from, to, createWindowBuffers());
      const enteringH = h0;
      const enteringC = c0;
      const g = numericGradient(model, () => windowLoss(model, window, enteringH, enteringC));
      // The next window starts where this one ended, computed with the weights before this update.
      const result = stackForward(model.layers, window, { h0: enteringH, c0: enteringC });
      h0 = result.hN.slice();
      c0 = result.cN!.slice();
      model.params.forEach((param, index) => {
        for (let i = 0; i < param.w.length; i++) param.w[i]! -= config.learningRate * g[index]![i]!;
      });
    }
    const report = trainer.trainStep();
    expect(report?.updates).toBe(3);
    let worst = 0;
    model.params.forEach((param, index) => {
      const trained = trainer.model.params[index]!.w;
      for (let i = 0; i < param.w.length; i++) worst = Math.max(worst, Math.abs(trained[i]! - param.w[i]!));
    });
    // Finite differences are good to about 1e-9 here; one update of η = 0.05 scales that down further.
    expect(worst).toBeLessThan(1e-8);
    // The weights did move: the test compares updates, not two untouched copies.
    const moved = model.params.some((param, index) =>
      param.w.some((value, i) => Math.abs(value - createTrainer(config).model.params[index]!.w[i]!) > 1e-4),
    );
    expect(moved).toBe(true);
  });

  it('makes ceil(T / k) optimiser updates per batch, and one without truncation', () => {
    const recall = { kind: 'recall', lag: 20, symbols: 4, distractors: 2, heldOutSize: 16 } as const;
    for (const [truncation, updates] of [
      [null, 1],
      [21, 1],
      [100, 1],
      [20, 2],
      [5, 5],
      [7, 3],
      [1, 21],
    ] as const) {
      const trainer = createTrainer(sineConfig({ task: recall, hiddenSize: 4, truncation }));
      expect(trainer.trainStep()?.updates, `window ${truncation}`).toBe(updates);
    }
  });

  it('with Adam, each window is its own step: ceil(T / k) updates move the weights differently from one', () => {
    const adam = { optimizer: { kind: 'adam' as const }, learningRate: 0.01 };
    const windows = createTrainer(sineConfig({ ...adam, truncation: 3 }));
    const whole = createTrainer(sineConfig({ ...adam, truncation: 7 }));
    windows.trainStep();
    whole.trainStep();
    // Adam moves every weight with a gradient by about η per update: three updates go about three times as far.
    const start = createTrainer(sineConfig(adam)).model.params[1]!.w;
    const distance = (trainer: typeof windows) =>
      Math.max(...Array.from(trainer.model.params[1]!.w, (value, i) => Math.abs(value - start[i]!)));
    expect(distance(windows)).toBeGreaterThan(2 * distance(whole));
  });

  it('replays bit for bit, dropout and variable lengths included', () => {
    const config = sineConfig({
      task: { kind: 'recall', lag: 12, symbols: 4, distractors: 2, heldOutSize: 16 },
      optimizer: { kind: 'adam' },
      learningRate: 0.01,
      truncation: 5,
      dropout: { input: 0.1, output: 0.2, recurrent: 0.2, layer: 0 },
      batching: { kind: 'buckets', minSteps: 4, maxSteps: 13, buckets: 3 },
      hiddenSize: 6,
      batchSize: 4,
    });
    const run = () => {
      const trainer = createTrainer(config);
      const reports: StepReport[] = [];
      for (let step = 0; step < 8; step++) reports.push(trainer.trainStep()!);
      return { reports, weights: trainer.model.params.map((param) => Array.from(param.w)) };
    };
    const first = run();
    const second = run();
    expect(second.reports.map((report) => report.loss)).toEqual(first.reports.map((report) => report.loss));
    expect(second.weights).toEqual(first.weights);
    expect(first.reports.every((report) => Number.isFinite(report.loss))).toBe(true);
  });
});
