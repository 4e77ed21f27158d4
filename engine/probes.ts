/**
 * Probes: the numbers the figures draw, read out of a forward's cache (a cached RecurrentWorkspace) for one
 * sequence b of the batch. Results are plain data (typed arrays and numbers) that can be posted to the UI.
 *
 * States are indexed as in the equations: h_0 is the initial state and h_t the state after consuming the
 * t-th input (t = 1..T, T = that sequence's length), i.e. workspace row t.
 */
import { matVecPair, transpose } from './cells/kernels.ts';
import { createCellStep } from './cells/step.ts';
import { CELL_KERNELS, type RecurrentWorkspace } from './cells/workspace.ts';
import { GATE_BLOCKS, type RecurrentParams } from './types.ts';

/**
 * ||∂h_T/∂h_t||_F for t = 0..T−1 (entry t; the distance is T − t), T = lengths[b], from the last forward
 * with `params` in `workspace`. Exact: the H basis vectors of h_T are backpropagated through the recurrence
 * (the cells' own backward, the Whh product and the recurrent dropout mask of that forward), which costs
 * O(T·G·H³). For the LSTM this is the partial derivative with c_t held fixed: h_t and c_t are the two
 * independent halves of the state, and the path h_t → gates → c_{t+1} → … → h_T is included, but c_t itself
 * is not moved. Reads only; allocates its own O(G·H²) scratch.
 */
export function jacobianNorms(
  params: RecurrentParams,
  workspace: RecurrentWorkspace,
  b: number,
): Float64Array {
  const ws = workspace;
  checkProbe(params, ws, b);
  const { batchSize: B, hiddenSize: H, cell } = ws;
  const kernel = CELL_KERNELS[cell];
  const GH = GATE_BLOCKS[cell] * H;
  const E = kernel.extraWidth * H;
  const T = ws.lengths[b];
  const mask = ws.masks.recurrent;
  const WhhT = new Float64Array(H * GH);
  transpose(params.Whh.w, GH, H, WhhT);
  const zeros = new Float64Array(H);
  // Row i of D holds ∂h_T^i/∂h_s (and of Dc ∂h_T^i/∂c_s) as s walks back from T; D starts as the identity.
  let D = new Float64Array(H * H);
  let Dc = new Float64Array(H * H);
  let DPrev = new Float64Array(H * H);
  let DcPrev = new Float64Array(H * H);
  for (let i = 0; i < H; i++) D[i * H + i] = 1;
  const dPreX = new Float64Array(H * GH);
  const dPreH = kernel.splitsHiddenGradient ? new Float64Array(H * GH) : dPreX;
  const product = new Float64Array(H * H);
  const step = createCellStep(H);
  Object.assign(step, { gates: ws.gates, extra: ws.extra, h: ws.h, c: ws.c, dPreX, dPreH });
  const norms = new Float64Array(T);
  for (let s = T - 1; s >= 0; s--) {
    const k = s * B + b;
    step.dh = D;
    step.dc = Dc;
    step.dhPrev = DPrev;
    step.dcPrev = DcPrev;
    step.gateOff = k * GH;
    step.extraOff = k * E;
    step.hPrevOff = step.cPrevOff = k * H;
    for (let i = 0; i < H; i++) {
      step.dhOff = step.dcOff = step.dhPrevOff = step.dcPrevOff = i * H;
      step.dPreXOff = step.dPreHOff = i * GH;
      kernel.backward(step);
    }
    for (let i = 0; i < H; i += 2) {
      const next = i + 1 < H ? i + 1 : i;
      matVecPair(WhhT, H, GH, zeros, dPreH, i * GH, next * GH, product, i * H, next * H);
    }
    let sumSquares = 0;
    for (let i = 0; i < H; i++) {
      for (let j = 0; j < H; j++) {
        const value = DPrev[i * H + j] + (mask ? mask[b * H + j] : 1) * product[i * H + j];
        DPrev[i * H + j] = value;
        sumSquares += value * value;
      }
    }
    norms[s] = Math.sqrt(sumSquares);
    const swapD = D;
    D = DPrev;
    DPrev = swapD;
    const swapDc = Dc;
    Dc = DcPrev;
    DcPrev = swapDc;
  }
  return norms;
}

/** Gate activations and states of one sequence, each [T][H] row-major over its T = lengths[b] steps. */
export type GateActivations = {
  readonly steps: number;
  readonly hiddenSize: number;
  /** h_1..h_T, the state after each step. */
  readonly h: Float64Array;
} & (
  | { readonly cell: 'rnn' }
  | {
      readonly cell: 'lstm';
      readonly i: Float64Array;
      readonly f: Float64Array;
      readonly g: Float64Array;
      readonly o: Float64Array;
      /** c_1..c_T. */
      readonly c: Float64Array;
    }
  | { readonly cell: 'gru'; readonly r: Float64Array; readonly z: Float64Array; readonly n: Float64Array }
);

/** Copies sequence b's gate activations (in PyTorch's gate order) and states out of the cache. */
export function gateActivations(workspace: RecurrentWorkspace, b: number): GateActivations {
  const ws = workspace;
  if (!ws.cached || !(b >= 0 && b < ws.batchSize))
    throw new RangeError('gateActivations needs a cached forward.');
  const { batchSize: B, hiddenSize: H, cell } = ws;
  const G = GATE_BLOCKS[cell];
  const T = ws.lengths[b];
  const rows = (source: Float64Array, width: number, offset: number, firstRow: number) => {
    const out = new Float64Array(T * H);
    for (let t = 0; t < T; t++) {
      const from = ((t + firstRow) * B + b) * width + offset;
      out.set(source.subarray(from, from + H), t * H);
    }
    return out;
  };
  const gate = (index: number) => rows(ws.gates, G * H, index * H, 0);
  const base = { steps: T, hiddenSize: H, h: rows(ws.h, H, 0, 1) };
  if (cell === 'lstm')
    return { ...base, cell, i: gate(0), f: gate(1), g: gate(2), o: gate(3), c: rows(ws.c, H, 0, 1) };
  if (cell === 'gru') return { ...base, cell, r: gate(0), z: gate(1), n: gate(2) };
  return { ...base, cell };
}

function checkProbe(params: RecurrentParams, ws: RecurrentWorkspace, b: number): void {
  if (!ws.cached || ws.cell !== params.cell || ws.hiddenSize !== params.hiddenSize) {
    throw new Error('Probes need the cached workspace of a forward with these params.');
  }
  if (!(Number.isInteger(b) && b >= 0 && b < ws.batchSize)) {
    throw new RangeError(`Sequence ${b} is not in the last forward's batch of ${ws.batchSize}.`);
  }
}
