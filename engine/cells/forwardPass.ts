/**
 * The forward pass of engine/recurrent.ts, stage by stage, over the workspace's time-major buffers
 * (row k = t*B + b): masked inputs, the input projection of every step at once, then one recurrence step
 * at a time, then the batch-first outputs.
 */
import { GATE_BLOCKS } from '../types.ts';
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
 * xp[k] = bih + Wih·xm[k] for every valid k, all in one product before the recurrence (it does not depend
 * on h). Mutates the workspace's xp (and its validRows list).
 */
export function projectInputs(ws: RecurrentWorkspace): void {
  const { batchSize: B, steps: T, inputSize: I, hiddenSize: H, lengths, validRows, cell } = ws;
  const GH = GATE_BLOCKS[cell] * H;
  let n = 0;
  for (let t = 0; t < T; t++) for (let b = 0; b < B; b++) if (t < lengths[b]) validRows[n++] = t * B + b;
  ws.ops.gemmRows('Wih', ws.buffers.xm, 0, I, ws.buffers.xp, 0, GH, validRows, n);
}

/**
 * Step t of the recurrence for the whole batch: the state is copied forward for sequences past their length,
 * hp = bhh + Whh·(h⊙m) for the others, then their cells. Writes rows t+1 of h and c, the gates and extra of
 * step t, and the hp/hm scratch.
 */
export function forwardStep(ws: RecurrentWorkspace, t: number): void {
  const { batchSize: B, hiddenSize: H, lengths, h, c, active, step, cell } = ws;
  const kernel = CELL_KERNELS[cell];
  const GH = GATE_BLOCKS[cell] * H;
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
  if (n === 0) return;
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
  ws.ops.gemmRows('Whh', source, base, H, hp, 0, GH, active, n);
  // Row 0's offsets; the cell adds each listed row's own.
  const row0 = ws.cached ? t * B : 0;
  step.xp = ws.buffers.xp;
  step.xpOff = t * B * GH;
  step.hp = hp;
  step.hpOff = 0;
  step.gates = ws.gates;
  step.gateOff = row0 * GH;
  step.extra = ws.extra;
  step.extraOff = row0 * kernel.extraWidth * H;
  step.h = h;
  step.c = c;
  step.hPrevOff = step.cPrevOff = prev;
  step.hNextOff = step.cNextOff = next;
  ws.ops.cellForward(kernel, step, active, n);
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
