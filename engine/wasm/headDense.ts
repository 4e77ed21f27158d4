/**
 * The output layer's three products (engine/head.ts) on the WebAssembly gemm of ./dense.wat, over copies
 * in an arena of the head's own: the logits b + W·h at every target position, then dW += Σ_p δ_p ⊗ h_p,
 * db += Σ_p δ_p and dh_p = Wᵀ·δ_p. gemm adds each sum's terms one at a time in order from its start value,
 * which is how head.ts's loops add them, so the numbers are theirs bit for bit (tests/unit/headBlocked.test.ts
 * holds both to plain loops). On lesson 5's character LSTM (33 classes) the head's share of a training
 * step fell from about 30% to about 10% in Node's profiles.
 */
import type { DenseParams } from '../types.ts';
import { arenaBytes, createDenseArena, type DenseArena } from './dense.ts';

/** The head's buffers in an arena, for up to `capacity` target positions per batch. */
export interface HeadDense {
  readonly capacity: number;
  /** [capacity][O]: the logits of each position after {@link HeadDense.logits} (head.ts turns them into its outputs). */
  readonly outputs: Float64Array;
  /** [capacity][O]: dLoss/dy of each position, written by head.ts before {@link HeadDense.backward}. */
  readonly deltas: Float64Array;
  /** outputs[p] = b + W·hs[rows[p]] for p < count (hs [·][H], row-major). */
  logits(params: DenseParams, hs: Float64Array, rows: Int32Array, count: number): void;
  /**
   * From deltas[p] for p < count: params.W.dw += Σ_p δ_p ⊗ hs[rows[p]], params.b.dw += Σ_p δ_p, and
   * dHs[rows[p]] = Wᵀ·δ_p (other rows of dHs untouched). Uses the hs rows the last logits call copied.
   */
  backward(params: DenseParams, rows: Int32Array, count: number, dHs: Float64Array): void;
}

/** Head buffers for H inputs, O outputs and `capacity` positions, or null where WebAssembly cannot run. */
export function createHeadDense(H: number, O: number, capacity: number): HeadDense | null {
  const sizes = [H * O, O * H, O, O * H, O, capacity * H, capacity * O, capacity * O, capacity * H, capacity];
  const arena = createDenseArena(arenaBytes(sizes));
  return arena ? headDense(arena, H, O, capacity) : null;
}

function headDense(arena: DenseArena, H: number, O: number, capacity: number): HeadDense {
  const { gemm, f64 } = arena;
  const Wt = f64(H * O); // Wᵀ [H][O]: gemm reads the columns of its right operand contiguously.
  const W = f64(O * H);
  const b = f64(O);
  const dW = f64(O * H);
  const db = f64(O);
  const hc = f64(capacity * H); // the target positions' h, compacted
  const outputs = f64(capacity * O);
  const deltas = f64(capacity * O);
  const dhc = f64(capacity * H);
  const ones = f64(capacity).fill(1);
  const at = (view: Float64Array) => view.byteOffset;
  return {
    capacity,
    outputs,
    deltas,
    logits(params, hs, rows, count) {
      if (count > capacity) throw new RangeError(`Head: ${count} positions, room for ${capacity}.`);
      if (count === 0) return;
      const w = params.W.w;
      for (let o = 0; o < O; o++) for (let j = 0; j < H; j++) Wt[j * O + o] = w[o * H + j]!;
      b.set(params.b.w);
      for (let p = 0; p < count; p++) hc.set(hs.subarray(rows[p]! * H, (rows[p]! + 1) * H), p * H);
      // outputs[p][o] = b[o] + Σ_j hc[p][j]·Wt[j][o]
      gemm(at(outputs), O * 8, at(hc), H * 8, 8, at(Wt), O * 8, at(b), 0, count, O, H, 0);
    },
    backward(params, rows, count, dHs) {
      if (count > capacity) throw new RangeError(`Head: ${count} positions, room for ${capacity}.`);
      if (count === 0) return;
      W.set(params.W.w);
      dW.set(params.W.dw);
      db.set(params.b.dw);
      // dW[o][j] += Σ_p deltas[p][o]·hc[p][j]: rows of the left operand are columns of deltas.
      gemm(at(dW), H * 8, at(deltas), 8, O * 8, at(hc), H * 8, 0, 0, O, H, count, 1);
      // db[o] += Σ_p deltas[p][o]·1
      gemm(at(db), 8, at(deltas), 8, O * 8, at(ones), 8, 0, 0, O, 1, count, 1);
      // dhc[p][j] = 0 + Σ_o deltas[p][o]·W[o][j]
      gemm(at(dhc), H * 8, at(deltas), O * 8, 8, at(W), H * 8, 0, 0, count, H, O, 0);
      params.W.dw.set(dW);
      params.b.dw.set(db);
      for (let p = 0; p < count; p++) dHs.set(dhc.subarray(p * H, (p + 1) * H), rows[p]! * H);
    },
  };
}
