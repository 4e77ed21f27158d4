/**
 * The adding problem (Hochreiter and Schmidhuber, 1997), in the form used since Le, Jaitly and Hinton
 * (2015) and Arjovsky, Shah and Bengio (2016).
 *
 * Each of the T steps has two input channels: a value drawn uniformly from [0, 1) and a marker, 0 or 1.
 * Exactly two steps are marked: the first uniformly among steps 0 .. ⌊T/2⌋-1 (the first half), the second
 * uniformly among ⌊T/2⌋ .. T-1 (the second half). The target, at the last step only (many-to-one, MSE),
 * is the sum of the two marked values, in [0, 2).
 *
 * Always predicting 1, the mean of the sum, scores MSE = Var(u₁ + u₂) = 2 · 1/12 = 1/6 ≈ 0.167: the
 * baseline a model must beat to show it has found the markers. (The 1997 original drew values from
 * [-1, 1], placed the first marker among the first ten steps and scaled the target to 0.5 + (u₁ + u₂)/4.)
 */
import type { Rng } from '../rng.ts';
import type { SequenceBatch } from '../types.ts';
import type { TaskSpec } from './types.ts';

/** Configuration of the adding task. */
export interface AddingConfig {
  readonly kind: 'adding';
  /** T, the sequence length, 2..1000. */
  readonly steps: number;
  /** Sequences in the held-out set, 16..4096. */
  readonly heldOutSize: number;
}

/** Input channels of the adding task: value then marker. */
export const ADDING_INPUT_SIZE = 2;

/** Where the two markers of one sequence fell, and the sum to predict. */
export interface AddingSequenceInfo {
  readonly first: number;
  readonly second: number;
  readonly sum: number;
}

/**
 * Writes one adding sequence of `steps` steps into `x` at `offset` ([steps][2]: value, marker; every slot
 * is overwritten) and returns the marked positions and their sum.
 */
export function writeAddingSequence(
  rng: Rng,
  steps: number,
  x: Float64Array,
  offset: number,
): AddingSequenceInfo {
  for (let t = 0; t < steps; t++) {
    x[offset + t * ADDING_INPUT_SIZE] = rng.next();
    x[offset + t * ADDING_INPUT_SIZE + 1] = 0;
  }
  const half = Math.floor(steps / 2);
  const first = rng.int(half);
  const second = half + rng.int(steps - half);
  x[offset + first * ADDING_INPUT_SIZE + 1] = 1;
  x[offset + second * ADDING_INPUT_SIZE + 1] = 1;
  const sum = x[offset + first * ADDING_INPUT_SIZE]! + x[offset + second * ADDING_INPUT_SIZE]!;
  return { first, second, sum };
}

function addingBatch(rng: Rng, steps: number, batchSize: number): SequenceBatch {
  const x = new Float64Array(batchSize * steps * ADDING_INPUT_SIZE);
  const values = new Float64Array(batchSize * steps);
  const weight = new Float64Array(batchSize * steps);
  for (let b = 0; b < batchSize; b++) {
    const { sum } = writeAddingSequence(rng, steps, x, b * steps * ADDING_INPUT_SIZE);
    values[b * steps + steps - 1] = sum;
    weight[b * steps + steps - 1] = 1;
  }
  return {
    batchSize,
    steps,
    inputSize: ADDING_INPUT_SIZE,
    x,
    lengths: new Int32Array(batchSize).fill(steps),
    target: { kind: 'value', size: 1, values, weight },
  };
}

/** The adding task's spec; see the file comment for the design. */
export const addingSpec: TaskSpec<AddingConfig> = {
  kind: 'adding',
  title: 'Adding',
  summary: 'Read a stream of numbers, two of them marked, and output the sum of the marked two at the end.',
  defaults: { kind: 'adding', steps: 50, heldOutSize: 512 },
  fields: [
    { key: 'steps', label: 'Sequence length', min: 2, max: 1000, integer: true },
    { key: 'heldOutSize', label: 'Held-out sequences', min: 16, max: 4096, integer: true },
  ],
  extraProblems: () => [],
  build(config) {
    const { steps, heldOutSize } = config;
    return {
      inputSize: ADDING_INPUT_SIZE,
      inputLabels: ['value', 'marker'],
      output: { kind: 'values', size: 1, labels: ['sum'] },
      outputSize: 1,
      loss: 'mse',
      metrics: ['mse'],
      mapping: 'many-to-one',
      steps,
      baseline: { metric: 'mse', value: 1 / 6, description: 'always answer 1, the mean of the sum' },
      sampleBatch: (rng, batchSize) => addingBatch(rng, steps, batchSize),
      heldOutBatch: (rng) => addingBatch(rng, steps, heldOutSize),
    };
  },
};
