/**
 * What a task file provides and what a built task offers, apart from the registry (./task.ts) so that the
 * task files can import these types without importing the registry that imports them.
 */
import type { ConfigProblem } from '../configProblem.ts';
import type { Rng } from '../rng.ts';
import type { VocabularyReport } from '../text/vocabulary.ts';
import type { SequenceBatch } from '../types.ts';

/** What the model predicts: a class out of `labels` (softmax head) or `size` real values (linear head). */
export type TaskOutput =
  | { readonly kind: 'classes'; readonly numClasses: number; readonly labels: readonly string[] }
  | { readonly kind: 'values'; readonly size: number; readonly labels: readonly string[] };

/** Held-out metrics: accuracy (higher is better), mean squared error and perplexity (lower is better). */
export type MetricName = 'accuracy' | 'mse' | 'perplexity';

/** Which head and loss to train with: softmax + cross-entropy for classes, linear + MSE for values. */
export type LossName = 'cross-entropy' | 'mse';

/** What a trivial predictor scores on the task, to draw as a reference line beside the learning curve. */
export interface Baseline {
  readonly metric: MetricName;
  readonly value: number;
  /** How that predictor guesses, e.g. "guess one of 8 symbols at random". */
  readonly description: string;
}

/**
 * The symbols of a task whose inputs are one-hot symbols and whose classes are the next symbol (a language
 * model): symbol k is input channel k and class k. Generation (engine/generate.ts) reads and writes text
 * through it.
 */
export interface Vocabulary {
  readonly symbols: readonly string[];
  /** The symbol indices of `text`; throws RangeError on text outside the vocabulary. */
  encode(text: string): Int32Array;
  /** The text of a list of symbol indices (the inverse of encode). */
  decode(codes: ArrayLike<number>): string;
  /** For a vocabulary built from a text: what its size cap did to the text. */
  readonly report?: VocabularyReport;
}

/** Everything a task file builds from a valid configuration; {@link createTask} adds the seeded streams. */
export interface TaskBody {
  /** I, the width of one input step. */
  readonly inputSize: number;
  /** A name for each of the `inputSize` input channels, for figures. */
  readonly inputLabels: readonly string[];
  readonly output: TaskOutput;
  /** O, the width of the head: `numClasses` or `size` of `output`. */
  readonly outputSize: number;
  readonly loss: LossName;
  /** The held-out metrics that make sense, the headline one first. */
  readonly metrics: readonly MetricName[];
  /** Many-to-one: a target only at each sequence's last step. Many-to-many: a target at every step. */
  readonly mapping: 'many-to-one' | 'many-to-many';
  /** T of every batch the task produces (its sequences all have this length). */
  readonly steps: number;
  readonly baseline: Baseline;
  /** Further reference scores on the same held-out set (the text task's bigram), best last. */
  readonly references?: readonly Baseline[];
  /** For next-symbol tasks (chars, text): the symbols, so a trained model can generate text. */
  readonly vocabulary?: Vocabulary;
  /** A fresh batch of `batchSize` sequences drawn from `rng` (advances `rng`). */
  sampleBatch(rng: Rng, batchSize: number): SequenceBatch;
  /** The held-out set, drawn from `rng` (or a fixed slice of data, for chars). */
  heldOutBatch(rng: Rng): SequenceBatch;
}

/** A numeric configuration field with its allowed range, for validation and for the UI's sliders. */
export interface NumberField<C> {
  readonly key: Extract<keyof C, string>;
  readonly label: string;
  readonly min: number;
  readonly max: number;
  readonly integer: boolean;
}

/** What each task file exports: defaults, fields and how to build the task. */
export interface TaskSpec<C extends { readonly kind: string }> {
  readonly kind: C['kind'];
  readonly title: string;
  /** One sentence for a person choosing a task. */
  readonly summary: string;
  readonly defaults: C;
  readonly fields: readonly NumberField<C>[];
  /** Problems the per-field ranges cannot express (non-numeric fields, relations between fields). */
  extraProblems(config: C): ConfigProblem[];
  /** Builds the task; `config` has passed validation. */
  build(config: C): TaskBody;
}

/** A deterministic, endless stream of training batches. */
export interface TrainStream {
  /** The next batch of the stream. */
  next(): SequenceBatch;
  /** How many batches `next` has returned so far. */
  readonly batchesDrawn: number;
}
