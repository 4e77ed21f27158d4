/**
 * The backward pass of engine/recurrent.ts, stage by stage: one BPTT step at a time over the cache, then
 * the weight gradients of all steps as one matrix product, then dL/dx.
 */
import { GATE_BLOCKS, type RecurrentParams } from '../types.ts';
import { addABt, addRowSums, matVec, matVecPair, transpose } from './kernels.ts';
import { CELL_KERNELS, type RecurrentWorkspace } from './workspace.ts';

/**
 * Step t of BPTT for the whole batch: adds dL/d(output t) (and dhN/dcN at each sequence's last step) into
 * dh/dc, runs the cells backward into dPreX/dPreH row t, then dhPrev = direct part + (Whhᵀ·dL/dhp)⊙m.
 * Returns Σ dh² over the batch (the total gradient reaching the states after step t), for ||dL/dh_t||.
 * Mutates dh, dc, dhPrev, dcPrev, rows t of dPreX/dPreH and the workspace's scratch.
 */
export function backwardStep(
  ws: RecurrentWorkspace,
  WhhT: Float64Array,
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
    step.gateOff = step.dPreXOff = step.dPreHOff = k * GH;
    step.extraOff = k * kernel.extraWidth * H;
    step.hPrevOff = step.cPrevOff = t * B * H + o;
    step.dhOff = step.dcOff = step.dhPrevOff = step.dcPrevOff = o;
    kernel.backward(step);
  }
  const zeros = ws.buffers.zeros;
  let a = 0;
  const wasm = ws.wasm;
  if (wasm && n > 0) {
    // product[b] = dL/dhp[b]·Whh for the active rows b.
    const from = dPreH.byteOffset + t * B * GH * 8;
    wasm.gemm(
      product.byteOffset,
      H * 8,
      from,
      GH * 8,
      8,
      wasm.Whh.byteOffset,
      H * 8,
      0,
      active.byteOffset,
      n,
      H,
      GH,
      0,
    );
    a = n;
  }
  for (; a + 1 < n; a += 2) {
    const b0 = active[a];
    const b1 = active[a + 1];
    matVecPair(WhhT, H, GH, zeros, dPreH, (t * B + b0) * GH, (t * B + b1) * GH, product, b0 * H, b1 * H);
  }
  if (a < n) matVec(WhhT, H, GH, zeros, dPreH, (t * B + active[a]) * GH, product, active[a] * H);
  for (a = 0; a < n; a++) {
    const o = active[a] * H;
    if (recurrentMask) for (let j = o; j < o + H; j++) dhPrev[j] += product[j] * recurrentMask[j];
    else for (let j = o; j < o + H; j++) dhPrev[j] += product[j];
  }
  return sumSquares;
}

/**
 * dWih += dPreXᵀ·xm, dbih += Σ dPreX, dWhh += dPreHᵀ·(h⊙m), dbhh += Σ dPreH over all T*B rows at once:
 * accumulates into params' dw (and uses the workspace's left/right scratch).
 */
export function addWeightGradients(ws: RecurrentWorkspace, params: RecurrentParams): void {
  if (ws.wasm) {
    addWeightGradientsWasm(ws, params);
    return;
  }
  const { batchSize: B, steps: T, inputSize: I, hiddenSize: H, h, cell } = ws;
  const { xm, dPreX, dPreH, left, right } = ws.buffers;
  const mask = ws.masks.recurrent;
  const GH = GATE_BLOCKS[cell] * H;
  const K = T * B;
  transpose(dPreX, K, GH, left);
  transpose(xm, K, I, right);
  addABt(left, right, params.Wih.dw, GH, I, K);
  addRowSums(left, GH, K, params.bih.dw);
  if (dPreH !== dPreX) transpose(dPreH, K, GH, left);
  if (mask) {
    for (let k = 0; k < K; k++) {
      const m = (k % B) * H;
      for (let j = 0; j < H; j++) right[j * K + k] = h[k * H + j] * mask[m + j];
    }
  } else {
    transpose(h, K, H, right);
  }
  addABt(left, right, params.Whh.dw, GH, H, K);
  addRowSums(left, GH, K, params.bhh.dw);
}

/**
 * The same on the WebAssembly path, with no transposes: dW[g][j] += Σ_k dPre[k][g]·v[k][j] reads dPre's
 * columns in place (row stride 1, step stride G*H) against the rows of xm, or of h⊙m.
 */
function addWeightGradientsWasm(ws: RecurrentWorkspace, params: RecurrentParams): void {
  const { batchSize: B, steps: T, inputSize: I, hiddenSize: H, h, cell } = ws;
  const { xm, dPreX, dPreH, right } = ws.buffers;
  const wasm = ws.wasm!;
  const mask = ws.masks.recurrent;
  const GH = GATE_BLOCKS[cell] * H;
  const K = T * B;
  let states = h;
  if (mask) {
    for (let k = 0; k < K; k++) {
      const m = (k % B) * H;
      for (let j = 0; j < H; j++) right[k * H + j] = h[k * H + j] * mask[m + j];
    }
    states = right;
  }
  const { dWih, dWhh, gemm } = wasm;
  dWih.set(params.Wih.dw);
  gemm(dWih.byteOffset, I * 8, dPreX.byteOffset, 8, GH * 8, xm.byteOffset, I * 8, 0, 0, GH, I, K, 1);
  params.Wih.dw.set(dWih);
  dWhh.set(params.Whh.dw);
  gemm(dWhh.byteOffset, H * 8, dPreH.byteOffset, 8, GH * 8, states.byteOffset, H * 8, 0, 0, GH, H, K, 1);
  params.Whh.dw.set(dWhh);
  // Bias gradients: column sums, as products with a row of ones; the LSTM and RNN share dL/da.
  const { ones, columnSums } = wasm;
  const sumColumns = (dPre: Float64Array, into: Float64Array) => {
    gemm(columnSums.byteOffset, 0, ones.byteOffset, 0, 8, dPre.byteOffset, GH * 8, 0, 0, 1, GH, K, 0);
    for (let g = 0; g < GH; g++) into[g] += columnSums[g];
  };
  sumColumns(dPreX, params.bih.dw);
  if (dPreH === dPreX) for (let g = 0; g < GH; g++) params.bhh.dw[g] += columnSums[g];
  else sumColumns(dPreH, params.bhh.dw);
}

/** dx [B][T][I] = (Wihᵀ·dPreX[k]) ⊙ input mask for valid steps, 0 after; WihT is Wih transposed [I][G*H]. Mutates dx only. */
export function inputGradient(ws: RecurrentWorkspace, WihT: Float64Array, dx: Float64Array): void {
  const { batchSize: B, steps: T, inputSize: I, hiddenSize: H, lengths, cell } = ws;
  const { dPreX, zeros } = ws.buffers;
  const mask = ws.masks.input;
  const GH = GATE_BLOCKS[cell] * H;
  for (let b = 0; b < B; b++) {
    let t = 0;
    for (; t + 1 < lengths[b]; t += 2) {
      const o = (b * T + t) * I;
      matVecPair(WihT, I, GH, zeros, dPreX, (t * B + b) * GH, ((t + 1) * B + b) * GH, dx, o, o + I);
    }
    if (t < lengths[b]) matVec(WihT, I, GH, zeros, dPreX, (t * B + b) * GH, dx, (b * T + t) * I);
    dx.fill(0, (b * T + lengths[b]) * I, (b + 1) * T * I);
  }
  if (mask) for (let i = 0; i < B * T * I; i++) dx[i] *= mask[i];
}
