/**
 * The buffers of one recurrent layer (engine/recurrent.ts): allocated once for a batch size and sequence
 * length, reused by every forward and backward, and holding the per-step cache between them. Also the
 * dropout masks that forward applies, and a sampler for them.
 */
import type { Rng } from '../rng.ts';
import { type CellKind, GATE_BLOCKS, type RecurrentParams } from '../types.ts';
import { arenaBytes, createDenseArena, type DenseArena } from '../wasm/dense.ts';
import { createWasmOps } from '../wasm/wasmOps.ts';
import type { DenseKernels, DenseOps, DenseShape } from './denseOps.ts';
import { gruCell } from './gru.ts';
import { createJsOps } from './jsOps.ts';
import { lstmCell } from './lstm.ts';
import { rnnCell } from './rnn.ts';
import { type CellKernel, type CellStep, createCellStep } from './step.ts';

export type { DenseKernels } from './denseOps.ts';

/** The cell kernels by kind. */
export const CELL_KERNELS: Readonly<Record<CellKind, CellKernel>> = {
  rnn: rnnCell,
  lstm: lstmCell,
  gru: gruCell,
};

/**
 * Inverted-dropout masks chosen by the caller (entries 0 or 1/(1−p)) and held fixed through backward:
 * input [B][T][I] multiplies x; output [B][T][H] multiplies the outputs (not hN); recurrent [B][H] is one
 * mask per sequence multiplying h_{t−1} where it enters Whh, the same at every step (Gal & Ghahramani 2016);
 * the state itself (and the GRU's z⊙h path) is not masked.
 */
export interface DropoutMasks {
  readonly input?: Float64Array;
  readonly output?: Float64Array;
  readonly recurrent?: Float64Array;
}

/**
 * Buffers for batches up to maxBatch × maxSteps, reused across calls; after a forward it is that forward's
 * cache, read by backward and engine/probes.ts. With B, T of the last forward and k = t*B + b:
 * h, c [T+1][B][H] (row t is the state entering step t; row 0 is h0; past a sequence's length the state is
 * copied forward); gates [T][B][G*H] activated, PyTorch gate order; extra [T][B][E*H] (LSTM tanh c',
 * GRU W_hn h + b_hn). Without `cached`, gates and extra hold one step only and backward refuses.
 */
export interface RecurrentWorkspace {
  readonly cell: CellKind;
  readonly inputSize: number;
  readonly hiddenSize: number;
  readonly maxBatch: number;
  readonly maxSteps: number;
  readonly cached: boolean;
  /** B, T, lengths and masks of the last forward. */
  batchSize: number;
  steps: number;
  lengths: Int32Array;
  masks: DropoutMasks;
  readonly gates: Float64Array;
  readonly extra: Float64Array;
  readonly h: Float64Array;
  readonly c: Float64Array;
  /**
   * Internal buffers of forward and backward (the masked inputs xm and the input projection xp also carry
   * from a forward to its backward); not part of the API.
   */
  readonly buffers: Readonly<Record<ScratchName, Float64Array>>;
  readonly active: Int32Array;
  /** [T*B]: the rows k = t*B + b of the valid steps, for the input projection. */
  readonly validRows: Int32Array;
  readonly step: CellStep;
  /** Which kernels compute the dense products, chosen when the workspace was made. */
  readonly kernels: DenseKernels;
  /** The products and gate nonlinearities on those kernels; the passes call nothing else for them. */
  readonly ops: DenseOps;
  /** The WebAssembly memory all the buffers live in, or null on the JavaScript kernels. */
  readonly wasm: DenseArena | null;
}

type ScratchName =
  | ('xm' | 'xp' | 'hp' | 'hm' | 'outputs' | 'dPreX' | 'dPreH' | 'dh' | 'dhPrev' | 'dc' | 'dcPrev')
  | ('dh0' | 'dc0' | 'dx' | 'states' | 'gradNorm');

