/**
 * One recurrent layer over a batch of sequences: forward with a per-step cache, backpropagation through
 * time (full or truncated), dropout masks. The cells (engine/cells/rnn|lstm|gru.ts) hold only each gate's
 * elementwise math; the linear algebra (engine/cells/forwardPass.ts, backwardPass.ts) is fused over gates:
 * Wih·x for every step in one product before the recurrence (it does not depend on h), Whh·h for all G*H
 * rows and the running batch in one product per step, and the weight gradients as one product over all
 * steps after the backward loop. The products and nonlinearities go through the workspace's DenseOps
 * (engine/cells/denseOps.ts), WebAssembly or JavaScript.
 *
 * Internal buffers are time-major ([T][B][…], row k = t*B + b) so that one step's batch is contiguous;
 * the inputs and outputs of the public functions are batch-first ([B][T][…]) like `batch_first=True`.
 */
import { addWeightGradients, backwardStep, inputGradient } from './cells/backwardPass.ts';
import {
  forwardStep,
  maskInputs,
  projectInputs,
  setInitialState,
  writeOutputs,
} from './cells/forwardPass.ts';
import {
  createWorkspace,
  type DropoutMasks,
  type RecurrentWorkspace,
  workspaceSuits as suits,
} from './cells/workspace.ts';
import type { RecurrentParams, SequenceBatch } from './types.ts';

export {
  CELL_KERNELS,
  createWorkspace,
  type DenseKernels,
  type DropoutMasks,
  type DropoutRates,
  ensureWorkspace,
  type RecurrentWorkspace,
  sampleDropoutMasks,
  workspaceBytes,
} from './cells/workspace.ts';

/** What the layer reads of a batch: x [B][T][I] batch-first and lengths [B], each in 0..T (0: hN = h0). */
export type SequenceInput = Pick<SequenceBatch, 'batchSize' | 'steps' | 'inputSize' | 'x' | 'lengths'>;

/** Options of {@link forward}. */
export interface ForwardOptions {
  /** Buffers to reuse (see {@link ensureWorkspace}); a cached one is allocated when omitted. */
  readonly workspace?: RecurrentWorkspace;
  /** Initial states [B][H], zeros when omitted; c0 only for the LSTM. */
  readonly h0?: Float64Array;
  readonly c0?: Float64Array;
  readonly masks?: DropoutMasks;
}

/** The layer's outputs: views into the workspace, overwritten by its next forward. */
export interface ForwardResult {
  /** [B][T][H]: h after step t (times the output mask) for t < length, 0 after (like packed sequences). */
  readonly outputs: Float64Array;
  /** [B][H]: each sequence's state after its own last valid step. */
  readonly hN: Float64Array;
  /** [B][H]: the LSTM's cell state likewise; null for rnn and gru. */
  readonly cN: Float64Array | null;
  readonly workspace: RecurrentWorkspace;
}

/**
 * Runs the layer over the batch (PyTorch's equations, see engine/cells/) and records the per-step cache in
 * the workspace. Mutates only the workspace; x, h0, c0 and the masks are read (the masks and lengths are
 * kept by reference for backward, so do not change them in between).
 */
export function forward(
  params: RecurrentParams,
  input: SequenceInput,
  options: ForwardOptions = {},
): ForwardResult {
  const { batchSize: B, steps: T, x, lengths } = input;
  const { cell, inputSize: I, hiddenSize: H } = params;
  const ws = options.workspace ?? createWorkspace(params, B, T);
  if (input.inputSize !== I || !suits(ws, params, B, T) || x.length !== B * T * I || lengths.length !== B) {
    throw new RangeError(`forward: input ${B}×${T}×${input.inputSize} does not fit the layer or workspace.`);
  }
  for (let b = 0; b < B; b++) {
    if (!(lengths[b] >= 0 && lengths[b] <= T))
      throw new RangeError(`forward: lengths[${b}] must be in 0..${T}.`);
  }
  const masks = options.masks ?? {};
  checkLength(masks.input, B * T * I, 'masks.input');
  checkLength(masks.output, B * T * H, 'masks.output');
  checkLength(masks.recurrent, B * H, 'masks.recurrent');
  ws.batchSize = B;
  ws.steps = T;
  ws.lengths = lengths;
  ws.masks = masks;
  const { xm, outputs } = ws.buffers;
  maskInputs(x, ws.masks.input, lengths, B, T, I, xm);
  ws.ops.loadWeights(params);
  projectInputs(ws);
  setInitialState(ws.h, B * H, options.h0, 'h0');
  if (cell === 'lstm') setInitialState(ws.c, B * H, options.c0, 'c0');
  for (let t = 0; t < T; t++) forwardStep(ws, t);
  writeOutputs(ws.h, ws.masks.output, lengths, B, T, H, outputs);
  const last = T * B * H;
  return {
    outputs: outputs.subarray(0, B * T * H),
    hN: ws.h.subarray(last, last + B * H),
    cN: cell === 'lstm' ? ws.c.subarray(last, last + B * H) : null,
    workspace: ws,
  };
}

