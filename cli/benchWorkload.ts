/**
 * The benchmark's workloads on our engine, built from the same pieces the trainer uses (engine/recurrent.ts,
 * engine/stack.ts, engine/head.ts, engine/optim.ts) but without a task. The standard workload: one
 * recurrent layer, many-to-one, a dense softmax head, cross-entropy, plain SGD. The char-LM workload: a
 * 2-layer LSTM over one-hot characters, the softmax head at every step (many-to-many), Adam. The batches
 * are random and generated once, like the tfjs peer's (cli/tfjsPeer.ts), so a timed step is forward +
 * BPTT + update and nothing else.
 */
import { createHeadWorkspace, headBackward, headForward } from '../engine/head.ts';
import { createModel, zeroGradients } from '../engine/model.ts';
import { createOptimizer } from '../engine/optim.ts';
import { backward, createWorkspace, type DenseKernels, forward } from '../engine/recurrent.ts';
import { createRng } from '../engine/rng.ts';
import { createStackWorkspace, stackBackward, stackForward } from '../engine/stack.ts';
import type { CellKind, SequenceBatch } from '../engine/types.ts';

/** The sizes of one benchmark workload. */
export interface WorkloadSizes {
  readonly inputSize: number;
  readonly hiddenSize: number;
  readonly steps: number;
  readonly batchSize: number;
  readonly classes: number;
}

/** The standard workload of `bench`: I 8, H 32, T 50, B 16, 10 classes. */
export const STANDARD_WORKLOAD: WorkloadSizes = {
  inputSize: 8,
  hiddenSize: 32,
  steps: 50,
  batchSize: 16,
  classes: 10,
};

/** The sizes of a stacked workload: a {@link WorkloadSizes} and the number of layers. */
export interface StackSizes extends WorkloadSizes {
  readonly layers: number;
}

/**
 * The char-LM workload of `bench`: vocabulary 64 (one-hot input 64, softmax over 64 at every step),
 * 2 LSTM layers of 128, sequence 64, batch 32: a small character model at the size people train.
 */
export const CHAR_LM_WORKLOAD: StackSizes = {
  inputSize: 64,
  hiddenSize: 128,
  steps: 64,
  batchSize: 32,
  classes: 64,
  layers: 2,
};

/** The char-LM workload's Adam learning rate (PyTorch's and tfjs's default), the tfjs peer's. */
export const CHAR_LM_LEARNING_RATE = 0.001;

/** The SGD learning rate, the tfjs peer's. */
const LEARNING_RATE = 0.1;

/**
 * A ready-to-time training step on one fixed random batch: x ~ N(0, 1), a random label at each sequence's
 * last step. `step` runs zero grads, forward, head forward/backward, BPTT (the weight gradients; dL/dx,
 * which training does not use, is skipped) and the SGD update, and returns
 * the loss (so the work cannot be optimised away); `kernels` picks the layer's dense kernels. Allocates everything up front; `step` allocates nothing.
 */
export function createEngineWorkload(
  cell: CellKind,
  sizes: WorkloadSizes,
  seed = 1,
  kernels: DenseKernels = 'wasm',
): () => number {
  const { inputSize: I, hiddenSize: H, steps: T, batchSize: B, classes } = sizes;
  const rng = createRng(seed);
  const model = createModel(cell, I, H, classes, rng.fork(1), { scheme: 'pytorch' });
  const data = rng.fork(2);
  const labels = new Int32Array(B * T).fill(-1);
  for (let b = 0; b < B; b++) labels[b * T + T - 1] = data.int(classes);
  const batch: SequenceBatch = {
    batchSize: B,
    steps: T,
    inputSize: I,
    x: Float64Array.from({ length: B * T * I }, () => data.normal()),
    lengths: new Int32Array(B).fill(T),
    target: { kind: 'class', numClasses: classes, labels },
  };
  const workspace = createWorkspace(model.layers[0]!, B, T, true, kernels);
  const headWorkspace = createHeadWorkspace(classes);
  const optimizer = createOptimizer({ kind: 'sgd' }, model.params);
  const dHs = new Float64Array(B * T * H);
  return () => {
    zeroGradients(model);
    const { outputs } = forward(model.layers[0]!, batch, { workspace });
    const { loss } = headForward(model.head, outputs, batch.target, headWorkspace);
    headBackward(model.head, outputs, batch.target, headWorkspace, dHs);
    // Like the trainer (and tfjs, whose autodiff only follows paths from the weights), no dL/dx.
    backward(model.layers[0]!, workspace, dHs, { inputGradient: false });
    optimizer.step(LEARNING_RATE);
    return loss;
  };
}

/**
 * A ready-to-time char-LM training step (see {@link CHAR_LM_WORKLOAD}) on one fixed random batch: a random
 * symbol sequence per row, x_t its one-hot and the label at t the symbol at t + 1. `step` runs zero grads,
 * the stack's forward, the head's forward and backward at every step, BPTT through both layers (no dL/dx
 * of the bottom one) and Adam, and returns the loss. Allocates everything up front.
 */
export function createCharLmWorkload(
  sizes: StackSizes = CHAR_LM_WORKLOAD,
  seed = 1,
  kernels: DenseKernels = 'wasm',
): () => number {
  const { inputSize: V, hiddenSize: H, steps: T, batchSize: B, classes, layers } = sizes;
  const rng = createRng(seed);
  const model = createModel('lstm', V, H, classes, rng.fork(1), { scheme: 'pytorch' }, layers);
  const data = rng.fork(2);
  const x = new Float64Array(B * T * V);
  const labels = new Int32Array(B * T);
  for (let b = 0; b < B; b++) {
    let symbol = data.int(V);
    for (let t = 0; t < T; t++) {
      x[(b * T + t) * V + symbol] = 1;
      symbol = data.int(V);
      labels[b * T + t] = symbol % classes;
    }
  }
  const batch: SequenceBatch = {
    batchSize: B,
    steps: T,
    inputSize: V,
    x,
    lengths: new Int32Array(B).fill(T),
    target: { kind: 'class', numClasses: classes, labels },
  };
  const workspace = createStackWorkspace(model.layers, B, T, true, kernels);
  const headWorkspace = createHeadWorkspace(classes);
  const optimizer = createOptimizer({ kind: 'adam' }, model.params);
  const dHs = new Float64Array(B * T * H);
  return () => {
    zeroGradients(model);
    const { outputs } = stackForward(model.layers, batch, { workspace });
    const { loss } = headForward(model.head, outputs, batch.target, headWorkspace);
    headBackward(model.head, outputs, batch.target, headWorkspace, dHs);
    stackBackward(model.layers, workspace, dHs, { inputGradient: false });
    optimizer.step(CHAR_LM_LEARNING_RATE);
    return loss;
  };
}
