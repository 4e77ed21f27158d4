/**
 * The forward pass of engine/recurrent.ts, stage by stage, over the workspace's time-major buffers
 * (row k = t*B + b): masked inputs, the input projection of every step at once, then one recurrence step
 * at a time, then the batch-first outputs.
 */
import { GATE_BLOCKS, type RecurrentParams } from '../types.ts';
import { matVec, matVecPair, transpose } from './kernels.ts';
import { CELL_KERNELS, type RecurrentWorkspace } from './workspace.ts';

/** xm [T][B][I] (time-major) = x⊙mask for valid steps, 0 past each length. Mutates xm only. */
export function maskInputs(
  x: Float64Array,
  mask: Float64Array | undefined,
  lengths: Int32Array,
  B: number,
  T: number,
  I: number,
  xm: Float64Array,
): void {
  for (let b = 0; b < B; b++) {
    for (let t = 0; t < T; t++) {
      const to = (t * B + b) * I;
      const from = (b * T + t) * I;
      if (t >= lengths[b]) xm.fill(0, to, to + I);
      else if (mask) for (let i = 0; i < I; i++) xm[to + i] = x[from + i] * mask[from + i];
      else for (let i = 0; i < I; i++) xm[to + i] = x[from + i];
    }
  }
}

/**
 * xp[k] = bih + Wih·xm[k] for every valid k. Mostly-zero inputs (one-hot symbols) take a sparse path that
 * adds the Wihᵀ row of each nonzero x_i; dense inputs take the blocked kernel, two steps per pass over Wih.
 * Mutates the workspace's xp (and its WT and active scratch).
 */
export function projectInputs(ws: RecurrentWorkspace, Wih: Float64Array, bih: Float64Array): void {
  const { batchSize: B, steps: T, inputSize: I, hiddenSize: H, lengths, active, cell, wasm } = ws;
  const { xm, xp, WT: WihT } = ws.buffers;
  const GH = GATE_BLOCKS[cell] * H;
  if (wasm) {
    // Every valid row k at once: xp[k] = bih + xm[k]·Wihᵀ.
    const { rows } = wasm;
    let n = 0;
    for (let t = 0; t < T; t++) for (let b = 0; b < B; b++) if (t < lengths[b]) rows[n++] = t * B + b;
    if (n > 0) {
      const w = wasm.WihT;
      wasm.gemm(
        xp.byteOffset,
        GH * 8,
        xm.byteOffset,
        I * 8,
        8,
        w.byteOffset,
        GH * 8,
        wasm.bih.byteOffset,
        rows.byteOffset,
        n,
        GH,
        I,
        0,
      );
    }
    return;
  }
  let nonzero = 0;
  for (let i = 0; i < T * B * I; i++) if (xm[i] !== 0) nonzero++;
  const sparse = nonzero * 4 < T * B * I;
  if (sparse) transpose(Wih, GH, I, WihT);
  for (let t = 0; t < T; t++) {
    let n = 0;
    for (let b = 0; b < B; b++) if (t < lengths[b]) active[n++] = t * B + b;
    if (sparse) {
      for (let a = 0; a < n; a++) {
        const k = active[a];
        xp.set(bih, k * GH);
        for (let i = 0; i < I; i++) {
          const xi = xm[k * I + i];
          if (xi === 0) continue;
          for (let r = 0, out = k * GH, row = i * GH; r < GH; r++) xp[out + r] += xi * WihT[row + r];
        }
      }
      continue;
    }
    let a = 0;
    for (; a + 1 < n; a += 2) {
      const k0 = active[a];
      const k1 = active[a + 1];
      matVecPair(Wih, GH, I, bih, xm, k0 * I, k1 * I, xp, k0 * GH, k1 * GH);
    }
    if (a < n) matVec(Wih, GH, I, bih, xm, active[a] * I, xp, active[a] * GH);
  }
}

/**
 * Step t of the recurrence for the whole batch: the state is copied forward for sequences past their length,
 * hp = bhh + Whh·(h⊙m) for the others, then their cells. Writes rows t+1 of h and c, the gates and extra of
 * step t, and the hp/hm scratch.
 */
