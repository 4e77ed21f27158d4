/**
 * A training run: the model, its optimiser and its data, advanced one minibatch at a time. The worker,
 * the CLI and the tests all train through this one loop. Divergence is a result, not a crash: a
 * non-finite loss, gradient or weight stops the run with a reason and the step, before any NaN reaches
 * a report, and so does a finite blow-up (a loss thousands of times its first value).
 */
import { type BatchSource, createBatchSource } from './batchSource.ts';
import { clipGradients } from './clip.ts';
import { ConfigError } from './configProblem.ts';
import { createHeadWorkspace, type HeadLossResult, headBackward, headForward } from './head.ts';
import {
  combineResults,
  createHeldOutEvaluator,
  type Evaluation,
  type HeldOutEvaluator,
  headlineMetric,
  metricOf,
} from './heldOut.ts';
import { createModel, type Model, weightsAreFinite, zeroGradients } from './model.ts';
import { createOptimizer, type Optimizer } from './optim.ts';
import { createRng, type Rng } from './rng.ts';
import { costProblems } from './runCost.ts';
import { learningRateAt } from './schedule.ts';
import {
  ensureStackWorkspace,
  type StackWorkspace,
  sampleStackDropoutMasks,
  stackBackward,
  stackForward,
} from './stack.ts';
import { createTask, type Task } from './tasks/task.ts';
import type { MetricName } from './tasks/types.ts';
import { type TrainerConfig, validateTrainerConfig } from './trainerConfig.ts';
import type { SequenceBatch } from './types.ts';
import { createWindowBuffers, sliceWindow, windowBounds } from './windows.ts';

export type { Evaluation } from './heldOut.ts';

/** What one training step measured. Every number is finite (a non-finite one ends the run instead). */
export interface StepReport {
  /** 1 for the first step. */
  readonly step: number;
  readonly loss: number;
  /** The headline metric on this training batch (accuracy, or MSE; perplexity tasks report accuracy). */
  readonly metric: number;
  readonly learningRate: number;
  /** Global gradient norm before clipping (under truncation, the largest of the batch's windows). */
  readonly gradNorm: number;
  /** Whether clipping fired (under truncation, in any of the batch's windows). */
  readonly clipped: boolean;
  /** Weight updates made on this batch: 1, or ceil(T / k) with truncated BPTT of window k. */
  readonly updates: number;
  /** Share of this batch's computed steps that were padding. */
  readonly paddedShare: number;
  /**
   * ||dL/dh_t|| of the top layer for each step t of this batch (a copy, safe to keep or transfer); under
   * truncation each window's own, which stops at the window's first step.
   */
  readonly gradNormByStep: Float64Array;
}

export interface Divergence {
  readonly step: number;
  readonly what: 'loss' | 'gradient' | 'weights';
  /** A sentence for the person: what happened and the likely cause. */
  readonly message: string;
}

export interface Trainer {
  readonly config: TrainerConfig;
  readonly task: Task;
  readonly model: Model;
  /** Steps completed so far. */
  readonly stepCount: number;
  /** Set once the run has diverged; no further step changes anything. */
  readonly divergence: Divergence | null;
  /**
   * Trains on one minibatch: one update with full BPTT; with a truncation window k, truncated BPTT as
   * Williams and Peng (1990) describe it, TBPTT(k, k): the batch's steps cut into windows of k, the state
   * carried from each window into the next, the gradient taken back only within the window, and a weight
   * update after every window (ceil(T / k) updates). Returns null (and sets `divergence`) if it diverged.
   */
  trainStep(): StepReport | null;
  /** Loss and metrics on the task's fixed held-out set, without changing anything. */
  evaluate(): Evaluation;
}

function likelyCause(config: TrainerConfig): string {
  const causes: string[] = [];
  if (config.clip.kind === 'none')
    causes.push('there is no gradient clipping (try clipping the global norm at 1)');
  const high = config.optimizer.kind === 'adam' ? config.learningRate > 0.05 : config.learningRate > 1;
  if (high) causes.push(`the learning rate ${config.learningRate} is high for ${config.optimizer.kind}`);
  if (causes.length === 0) causes.push('the learning rate may be too high for this model');
  return `Likely cause: ${causes.join(', and ')}.`;
}

/**
 * A finite loss this many times the run's first loss, and above {@link BLOW_UP_FLOOR}, is a blow-up:
 * healthy runs end below their first loss, and the worst non-diverging settings measured (Adam at
 * learning rate 1 without clipping) peak near 400 times it. SGD at learning rate 1 on the sine task
 * reaches a million times its first loss while every number stays finite.
 */
