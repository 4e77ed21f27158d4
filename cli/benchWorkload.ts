/**
 * The benchmark's workload on our engine, built from the same pieces the trainer uses (engine/recurrent.ts,
 * engine/head.ts, engine/optim.ts) but without a task: one recurrent layer, many-to-one, a dense softmax
 * head, cross-entropy, plain SGD. The batch is random and generated once, like the tfjs peer's
 * (cli/tfjsPeer.ts), so a timed step is forward + BPTT + update and nothing else.
 */
import { createHeadWorkspace, headBackward, headForward } from '../engine/head.ts';
import { createModel, zeroGradients } from '../engine/model.ts';
import { createOptimizer } from '../engine/optim.ts';
import { backward, createWorkspace, forward } from '../engine/recurrent.ts';
import { createRng } from '../engine/rng.ts';
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

/** The SGD learning rate, the tfjs peer's. */
const LEARNING_RATE = 0.1;

/**
 * A ready-to-time training step on one fixed random batch: x ~ N(0, 1), a random label at each sequence's
 * last step. `step` runs zero grads, forward, head forward/backward, BPTT (the weight gradients; dL/dx,
 * which training does not use, is skipped) and the SGD update, and returns
 * the loss (so the work cannot be optimised away). Allocates everything up front; `step` allocates nothing.
 */
export function createEngineWorkload(cell: CellKind, sizes: WorkloadSizes, seed = 1): () => number {
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
  const workspace = createWorkspace(model.layers[0]!, B, T);
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
