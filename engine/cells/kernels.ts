/**
 * The dense kernels of the recurrent layer, over flat row-major Float64Arrays. Inner loops run over
 * contiguous memory and are register-blocked (4 weight rows × 2 vectors; 2 × 4 dot products), so each
 * loaded number feeds several products. In a V8 micro-benchmark the 4×2 block ran about 1.8× as fast as a
 * plain dot-product loop when both vectors come from one array, but only 1.2× with two array arguments
 * (more live registers), hence the (array, offset, offset) signatures.
 */

/**
 * out[o0 + r] = bias[r] + Σ_j W[r][j]·v[v0 + j] and out[o1 + r] = bias[r] + Σ_j W[r][j]·v[v1 + j] for
 * r < R, where W is R×C and bias has at least R entries: two vectors of one array per pass over W.
 * Mutates out only.
 */
export function matVecPair(
  W: Float64Array,
  R: number,
  C: number,
  bias: Float64Array,
  v: Float64Array,
  v0: number,
  v1: number,
  out: Float64Array,
  o0: number,
  o1: number,
): void {
  checkBias(bias, R);
  const R4 = R - (R % 4);
  for (let r = 0; r < R4; r += 4) {
    const w0 = r * C;
    const w1 = w0 + C;
    const w2 = w1 + C;
    const w3 = w2 + C;
    let s00 = 0;
    let s01 = 0;
    let s10 = 0;
    let s11 = 0;
    let s20 = 0;
    let s21 = 0;
    let s30 = 0;
    let s31 = 0;
    for (let j = 0; j < C; j++) {
      const x0 = v[v0 + j];
      const x1 = v[v1 + j];
      let w = W[w0 + j];
      s00 += w * x0;
      s01 += w * x1;
      w = W[w1 + j];
      s10 += w * x0;
      s11 += w * x1;
      w = W[w2 + j];
      s20 += w * x0;
      s21 += w * x1;
      w = W[w3 + j];
      s30 += w * x0;
      s31 += w * x1;
    }
    out[o0 + r] = bias[r] + s00;
    out[o1 + r] = bias[r] + s01;
    out[o0 + r + 1] = bias[r + 1] + s10;
    out[o1 + r + 1] = bias[r + 1] + s11;
    out[o0 + r + 2] = bias[r + 2] + s20;
    out[o1 + r + 2] = bias[r + 2] + s21;
    out[o0 + r + 3] = bias[r + 3] + s30;
    out[o1 + r + 3] = bias[r + 3] + s31;
  }
  if (R4 < R) {
    remainderRows(W, R4, R, C, bias, v, v0, out, o0);
    remainderRows(W, R4, R, C, bias, v, v1, out, o1);
  }
}

/** out[outOff + r] = bias[r] + Σ_j W[r][j]·v[vOff + j] for r < R, W being R×C, bias ≥ R long. Mutates out only. */
export function matVec(
  W: Float64Array,
  R: number,
  C: number,
  bias: Float64Array,
  v: Float64Array,
  vOff: number,
  out: Float64Array,
  outOff: number,
): void {
  checkBias(bias, R);
  const R4 = R - (R % 4);
  for (let r = 0; r < R4; r += 4) {
    const w0 = r * C;
    const w1 = w0 + C;
    const w2 = w1 + C;
    const w3 = w2 + C;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let j = 0; j < C; j++) {
      const x = v[vOff + j];
      s0 += W[w0 + j] * x;
      s1 += W[w1 + j] * x;
      s2 += W[w2 + j] * x;
      s3 += W[w3 + j] * x;
    }
    out[outOff + r] = bias[r] + s0;
    out[outOff + r + 1] = bias[r + 1] + s1;
    out[outOff + r + 2] = bias[r + 2] + s2;
    out[outOff + r + 3] = bias[r + 3] + s3;
  }
  if (R4 < R) remainderRows(W, R4, R, C, bias, v, vOff, out, outOff);
}

/** A bias shorter than the rows would read undefined and write NaN silently; refuse it instead. */
function checkBias(bias: Float64Array, R: number): void {
  if (bias.length < R) throw new RangeError(`matVec: bias has ${bias.length} entries for ${R} rows.`);
}

function remainderRows(
  W: Float64Array,
  from: number,
  R: number,
  C: number,
  bias: Float64Array,
  v: Float64Array,
  vOff: number,
  out: Float64Array,
  outOff: number,
): void {
  for (let r = from; r < R; r++) out[outOff + r] = bias[r] + dot(W, r * C, v, vOff, C);
}

/** dst [C][R] = srcᵀ for src [R][C]. Mutates dst only. */
export function transpose(src: Float64Array, R: number, C: number, dst: Float64Array): void {
  for (let r = 0; r < R; r++) {
    const row = r * C;
    for (let c = 0; c < C; c++) dst[c * R + r] = src[row + c];
  }
}