export function forwardStep(ws: RecurrentWorkspace, params: RecurrentParams, t: number): void {
  const { batchSize: B, hiddenSize: H, lengths, h, c, active, step, cell } = ws;
  const kernel = CELL_KERNELS[cell];
  const GH = GATE_BLOCKS[cell] * H;
  const E = kernel.extraWidth * H;
  const { hp, hm } = ws.buffers;
  const mask = ws.masks.recurrent;
  const prev = t * B * H;
  const next = prev + B * H;
  let n = 0;
  for (let b = 0; b < B; b++) {
    if (t < lengths[b]) active[n++] = b;
    else {
      h.copyWithin(next + b * H, prev + b * H, prev + (b + 1) * H);
      if (cell === 'lstm') c.copyWithin(next + b * H, prev + b * H, prev + (b + 1) * H);
    }
  }
  let source = h;
  let base = prev;
  if (mask) {
    for (let a = 0; a < n; a++) {
      const o = active[a] * H;
      for (let j = 0; j < H; j++) hm[o + j] = h[prev + o + j] * mask[o + j];
    }
    source = hm;
    base = 0;
  }
  let a = 0;
  const wasm = ws.wasm;
  if (wasm && n > 0) {
    // hp[b] = bhh + (h⊙m)[b]·Whhᵀ for the active rows b.
    const { WhhT, bhh } = wasm;
    const from = source.byteOffset + base * 8;
    wasm.gemm(
      hp.byteOffset,
      GH * 8,
      from,
      H * 8,
      8,
      WhhT.byteOffset,
      GH * 8,
      bhh.byteOffset,
      active.byteOffset,
      n,
      GH,
      H,
      0,
    );
    a = n;
  }
  const Whh = params.Whh.w;
  const bhh = params.bhh.w;
  for (; a + 1 < n; a += 2) {
    const b0 = active[a];
    const b1 = active[a + 1];
    matVecPair(Whh, GH, H, bhh, source, base + b0 * H, base + b1 * H, hp, b0 * GH, b1 * GH);
  }
  if (a < n) matVec(Whh, GH, H, bhh, source, base + active[a] * H, hp, active[a] * GH);
  step.xp = ws.buffers.xp;
  step.hp = hp;
  step.gates = ws.gates;
  step.extra = ws.extra;
  step.h = h;
  step.c = c;
  if (wasm) {
    // Row 0's offsets; the cell adds each listed row's own.
    const row0 = ws.cached ? t * B : 0;
    step.xpOff = t * B * GH;
    step.hpOff = 0;
    step.gateOff = row0 * GH;
    step.extraOff = row0 * E;
    step.hPrevOff = step.cPrevOff = prev;
    step.hNextOff = step.cNextOff = next;
    if (n > 0) kernel.forwardRows(step, active, n, wasm.activateRows);
    return;
  }
  for (a = 0; a < n; a++) {
    const b = active[a];
    const row = ws.cached ? t * B + b : b;
    step.xpOff = (t * B + b) * GH;
    step.hpOff = b * GH;
    step.gateOff = row * GH;
    step.extraOff = row * E;
    step.hPrevOff = step.cPrevOff = prev + b * H;
    step.hNextOff = step.cNextOff = next + b * H;
    kernel.forward(step);
  }
}

/** outputs [B][T][H] = h after step t ⊙ output mask for valid steps, 0 after. Mutates outputs only. */
export function writeOutputs(
  h: Float64Array,
  mask: Float64Array | undefined,
  lengths: Int32Array,
  B: number,
  T: number,
  H: number,
  outputs: Float64Array,
): void {
  for (let b = 0; b < B; b++) {
    for (let t = 0; t < T; t++) {
      const o = (b * T + t) * H;
      const from = ((t + 1) * B + b) * H;
      if (t >= lengths[b]) outputs.fill(0, o, o + H);
      else if (mask) for (let j = 0; j < H; j++) outputs[o + j] = h[from + j] * mask[o + j];
      else for (let j = 0; j < H; j++) outputs[o + j] = h[from + j];
    }
  }
}

/**
 * Refreshes the WebAssembly path's copies of the weights (Wihᵀ, Whhᵀ, Whh, bih, bhh) from params; a no-op
 * on the JavaScript path. Called by every forward and backward, since the weights change between them.
 */
export function loadWasmWeights(ws: RecurrentWorkspace, params: RecurrentParams): void {
  const wasm = ws.wasm;
  if (!wasm) return;
  const GH = GATE_BLOCKS[ws.cell] * ws.hiddenSize;
  transpose(params.Wih.w, GH, ws.inputSize, wasm.WihT);
  transpose(params.Whh.w, GH, ws.hiddenSize, wasm.WhhT);
  wasm.Whh.set(params.Whh.w);
  wasm.bih.set(params.bih.w);
  wasm.bhh.set(params.bhh.w);
}

/** Copies initial (length `size`) into the first `size` values of state, or zeroes them if it is undefined. */
export function setInitialState(
  state: Float64Array,
  size: number,
  initial: Float64Array | undefined,
  name: string,
): void {
  if (initial === undefined) state.fill(0, 0, size);
  else if (initial.length !== size) throw new RangeError(`forward: ${name} must have B*H = ${size} values.`);
  else state.set(initial);
}
