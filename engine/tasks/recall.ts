/**
 * Recall: "output the symbol you saw `lag` steps ago", the memory-horizon experiment of lesson 2.
 *
 * Design. A sequence has T = lag + 1 steps, one-hot inputs over S symbols, D distractors and a query:
 *
 *     step 0            the cue: one of the S symbols, uniformly at random
 *     steps 1 .. lag-1  distractors: one of the D distractor symbols each, uniformly (all-zero if D = 0)
 *     step lag          the query marker
 *
 * The target is the cue, at the query step only (many-to-one); it is exactly `lag` steps old when asked.
 * Distractors come from their own symbols, never from the S answer symbols, so the answer is unambiguous:
 * the one answer symbol in the sequence. They add noise the memory has to ignore (a gate must close on
 * them), which is what separates a plain RNN from an LSTM as the lag grows. The cue is uniform, so guessing
 * scores 1/S; there is nothing to learn except carrying the cue for `lag` steps. The query marker makes the
 * moment to answer visible in the input, so the same network also answers sequences of other lengths
 * (engine/batching.ts generates such variable-length recall sequences).
 *
 * Input channels: [0, S) symbols, [S, S+D) distractors, S+D the query; I = S + D + 1.
 */
import type { Rng } from '../rng.ts';
import type { SequenceBatch } from '../types.ts';
import type { TaskSpec } from './types.ts';

/** Configuration of the recall task. */
export interface RecallConfig {
  readonly kind: 'recall';
  /** Steps between the cue and the query, 1..200; T = lag + 1. */
  readonly lag: number;
  /** S, the answer alphabet, 2..32. */
  readonly symbols: number;
  /** D, distractor symbols filling the gap, 0..16 (0 leaves the gap as all-zero inputs). */
  readonly distractors: number;
  /** Sequences in the held-out set, 16..4096. */
  readonly heldOutSize: number;
}

/** The input width for S symbols and D distractors: S + D + 1. */
export function recallInputSize(symbols: number, distractors: number): number {
  return symbols + distractors + 1;
}

/**
 * Writes one recall sequence with the given lag into `x` at `offset` (steps lag+1, width
 * `recallInputSize`; the slots must be zero) and returns the cue, the class to predict at step `lag`.
 */
export function writeRecallSequence(
  rng: Rng,
  lag: number,
  symbols: number,
  distractors: number,
  x: Float64Array,
  offset: number,
): number {
  const width = recallInputSize(symbols, distractors);
  const cue = rng.int(symbols);
  x[offset + cue] = 1;
  for (let t = 1; t < lag; t++) {
    if (distractors > 0) x[offset + t * width + symbols + rng.int(distractors)] = 1;
  }
  x[offset + lag * width + symbols + distractors] = 1;
  return cue;
}

function recallBatch(rng: Rng, config: RecallConfig, batchSize: number): SequenceBatch {
  const { lag, symbols, distractors } = config;
  const steps = lag + 1;
  const inputSize = recallInputSize(symbols, distractors);
  const x = new Float64Array(batchSize * steps * inputSize);
  const labels = new Int32Array(batchSize * steps).fill(-1);
  for (let b = 0; b < batchSize; b++) {
    labels[b * steps + lag] = writeRecallSequence(rng, lag, symbols, distractors, x, b * steps * inputSize);
  }
  return {
    batchSize,
    steps,
    inputSize,
    x,
    lengths: new Int32Array(batchSize).fill(steps),
    target: { kind: 'class', numClasses: symbols, labels },
  };
}

/** Names of the answer symbols: 'A', 'B', … */
export function recallSymbolLabels(symbols: number): string[] {
  return Array.from({ length: symbols }, (_, k) => String.fromCharCode(65 + k));
}

/** The recall task's spec; see the file comment for the design. */
export const recallSpec: TaskSpec<RecallConfig> = {
  kind: 'recall',
  title: 'Recall',
  summary: 'See a symbol, wait through distractors, and name the symbol when asked lag steps later.',
  defaults: { kind: 'recall', lag: 20, symbols: 8, distractors: 2, heldOutSize: 512 },
  fields: [
    { key: 'lag', label: 'Lag', min: 1, max: 200, integer: true },
    { key: 'symbols', label: 'Symbols', min: 2, max: 32, integer: true },
    { key: 'distractors', label: 'Distractor symbols', min: 0, max: 16, integer: true },
    { key: 'heldOutSize', label: 'Held-out sequences', min: 16, max: 4096, integer: true },
  ],
  extraProblems: () => [],
  build(config) {
    const { symbols, distractors, lag } = config;
    const labels = recallSymbolLabels(symbols);
    // Short labels, because figures write one under every time step: answer symbols A, B, …;
    // distractors 1, 2, …; the query ?.
    const inputLabels = [...labels, ...Array.from({ length: distractors }, (_, k) => String(k + 1)), '?'];
    return {
      inputSize: recallInputSize(symbols, distractors),
      inputLabels,
      output: { kind: 'classes', numClasses: symbols, labels },
      outputSize: symbols,
      loss: 'cross-entropy',
      metrics: ['accuracy'],
      mapping: 'many-to-one',
      steps: lag + 1,
      baseline: { metric: 'accuracy', value: 1 / symbols, description: `guess one of ${symbols} symbols` },
      sampleBatch: (rng, batchSize) => recallBatch(rng, config, batchSize),
      heldOutBatch: (rng) => recallBatch(rng, config, config.heldOutSize),
    };
  },
};