/**
 * Allocates a workspace for params' cell and sizes and batches of at most maxBatch × maxSteps. With
 * `kernels` 'wasm' (the default) its buffers live in a WebAssembly arena and the dense products run there;
 * where the module cannot load, and with 'js', they are plain arrays and the JavaScript kernels run. With
 * 'wasm-f32' the products with the weights run in float32 (see {@link DenseKernels}); where that module
 * cannot load, the workspace is a float64 'wasm' one. `kernels` on the result says which it got.
 */
export function createWorkspace(
  params: RecurrentParams,
  maxBatch: number,
  maxSteps: number,
  cached = true,
  kernels: DenseKernels = 'wasm',
): RecurrentWorkspace {
  if (kernels === 'wasm-f32') {
    const arena = createDenseArena(workspaceBytes(params, maxBatch, maxSteps, cached, true), true);
    if (arena) return layoutWorkspace(params, maxBatch, maxSteps, cached, arena);
  }
  if (kernels !== 'js') {
    // Sized by a dry run of the same layout, then laid out for real in the arena.
    const arena = createDenseArena(workspaceBytes(params, maxBatch, maxSteps, cached));
    if (arena) return layoutWorkspace(params, maxBatch, maxSteps, cached, arena);
  }
  return layoutWorkspace(params, maxBatch, maxSteps, cached, null);
}

/** The layer's sizes, all a workspace's layout depends on. */
type LayerShape = Pick<RecurrentParams, 'cell' | 'inputSize' | 'hiddenSize'>;

/**
 * The bytes of the buffers of a workspace for this layer and batches up to maxBatch × maxSteps (its
 * WebAssembly arena, with the float32 copies when `float32`; the JavaScript layout is about the same),
 * without allocating them.
 */
export function workspaceBytes(
  layer: LayerShape,
  maxBatch: number,
  maxSteps: number,
  cached = true,
  float32 = false,
): number {
  const f64: number[] = [];
  const i32: number[] = [];
  const f32: number[] = [];
  const dryRun: DenseArena = {
    buffer: new ArrayBuffer(0),
    gemm: unreachable,
    activate: unreachable,
    activateRows: unreachable,
    lstmForward: unreachable,
    lstmBackward: unreachable,
    peak: () => {
      throw new Error('Dense arena: no kernel bound.');
    },
    float32: float32
      ? { gemm32: unreachable, activateRows32: unreachable, lstmForward32: unreachable }
      : null,
    f64: (length) => {
      f64.push(length);
      return new Float64Array(0);
    },
    f32: (length) => {
      f32.push(length);
      return new Float32Array(0);
    },
    i32: (length) => {
      i32.push(length);
      return new Int32Array(0);
    },
  };
  layoutWorkspace(layer, maxBatch, maxSteps, cached, dryRun);
  return arenaBytes(f64, i32, f32);
}

/** Plain arrays, for the JavaScript kernels. */
const HEAP = {
  f64: (length: number) => new Float64Array(length),
  f32: (length: number) => new Float32Array(length),
  i32: (length: number) => new Int32Array(length),
};

/**
 * Lays the buffers out in `arena` with the WebAssembly ops bound to it or, when it is null, in plain
 * arrays with the JavaScript ops.
 */
