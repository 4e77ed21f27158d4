/**
 * The buffers of one recurrent layer (engine/recurrent.ts): allocated once for a batch size and sequence
 * length, reused by every forward and backward, and holding the per-step cache between them. Also the
 * dropout masks that forward applies, and a sampler for them.
 */
import type { Rng } from '../rng.ts';
import { type CellKind, GATE_BLOCKS, type RecurrentParams } from '../types.ts';
import { type ActivateRows, arenaBytes, createDenseArena, type Gemm } from '../wasm/dense.ts';
import { gruCell } from './gru.ts';
import { lstmCell } from './lstm.ts';
import { rnnCell } from './rnn.ts';
import { type CellKernel, type CellStep, createCellStep } from './step.ts';

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
  readonly step: CellStep;
  /** Which kernels compute the dense products: 'wasm' (then {@link wasm} is set) or 'js'. */
  readonly kernels: DenseKernels;
  readonly wasm: WasmProducts | null;
}

/** The dense-product kernels: WebAssembly SIMD (engine/wasm/dense.wat) or JavaScript (./kernels.ts). */
export type DenseKernels = 'wasm' | 'js';

/**
 * What the WebAssembly path adds to a workspace whose buffers all live in one arena: the kernel, copies of
 * the layer's weights in the layouts it reads (refreshed by every forward and backward), gradient
 * accumulators, and a list of row numbers.
 */
export interface WasmProducts {
  readonly gemm: Gemm;
  /** The nonlinearities over a block of gates in each listed row, for the cells' forwardRows. */
  readonly activateRows: ActivateRows;
  /** Wihᵀ [I][G*H], Whhᵀ [H][G*H], Whh [G*H][H], bih and bhh [G*H]. */
  readonly WihT: Float64Array;
  readonly WhhT: Float64Array;
  readonly Whh: Float64Array;
  readonly bih: Float64Array;
  readonly bhh: Float64Array;
  /** dWih [G*H][I] and dWhh [G*H][H], accumulated here and copied back into the params' dw. */
  readonly dWih: Float64Array;
  readonly dWhh: Float64Array;
  /** [T*B]: the rows k = t*B + b of the valid steps, for the input projection. */
  readonly rows: Int32Array;
  /** [T*B] ones, and [G*H] scratch, for the bias gradients' column sums. */
  readonly ones: Float64Array;
  readonly columnSums: Float64Array;
}

type ScratchName =
  | ('xm' | 'xp' | 'hp' | 'hm' | 'outputs' | 'dPreX' | 'dPreH' | 'dh' | 'dhPrev' | 'dc' | 'dcPrev')
  | ('dh0' | 'dc0' | 'dx' | 'WT' | 'left' | 'right' | 'zeros' | 'gradNorm');

/**
 * Allocates a workspace for params' cell and sizes and batches of at most maxBatch × maxSteps. With
 * `kernels` 'wasm' (the default) its buffers live in a WebAssembly arena and the dense products run there;
 * where the module cannot load, and with 'js', they are plain arrays and the JavaScript kernels run.
 */
export function createWorkspace(
  params: RecurrentParams,
  maxBatch: number,
  maxSteps: number,
  cached = true,
  kernels: DenseKernels = 'wasm',
): RecurrentWorkspace {
  if (kernels === 'wasm') {
    // Sized by a dry run of the same layout, then laid out for real in the arena.
    const arena = createDenseArena(workspaceBytes(params, maxBatch, maxSteps, cached));
    if (arena) return layoutWorkspace(params, maxBatch, maxSteps, cached, 'wasm', arena);
  }
  return layoutWorkspace(params, maxBatch, maxSteps, cached, 'js', {
    f64: (length) => new Float64Array(length),
    i32: (length) => new Int32Array(length),
  });
}

/** The layer's sizes, all a workspace's layout depends on. */
type LayerShape = Pick<RecurrentParams, 'cell' | 'inputSize' | 'hiddenSize'>;

/**
 * The bytes of the buffers of a workspace for this layer and batches up to maxBatch × maxSteps (its
 * WebAssembly arena; the JavaScript layout is about the same), without allocating them.
 */
export function workspaceBytes(layer: LayerShape, maxBatch: number, maxSteps: number, cached = true): number {
  const f64: number[] = [];
  const i32: number[] = [];
  const empty = new Float64Array(0);
  const none = new Int32Array(0);
  layoutWorkspace(layer, maxBatch, maxSteps, cached, 'wasm', {
    f64: (length) => {
      f64.push(length);
      return empty;
    },
    i32: (length) => {
      i32.push(length);
      return none;
    },
  });
  return arenaBytes(f64, i32);
}

interface Allocator {
  f64(length: number): Float64Array;
  i32(length: number): Int32Array;
  readonly gemm?: Gemm;
  readonly activateRows?: ActivateRows;
}

function layoutWorkspace(
  params: LayerShape,
  maxBatch: number,
  maxSteps: number,
  cached: boolean,
  kernels: DenseKernels,
  memory: Allocator,
): RecurrentWorkspace {
  const { cell, inputSize: I, hiddenSize: H } = params;
  const kernel = CELL_KERNELS[cell];
  const GH = GATE_BLOCKS[cell] * H;
  const B = maxBatch;
  const K = maxBatch * maxSteps;
  const rows = cached ? K : B;
  const grad = cached ? 1 : 0;
  const wasm = kernels === 'wasm';
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
    WT: f64(GH * Math.max(I, H)),
    // The JavaScript weight gradients multiply transposed copies; the kernel reads the rows in place
    // and needs only the recurrent-dropped h (right, as [T*B][H]).
    left: f64(wasm ? 0 : grad * K * GH),
    right: f64(grad * K * (wasm ? H : Math.max(I, H))),
    // The zero bias of the kernels' products without one: dL/dhPrev has H rows and dL/dx has I, which
    // exceeds G*H for a wide input layer (reading past a shorter array gave NaN entries in dx).
    zeros: f64(Math.max(I, H)),
    gradNorm: f64(maxSteps),
  };
  const workspace: RecurrentWorkspace = {
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
    step: createCellStep(H),
    kernels,
    wasm: null,
  };
  if (!wasm) return workspace;
  const products: WasmProducts = {
    gemm: memory.gemm ?? unreachable,
    activateRows: memory.activateRows ?? unreachable,
    WihT: f64(I * GH),
    WhhT: f64(H * GH),
    Whh: f64(GH * H),
    bih: f64(GH),
    bhh: f64(GH),
    dWih: f64(GH * I),
    dWhh: f64(GH * H),
    rows: memory.i32(K),
    ones: f64(K).fill(1),
    columnSums: f64(GH),
  };
  return { ...workspace, wasm: products };
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
