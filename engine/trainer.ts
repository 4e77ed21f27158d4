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
import { createModel, type Model, weightsAreFinite, zeroGradients } from './model.ts';
import { createOptimizer, type Optimizer } from './optim.ts';
import { createRng, type Rng } from './rng.ts';
import { costProblems, EVAL_CHUNK } from './runCost.ts';
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

/** What one training step measured. Every number is finite (a non-finite one ends the run instead). */
export interface StepReport {
  /** 1 for the first step. */
  readonly step: number;
  readonly loss: number;
  /** The headline metric on this training batch (accuracy, or MSE; perplexity tasks report accuracy). */
  readonly metric: number;
  readonly learningRate: number;
  /** Global gradient norm before clipping. */
  readonly gradNorm: number;
  readonly clipped: boolean;
  /** Share of this batch's computed steps that were padding. */
  readonly paddedShare: number;
  /** ||dL/dh_t|| of the top layer for each step t of this batch (a copy, safe to keep or transfer). */
  readonly gradNormByStep: Float64Array;
}

export interface Evaluation {
  readonly step: number;
  readonly loss: number;
  readonly metricName: MetricName;
  /** The headline metric on the held-out set. */
  readonly metric: number;
  readonly accuracy?: number;
  readonly mse?: number;
  readonly perplexity?: number;
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
  /** Trains on one minibatch. Returns null (and sets `divergence`) if this step diverged. */
  trainStep(): StepReport | null;
  /** Loss and metrics on the task's fixed held-out set, without changing anything. */
  evaluate(): Evaluation;
}

/** The headline metric, as the issue and the lessons use it: accuracy for classes, MSE for values. */
function headlineMetric(task: Task): MetricName {
  return task.loss === 'cross-entropy' ? 'accuracy' : 'mse';
}

function metricOf(result: HeadLossResult, outputSize: number, name: MetricName): number {
  if (result.positions === 0) return 0;
  if (name === 'accuracy') return result.correct / result.positions;
  if (name === 'mse') return result.sumSquaredError / (result.positions * outputSize);
  return Math.exp(result.sumNll / result.positions);
}

