/**
 * Stacked recurrent layers, as `torch.nn.RNN/LSTM/GRU(num_layers=L, dropout=p, batch_first=True)`: layer
 * k > 0 reads layer k − 1's output sequence, each layer has its own initial state, and in training the
 * outputs of every layer but the last pass through a dropout mask (PyTorch's `dropout`; the last layer's
 * output mask is the model's own output dropout). Built only on engine/recurrent.ts's public forward,
 * backward and workspaces: one workspace per layer, plus the stacked states.
 *
 * States are [L][B][H] like PyTorch's h0/hN; sequences are batch-first [B][T][…].
 */
import {
  backward,
  createWorkspace,
  type DenseKernels,
  type DropoutMasks,
  type DropoutRates,
  ensureWorkspace,
  forward,
  type RecurrentWorkspace,
  type SequenceInput,
  sampleDropoutMasks,
  workspaceBytes,
} from './recurrent.ts';
import type { Rng } from './rng.ts';
import type { CellKind, RecurrentParams } from './types.ts';

/** One workspace per layer and the stacked states of the last forward and backward. */
export interface StackWorkspace {
  readonly layers: readonly RecurrentWorkspace[];
  readonly maxBatch: number;
  /** [L][maxBatch][H] scratch for hN, cN, dh0 and dc0 (the [L][B][H] prefix is used). */
  readonly hN: Float64Array;
  readonly cN: Float64Array;
  readonly dh0: Float64Array;
  readonly dc0: Float64Array;
}

/** Allocates a stack workspace for batches up to maxBatch × maxSteps (see createWorkspace). */
export function createStackWorkspace(
  layers: readonly RecurrentParams[],
  maxBatch: number,
  maxSteps: number,
  cached = true,
  kernels: DenseKernels = 'wasm',
): StackWorkspace {
  const perLayer = layers.map((layer) => createWorkspace(layer, maxBatch, maxSteps, cached, kernels));
  const size = layers.length * maxBatch * (layers[0]?.hiddenSize ?? 0);
  return {
    layers: perLayer,
    maxBatch,
    hN: new Float64Array(size),
    cN: new Float64Array(size),
    dh0: new Float64Array(size),
    dc0: new Float64Array(size),
  };
}

/**
 * Returns `workspace` if every layer's workspace suits a B × T batch (and is cached if `cached`), else a
 * stack that keeps the layers' workspaces that still suit and replaces the others.
 */
export function ensureStackWorkspace(
  workspace: StackWorkspace | undefined,
  layers: readonly RecurrentParams[],
  batchSize: number,
  steps: number,
  cached = true,
): StackWorkspace {
  if (workspace === undefined || workspace.layers.length !== layers.length) {
    return createStackWorkspace(layers, batchSize, steps, cached);
  }
  const perLayer = layers.map((layer, k) =>
    ensureWorkspace(workspace.layers[k], layer, batchSize, steps, cached),
  );
  const same = perLayer.every((layer, k) => layer === workspace.layers[k]);
  if (same && workspace.maxBatch >= batchSize) return workspace;
  const maxBatch = Math.max(batchSize, workspace.maxBatch);
  const size = layers.length * maxBatch * layers[0]!.hiddenSize;
  const states = () => new Float64Array(size);
  return { layers: perLayer, maxBatch, hN: states(), cN: states(), dh0: states(), dc0: states() };
}

/** The sizes of a stack: cell, the model's input I, hidden H and the number of layers. */
export interface StackShape {
  readonly cell: CellKind;
  readonly inputSize: number;
  readonly hiddenSize: number;
  readonly layers: number;
}

/** The bytes of a stack workspace's buffers (every layer's, and the states), without allocating them. */
export function stackWorkspaceBytes(
  shape: StackShape,
  maxBatch: number,
  maxSteps: number,
  cached = true,
): number {
  const { cell, inputSize, hiddenSize, layers } = shape;
  let bytes = 4 * 8 * layers * maxBatch * hiddenSize;
  for (let k = 0; k < layers; k++) {
    bytes += workspaceBytes(
      { cell, inputSize: k === 0 ? inputSize : hiddenSize, hiddenSize },
      maxBatch,
      maxSteps,
      cached,
    );
  }
  return bytes;
}

