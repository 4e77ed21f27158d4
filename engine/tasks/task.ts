/**
 * The registry of training tasks: the one place tasks are looked up, validated and created (what a task
 * file provides is typed in ./types.ts, which imports no task, so task files never import this registry).
 *
 * A task turns a typed configuration and a seed into sequence batches. Seeding discipline lives here, not
 * in the task files: the training stream draws from `createRng(seed).fork(TRAIN_STREAM)` and the held-out
 * set from `createRng(seed).fork(HELD_OUT_STREAM)`, two independent generators, so no training batch is
 * ever drawn from the held-out generator and the held-out set never changes while training goes on.
 *
 * Configuration problems follow the convention of engine/optim.ts: a `validate…` function returns a list of
 * `{ field, message }` problems for the UI, and `createTask` throws a {@link TaskConfigError} carrying them.
 */
import { ConfigError, type ConfigProblem } from '../configProblem.ts';
import { createRng } from '../rng.ts';
import type { SequenceBatch, Target } from '../types.ts';
import { type AddingConfig, addingSpec } from './adding.ts';
import { type CharsConfig, charsSpec } from './chars.ts';
import { type RecallConfig, recallSpec } from './recall.ts';
import { type SineConfig, sineSpec } from './sine.ts';
import { type TextConfig, textSpec } from './text.ts';
import type { MetricName, TaskBody, TaskSpec, TrainStream } from './types.ts';

/** Every task configuration, told apart by `kind`. */
export type TaskConfig = RecallConfig | AddingConfig | SineConfig | CharsConfig | TextConfig;

/** The names of the tasks. */
export type TaskKind = TaskConfig['kind'];

/** The configuration type of one task kind. */
export type ConfigOf<K extends TaskKind> = Extract<TaskConfig, { kind: K }>;

/** Thrown by {@link createTask} for a configuration that {@link validateTaskConfig} rejects. */
export class TaskConfigError extends ConfigError {
  override readonly name = 'TaskConfigError';
  constructor(problems: readonly ConfigProblem[]) {
    super('task configuration', problems);
  }
}

/** A task ready to train on: its body plus the seeded training stream and the fixed held-out set. */
export interface Task<C extends TaskConfig = TaskConfig> extends TaskBody {
  readonly config: C;
  readonly seed: number;
  /** The headline held-out metric, `metrics[0]`. */
  readonly metricName: MetricName;
  /** A new stream starting from the beginning: the same seed and batch size give the same batches. */
  trainStream(batchSize: number): TrainStream;
  /** The fixed held-out set (computed once, then the same object every call). */
  heldOut(): SequenceBatch;
}

/** The `fork` stream numbers the training and held-out generators come from; any other use avoids them. */
export const TRAIN_STREAM = 0x7a51;
/** See {@link TRAIN_STREAM}. */
export const HELD_OUT_STREAM = 0x7a52;
/** The largest batch `trainStream` accepts. */
export const MAX_BATCH_SIZE = 4096;

/** Every task's spec, by kind. */
export const TASK_SPECS: { readonly [K in TaskKind]: TaskSpec<ConfigOf<K>> } = {
  recall: recallSpec,
  adding: addingSpec,
  sine: sineSpec,
  chars: charsSpec,
  text: textSpec,
};

/** The task kinds in the order a menu lists them. */
export const TASK_KINDS: readonly TaskKind[] = ['recall', 'adding', 'sine', 'chars', 'text'];

function specOf<K extends TaskKind>(kind: K): TaskSpec<ConfigOf<K>> {
  return TASK_SPECS[kind];
}

/** The default configuration of `kind`, with `overrides` laid over it. */
export function taskConfig<K extends TaskKind>(
  kind: K,
  overrides: Partial<Omit<ConfigOf<K>, 'kind'>> = {},
): ConfigOf<K> {
  return { ...specOf(kind).defaults, ...overrides, kind };
}

/** Every problem with `config` (empty when valid): unknown kind, non-numbers, non-integers, out-of-range values. */
export function validateTaskConfig(config: TaskConfig): ConfigProblem[] {
  // Configurations arrive from URLs and saved settings, so even the kind is checked before use.
  const kind: unknown = typeof config === 'object' && config !== null ? config.kind : undefined;
  if (typeof kind !== 'string' || !Object.hasOwn(TASK_SPECS, kind)) {
    const message = `Unknown task ${JSON.stringify(kind) ?? 'kind'}; expected one of ${TASK_KINDS.join(', ')}.`;
    return [{ field: 'kind', message }];
  }
  const spec = TASK_SPECS[kind as TaskKind] as TaskSpec<TaskConfig>;
  const problems: ConfigProblem[] = [];
  for (const field of spec.fields) {
    const value: unknown = config[field.key];
    const wanted = `${field.integer ? 'an integer' : 'a number'} from ${field.min} to ${field.max}`;
    const ok =
      typeof value === 'number' &&
      Number.isFinite(value) &&
      (!field.integer || Number.isInteger(value)) &&
      value >= field.min &&
      value <= field.max;
    if (!ok) {
      const got = typeof value === 'number' ? String(value) : (JSON.stringify(value) ?? 'nothing');
      problems.push({ field: field.key, message: `${field.label} must be ${wanted}; got ${got}.` });
    }
  }
  // Relations between fields only make sense once each field is in range.
  return problems.length > 0 ? problems : spec.extraProblems(config);
}