function layoutWorkspace(
  params: LayerShape,
  maxBatch: number,
  maxSteps: number,
  cached: boolean,
  arena: DenseArena | null,
): RecurrentWorkspace {
  const memory = arena ?? HEAP;
  const { cell, inputSize: I, hiddenSize: H } = params;
  const kernel = CELL_KERNELS[cell];
  const GH = GATE_BLOCKS[cell] * H;
  const B = maxBatch;
  const K = maxBatch * maxSteps;
  const rows = cached ? K : B;
  const grad = cached ? 1 : 0;
  const f64 = memory.f64;
  const dPreX = f64(grad * K * GH);
  const buffers: Record<ScratchName, Float64Array> = {
    xm: f64(K * I),
    xp: f64(K * GH),
    hp: f64(B * GH),
    hm: f64(B * H),
    outputs: f64(K * H),
    dPreX,
    dPreH: kernel.splitsHiddenGradient ? f64(grad * K * GH) : dPreX,
    dh: f64(B * H),
    dhPrev: f64(B * H),
    dc: f64(B * H),
    dcPrev: f64(B * H),
    dh0: f64(B * H),
    dc0: f64(B * H),
    dx: f64(grad * K * I),
    // h⊙m [T*B][H] for the weight gradients under recurrent dropout.
    states: f64(grad * K * H),
    gradNorm: f64(maxSteps),
  };
  const shape: DenseShape = { inputSize: I, hiddenSize: H, gateRows: GH, gradientRows: grad * K };
  return {
    cell,
    inputSize: I,
    hiddenSize: H,
    maxBatch,
    maxSteps,
    cached,
    batchSize: 0,
    steps: 0,
    lengths: new Int32Array(0),
    masks: {},
    gates: f64(rows * GH),
    extra: f64(rows * kernel.extraWidth * H),
    h: f64((K + B) * H),
    c: f64(cell === 'lstm' ? (K + B) * H : 0),
    buffers,
    active: memory.i32(B),
    validRows: memory.i32(K),
    step: createCellStep(H),
    ...denseOpsFor(shape, arena),
    wasm: arena,
  };
}

/** The layer's dense ops on `arena` (float32 products if it has them), or the JavaScript ones. */
function denseOpsFor(shape: DenseShape, arena: DenseArena | null): { kernels: DenseKernels; ops: DenseOps } {
  const ops = arena ? createWasmOps(shape, arena) : createJsOps(shape);
  return { kernels: ops.kernels, ops };
}

/** The dry run's stand-in for the kernels: never called. */
function unreachable(): void {
  throw new Error('Dense arena: no kernel bound.');
}

/** Returns `workspace` if it suits params and a B × T batch (and is cached if `cached`), else a new one. */
export function ensureWorkspace(
  workspace: RecurrentWorkspace | undefined,
  params: RecurrentParams,
  batchSize: number,
  steps: number,
  cached = true,
): RecurrentWorkspace {
  return workspace !== undefined &&
    workspaceSuits(workspace, params, batchSize, steps) &&
    (workspace.cached || !cached)
    ? workspace
    : createWorkspace(params, batchSize, steps, cached);
}

/** True when ws was made for params' cell and sizes and can hold a B × T batch. */
export function workspaceSuits(
  ws: RecurrentWorkspace,
  params: RecurrentParams,
  batchSize: number,
  steps: number,
): boolean {
  return (
    ws.cell === params.cell &&
    ws.inputSize === params.inputSize &&
    ws.hiddenSize === params.hiddenSize &&
    ws.maxBatch >= batchSize &&
    ws.maxSteps >= steps
  );
}

/** Dropout probabilities in [0, 1) for the three places {@link DropoutMasks} describes (omitted: none). */
export interface DropoutRates {
  readonly input?: number;
  readonly output?: number;
  readonly recurrent?: number;
}

/**
 * Draws inverted-dropout masks from rng: each entry is 0 with probability p, else 1/(1−p). Draws input,
 * then output, then recurrent masks, in row-major order; a rate of 0 draws nothing and gives no mask.
 */
export function sampleDropoutMasks(
  rng: Rng,
  batchSize: number,
  steps: number,
  inputSize: number,
  hiddenSize: number,
  rates: DropoutRates,
): DropoutMasks {
  const draw = (length: number, p = 0): Float64Array | undefined => {
    if (!(p >= 0 && p < 1)) throw new RangeError(`Dropout rate must be in [0, 1); got ${p}.`);
    if (p === 0) return undefined;
    const mask = new Float64Array(length);
    const keep = 1 / (1 - p);
    for (let i = 0; i < length; i++) mask[i] = rng.next() < p ? 0 : keep;
    return mask;
  };
  return {
    input: draw(batchSize * steps * inputSize, rates.input),
    output: draw(batchSize * steps * hiddenSize, rates.output),
    recurrent: draw(batchSize * hiddenSize, rates.recurrent),
  };
}
