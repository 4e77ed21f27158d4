/**
 * Variable-length batches: padding with masks, and bucketing by length.
 *
 * A batch is a rectangle [B][T]: every sequence is padded to the longest one in its batch, and the padded
 * steps are computed for nothing (the mask or `lengths` tells the loss to ignore them). Padding keeps the
 * given order; bucketing groups sequences of similar length first, so each batch pads little. Both report
 * the share of wasted steps, padded / total. Plans are plain data (lengths per batch) that a figure draws as
 * a grid of real and padded cells; {@link padSequences} builds the actual {@link SequenceBatch}.
 */
import { createRng, type Rng } from './rng.ts';
import { ADDING_INPUT_SIZE, writeAddingSequence } from './tasks/adding.ts';
import { recallInputSize, writeRecallSequence } from './tasks/recall.ts';
import type { SequenceBatch } from './types.ts';

/** The targets of one unbatched sequence, per step: the single-sequence form of `Target` in types.ts. */
export type SequenceTarget =
  | {
      readonly kind: 'class';
      readonly numClasses: number /** [T], -1 = no target. */;
      readonly labels: Int32Array;
    }
  | {
      readonly kind: 'value';
      readonly size: number;
      /** [T][size]. */
      readonly values: Float64Array;
      /** [T], 1 where a target exists. */
      readonly weight: Float64Array;
    };

/** One sequence of its own length, before batching. */
export interface Sequence {
  readonly length: number;
  readonly inputSize: number;
  /** [length][inputSize] row-major. */
  readonly x: Float64Array;
  readonly target: SequenceTarget;
}

/** How many steps a set of batches computes, and how many of those are padding. */
export interface PaddingStats {
  /** Steps that belong to a sequence. */
  readonly realSteps: number;
  /** Steps added to fill each batch's rectangle. */
  readonly paddedSteps: number;
  /** realSteps + paddedSteps. */
  readonly totalSteps: number;
  /** paddedSteps / totalSteps, 0 when there are no steps. */
  readonly wasteShare: number;
}

/** One planned batch: which sequences (by index into the input list), their lengths, and the padded width. */
export interface BatchLayout {
  readonly indices: readonly number[];
  readonly lengths: readonly number[];
  /** T of the batch: its longest length. */
  readonly steps: number;
  readonly stats: PaddingStats;
}

/** A list of batches covering every sequence once, with the waste over all of them. */
export interface BatchPlan {
  readonly strategy: 'padding' | 'bucketing';
  readonly batches: readonly BatchLayout[];
  readonly stats: PaddingStats;
}

/** Padding statistics of batches given as lists of lengths, each padded to its own maximum. */
export function paddingStats(batches: readonly (readonly number[])[]): PaddingStats {
  let realSteps = 0;
  let totalSteps = 0;
  for (const lengths of batches) {
    let longest = 0;
    for (const length of lengths) {
      realSteps += length;
      longest = Math.max(longest, length);
    }
    totalSteps += longest * lengths.length;
  }
  const paddedSteps = totalSteps - realSteps;
  return { realSteps, paddedSteps, totalSteps, wasteShare: totalSteps === 0 ? 0 : paddedSteps / totalSteps };
}

function checkLengths(lengths: readonly number[], batchSize: number): void {
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new RangeError(`Batch size must be a positive integer; got ${batchSize}.`);
  }
  for (const length of lengths) {
    if (!Number.isInteger(length) || length < 1) {
      throw new RangeError(`Every length must be a positive integer; got ${length}.`);
    }
  }
}

function layout(indices: readonly number[], lengths: readonly number[]): BatchLayout {
  const batchLengths = indices.map((index) => lengths[index]!);
  return {
    indices,
    lengths: batchLengths,
    steps: Math.max(...batchLengths),
    stats: paddingStats([batchLengths]),
  };
}

function plan(strategy: BatchPlan['strategy'], groups: number[][], lengths: readonly number[]): BatchPlan {
  const batches = groups.map((indices) => layout(indices, lengths));
  return { strategy, batches, stats: paddingStats(batches.map((batch) => batch.lengths)) };
}

function chunk(indices: readonly number[], batchSize: number): number[][] {
  const groups: number[][] = [];
  for (let start = 0; start < indices.length; start += batchSize) {
    groups.push(indices.slice(start, start + batchSize));
  }
  return groups;
}

