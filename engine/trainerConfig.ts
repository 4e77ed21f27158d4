/**
 * Everything one training run is made of, as plain data that crosses the worker boundary and goes in a
 * shareable URL: cell, task, layers, sizes, optimiser, schedule, clipping, initialisation, dropout, truncation,
 * batching and seed. {@link validateTrainerConfig} lists every problem in words for the UI and the CLI.
 */
import { type ClipConfig, validateClipConfig } from './clip.ts';
import type { ConfigProblem } from './configProblem.ts';
import type { InitScheme } from './init.ts';
import { type OptimizerConfig, validateLearningRate, validateOptimizerConfig } from './optim.ts';
import { type LearningRateSchedule, validateSchedule } from './schedule.ts';
import { TASK_SPECS, type TaskConfig, validateTaskConfig } from './tasks/task.ts';
import type { CellKind } from './types.ts';

/** How batches are formed: the task's own fixed-length batches, or variable lengths padded or bucketed. */
export type BatchingConfig =
  | { readonly kind: 'fixed' }
  | {
      readonly kind: 'padding' | 'buckets';
      /** Sequence lengths are drawn uniformly from minSteps..maxSteps (recall and adding only). */
      readonly minSteps: number;
      readonly maxSteps: number;
      /** For 'buckets': how many length buckets of equal width cover minSteps..maxSteps. */
      readonly buckets: number;
    };

export interface TrainerConfig {
  readonly cell: CellKind;
  readonly task: TaskConfig;
  /** Stacked recurrent layers, 1..3 (PyTorch's `num_layers`); layer k > 0 reads layer k − 1's outputs. */
  readonly layers: number;
  readonly hiddenSize: number;
  readonly batchSize: number;
  readonly optimizer: OptimizerConfig;
  readonly learningRate: number;
  readonly schedule: LearningRateSchedule;
  readonly clip: ClipConfig;
  readonly init: {
    readonly scheme: InitScheme;
    /** Standard deviation of the 'gaussian' scheme. */
    readonly std: number;
    /** LSTM only: the forget gate's total bias (default {@link DEFAULT_FORGET_BIAS}); null leaves the scheme's. */
    readonly forgetBias: number | null;
  };
  /**
   * Inverted-dropout rates in [0, 0.9]: inputs, outputs (before the head), the recurrent state (one mask per
   * sequence, in every layer), and `layer`, the outputs of every stacked layer but the top (PyTorch's
   * `dropout` of `num_layers` > 1; no effect with one layer).
   */
  readonly dropout: {
    readonly input: number;
    readonly output: number;
    readonly recurrent: number;
    readonly layer: number;
  };
  /** Truncated BPTT window in steps; null for full BPTT. */
  readonly truncation: number | null;
  readonly batching: BatchingConfig;
  readonly seed: number;
}

/** Bounds the UI enforces and the validator checks. */
export const TRAINER_LIMITS = {
  layers: { min: 1, max: 3 },
  hiddenSize: { min: 1, max: 256 },
  batchSize: { min: 1, max: 256 },
  // Up to 1000 so that the exploding-gradient lessons can show plain SGD diverging without clipping.
  learningRate: { min: 1e-6, max: 1000 },
  dropout: { min: 0, max: 0.9 },
  truncation: { min: 1, max: 1000 },
  steps: { min: 2, max: 400 },
  buckets: { min: 1, max: 16 },
  seed: { min: 0, max: 2 ** 31 - 1 },
  std: { min: 0, max: 10 },
  forgetBias: { min: -10, max: 10 },
} as const;

/**
 * The LSTM's forget-gate bias unless a run says otherwise. A bias b starts the gate at σ(b), so the
 * untrained cell keeps its content for about 1/(1 − σ(b)) steps (Tallec and Ollivier, 2018): 3.7 steps at
 * b = 1, 21 at b = 3. Recall at lag 20 (hidden 64, Adam 0.01, clip 1, batch 32) learned on 2 of 8 seeds in
 * 1,500 steps with b = 1, and reaches 99% held-out accuracy within 100 steps on each of seeds 1 to 10 with
 * b = 3 (tests/unit/demoSeeds.test.ts checks the app's demos on ten seeds).
 */
export const DEFAULT_FORGET_BIAS = 3;