/** Options of {@link backward}. */
export interface BackwardOptions {
  /** dL/dhN [B][H] and, for the LSTM, dL/dcN [B][H]; zeros when omitted. */
  readonly dhN?: Float64Array;
  readonly dcN?: Float64Array;
  /**
   * Truncated BPTT window k (omitted or ≥ T: full BPTT). The steps are cut into chunks [0, k), [k, 2k), …
   * of absolute time; the forward state flows across chunk boundaries unchanged, but no gradient flows back
   * across them: dL/dh and dL/dc are zeroed on their way from step t to step t−1 whenever t is a positive
   * multiple of k. This is "tbptt(k, k)", what running PyTorch chunk by chunk with `h.detach()` between
   * chunks and summing the chunks' losses gives. dh0/dc0 then only receive gradient from the first chunk.
   */
  readonly truncation?: number;
  /**
   * False skips dL/dx (about 5% of the work; the first layer of a model never needs it), and the returned
   * dx is then all zeros. Default true.
   */
  readonly inputGradient?: boolean;
}

/** Gradients for the caller: views into the workspace, overwritten by its next backward. */
export interface BackwardResult {
  /** dL/dx [B][T][I] (through the input mask; 0 past each length; all 0 when inputGradient is false). */
  readonly dx: Float64Array;
  /** dL/dh0 [B][H]. */
  readonly dh0: Float64Array;
  /** dL/dc0 [B][H] for the LSTM; null for rnn and gru. */
  readonly dc0: Float64Array | null;
  /**
   * [T]: ||dL/dh_t||, the Euclidean norm over batch and units of the total gradient reaching the state
   * after step t (from output t, from step t+1 and, at a sequence's last step, from hN), as BPTT delivers it.
   */
  readonly gradNorm: Float64Array;
}

/**
 * Backpropagation through time over the cache of the workspace's last forward. dOutputs [B][T][H] is
 * dL/d(outputs) (values past a length are ignored). Accumulates dL/dWih, dL/dWhh, dL/dbih, dL/dbhh into the
 * params' dw with += (the caller zeroes them), and returns dL/dx, dL/dh0, dL/dc0. Mutates only dw and the
 * workspace.
 */
export function backward(
  params: RecurrentParams,
  workspace: RecurrentWorkspace,
  dOutputs: Float64Array,
  options: BackwardOptions = {},
): BackwardResult {
  const ws = workspace;
  const { batchSize: B, steps: T, lengths, cell } = ws;
  const { inputSize: I, hiddenSize: H } = params;
  if (!ws.cached || B === 0 || !suits(ws, params, B, T)) {
    throw new Error('backward needs the cached workspace of a forward with these params.');
  }
  if (dOutputs.length !== B * T * H)
    throw new RangeError(`backward: dOutputs must have B*T*H = ${B * T * H} values.`);
  const window = options.truncation ?? T;
  if (!(Number.isInteger(window) && window >= 1))
    throw new RangeError('backward: truncation must be an integer ≥ 1.');
  const { dhN, dcN } = options;
  checkLength(dhN, B * H, 'dhN');
  checkLength(dcN, B * H, 'dcN');
  const { dh0, dc0, dx, gradNorm } = ws.buffers;
  let { dh, dhPrev, dc, dcPrev } = ws.buffers;
  dh.fill(0, 0, B * H);
  dc.fill(0, 0, B * H);
  ws.ops.loadWeights(params);
  for (let t = T - 1; t >= 0; t--) {
    gradNorm[t] = Math.sqrt(backwardStep(ws, dOutputs, dhN, dcN, t, dh, dc, dhPrev, dcPrev));
    if (t > 0 && t % window === 0) {
      dhPrev.fill(0, 0, B * H);
      dcPrev.fill(0, 0, B * H);
    }
    const dhSwap = dh;
    dh = dhPrev;
    dhPrev = dhSwap;
    const dcSwap = dc;
    dc = dcPrev;
    dcPrev = dcSwap;
  }
  // dh now holds dL/dh0; a sequence of length 0 passes dhN straight through.
  for (let b = 0; b < B; b++) {
    const through = lengths[b] === 0;
    for (let j = b * H; j < (b + 1) * H; j++) {
      dh0[j] = dh[j] + (through && dhN ? dhN[j] : 0);
      dc0[j] = dc[j] + (through && dcN ? dcN[j] : 0);
    }
  }
  addWeightGradients(ws, params);
  if (options.inputGradient === false) dx.fill(0, 0, B * T * I);
  else inputGradient(ws, dx);
  return {
    dx: dx.subarray(0, B * T * I),
    dh0: dh0.subarray(0, B * H),
    dc0: cell === 'lstm' ? dc0.subarray(0, B * H) : null,
    gradNorm: gradNorm.subarray(0, T),
  };
}

function checkLength(values: Float64Array | undefined, length: number, name: string): void {
  if (values !== undefined && values.length !== length) {
    throw new RangeError(`${name} must have ${length} values; got ${values.length}.`);
  }
}