/** Plain padding: consecutive groups of `batchSize` in the given order, each padded to its longest. */
export function planPadding(lengths: readonly number[], batchSize: number): BatchPlan {
  checkLengths(lengths, batchSize);
  return plan(
    'padding',
    chunk(
      lengths.map((_, index) => index),
      batchSize,
    ),
    lengths,
  );
}

/** How {@link planBucketing} groups sequences. */
export interface BucketingOptions {
  /**
   * Bucket upper bounds, ascending: a sequence goes to the first bucket whose bound is ≥ its length (an
   * extra last bucket takes the longer ones), and batches are cut within each bucket in the given order,
   * as `tf.data`'s `bucket_by_sequence_length` does. Omitted: sort all sequences by length (shortest first,
   * ties in the given order) and cut consecutive batches, the limit of ever finer buckets.
   */
  readonly boundaries?: readonly number[];
  /** If given, the order of the batches is shuffled with it, as training would (the batches stay the same). */
  readonly rng?: Rng;
}

/**
 * Bucketing: group sequences of similar length, then cut batches of at most `batchSize`. Without
 * boundaries, batches are cut from the list sorted shortest first, so the one smaller batch (if the count
 * is not a multiple of `batchSize`) holds the longest sequences and pays their length the fewest times;
 * this never computes more steps than {@link planPadding} with the same batch size. With boundaries, each
 * bucket may end in a smaller batch, and no such guarantee holds.
 */
export function planBucketing(
  lengths: readonly number[],
  batchSize: number,
  options: BucketingOptions = {},
): BatchPlan {
  checkLengths(lengths, batchSize);
  const indices = lengths.map((_, index) => index);
  let groups: number[][];
  if (options.boundaries === undefined) {
    indices.sort((a, b) => lengths[a]! - lengths[b]! || a - b);
    groups = chunk(indices, batchSize);
  } else {
    const bounds = options.boundaries;
    const buckets: number[][] = Array.from({ length: bounds.length + 1 }, () => []);
    for (const index of indices) {
      const bucket = bounds.findIndex((bound) => lengths[index]! <= bound);
      buckets[bucket === -1 ? bounds.length : bucket]!.push(index);
    }
    groups = buckets.flatMap((bucket) => chunk(bucket, batchSize));
  }
  if (options.rng !== undefined) {
    for (let i = groups.length - 1; i > 0; i--) {
      const j = options.rng.int(i + 1);
      [groups[i], groups[j]] = [groups[j]!, groups[i]!];
    }
  }
  return plan('bucketing', groups, lengths);
}

/** A grid for a figure: rows = sequences of the batch, columns = its steps, true where the step is real. */
export function maskGrid(batch: Pick<BatchLayout, 'lengths' | 'steps'>): boolean[][] {
  return batch.lengths.map((length) => Array.from({ length: batch.steps }, (_, t) => t < length));
}

/** A padded batch ready for training, with its mask. */
export interface PaddedBatch {
  readonly batch: SequenceBatch;
  /** [B][T], 1 on real steps and 0 on padding (the same information as `batch.lengths`). */
  readonly mask: Uint8Array;
  readonly stats: PaddingStats;
}

/**
 * Pads `sequences` (or those at `indices`) into one batch: inputs are zero on padded steps, class labels
 * -1 and value weights 0 there. Throws RangeError if the list is empty or the sequences disagree on input
 * width or target kind and size.
 */