export const BLOW_UP_FACTOR = 1000;
/**
 * ...and it must exceed this absolute loss too, so that a run starting near zero (weights loaded from
 * a trained model) is not stopped for noise: no task's loss reaches 100 while the model still learns.
 */
export const BLOW_UP_FLOOR = 100;

/**
 * Builds a run from a configuration. Throws ConfigError listing every problem if the configuration is
 * invalid. The same configuration (seed included) always produces the same losses, bit for bit.
 */
export function createTrainer(config: TrainerConfig): Trainer {
  const problems = validateTrainerConfig(config);
  if (problems.length > 0) throw new ConfigError('training configuration', problems);
  const root = createRng(config.seed);
  const task = createTask(config.task, config.seed);
  const tooCostly = costProblems(config, task, task.heldOut().batchSize);
  if (tooCostly.length > 0) {
    throw new ConfigError(
      'training configuration',
      tooCostly.map((message) => ({ field: 'batchSize', message })),
    );
  }
  const init = {
    scheme: config.init.scheme,
    std: config.init.std,
    ...(config.cell === 'lstm' && config.init.forgetBias !== null
      ? { forgetBias: config.init.forgetBias }
      : {}),
  };
  const model = createModel(
    config.cell,
    task.inputSize,
    config.hiddenSize,
    task.outputSize,
    root.fork(1),
    init,
    config.layers,
  );
  return new Run(config, task, model, root);
}

class Run implements Trainer {
  stepCount = 0;
  divergence: Divergence | null = null;
  /** The loss of the run's first step, the reference for a finite blow-up. */
  private firstLoss: number | null = null;
  private readonly optimizer: Optimizer;
  private readonly source: BatchSource;
  private readonly dropoutRng: Rng;
  private readonly headWorkspace;
  private readonly heldOut: HeldOutEvaluator;
  private workspace: StackWorkspace | undefined;
  private dHs = new Float64Array(0);
  /** [L][B][H] h then c: the state the latest window ended in, where the next window starts. */
  private carried = new Float64Array(0);
  private readonly windowBuffers = createWindowBuffers();
  private readonly metricName: MetricName;
  /** The weights before the latest update, restored if the update made any weight non-finite. */
  private readonly backup: Float64Array[];

  constructor(
    readonly config: TrainerConfig,
    readonly task: Task,
    readonly model: Model,
    root: Rng,
  ) {
    this.optimizer = createOptimizer(config.optimizer, model.params);
    this.source = createBatchSource(task, config.batching, config.batchSize, root.fork(2));
    this.dropoutRng = root.fork(3);
    this.headWorkspace = createHeadWorkspace(task.outputSize);
    this.heldOut = createHeldOutEvaluator(model, task);
    this.metricName = headlineMetric(task);
    this.backup = model.params.map((param) => new Float64Array(param.w.length));
  }

  private diverge(what: Divergence['what'], detail: string): null {
    const step = this.stepCount + 1;
    this.divergence = {
      step,
      what,
      message: `Training diverged at step ${step}: ${detail} ${likelyCause(this.config)}`,
    };
    return null;
  }

  trainStep(): StepReport | null {
    if (this.divergence) return null;
    const { config, model } = this;
    const { batch, paddedShare } = this.source.next();
    const T = batch.steps;
    const BLH = batch.batchSize * model.layers.length * config.hiddenSize;
    if (this.carried.length < 2 * BLH) this.carried = new Float64Array(2 * BLH);
    const learningRate = learningRateAt(config.schedule, config.learningRate, this.stepCount);
    const gradNormByStep = new Float64Array(T);
    const windows = windowBounds(T, config.truncation);
    const parts: HeadLossResult[] = [];
    let gradNorm = 0;
    let clipped = false;
    for (const [index, { from, to }] of windows.entries()) {
      const window = windows.length === 1 ? batch : sliceWindow(batch, from, to, this.windowBuffers);
      // The state the previous window ended in, carried forward without its gradient (detached).
      const state =
        index === 0
          ? undefined
          : { h: this.carried.subarray(0, BLH), c: this.carried.subarray(BLH, 2 * BLH) };
      const update = this.updateOn(window, from, state, learningRate, gradNormByStep);
      if (update === null) return null;
      parts.push(update.result);
      gradNorm = Math.max(gradNorm, update.gradNorm);
      clipped ||= update.clipped;
    }
    this.stepCount++;
    const result = parts.length === 1 ? parts[0]! : combineResults(parts);
    return {
      step: this.stepCount,
      loss: result.loss,
      metric: metricOf(result, model.head.outputSize, this.metricName),
      learningRate,
      gradNorm,
      clipped,
      updates: windows.length,
      paddedShare,
      gradNormByStep,
    };
  }