/** Sequences from..to−1 of a batch-first batch, as views (no copy). */
function sliceSequences(batch: SequenceBatch, from: number, to: number): SequenceBatch {
  const { steps: T, inputSize: I, target } = batch;
  const sliced: SequenceBatch['target'] =
    target.kind === 'class'
      ? { ...target, labels: target.labels.subarray(from * T, to * T) }
      : {
          ...target,
          values: target.values.subarray(from * T * target.size, to * T * target.size),
          weight: target.weight.subarray(from * T, to * T),
        };
  return {
    batchSize: to - from,
    steps: T,
    inputSize: I,
    x: batch.x.subarray(from * T * I, to * T * I),
    lengths: batch.lengths.subarray(from, to),
    target: sliced,
  };
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
  private readonly evalHeadWorkspace;
  private workspace: StackWorkspace | undefined;
  private evalWorkspace: StackWorkspace | undefined;
  private dHs = new Float64Array(0);
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
    this.evalHeadWorkspace = createHeadWorkspace(task.outputSize);
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
    const { batchSize: B, steps: T } = batch;
    const H = config.hiddenSize;
    this.workspace = ensureStackWorkspace(this.workspace, model.layers, B, T);
    const { input, output, recurrent, layer } = config.dropout;
    const L = model.layers.length;
    const masks =
      input > 0 || output > 0 || recurrent > 0 || (L > 1 && layer > 0)
        ? sampleStackDropoutMasks(this.dropoutRng, B, T, batch.inputSize, H, L, config.dropout)
        : undefined;
    const { outputs } = stackForward(model.layers, batch, {
      workspace: this.workspace,
      ...(masks ? { masks } : {}),
    });
    const result = headForward(model.head, outputs, batch.target, this.headWorkspace);
    if (!Number.isFinite(result.loss)) return this.diverge('loss', `the loss became ${result.loss}.`);
    this.firstLoss ??= result.loss;
    if (result.loss > BLOW_UP_FLOOR && result.loss > BLOW_UP_FACTOR * this.firstLoss) {
      const times = Math.round(result.loss / this.firstLoss).toLocaleString('en');
      return this.diverge(
        'loss',
        `the loss grew to ${result.loss.toPrecision(3)}, ${times} times its first value ${this.firstLoss.toPrecision(3)}.`,
      );
    }
    zeroGradients(model);
    if (this.dHs.length < B * T * H) this.dHs = new Float64Array(B * T * H);
    const dHs = this.dHs.subarray(0, B * T * H);
    headBackward(model.head, outputs, batch.target, this.headWorkspace, dHs);
    // dL/dx is not needed for training, so backward skips it.
    const grads = stackBackward(model.layers, this.workspace, dHs, {
      inputGradient: false,
      ...(config.truncation !== null ? { truncation: config.truncation } : {}),
    });
    const gradNormByStep = grads.gradNorm.slice(0, T);
    // ||dL/dh_t|| overflows (it squares) long before the weight gradients do; such a run has diverged too.
    const overflow = gradNormByStep.findIndex((norm) => !Number.isFinite(norm));
    if (overflow !== -1) {
      return this.diverge(
        'gradient',
        `the gradient reaching step ${overflow} of the sequence became ${gradNormByStep[overflow]}.`,
      );
    }
    const clip = clipGradients(model.params, config.clip);
    if (!Number.isFinite(clip.normBefore)) {
      return this.diverge('gradient', `the gradient norm became ${clip.normBefore}.`);
    }
    const learningRate = learningRateAt(config.schedule, config.learningRate, this.stepCount);
    this.backUpWeights();
    this.optimizer.step(learningRate);
    if (!weightsAreFinite(model)) {
      // Put back the last finite weights, so that evaluation, probes and exports never see NaN.
      this.restoreWeights();
      return this.diverge('weights', 'a weight became infinite after the update.');
    }
    this.stepCount++;
    return {
      step: this.stepCount,
      loss: result.loss,
      metric: metricOf(result, model.head.outputSize, this.metricName),
      learningRate,
      gradNorm: clip.normBefore,
      clipped: clip.fired,
      paddedShare,
      gradNormByStep,
    };
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
    const heldOut: SequenceBatch = this.task.heldOut();
    const { model } = this;
    // A chunk of sequences at a time (the set is batch-first, so a chunk is a run of each array).
    const chunk = Math.min(EVAL_CHUNK, heldOut.batchSize);
    this.evalWorkspace = ensureStackWorkspace(this.evalWorkspace, model.layers, chunk, heldOut.steps, false);
    let positions = 0;
    let denominator = 0;
    let correct = 0;
    let sumNll = 0;
    let sumSquaredError = 0;
    for (let from = 0; from < heldOut.batchSize; from += chunk) {
      const part = sliceSequences(heldOut, from, Math.min(from + chunk, heldOut.batchSize));
      const { outputs } = stackForward(model.layers, part, { workspace: this.evalWorkspace });
      const partResult = headForward(model.head, outputs, part.target, this.evalHeadWorkspace);
      positions += partResult.positions;
      denominator += partResult.denominator;
      correct += partResult.correct;
      sumNll += partResult.sumNll;
      sumSquaredError += partResult.sumSquaredError;
    }
    const classes = this.task.loss === 'cross-entropy';
    const result: HeadLossResult = {
      kind: classes ? 'crossEntropy' : 'meanSquaredError',
      loss: denominator > 0 ? (classes ? sumNll : sumSquaredError) / denominator : 0,
      positions,
      denominator,
      correct,
      sumNll,
      sumSquaredError,
    };
    const O = model.head.outputSize;
    const scores = classes
      ? { accuracy: metricOf(result, O, 'accuracy'), perplexity: metricOf(result, O, 'perplexity') }
      : { mse: metricOf(result, O, 'mse') };
    return {
      step: this.stepCount,
      loss: result.loss,
      metricName: this.metricName,
      metric: metricOf(result, O, this.metricName),
      ...scores,
    };
  }
}