export function padSequences(sequences: readonly Sequence[], indices?: readonly number[]): PaddedBatch {
  const chosen = indices === undefined ? sequences : indices.map((index) => sequences[index]!);
  const first = chosen[0];
  if (first === undefined) throw new RangeError('Cannot pad an empty list of sequences.');
  const { inputSize, target: firstTarget } = first;
  const targetSize = firstTarget.kind === 'class' ? firstTarget.numClasses : firstTarget.size;
  for (const sequence of chosen) {
    const { target } = sequence;
    const size = target.kind === 'class' ? target.numClasses : target.size;
    if (sequence.inputSize !== inputSize || target.kind !== firstTarget.kind || size !== targetSize) {
      throw new RangeError('All sequences of a batch need the same input width and the same kind of target.');
    }
  }
  const batchSize = chosen.length;
  const steps = Math.max(...chosen.map((sequence) => sequence.length));
  const x = new Float64Array(batchSize * steps * inputSize);
  const lengths = new Int32Array(batchSize);
  const mask = new Uint8Array(batchSize * steps);
  const labels = new Int32Array(firstTarget.kind === 'class' ? batchSize * steps : 0).fill(-1);
  const values = new Float64Array(firstTarget.kind === 'value' ? batchSize * steps * targetSize : 0);
  const weight = new Float64Array(firstTarget.kind === 'value' ? batchSize * steps : 0);
  chosen.forEach((sequence, b) => {
    const { length, target } = sequence;
    lengths[b] = length;
    mask.fill(1, b * steps, b * steps + length);
    x.set(sequence.x.subarray(0, length * inputSize), b * steps * inputSize);
    if (target.kind === 'class') labels.set(target.labels.subarray(0, length), b * steps);
    else {
      values.set(target.values.subarray(0, length * targetSize), b * steps * targetSize);
      weight.set(target.weight.subarray(0, length), b * steps);
    }
  });
  const batch: SequenceBatch = {
    batchSize,
    steps,
    inputSize,
    x,
    lengths,
    target:
      firstTarget.kind === 'class'
        ? { kind: 'class', numClasses: targetSize, labels }
        : { kind: 'value', size: targetSize, values, weight },
  };
  return { batch, mask, stats: paddingStats([chosen.map((sequence) => sequence.length)]) };
}

/** Options of {@link generateVariableLengthSequences}. */
export interface VariableLengthOptions {
  /** Recall (length = lag + 1, cue at step 0, query at the end) or adding (markers in each half). */
  readonly task: 'recall' | 'adding';
  /** How many sequences, 1..10000. */
  readonly count: number;
  /** Lengths are drawn uniformly from minLength..maxLength inclusive; 2 ≤ minLength ≤ maxLength ≤ 1000. */
  readonly minLength: number;
  readonly maxLength: number;
  readonly seed: number;
  /** Recall only: answer symbols (default 8) and distractor symbols (default 2). */
  readonly symbols?: number;
  readonly distractors?: number;
}

/**
 * Sequences of varied lengths for the batching demo, drawn from `createRng(seed)`: recall or adding
 * sequences as in their task files, each with a target at its own last step. Throws RangeError on
 * out-of-range options.
 */
export function generateVariableLengthSequences(options: VariableLengthOptions): Sequence[] {
  const { task, count, minLength, maxLength } = options;
  const ok =
    Number.isInteger(count) &&
    count >= 1 &&
    count <= 10_000 &&
    Number.isInteger(minLength) &&
    Number.isInteger(maxLength) &&
    minLength >= 2 &&
    minLength <= maxLength &&
    maxLength <= 1000;
  if (!ok) {
    throw new RangeError('Need 1 ≤ count ≤ 10000 and integer lengths with 2 ≤ minLength ≤ maxLength ≤ 1000.');
  }
  const rng = createRng(options.seed);
  const symbols = options.symbols ?? 8;
  const distractors = options.distractors ?? 2;
  const sequences: Sequence[] = [];
  for (let n = 0; n < count; n++) {
    const length = minLength + rng.int(maxLength - minLength + 1);
    if (task === 'recall') {
      const inputSize = recallInputSize(symbols, distractors);
      const x = new Float64Array(length * inputSize);
      const labels = new Int32Array(length).fill(-1);
      labels[length - 1] = writeRecallSequence(rng, length - 1, symbols, distractors, x, 0);
      sequences.push({ length, inputSize, x, target: { kind: 'class', numClasses: symbols, labels } });
    } else {
      const x = new Float64Array(length * ADDING_INPUT_SIZE);
      const values = new Float64Array(length);
      const weight = new Float64Array(length);
      values[length - 1] = writeAddingSequence(rng, length, x, 0).sum;
      weight[length - 1] = 1;
      sequences.push({
        length,
        inputSize: ADDING_INPUT_SIZE,
        x,
        target: { kind: 'value', size: 1, values, weight },
      });
    }
  }
  return sequences;
}
