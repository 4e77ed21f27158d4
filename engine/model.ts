/**
 * A model as the course uses it: a stack of 1 to 3 recurrent layers (RNN, LSTM or GRU) and a dense head, in
 * PyTorch's layout (`nn.RNN/LSTM/GRU(num_layers=N, batch_first=True)` followed by `nn.Linear`). Layer k > 0
 * reads layer k − 1's hidden sequence.
 */

import { type InitOptions, initRecurrentParams } from './init.ts';
import { createParam, createRecurrentParams, recurrentParamList } from './params.ts';
import type { Rng } from './rng.ts';
import type { CellKind, DenseParams, Param, RecurrentParams } from './types.ts';

/** The most recurrent layers a model stacks (the trainer's and the importer's limit). */
export const MAX_LAYERS = 3;

export interface Model {
  /** The recurrent layers, bottom first; layer k's params are named `…_l<k>`. */
  readonly layers: readonly RecurrentParams[];
  readonly head: DenseParams;
  /**
   * Every trainable tensor in PyTorch's `state_dict` order (layer 0's Wih, Whh, bih, bhh, then layer 1's,
   * …), then the head's W and b: the optimiser's and clipping's order.
   */
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

/**
 * Wraps existing parameters (for example imported from a state_dict) as a model. Throws RangeError unless
 * there are 1..MAX_LAYERS layers of one cell, each above the first reading the one below (input = H).
 */
export function modelFrom(layers: readonly RecurrentParams[], head: DenseParams): Model {
  if (!(layers.length >= 1 && layers.length <= MAX_LAYERS)) {
    throw new RangeError(`A model has 1 to ${MAX_LAYERS} recurrent layers; got ${layers.length}.`);
  }
  const first = layers[0]!;
  layers.forEach((layer, k) => {
    if (k === 0) return;
    if (layer.cell !== first.cell || layer.hiddenSize !== first.hiddenSize) {
      throw new RangeError(`Layer ${k} is not a ${first.cell} of ${first.hiddenSize} units like layer 0.`);
    }
    if (layer.inputSize !== first.hiddenSize) {
      throw new RangeError(
        `Layer ${k} reads ${layer.inputSize} values but layer ${k - 1} has ${first.hiddenSize} units.`,
      );
    }
  });
  if (head.inputSize !== first.hiddenSize) {
    throw new RangeError(
      `The head reads ${head.inputSize} values but the layers have ${first.hiddenSize} units.`,
    );
  }
  const params = [...layers.flatMap(recurrentParamList), head.W, head.b];
  return { layers: [...layers], head, params };
}

/**
 * Allocates and initialises a model of `layers` stacked layers: layer 0 (input I), layer 1 (input H), …,
 * each by `init` in turn as PyTorch's `reset_parameters` walks them, then the head. Advances rng.
 */
export function createModel(
  cell: CellKind,
  inputSize: number,
  hiddenSize: number,
  outputSize: number,
  rng: Rng,
  init: InitOptions,
  layers = 1,
): Model {
  const stack = Array.from({ length: layers }, (_, k) => {
    const params = createRecurrentParams(cell, k === 0 ? inputSize : hiddenSize, hiddenSize, k);
    initRecurrentParams(params, rng, init);
    return params;
  });
  return modelFrom(stack, createDenseParams(hiddenSize, outputSize, rng));
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