/** out [R][J] += A·Bᵀ for A [R][K] and B [J][K]: each entry a contiguous dot product of length K. */
export function addABt(
  A: Float64Array,
  B: Float64Array,
  out: Float64Array,
  R: number,
  J: number,
  K: number,
): void {
  const R2 = R - (R % 2);
  const J4 = J - (J % 4);
  for (let r = 0; r < R2; r += 2) {
    const a0 = r * K;
    const a1 = a0 + K;
    for (let j = 0; j < J4; j += 4) {
      const b0 = j * K;
      const b1 = b0 + K;
      const b2 = b1 + K;
      const b3 = b2 + K;
      let s00 = 0;
      let s01 = 0;
      let s02 = 0;
      let s03 = 0;
      let s10 = 0;
      let s11 = 0;
      let s12 = 0;
      let s13 = 0;
      for (let k = 0; k < K; k++) {
        const x0 = A[a0 + k];
        const x1 = A[a1 + k];
        let y = B[b0 + k];
        s00 += x0 * y;
        s10 += x1 * y;
        y = B[b1 + k];
        s01 += x0 * y;
        s11 += x1 * y;
        y = B[b2 + k];
        s02 += x0 * y;
        s12 += x1 * y;
        y = B[b3 + k];
        s03 += x0 * y;
        s13 += x1 * y;
      }
      const o0 = r * J + j;
      const o1 = o0 + J;
      out[o0] += s00;
      out[o0 + 1] += s01;
      out[o0 + 2] += s02;
      out[o0 + 3] += s03;
      out[o1] += s10;
      out[o1 + 1] += s11;
      out[o1 + 2] += s12;
      out[o1 + 3] += s13;
    }
    for (let j = J4; j < J; j++) {
      out[r * J + j] += dot(A, a0, B, j * K, K);
      out[(r + 1) * J + j] += dot(A, a1, B, j * K, K);
    }
  }
  for (let r = R2; r < R; r++) {
    for (let j = 0; j < J; j++) out[r * J + j] += dot(A, r * K, B, j * K, K);
  }
}

/** Σ_k a[aOff + k]·b[bOff + k] for k < K. */
export function dot(a: Float64Array, aOff: number, b: Float64Array, bOff: number, K: number): number {
  let s = 0;
  for (let k = 0; k < K; k++) s += a[aOff + k] * b[bOff + k];
  return s;
}

/** out[r] += Σ_k A[r][k] for A [R][K]. Mutates out only. */
export function addRowSums(A: Float64Array, R: number, K: number, out: Float64Array): void {
  for (let r = 0; r < R; r++) {
    let s = 0;
    const row = r * K;
    for (let k = 0; k < K; k++) s += A[row + k];
    out[r] += s;
  }
}

/**
 * True when fewer than a quarter of the C numbers of the listed rows of a are nonzero (one-hot symbols),
 * judged on at most 16 of the rows, spread over the list. It only chooses between two ways of computing
 * the same numbers, so a sample is enough: a wrong guess costs time, never a different result.
 */
export function mostlyZero(
  a: Float64Array,
  aOffset: number,
  aStride: number,
  C: number,
  rows: Int32Array | null,
  count: number,
): boolean {
  const sampled = Math.min(count, 16);
  let nonzero = 0;
  for (let s = 0; s < sampled; s++) {
    const m = Math.floor((s * count) / sampled);
    const from = aOffset + (rows ? rows[m] : m) * aStride;
    for (let i = from; i < from + C; i++) if (a[i] !== 0) nonzero++;
  }
  return nonzero * 4 < sampled * C;
}

/**
 * out[rows[m]] = bias + Σ_i a[rows[m]][i]·Wt[i] for m < count (Wt [C][N], its row i a column of W), adding
 * only the nonzero a_i, in order of i, one at a time from the bias. That is WebAssembly's gemm's sum less
 * its exact zeros, so its numbers; the JavaScript matVec adds the whole dot product to the bias at the end,
 * which agrees exactly when a row has one nonzero (one-hot symbols). For one-hot rows it reads one row of
 * Wt instead of C. Mutates out only.
 */
export function sparseRowsTimes(
  Wt: Float64Array,
  N: number,
  C: number,
  bias: Float64Array,
  a: Float64Array,
  aOffset: number,
  aStride: number,
  out: Float64Array,
  outOffset: number,
  outStride: number,
  rows: Int32Array,
  count: number,
): void {
  for (let m = 0; m < count; m++) {
    const from = aOffset + rows[m] * aStride;
    const to = outOffset + rows[m] * outStride;
    let i = 0;
    while (i < C && a[from + i] === 0) i++;
    if (i === C) {
      for (let n = 0; n < N; n++) out[to + n] = bias[n];
      continue;
    }
    // The first nonzero term with the bias in one pass, then any others.
    let ai = a[from + i];
    for (let n = 0, w = i * N; n < N; n++) out[to + n] = bias[n] + ai * Wt[w + n];
    for (i++; i < C; i++) {
      ai = a[from + i];
      if (ai === 0) continue;
      for (let n = 0, w = i * N; n < N; n++) out[to + n] += ai * Wt[w + n];
    }
  }
}

/**
 * dW [N][C] += Σ_k d[k] ⊗ x[k] over rows k < count (d [count][N], x [count][C]), each entry's terms added
 * to it one at a time in order of k, skipping x's zeros: the sequential dense sum's numbers (the one
 * engine/wasm/dense.wat's gemm computes when accumulating), at one column per one-hot row. Mutates dW only.
 */
export function addSparseOuter(
  dW: Float64Array,
  N: number,
  C: number,
  d: Float64Array,
  x: Float64Array,
  count: number,
): void {
  for (let k = 0; k < count; k++) {
    const xRow = k * C;
    const dRow = k * N;
    for (let i = 0; i < C; i++) {
      const xi = x[xRow + i];
      if (xi === 0) continue;
      for (let n = 0, w = i; n < N; n++, w += C) dW[w] += d[dRow + n] * xi;
    }
  }
}