/** Dropout rates of a stack: the layer's three (see DropoutRates) and `layer`, between stacked layers. */
export interface StackDropoutRates extends DropoutRates {
  readonly layer?: number;
}

/**
 * Draws one DropoutMasks per layer from rng, layer by layer: layer 0's input mask (rate `input`), each
 * layer's output mask (rate `layer` below the top, `output` at the top) and recurrent mask (`recurrent`).
 * For one layer this draws exactly what sampleDropoutMasks draws.
 */
export function sampleStackDropoutMasks(
  rng: Rng,
  batchSize: number,
  steps: number,
  inputSize: number,
  hiddenSize: number,
  layers: number,
  rates: StackDropoutRates,
): DropoutMasks[] {
  return Array.from({ length: layers }, (_, k) =>
    sampleDropoutMasks(rng, batchSize, steps, k === 0 ? inputSize : hiddenSize, hiddenSize, {
      input: k === 0 ? rates.input : 0,
      output: k === layers - 1 ? rates.output : rates.layer,
      recurrent: rates.recurrent,
    }),
  );
}

/** Options of {@link stackForward}. */
export interface StackForwardOptions {
  readonly workspace?: StackWorkspace;
  /** Initial states [L][B][H], zeros when omitted; c0 only for the LSTM. */
  readonly h0?: Float64Array;
  readonly c0?: Float64Array;
  /** One set of masks per layer (see {@link sampleStackDropoutMasks}); none when omitted. */
  readonly masks?: readonly DropoutMasks[];
}

/** The stack's outputs: views into the workspace, overwritten by its next forward. */
export interface StackForwardResult {
  /** [B][T][H]: the top layer's outputs. */
  readonly outputs: Float64Array;
  /** [L][B][H]: each layer's state after each sequence's last valid step. */
  readonly hN: Float64Array;
  /** [L][B][H] for the LSTM; null for rnn and gru. */
  readonly cN: Float64Array | null;
  readonly workspace: StackWorkspace;
}

function layerState(states: Float64Array | undefined, k: number, BH: number, name: string) {
  if (states === undefined) return undefined;
  if (states.length % BH !== 0 || states.length / BH < k + 1) {
    throw new RangeError(`stackForward: ${name} must have L*B*H values.`);
  }
  return states.subarray(k * BH, (k + 1) * BH);
}

/**
 * Runs the layers bottom to top over the batch, each caching its steps in its workspace for
 * {@link stackBackward}. Mutates only the workspace.
 */
export function stackForward(
  layers: readonly RecurrentParams[],
  input: SequenceInput,
  options: StackForwardOptions = {},
): StackForwardResult {
  const L = layers.length;
  const { batchSize: B, steps: T, lengths } = input;
  const H = layers[0]!.hiddenSize;
  const BH = B * H;
  const ws = options.workspace ?? createStackWorkspace(layers, B, T);
  if (ws.layers.length !== L || ws.maxBatch < B)
    throw new RangeError('stackForward: workspace does not fit.');
  for (const states of [options.h0, options.c0]) {
    if (states !== undefined && states.length !== L * BH)
      throw new RangeError(`stackForward: initial states must have L*B*H = ${L * BH} values.`);
  }
  if (options.masks !== undefined && options.masks.length !== L)
    throw new RangeError(`stackForward: one set of masks per layer (${L}).`);
  let x = input.x;
  let inputSize = input.inputSize;
  const lstm = layers[0]!.cell === 'lstm';
  for (let k = 0; k < L; k++) {
    const h0 = layerState(options.h0, k, BH, 'h0');
    const c0 = layerState(options.c0, k, BH, 'c0');
    const masks = options.masks?.[k];
    const result = forward(
      layers[k]!,
      { batchSize: B, steps: T, inputSize, x, lengths },
      { workspace: ws.layers[k]!, ...(h0 ? { h0 } : {}), ...(c0 ? { c0 } : {}), ...(masks ? { masks } : {}) },
    );
    ws.hN.set(result.hN, k * BH);
    if (result.cN) ws.cN.set(result.cN, k * BH);
    x = result.outputs;
    inputSize = H;
  }
  return {
    outputs: x,
    hN: ws.hN.subarray(0, L * BH),
    cN: lstm ? ws.cN.subarray(0, L * BH) : null,
    workspace: ws,
  };
}

