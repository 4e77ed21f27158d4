/**
 * Allocating the weights of a recurrent layer in PyTorch's layout, and counting them gate by gate.
 * Values start at zero here; engine/init.ts fills them.
 */
import { type CellKind, GATE_BLOCKS, type Param, type RecurrentParams } from './types.ts';

/** The gate blocks stacked in `weight_ih` / `weight_hh`, in PyTorch's order ('h' is the RNN's single block). */
export const GATE_NAMES: Readonly<Record<CellKind, readonly string[]>> = {
  rnn: ['h'],
  lstm: ['i', 'f', 'g', 'o'],
  gru: ['r', 'z', 'n'],
};

/** Allocates a parameter of the given shape with `w` and `dw` zero-filled. */
export function createParam(name: string, shape: readonly number[]): Param {
  const size = shape.reduce((product, length) => product * length, 1);
  return { name, shape: [...shape], w: new Float64Array(size), dw: new Float64Array(size) };
}

/**
 * Allocates a zero recurrent layer: Wih [G*H][I], Whh [G*H][H], bih [G*H], bhh [G*H], named like
 * PyTorch's `state_dict` keys for layer `layer` of a stack (`weight_ih_l0`, `weight_hh_l0`, `bias_ih_l0`,
 * `bias_hh_l0` for the first; `…_l1` for the second, whose input is the first's hidden sequence).
 */
export function createRecurrentParams(
  cell: CellKind,
  inputSize: number,
  hiddenSize: number,
  layer = 0,
): RecurrentParams {
  if (!(Number.isInteger(inputSize) && inputSize >= 1 && Number.isInteger(hiddenSize) && hiddenSize >= 1)) {
    throw new RangeError(`Sizes must be positive integers; got input ${inputSize}, hidden ${hiddenSize}.`);
  }
  const rows = GATE_BLOCKS[cell] * hiddenSize;
  return {
    cell,
    inputSize,
    hiddenSize,
    Wih: createParam(`weight_ih_l${layer}`, [rows, inputSize]),
    Whh: createParam(`weight_hh_l${layer}`, [rows, hiddenSize]),
    bih: createParam(`bias_ih_l${layer}`, [rows]),
    bhh: createParam(`bias_hh_l${layer}`, [rows]),
  };
}

/** The four tensors in `state_dict` order [Wih, Whh, bih, bhh], e.g. to hand to an optimiser. */
export function recurrentParamList(params: RecurrentParams): Param[] {
  return [params.Wih, params.Whh, params.bih, params.bhh];
}

/** Sets every `dw` of the layer to zero (backward accumulates with +=, so call this before it). */
export function zeroRecurrentGradients(params: RecurrentParams): void {
  for (const param of recurrentParamList(params)) param.dw.fill(0);
}

/** How many numbers one gate block owns in each tensor. */
export interface GateParamCount {
  readonly gate: string;
  /** H*I */
  readonly Wih: number;
  /** H*H */
  readonly Whh: number;
  /** H */
  readonly bih: number;
  /** H */
  readonly bhh: number;
  /** H*(I + H + 2) */
  readonly total: number;
}

/** Parameter counts of one recurrent layer, per gate block and per tensor. */
export interface RecurrentParamCount {
  readonly cell: CellKind;
  readonly inputSize: number;
  readonly hiddenSize: number;
  /** One entry per gate block, in PyTorch's order. */
  readonly gates: readonly GateParamCount[];
  readonly Wih: number;
  readonly Whh: number;
  readonly bih: number;
  readonly bhh: number;
  /** G*H*(I + H + 2), e.g. LSTM with I=8, H=32: 4*32*(8+32+2) = 5376. */
  readonly total: number;
}

/** Counts the parameters of a `cell` layer with input size I and hidden size H (no allocation of weights). */
export function countRecurrentParams(
  cell: CellKind,
  inputSize: number,
  hiddenSize: number,
): RecurrentParamCount {
  const H = hiddenSize;
  const gates = GATE_NAMES[cell].map((gate) => ({
    gate,
    Wih: H * inputSize,
    Whh: H * H,
    bih: H,
    bhh: H,
    total: H * (inputSize + H + 2),
  }));
  const G = gates.length;
  return {
    cell,
    inputSize,
    hiddenSize,
    gates,
    Wih: G * H * inputSize,
    Whh: G * H * H,
    bih: G * H,
    bhh: G * H,
    total: G * H * (inputSize + H + 2),
  };
}