/** A configuration that trains the recall task well with an LSTM in a few minutes on a laptop. */
export const DEFAULT_TRAINER_CONFIG: TrainerConfig = {
  cell: 'lstm',
  task: TASK_SPECS.recall.defaults,
  layers: 1,
  hiddenSize: 32,
  batchSize: 32,
  optimizer: { kind: 'adam' },
  learningRate: 0.01,
  schedule: { kind: 'constant' },
  clip: { kind: 'norm', maxNorm: 1 },
  init: { scheme: 'pytorch', std: 0.1, forgetBias: DEFAULT_FORGET_BIAS },
  dropout: { input: 0, output: 0, recurrent: 0, layer: 0 },
  truncation: null,
  batching: { kind: 'fixed' },
  seed: 1,
};

function range(
  problems: ConfigProblem[],
  field: string,
  label: string,
  value: number,
  limits: { readonly min: number; readonly max: number },
  integer: boolean,
): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || (integer && !Number.isInteger(value))) {
    problems.push({
      field,
      message: `${label} must be ${integer ? 'a whole number' : 'a number'}; got ${String(value)}.`,
    });
  } else if (value < limits.min || value > limits.max) {
    problems.push({ field, message: `${label} must be from ${limits.min} to ${limits.max}; got ${value}.` });
  }
}

/** Every problem with a configuration, each naming its field; empty when the configuration is usable. */
export function validateTrainerConfig(config: TrainerConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const L = TRAINER_LIMITS;
  if (!['rnn', 'lstm', 'gru'].includes(config.cell)) {
    problems.push({
      field: 'cell',
      message: `The cell must be rnn, lstm or gru; got ${String(config.cell)}.`,
    });
  }
  problems.push(
    ...validateTaskConfig(config.task).map((p) => ({ field: `task.${p.field}`, message: p.message })),
  );
  range(problems, 'layers', 'The number of layers', config.layers, L.layers, true);
  range(problems, 'hiddenSize', 'Hidden size', config.hiddenSize, L.hiddenSize, true);
  range(problems, 'batchSize', 'Batch size', config.batchSize, L.batchSize, true);
  range(problems, 'seed', 'The seed', config.seed, L.seed, true);
  problems.push(...validateLearningRate(config.learningRate).map((p) => ({ ...p, field: 'learningRate' })));
  if (
    problems.every((p) => p.field !== 'learningRate') &&
    (config.learningRate < L.learningRate.min || config.learningRate > L.learningRate.max)
  ) {
    problems.push({
      field: 'learningRate',
      message: `The learning rate must be from ${L.learningRate.min} to ${L.learningRate.max}; got ${config.learningRate}.`,
    });
  }
  problems.push(
    ...validateOptimizerConfig(config.optimizer).map((p) => ({ ...p, field: `optimizer.${p.field}` })),
  );
  problems.push(...validateSchedule(config.schedule).map((p) => ({ ...p, field: `schedule.${p.field}` })));
  problems.push(...validateClipConfig(config.clip).map((p) => ({ ...p, field: `clip.${p.field}` })));
  if (!['pytorch', 'xavier', 'orthogonal', 'gaussian'].includes(config.init.scheme)) {
    problems.push({ field: 'init.scheme', message: `Unknown initialisation ${String(config.init.scheme)}.` });
  }
  range(problems, 'init.std', 'The Gaussian standard deviation', config.init.std, L.std, false);
  if (config.init.forgetBias !== null) {
    range(problems, 'init.forgetBias', 'The forget-gate bias', config.init.forgetBias, L.forgetBias, false);
  }
  for (const key of ['input', 'output', 'recurrent'] as const) {
    range(problems, `dropout.${key}`, `The ${key} dropout rate`, config.dropout[key], L.dropout, false);
  }
  range(problems, 'dropout.layer', 'The dropout rate between layers', config.dropout.layer, L.dropout, false);
  if (config.truncation !== null) {
    range(problems, 'truncation', 'The truncation window', config.truncation, L.truncation, true);
  }
  const batching = config.batching;
  if (!['fixed', 'padding', 'buckets'].includes(batching.kind)) {
    problems.push({ field: 'batching.kind', message: 'Batching must be fixed, padding or buckets.' });
  } else if (batching.kind !== 'fixed') {
    if (config.task.kind !== 'recall' && config.task.kind !== 'adding') {
      problems.push({
        field: 'batching.kind',
        message: 'Variable-length batches exist for the recall and adding tasks only.',
      });
    }
    range(problems, 'batching.minSteps', 'The shortest length', batching.minSteps, L.steps, true);
    range(problems, 'batching.maxSteps', 'The longest length', batching.maxSteps, L.steps, true);
    range(problems, 'batching.buckets', 'The number of buckets', batching.buckets, L.buckets, true);
    if (batching.minSteps > batching.maxSteps) {
      problems.push({
        field: 'batching.maxSteps',
        message: 'The longest length must be at least the shortest.',
      });
    }
  }
  return problems;
}
