/**
 * The windows of truncated BPTT (Williams and Peng, 1990): a batch-first batch of T steps cut into
 * consecutive windows of k steps, each copied into reusable buffers as a batch of its own. The trainer runs
 * each window forward from the state the previous window ended in, backpropagates only within it and
 * updates the weights after it, so memory and work per update grow with k, not T.
 */
import type { SequenceBatch, Target } from './types.ts';

/** The windows [from, to) of a batch of `steps` steps cut every `window` steps (the last may be shorter). */
export function windowBounds(steps: number, window: number | null): { from: number; to: number }[] {
  const k = window === null ? steps : Math.max(1, Math.min(window, steps));
  const bounds: { from: number; to: number }[] = [];
  for (let from = 0; from < steps; from += k) bounds.push({ from, to: Math.min(steps, from + k) });
  return bounds;
}

/** Reusable storage for {@link sliceWindow}; grows when a larger window arrives. */
export interface WindowBuffers {
  x: Float64Array;
  lengths: Int32Array;
  labels: Int32Array;
  values: Float64Array;
  weight: Float64Array;
}

export function createWindowBuffers(): WindowBuffers {
  return {
    x: new Float64Array(0),
    lengths: new Int32Array(0),
    labels: new Int32Array(0),
    values: new Float64Array(0),
    weight: new Float64Array(0),
  };
}

/**
 * Steps from..to−1 of every sequence of `batch`, as a batch of to − from steps in `buffers` (overwritten
 * by the next call). A sequence that ends before `from` has length 0 in this window: its state passes
 * through unchanged and it has no targets.
 */
export function sliceWindow(
  batch: SequenceBatch,
  from: number,
  to: number,
  buffers: WindowBuffers,
): SequenceBatch {
  const { batchSize: B, steps: T, inputSize: I, target } = batch;
  const w = to - from;
  if (buffers.x.length < B * w * I) buffers.x = new Float64Array(B * w * I);
  if (buffers.lengths.length < B) buffers.lengths = new Int32Array(B);
  const x = buffers.x.subarray(0, B * w * I);
  const lengths = buffers.lengths.subarray(0, B);
  for (let b = 0; b < B; b++) {
    x.set(batch.x.subarray((b * T + from) * I, (b * T + to) * I), b * w * I);
    lengths[b] = Math.max(0, Math.min(w, batch.lengths[b]! - from));
  }
  let sliced: Target;
  if (target.kind === 'class') {
    if (buffers.labels.length < B * w) buffers.labels = new Int32Array(B * w);
    const labels = buffers.labels.subarray(0, B * w);
    for (let b = 0; b < B; b++) labels.set(target.labels.subarray(b * T + from, b * T + to), b * w);
    sliced = { ...target, labels };
  } else {
    const S = target.size;
    if (buffers.values.length < B * w * S) buffers.values = new Float64Array(B * w * S);
    if (buffers.weight.length < B * w) buffers.weight = new Float64Array(B * w);
    const values = buffers.values.subarray(0, B * w * S);
    const weight = buffers.weight.subarray(0, B * w);
    for (let b = 0; b < B; b++) {
      values.set(target.values.subarray((b * T + from) * S, (b * T + to) * S), b * w * S);
      weight.set(target.weight.subarray(b * T + from, b * T + to), b * w);
    }
    sliced = { ...target, values, weight };
  }
  return { batchSize: B, steps: w, inputSize: I, x, lengths, target: sliced };
}
