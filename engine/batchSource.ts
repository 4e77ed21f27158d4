/**
 * Where a run's training batches come from: the task's own fixed-length stream, or variable-length
 * sequences batched by padding or by length buckets (engine/batching.ts), which reports how many of the
 * computed steps were padding.
 */
import {
  generateVariableLengthSequences,
  padSequences,
  planBucketing,
  planPadding,
  type Sequence,
} from './batching.ts';
import type { Rng } from './rng.ts';
import type { Task } from './tasks/task.ts';
import type { BatchingConfig } from './trainerConfig.ts';
import type { SequenceBatch } from './types.ts';

export interface SourcedBatch {
  readonly batch: SequenceBatch;
  /** Padded steps / all computed steps in this batch (0 for fixed-length batches). */
  readonly paddedShare: number;
}

export interface BatchSource {
  next(): SourcedBatch;
}

/** How many batches' worth of sequences one round of variable-length batching plans at once. */
const ROUND_BATCHES = 16;

/** A batch source for the configuration; `rng` seeds the variable-length rounds (advanced per round). */
export function createBatchSource(
  task: Task,
  batching: BatchingConfig,
  batchSize: number,
  rng: Rng,
): BatchSource {
  if (batching.kind === 'fixed') {
    const stream = task.trainStream(batchSize);
    return { next: () => ({ batch: stream.next(), paddedShare: 0 }) };
  }
  const config = task.config;
  if (config.kind !== 'recall' && config.kind !== 'adding') {
    throw new RangeError('Variable-length batches exist for the recall and adding tasks only.');
  }
  const { minSteps, maxSteps, buckets } = batching;
  let queue: { sequences: Sequence[]; indices: readonly number[] }[] = [];
  const refill = () => {
    const sequences = generateVariableLengthSequences({
      task: config.kind,
      count: batchSize * ROUND_BATCHES,
      minLength: minSteps,
      maxLength: maxSteps,
      seed: rng.int(2 ** 31),
      ...(config.kind === 'recall' ? { symbols: config.symbols, distractors: config.distractors } : {}),
    });
    const lengths = sequences.map((sequence) => sequence.length);
    const width = (maxSteps - minSteps + 1) / buckets;
    const boundaries = Array.from({ length: buckets - 1 }, (_, k) =>
      Math.floor(minSteps - 1 + width * (k + 1)),
    );
    const plan =
      batching.kind === 'padding'
        ? planPadding(lengths, batchSize)
        : planBucketing(lengths, batchSize, { boundaries, rng });
    queue = plan.batches.map((layout) => ({ sequences, indices: layout.indices }));
  };
  return {
    next() {
      if (queue.length === 0) refill();
      const { sequences, indices } = queue.shift()!;
      const padded = padSequences(sequences, indices);
      return { batch: padded.batch, paddedShare: padded.stats.wasteShare };
    },
  };
}
