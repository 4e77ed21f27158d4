/**
 * A model as the course uses it: one recurrent layer (RNN, LSTM or GRU) and a dense head, in PyTorch's
 * layout (`nn.RNN/LSTM/GRU(batch_first=True)` followed by `nn.Linear`).
 */

import { type InitOptions, initRecurrentParams } from './init.ts';
import { createParam, createRecurrentParams, recurrentParamList } from './params.ts';
import type { Rng } from './rng.ts';
import type { CellKind, DenseParams, Param, RecurrentParams } from './types.ts';

export interface Model {
  readonly recurrent: RecurrentParams;
  readonly head: DenseParams;
  /** Every trainable tensor, recurrent first then head (the optimiser's and clipping's order). */
  readonly params: readonly Param[];
}

/** A dense layer O×H with `nn.Linear`'s default initialisation U(−1/√H, 1/√H) for W and b. Advances rng. */
export function createDenseParams(inputSize: number, outputSize: number, rng: Rng): DenseParams {
  const W = createParam('fc.weight', [outputSize, inputSize]);
  const b = createParam('fc.bias', [outputSize]);
  const bound = 1 / Math.sqrt(inputSize);
  for (const param of [W, b])
    for (let k = 0; k < param.w.length; k++) param.w[k] = rng.uniform(-bound, bound);
  return { inputSize, outputSize, W, b };
}

/** Wraps existing parameters (for example imported from a state_dict) as a model. */
export function modelFrom(recurrent: RecurrentParams, head: DenseParams): Model {
  if (head.inputSize !== recurrent.hiddenSize) {
    throw new RangeError(
      `The head reads ${head.inputSize} values but the layer has ${recurrent.hiddenSize} units.`,
    );
  }
  return { recurrent, head, params: [...recurrentParamList(recurrent), head.W, head.b] };
}

/** Allocates and initialises a model: the recurrent layer by `init`, then the head. Advances rng. */
export function createModel(
  cell: CellKind,
  inputSize: number,
  hiddenSize: number,
  outputSize: number,
  rng: Rng,
  init: InitOptions,
): Model {
  const recurrent = createRecurrentParams(cell, inputSize, hiddenSize);
  initRecurrentParams(recurrent, rng, init);
  return modelFrom(recurrent, createDenseParams(hiddenSize, outputSize, rng));
}

/** Sets every gradient buffer to zero. */
export function zeroGradients(model: Model): void {
  for (const param of model.params) param.dw.fill(0);
}

/** True when every weight is a finite number. */
export function weightsAreFinite(model: Model): boolean {
  for (const param of model.params) {
    const w = param.w;
    for (let k = 0; k < w.length; k++) if (!Number.isFinite(w[k]!)) return false;
  }
  return true;
}
