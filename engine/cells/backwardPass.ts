/**
 * The backward pass of engine/recurrent.ts, stage by stage: one BPTT step at a time over the cache, then
 * the weight gradients of all steps as one matrix product, then dL/dx.
 */
import { GATE_BLOCKS, type RecurrentParams } from '../types.ts';
import { CELL_KERNELS, type RecurrentWorkspace } from './workspace.ts';

/**
 * Step t of BPTT for the whole batch: adds dL/d(output t) (and dhN/dcN at each sequence's last step) into
 * dh/dc, runs the cells backward into dPreX/dPreH row t, then dhPrev = direct part + (Whhᵀ·dL/dhp)⊙m.
 * Returns Σ dh² over the batch (the total gradient reaching the states after step t), for ||dL/dh_t||.
 * Mutates dh, dc, dhPrev, dcPrev, rows t of dPreX/dPreH and the workspace's scratch.
 */
export function backwardStep(
  ws: RecurrentWorkspace,
  dOutputs: Float64Array,
  dhN: Float64Array | undefined,
  dcN: Float64Array | undefined,
  t: number,
  dh: Float64Array,
  dc: Float64Array,
  dhPrev: Float64Array,
  dcPrev: Float64Array,
): number {
  const { batchSize: B, steps: T, hiddenSize: H, lengths, active, step, cell } = ws;
  const kernel = CELL_KERNELS[cell];
  const GH = GATE_BLOCKS[cell] * H;
  const { dPreX, dPreH, hm: product } = ws.buffers;
  const { output: outputMask, recurrent: recurrentMask } = ws.masks;
  step.gates = ws.gates;
  step.extra = ws.extra;
  step.h = ws.h;
  step.c = ws.c;
  step.dPreX = dPreX;
  step.dPreH = dPreH;
  step.dh = dh;
  step.dc = dc;
  step.dhPrev = dhPrev;
  step.dcPrev = dcPrev;
  let n = 0;
  let sumSquares = 0;
  for (let b = 0; b < B; b++) {
    const k = t * B + b;
    const o = b * H;
    if (t >= lengths[b]) {
      dPreX.fill(0, k * GH, (k + 1) * GH);
      dPreH.fill(0, k * GH, (k + 1) * GH);
      dhPrev.fill(0, o, o + H);
      dcPrev.fill(0, o, o + H);
      continue;
    }
    active[n++] = b;
    const from = (b * T + t) * H;
    if (outputMask) for (let j = 0; j < H; j++) dh[o + j] += dOutputs[from + j] * outputMask[from + j];
    else for (let j = 0; j < H; j++) dh[o + j] += dOutputs[from + j];
    if (t === lengths[b] - 1) {
      if (dhN) for (let j = 0; j < H; j++) dh[o + j] += dhN[o + j];
      if (dcN && cell === 'lstm') for (let j = 0; j < H; j++) dc[o + j] += dcN[o + j];
    }
    for (let j = 0; j < H; j++) sumSquares += dh[o + j] * dh[o + j];
  }
  // Row 0's offsets; the cells add each listed row's own.
  step.gateOff = step.dPreXOff = step.dPreHOff = t * B * GH;
  step.extraOff = t * B * kernel.extraWidth * H;
  step.hPrevOff = step.cPrevOff = t * B * H;
  step.dhOff = step.dcOff = step.dhPrevOff = step.dcPrevOff = 0;
  ws.ops.cellBackward(kernel, step, active, n);
  // product[b] = Whhᵀ·dL/dhp[b] for the active rows b.
  ws.ops.gemmRows('WhhT', dPreH, t * B * GH, GH, product, 0, H, active, n);
  for (let a = 0; a < n; a++) {
    const o = active[a] * H;
    if (recurrentMask) for (let j = o; j < o + H; j++) dhPrev[j] += product[j] * recurrentMask[j];
    else for (let j = o; j < o + H; j++) dhPrev[j] += product[j];
  }
  return sumSquares;
}

/**
 * dWih += dPreXᵀ·xm, dbih += Σ dPreX, dWhh += dPreHᵀ·(h⊙m), dbhh += Σ dPreH over all T*B rows at once:
 * accumulates into params' dw (and, under recurrent dropout, writes h⊙m into the workspace's states).
 */
export function addWeightGradients(ws: RecurrentWorkspace, params: RecurrentParams): void {
  const { batchSize: B, steps: T, hiddenSize: H, h } = ws;
  const { xm, dPreX, dPreH, states } = ws.buffers;
  const mask = ws.masks.recurrent;
  const K = T * B;
  let masked = h;
  if (mask) {
    for (let k = 0; k < K; k++) {
      const m = (k % B) * H;
      for (let j = 0; j < H; j++) states[k * H + j] = h[k * H + j] * mask[m + j];
    }
    masked = states;
  }
  ws.ops.addWeightGradients(params, K, dPreX, xm, dPreH, masked);
}

/**
 * dx [B][T][I] = (Wihᵀ·dPreX[k]) ⊙ input mask for valid steps, 0 after, one product per step over the
 * batch rows still running. Mutates dx (and the workspace's active list) only.
 */
export function inputGradient(ws: RecurrentWorkspace, dx: Float64Array): void {
  const { batchSize: B, steps: T, inputSize: I, hiddenSize: H, lengths, active, cell } = ws;
  const { dPreX } = ws.buffers;
  const mask = ws.masks.input;
  const GH = GATE_BLOCKS[cell] * H;
  for (let t = 0; t < T; t++) {
    let n = 0;
    for (let b = 0; b < B; b++) if (t < lengths[b]) active[n++] = b;
    // Row b of step t is dx's (b*T + t), batch-first.
    ws.ops.gemmRows('WihT', dPreX, t * B * GH, GH, dx, t * I, T * I, active, n);
  }
  for (let b = 0; b < B; b++) dx.fill(0, (b * T + lengths[b]) * I, (b + 1) * T * I);
  if (mask) for (let i = 0; i < B * T * I; i++) dx[i] *= mask[i];
}
