/**
 * Connectivity for the language lab: how strongly each earlier character influenced one prediction.
 * For the prediction made after reading character `position`, the influence of character t ≤ position is
 * ‖∂ log p(target) / ∂x_t‖, the Euclidean norm over the V entries of the one-hot input x_t, computed
 * exactly by one backward pass through every layer (the head's gradient placed at `position` only).
 */
import { headPredict } from '../head.ts';
import type { Model } from '../model.ts';
import { createStackWorkspace, type StackWorkspace, stackBackward, stackForward } from '../stack.ts';
import type { Param, RecurrentParams } from '../types.ts';
import { checkCodes, oneHot } from './trace.ts';

/** Options of {@link connectivity}. */
export interface ConnectivityOptions {
  /** The symbol whose log-probability is differentiated; default codes[position + 1]. */
  readonly target?: number;
  /** A stack workspace to reuse (at least 1 × (position + 1), cached); one is made when omitted. */
  readonly workspace?: StackWorkspace;
}

/** What {@link connectivity} returns; all arrays are new and the caller's. */
export interface Connectivity {
  readonly position: number;
  readonly target: number;
  /** log p(target) after reading characters 0..position. */
  readonly logProbability: number;
  /** [position + 1][V]: ∂ log p(target) / ∂x_t, entry by entry of each input. */
  readonly gradient: Float64Array;
  /** [position + 1]: ‖∂ log p(target) / ∂x_t‖ for t = 0..position. */
  readonly influence: Float64Array;
}

/** The same weights with their own zeroed gradient buffers, so a backward leaves the model's dw alone. */
function withScratchGradients(layer: RecurrentParams): RecurrentParams {
  const scratch = (param: Param): Param => ({ ...param, dw: new Float64Array(param.w.length) });
  return {
    ...layer,
    Wih: scratch(layer.Wih),
    Whh: scratch(layer.Whh),
    bih: scratch(layer.bih),
    bhh: scratch(layer.bhh),
  };
}

/**
 * The influence of every character 0..position on the model's log-probability of `target` (default the
 * character that follows, codes[position + 1]) at the prediction made after reading `position`: one
 * forward over codes[0..position] from the zero state and one backward (see the file comment). Reads the
 * model, mutates only the workspace; costs about 3 forwards of position + 1 steps.
 */
export function connectivity(
  model: Model,
  codes: ArrayLike<number>,
  position: number,
  options: ConnectivityOptions = {},
): Connectivity {
  const V = checkCodes(model, codes);
  if (!(Number.isInteger(position) && position >= 0 && position < codes.length)) {
    throw new RangeError(
      `The position must be a character of the passage, 0..${codes.length - 1}; got ${position}.`,
    );
  }
  const target = options.target ?? codes[position + 1];
  if (target === undefined) {
    throw new RangeError('The last character has no next character: give the target symbol.');
  }
  if (!(Number.isInteger(target) && target >= 0 && target < V)) {
    throw new RangeError(`The target ${target} is outside the vocabulary of ${V}.`);
  }
  const T = position + 1;
  const layers = model.layers.map(withScratchGradients);
  const { head } = model;
  const H = head.inputSize;
  const prefix = Array.prototype.slice.call(codes, 0, T) as number[];
  const workspace = options.workspace ?? createStackWorkspace(layers, 1, T);
  const input = { batchSize: 1, steps: T, inputSize: V, x: oneHot(prefix, V), lengths: Int32Array.of(T) };
  const { outputs } = stackForward(layers, input, { workspace });
  const logits = headPredict(head, outputs, [position], 'linear');
  let max = Number.NEGATIVE_INFINITY;
  for (let o = 0; o < V; o++) if (logits[o]! > max) max = logits[o]!;
  let sum = 0;
  for (let o = 0; o < V; o++) sum += Math.exp(logits[o]! - max);
  // Log-sum-exp, so a very unlikely target still has a finite log-probability.
  const logProbability = logits[target]! - max - Math.log(sum);
  // ∂ log softmax(y)[target] / ∂y = e_target − p, and y = W h + b, so ∂/∂h = Wᵀ (e_target − p).
  const dOutputs = new Float64Array(T * H);
  const W = head.W.w;
  for (let o = 0; o < V; o++) {
    const dy = (o === target ? 1 : 0) - Math.exp(logits[o]! - max) / sum;
    for (let j = 0; j < H; j++) dOutputs[position * H + j]! += W[o * H + j]! * dy;
  }
  const { dx } = stackBackward(layers, workspace, dOutputs);
  const gradient = dx.slice(0, T * V);
  const influence = new Float64Array(T);
  for (let t = 0; t < T; t++) {
    let squares = 0;
    for (let v = 0; v < V; v++) squares += gradient[t * V + v]! ** 2;
    influence[t] = Math.sqrt(squares);
  }
  return { position, target, logProbability, gradient, influence };
}