  /**
   * One weight update on one window (the whole batch without truncation): forward from `state` (zeros
   * when undefined), backward within the window only, clip, step. Writes ||dL/dh_t|| at `offset + t` of
   * `gradNormByStep` and the window's final state into `carried`; returns null if the run diverged.
   */
  private updateOn(
    window: SequenceBatch,
    offset: number,
    state: { readonly h: Float64Array; readonly c: Float64Array } | undefined,
    learningRate: number,
    gradNormByStep: Float64Array,
  ): { result: HeadLossResult; gradNorm: number; clipped: boolean } | null {
    const { config, model } = this;
    const { batchSize: B, steps: w } = window;
    const H = config.hiddenSize;
    const L = model.layers.length;
    this.workspace = ensureStackWorkspace(this.workspace, model.layers, B, w);
    const { input, output, recurrent, layer } = config.dropout;
    // Each window draws its own masks, as a PyTorch loop calling the model once per window does.
    const masks =
      input > 0 || output > 0 || recurrent > 0 || (L > 1 && layer > 0)
        ? sampleStackDropoutMasks(this.dropoutRng, B, w, window.inputSize, H, L, config.dropout)
        : undefined;
    const lstm = config.cell === 'lstm';
    const forward = stackForward(model.layers, window, {
      workspace: this.workspace,
      ...(masks ? { masks } : {}),
      ...(state ? { h0: state.h, ...(lstm ? { c0: state.c } : {}) } : {}),
    });
    const result = headForward(model.head, forward.outputs, window.target, this.headWorkspace);
    if (!Number.isFinite(result.loss)) return this.diverge('loss', `the loss became ${result.loss}.`);
    this.firstLoss ??= result.loss;
    if (result.loss > BLOW_UP_FLOOR && result.loss > BLOW_UP_FACTOR * this.firstLoss) {
      const times = Math.round(result.loss / this.firstLoss).toLocaleString('en');
      return this.diverge(
        'loss',
        `the loss grew to ${result.loss.toPrecision(3)}, ${times} times its first value ${this.firstLoss.toPrecision(3)}.`,
      );
    }
    const BLH = B * L * H;
    this.carried.set(forward.hN, 0);
    if (forward.cN) this.carried.set(forward.cN, BLH);
    zeroGradients(model);
    if (this.dHs.length < B * w * H) this.dHs = new Float64Array(B * w * H);
    const dHs = this.dHs.subarray(0, B * w * H);
    headBackward(model.head, forward.outputs, window.target, this.headWorkspace, dHs);
    // dL/dx is not needed for training, so backward skips it.
    const grads = stackBackward(model.layers, this.workspace, dHs, { inputGradient: false });
    gradNormByStep.set(grads.gradNorm.subarray(0, w), offset);
    // ||dL/dh_t|| overflows (it squares) long before the weight gradients do; such a run has diverged too.
    const overflow = grads.gradNorm.subarray(0, w).findIndex((norm) => !Number.isFinite(norm));
    if (overflow !== -1) {
      return this.diverge(
        'gradient',
        `the gradient reaching step ${offset + overflow} of the sequence became ${grads.gradNorm[overflow]}.`,
      );
    }
    const clip = clipGradients(model.params, config.clip);
    if (!Number.isFinite(clip.normBefore)) {
      return this.diverge('gradient', `the gradient norm became ${clip.normBefore}.`);
    }
    this.backUpWeights();
    this.optimizer.step(learningRate);
    if (!weightsAreFinite(model)) {
      // Put back the last finite weights, so that evaluation, probes and exports never see NaN.
      this.restoreWeights();
      return this.diverge('weights', 'a weight became infinite after the update.');
    }
    return { result, gradNorm: clip.normBefore, clipped: clip.fired };
  }

  private backUpWeights(): void {
    this.model.params.forEach((param, index) => {
      this.backup[index]!.set(param.w);
    });
  }

  private restoreWeights(): void {
    this.model.params.forEach((param, index) => {
      param.w.set(this.backup[index]!);
    });
  }

  evaluate(): Evaluation {
    return this.heldOut.evaluate(this.stepCount);
  }
}