/** Options of {@link stackBackward}: dL/dhN and dL/dcN [L][B][H], and what backward takes. */
export interface StackBackwardOptions {
  readonly dhN?: Float64Array;
  readonly dcN?: Float64Array;
  /** Truncated BPTT window, the same for every layer (see BackwardOptions.truncation). */
  readonly truncation?: number;
  /** False skips dL/dx of the bottom layer (layers above always pass theirs down). Default true. */
  readonly inputGradient?: boolean;
}

/** Gradients: views into the workspace, overwritten by its next backward. */
export interface StackBackwardResult {
  /** dL/dx [B][T][I] of the model's input (all 0 when inputGradient is false). */
  readonly dx: Float64Array;
  /** dL/dh0, dL/dc0 [L][B][H] (dc0 null for rnn and gru). */
  readonly dh0: Float64Array;
  readonly dc0: Float64Array | null;
  /** [T]: ||dL/dh_t|| of the top layer (the one the head reads). */
  readonly gradNorm: Float64Array;
  /** [L] of [T]: ||dL/dh_t|| of each layer, bottom first. */
  readonly gradNormByLayer: readonly Float64Array[];
}

/**
 * Backpropagation through time through every layer, top to bottom, over the workspace's last forward:
 * dOutputs [B][T][H] is dL/d(top outputs); each layer's dL/dx is the dL/d(outputs) of the layer below.
 * Accumulates every layer's weight gradients with += (the caller zeroes them). Mutates only dw and the
 * workspace.
 */
export function stackBackward(
  layers: readonly RecurrentParams[],
  workspace: StackWorkspace,
  dOutputs: Float64Array,
  options: StackBackwardOptions = {},
): StackBackwardResult {
  const L = layers.length;
  const ws = workspace;
  const top = ws.layers[L - 1]!;
  const B = top.batchSize;
  const BH = B * layers[0]!.hiddenSize;
  for (const states of [options.dhN, options.dcN]) {
    if (states !== undefined && states.length !== L * BH)
      throw new RangeError(`stackBackward: final-state gradients must have L*B*H = ${L * BH} values.`);
  }
  const lstm = layers[0]!.cell === 'lstm';
  const gradNormByLayer: Float64Array[] = new Array(L);
  let dAbove = dOutputs;
  let dx = dOutputs;
  for (let k = L - 1; k >= 0; k--) {
    const dhN = options.dhN?.subarray(k * BH, (k + 1) * BH);
    const dcN = options.dcN?.subarray(k * BH, (k + 1) * BH);
    const grads = backward(layers[k]!, ws.layers[k]!, dAbove, {
      ...(dhN ? { dhN } : {}),
      ...(dcN ? { dcN } : {}),
      ...(options.truncation !== undefined ? { truncation: options.truncation } : {}),
      inputGradient: k > 0 || options.inputGradient !== false,
    });
    ws.dh0.set(grads.dh0, k * BH);
    if (grads.dc0) ws.dc0.set(grads.dc0, k * BH);
    gradNormByLayer[k] = grads.gradNorm;
    dAbove = grads.dx;
    dx = grads.dx;
  }
  return {
    dx,
    dh0: ws.dh0.subarray(0, L * BH),
    dc0: lstm ? ws.dc0.subarray(0, L * BH) : null,
    gradNorm: gradNormByLayer[L - 1]!,
    gradNormByLayer,
  };
}