/**
 * Builds a task from a configuration and a seed (any integer; see engine/rng.ts).
 * Throws {@link TaskConfigError} if the configuration is invalid.
 */
export function createTask<C extends TaskConfig>(config: C, seed: number): Task<C> {
  const problems = validateTaskConfig(config);
  if (problems.length > 0) throw new TaskConfigError(problems);
  const body = (TASK_SPECS[config.kind] as TaskSpec<TaskConfig>).build(config);
  const root = createRng(seed);
  let heldOut: SequenceBatch | undefined;
  return {
    ...body,
    config,
    seed,
    metricName: body.metrics[0]!,
    trainStream(batchSize: number): TrainStream {
      if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
        throw new RangeError(`Batch size must be an integer from 1 to ${MAX_BATCH_SIZE}; got ${batchSize}.`);
      }
      const rng = root.fork(TRAIN_STREAM);
      let drawn = 0;
      return {
        next() {
          drawn++;
          return body.sampleBatch(rng, batchSize);
        },
        get batchesDrawn() {
          return drawn;
        },
      };
    },
    heldOut() {
      heldOut ??= body.heldOutBatch(root.fork(HELD_OUT_STREAM));
      return heldOut;
    },
  };
}

/** Held-out scores of one batch; only the metrics that apply to the target's kind are present. */
export interface Scores {
  /** Share of targeted steps whose largest logit is the label (class targets). */
  readonly accuracy?: number;
  /** Mean negative log-likelihood in nats per targeted step (class targets). */
  readonly crossEntropy?: number;
  /** exp(crossEntropy) (class targets). */
  readonly perplexity?: number;
  /** Mean over targeted steps of the squared error averaged over the value's components (value targets). */
  readonly mse?: number;
  /** How many steps carried a target. */
  readonly count: number;
}

/**
 * Scores the model's outputs on `batch`: `outputs` is [B][T][O] row-major, logits for class targets
 * (a stable log-softmax is taken here) or predicted values for value targets. Steps without a target
 * (label -1, weight 0, or beyond the sequence's length) are skipped. Returns NaN metrics if no step counts.
 */
export function scoreOutputs(batch: SequenceBatch, outputs: Float64Array): Scores {
  const { batchSize, steps, lengths, target } = batch;
  const outputSize = outputWidth(target);
  if (outputs.length !== batchSize * steps * outputSize) {
    throw new RangeError(
      `outputs should have ${batchSize * steps * outputSize} numbers; got ${outputs.length}.`,
    );
  }
  let count = 0;
  let correct = 0;
  let total = 0;
  for (let b = 0; b < batchSize; b++) {
    for (let t = 0; t < lengths[b]!; t++) {
      const row = b * steps + t;
      const base = row * outputSize;
      if (target.kind === 'class') {
        const label = target.labels[row]!;
        if (label < 0) continue;
        let max = Number.NEGATIVE_INFINITY;
        let argmax = 0;
        for (let k = 0; k < outputSize; k++) {
          if (outputs[base + k]! > max) {
            max = outputs[base + k]!;
            argmax = k;
          }
        }
        let sum = 0;
        for (let k = 0; k < outputSize; k++) sum += Math.exp(outputs[base + k]! - max);
        total += max + Math.log(sum) - outputs[base + label]!;
        if (argmax === label) correct++;
      } else {
        if (target.weight[row] === 0) continue;
        let squared = 0;
        for (let k = 0; k < outputSize; k++) squared += (outputs[base + k]! - target.values[base + k]!) ** 2;
        total += squared / outputSize;
      }
      count++;
    }
  }
  if (target.kind === 'value') return { mse: total / count, count };
  const crossEntropy = total / count;
  return { accuracy: correct / count, crossEntropy, perplexity: Math.exp(crossEntropy), count };
}

function outputWidth(target: Target): number {
  return target.kind === 'class' ? target.numClasses : target.size;
}
