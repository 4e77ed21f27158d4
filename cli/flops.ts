/**
 * The arithmetic of one benchmark training step, counted explicitly so that GFLOP/s means the same for
 * every engine. A multiply-add is 2 FLOPs. Per sequence and step, the forward pass does the two matrix
 * products W_ih·x and W_hh·h over all G gate blocks: 2·G·H·(I + H). The backward pass does the weight
 * gradients dW_ih += δ·xᵀ and dW_hh += δ·hᵀ, 2·G·H·(I + H), and sends the gradient back through the
 * recurrence, W_hhᵀ·δ, 2·G·H·H; dL/dx is not needed for training, and neither engine computes it. So a
 * sequence-step costs 2·G·H·(2I + 3H), backward ≈ 1.8× forward at I = 8, H = 32. The many-to-one head
 * costs 2·O·H forward and 4·O·H backward, once per sequence; the SGD update w ← w − lr·dw costs 2 per
 * parameter, once per batch. Gate nonlinearities, elementwise products, bias additions and the softmax
 * are not counted, so the figure is a lower bound on the work done.
 */
import { type CellKind, GATE_BLOCKS } from '../engine/types.ts';
import type { StackSizes, WorkloadSizes } from './benchWorkload.ts';

/** The formula in words, for the benchmark's output and the README. */
export const FLOP_FORMULA =
  'FLOPs/step = B·[T·2·G·H·(2I+3H) + 6·O·H] + 2·P,  P = G·H·(I+H+2) + O·(H+1),  G = 4 LSTM, 3 GRU, 1 RNN';

/** FLOPs of one training step (forward + BPTT + SGD update) on a batch of the given sizes. */
export function flopsPerStep(cell: CellKind, sizes: WorkloadSizes): number {
  const { inputSize: I, hiddenSize: H, steps: T, batchSize: B, classes: O } = sizes;
  const G = GATE_BLOCKS[cell];
  const recurrent = T * 2 * G * H * (2 * I + 3 * H);
  const head = 6 * O * H;
  const parameters = G * H * (I + H + 2) + O * (H + 1);
  return B * (recurrent + head) + 2 * parameters;
}

/** GFLOP/s of an engine that trains `seqPerSec` sequences per second on this workload. */
export function gflops(cell: CellKind, sizes: WorkloadSizes, seqPerSec: number): number {
  return (flopsPerStep(cell, sizes) * (seqPerSec / sizes.batchSize)) / 1e9;
}

/** The char-LM workload's formula in words (cli/benchWorkload.ts CHAR_LM_WORKLOAD). */
export const CHAR_LM_FLOP_FORMULA =
  'FLOPs/step = B·T·[2·G·H·(2I+3H) + (L−1)·2·G·H·6H + 6·O·H] + 2·P,  G = 4, P the parameters, head at every step';

/**
 * FLOPs of one char-LM training step: every layer's products as in {@link flopsPerStep}, where layer k > 0
 * reads H values and also sends dL/dx (2·G·H·H) down to the layer below, the head at every step, and the
 * update counted as 2 per parameter like SGD (Adam does more, so this is a lower bound too).
 */
export function charLmFlopsPerStep(sizes: StackSizes): number {
  const { inputSize: I, hiddenSize: H, steps: T, batchSize: B, classes: O, layers: L } = sizes;
  const G = GATE_BLOCKS.lstm;
  const bottom = 2 * G * H * (2 * I + 3 * H);
  const above = 2 * G * H * (2 * H + 3 * H) + 2 * G * H * H;
  const parameters = G * H * (I + H + 2) + (L - 1) * G * H * (2 * H + 2) + O * (H + 1);
  return B * T * (bottom + (L - 1) * above + 6 * O * H) + 2 * parameters;
}
