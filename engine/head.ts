/**
 * The dense output layer and its loss. The layer is `nn.Linear` (y = W h + b, W [O][H], b [O]) applied
 * to the recurrent outputs hs [B][T][H] only at the steps that have a target; the loss follows from the
 * target's kind:
 *
 * - class labels: softmax cross-entropy, the mean over target positions of −log softmax(y)[label]
 *   (PyTorch `F.cross_entropy(logits[selected], labels[selected])`, reduction 'mean');
 * - values: mean squared error, Σ_positions w · Σ_units (y − t)² / (O · Σ_positions w), which for weights
 *   of 0 and 1 is PyTorch `F.mse_loss(y[selected], t[selected])` — the mean over the selected positions
 *   *and* the O output units.
 *
 * Rows: position (b, t) is row r = b·T + t of hs viewed as [B·T][H]; every function here works on rows.
 * Padded steps must carry no target (label −1 or weight 0); the head does not look at sequence lengths.
 */
import type { DenseParams, Target } from './types.ts';
import { createHeadDense, type HeadDense } from './wasm/headDense.ts';

/** The loss a target implies: cross-entropy for class labels, mean squared error for values. */
export type HeadLossKind = 'crossEntropy' | 'meanSquaredError';

/** The loss a target implies. */
export function lossKindFor(target: Target): HeadLossKind {
  return target.kind === 'class' ? 'crossEntropy' : 'meanSquaredError';
}

/**
 * Buffers the head reuses from one batch to the next, created by {@link createHeadWorkspace}.
 * Owned by head.ts: read them (e.g. `outputs` for a figure), don't write them.
 */
export interface HeadWorkspace {
  /** O, the number of outputs per row. */
  readonly outputSize: number;
  /** P, the number of target positions found by the last {@link headForward}. */
  positions: number;
  /** [≥P] row index of each target position, in increasing order. Grows when a larger batch arrives. */
  rows: Int32Array;
  /** [≥P][O] softmax probabilities (class targets) or predictions (value targets) at each target position. */
  outputs: Float64Array;
  /** [O] scratch: dLoss/dy for one position. */
  readonly delta: Float64Array;
  /** The target of the last forward; backward checks it is given the same one. */
  target: Target | null;
  /** The denominator of the mean: P for cross-entropy, O·Σweight for mean squared error. */
  denominator: number;
  /** Which kernels run the products: WebAssembly (./wasm/headDense.ts) where it loads, else JavaScript. */
  readonly kernels: 'wasm' | 'js';
  /** The WebAssembly buffers (outputs is their view then), sized with rows; null on the JavaScript path. */
  dense: HeadDense | null;
}

/**
 * Allocates a workspace for a head with `outputSize` outputs (buffers grow on the first forward). Its
 * products run on WebAssembly where the module loads, unless `kernels` is 'js'; both give the same numbers.
 */
export function createHeadWorkspace(outputSize: number, kernels: 'wasm' | 'js' = 'wasm'): HeadWorkspace {
  return {
    outputSize,
    positions: 0,
    rows: new Int32Array(0),
    outputs: new Float64Array(0),
    delta: new Float64Array(outputSize),
    target: null,
    denominator: 0,
    kernels,
    dense: null,
  };
}

/** Grows the workspace's buffers to hold `rowCount` positions (a WebAssembly arena where it can). */
function ensureCapacity(params: DenseParams, workspace: HeadWorkspace, rowCount: number): void {
  if (workspace.rows.length >= rowCount) return;
  workspace.rows = new Int32Array(rowCount);
  const dense =
    workspace.kernels === 'wasm' ? createHeadDense(params.inputSize, params.outputSize, rowCount) : null;
  workspace.dense = dense;
  workspace.outputs = dense ? dense.outputs : new Float64Array(rowCount * params.outputSize);
}

/** outputs[p] = W h + b for the hidden vector of each target position p < positions. */
function logits(params: DenseParams, hs: Float64Array, workspace: HeadWorkspace, positions: number): void {
  const { rows, outputs, dense } = workspace;
  if (dense) dense.logits(params, hs, rows, positions);
  else for (let p = 0; p < positions; p++) affine(params, hs, rows[p]!, outputs, p * params.outputSize);
}

/** The loss of one batch and the sums that metrics need. */
export interface HeadLossResult {
  readonly kind: HeadLossKind;
  /**
   * The mean loss (see the file comment); 0 when there are no target positions (where PyTorch would give
   * NaN), so check `positions`; NaN or Infinity when the outputs are not finite.
   */
  readonly loss: number;
  /** P, the number of (b, t) positions with a target. */
  readonly positions: number;
  /** The denominator of `loss`: P for cross-entropy, O·Σweight for mean squared error (0 if P is 0). */
  readonly denominator: number;
  /** Cross-entropy: positions whose largest logit (the first, on ties) is the label. 0 for values. */
  readonly correct: number;
  /** Cross-entropy: Σ −log p(label), so perplexity = exp(sumNll / positions). 0 for values. */
  readonly sumNll: number;
  /** Mean squared error: Σ w · Σ_units (y − t)², so loss = sumSquaredError / denominator. 0 for classes. */
  readonly sumSquaredError: number;
}

/** Checks shapes and returns the number of rows B·T. */
function checkShapes(params: DenseParams, hs: Float64Array, target: Target): number {
  const rows = target.kind === 'class' ? target.labels.length : target.weight.length;
  const outputs = target.kind === 'class' ? target.numClasses : target.size;
  if (outputs !== params.outputSize) {
    throw new RangeError(`The target has ${outputs} outputs per step but the head has ${params.outputSize}.`);
  }
  if (target.kind === 'value' && target.values.length !== rows * target.size) {
    throw new RangeError(
      `target.values has ${target.values.length} numbers; expected ${rows}·${target.size}.`,
    );
  }
  if (hs.length !== rows * params.inputSize) {
    throw new RangeError(`hs has ${hs.length} numbers; expected ${rows} rows · ${params.inputSize}.`);
  }
  return rows;
}

/**
 * y = W h + b for the hidden vector at row `row` of hs, written to out[offset .. offset+O). Four outputs
 * at a time share each load of h; each output's sum still runs over j in order from its bias, so the
 * numbers are bit for bit those of one output at a time.
 */
function affine(params: DenseParams, hs: Float64Array, row: number, out: Float64Array, offset: number): void {
  const H = params.inputSize;
  const O = params.outputSize;
  const W = params.W.w;
  const b = params.b.w;
  const hOffset = row * H;
  let o = 0;
  for (; o + 4 <= O; o += 4) {
    const w0 = o * H;
    const w1 = w0 + H;
    const w2 = w1 + H;
    const w3 = w2 + H;
    let s0 = b[o]!;
    let s1 = b[o + 1]!;
    let s2 = b[o + 2]!;
    let s3 = b[o + 3]!;
    for (let j = 0; j < H; j++) {
      const h = hs[hOffset + j]!;
      s0 += W[w0 + j]! * h;
      s1 += W[w1 + j]! * h;
      s2 += W[w2 + j]! * h;
      s3 += W[w3 + j]! * h;
    }
    out[offset + o] = s0;
    out[offset + o + 1] = s1;
    out[offset + o + 2] = s2;
    out[offset + o + 3] = s3;
  }
  for (; o < O; o++) {
    let sum = b[o]!;
    const wOffset = o * H;
    for (let j = 0; j < H; j++) sum += W[wOffset + j]! * hs[hOffset + j]!;
    out[offset + o] = sum;
  }
}

/**
 * Forward pass and loss. hs is [B][T][H] (H = params.inputSize); the target's labels or weight are
 * [B][T]. Mutates only the workspace: it records the target rows and the probabilities (class) or
 * predictions (value) there for {@link headBackward}. Throws RangeError on mismatched shapes or a label
 * outside −1 .. O−1, or a weight that is negative or NaN.
 */
export function headForward(
  params: DenseParams,
  hs: Float64Array,
  target: Target,
  workspace: HeadWorkspace,
): HeadLossResult {
  const rowCount = checkShapes(params, hs, target);
  const O = params.outputSize;
  if (workspace.outputSize !== O) throw new RangeError('The workspace was made for another output size.');
  ensureCapacity(params, workspace, rowCount);
  const { rows, outputs } = workspace;
  let positions = 0;
  let correct = 0;
  let sumNll = 0;
  let sumSquaredError = 0;
  let weightSum = 0;
  if (target.kind === 'class') {
    const { labels } = target;
    for (let row = 0; row < rowCount; row++) {
      const label = labels[row]!;
      if (label === -1) continue;
      if (label < 0 || label >= O)
        throw new RangeError(`Label ${label} at row ${row} is outside 0..${O - 1}.`);
      rows[positions++] = row;
    }
    logits(params, hs, workspace, positions);
    for (let p = 0; p < positions; p++) {
      const label = labels[rows[p]!]!;
      const offset = p * O;
      // Stable log-softmax: subtract the largest logit before exponentiating.
      let max = Number.NEGATIVE_INFINITY;
      let argmax = -1;
      for (let o = 0; o < O; o++) {
        const z = outputs[offset + o]!;
        if (z > max) {
          max = z;
          argmax = o;
        }
      }
      const labelLogit = outputs[offset + label]!;
      let sumExp = 0;
      for (let o = 0; o < O; o++) {
        const e = Math.exp(outputs[offset + o]! - max);
        outputs[offset + o] = e;
        sumExp += e;
      }
      for (let o = 0; o < O; o++) outputs[offset + o]! /= sumExp;
      sumNll += max - labelLogit + Math.log(sumExp);
      if (argmax === label) correct += 1;
    }
    workspace.denominator = positions;
  } else {
    const { values, weight } = target;
    for (let row = 0; row < rowCount; row++) {
      const w = weight[row]!;
      if (w === 0) continue;
      if (!(w > 0)) throw new RangeError(`Weight ${w} at row ${row} must be ≥ 0.`);
      rows[positions++] = row;
    }
    logits(params, hs, workspace, positions);
    for (let p = 0; p < positions; p++) {
      const row = rows[p]!;
      const w = weight[row]!;
      const offset = p * O;
      let squares = 0;
      for (let o = 0; o < O; o++) {
        const error = outputs[offset + o]! - values[row * O + o]!;
        squares += error * error;
      }
      sumSquaredError += w * squares;
      weightSum += w;
    }
    workspace.denominator = O * weightSum;
  }
  workspace.positions = positions;
  workspace.target = target;
  const denominator = workspace.denominator;
  const total = target.kind === 'class' ? sumNll : sumSquaredError;
  return {
    kind: lossKindFor(target),
    loss: positions === 0 ? 0 : total / denominator,
    positions,
    denominator,
    correct,
    sumNll,
    sumSquaredError,
  };
}

/**
 * Backward pass of the mean loss from the last {@link headForward} (same params, hs and target).
 * With δ = dLoss/dy at each target position — (softmax(y) − onehot(label)) / P for cross-entropy,
 * 2·w·(y − t) / (O·Σw) for mean squared error — it accumulates dW += δ hᵀ and db += δ into
 * params.W.dw and params.b.dw, and overwrites dHs [B][T][H] with dLoss/dh = Wᵀ δ at target positions and
 * 0 elsewhere. Throws if the workspace holds the forward of another target.
 */
export function headBackward(
  params: DenseParams,
  hs: Float64Array,
  target: Target,
  workspace: HeadWorkspace,
  dHs: Float64Array,
): void {
  if (workspace.target !== target)
    throw new Error('headBackward needs headForward of the same target first.');
  if (dHs.length !== hs.length) throw new RangeError(`dHs has ${dHs.length} numbers; hs has ${hs.length}.`);
  dHs.fill(0);
  const { positions, rows, outputs, delta, denominator } = workspace;
  if (positions === 0) return;
  const H = params.inputSize;
  const O = params.outputSize;
  const W = params.W.w;
  const dW = params.W.dw;
  const db = params.b.dw;
  const dense = workspace.dense;
  for (let p = 0; p < positions; p++) {
    const row = rows[p]!;
    const offset = p * O;
    // δ of this position: into the arena's row p for the WebAssembly products, else the one-row scratch.
    const into = dense ? dense.deltas : delta;
    const at = dense ? offset : 0;
    if (target.kind === 'class') {
      for (let o = 0; o < O; o++) into[at + o] = outputs[offset + o]! / denominator;
      into[at + target.labels[row]!]! -= 1 / denominator;
    } else {
      const scale = (2 * target.weight[row]!) / denominator;
      for (let o = 0; o < O; o++) into[at + o] = scale * (outputs[offset + o]! - target.values[row * O + o]!);
    }
    if (!dense) accumulateRow(H, O, W, dW, db, delta, hs, dHs, row * H);
  }
  dense?.backward(params, rows, positions, dHs);
}

/**
 * One position's share of the backward: db += δ, dW += δ hᵀ and dh += Wᵀ δ for the row at `hOffset`.
 * Four outputs at a time share each load of h and each load and store of dh; dh's sum still adds the
 * outputs in order and each dW entry gets one addition per position, so the numbers are bit for bit
 * those of one output at a time.
 */
function accumulateRow(
  H: number,
  O: number,
  W: Float64Array,
  dW: Float64Array,
  db: Float64Array,
  delta: Float64Array,
  hs: Float64Array,
  dHs: Float64Array,
  hOffset: number,
): void {
  let o = 0;
  for (; o + 4 <= O; o += 4) {
    const d0 = delta[o]!;
    const d1 = delta[o + 1]!;
    const d2 = delta[o + 2]!;
    const d3 = delta[o + 3]!;
    db[o]! += d0;
    db[o + 1]! += d1;
    db[o + 2]! += d2;
    db[o + 3]! += d3;
    const w0 = o * H;
    const w1 = w0 + H;
    const w2 = w1 + H;
    const w3 = w2 + H;
    for (let j = 0; j < H; j++) {
      const h = hs[hOffset + j]!;
      dW[w0 + j]! += d0 * h;
      dW[w1 + j]! += d1 * h;
      dW[w2 + j]! += d2 * h;
      dW[w3 + j]! += d3 * h;
      let g = dHs[hOffset + j]!;
      g += W[w0 + j]! * d0;
      g += W[w1 + j]! * d1;
      g += W[w2 + j]! * d2;
      g += W[w3 + j]! * d3;
      dHs[hOffset + j] = g;
    }
  }
  for (; o < O; o++) {
    const d = delta[o]!;
    db[o]! += d;
    const wOffset = o * H;
    for (let j = 0; j < H; j++) {
      dW[wOffset + j]! += d * hs[hOffset + j]!;
      dHs[hOffset + j]! += W[wOffset + j]! * d;
    }
  }
}

/** What inference returns per row: softmax probabilities (for classes) or the raw outputs y = W h + b. */
export type HeadOutputKind = 'softmax' | 'linear';

/** softmax(out[offset .. offset+O) / temperature) in place, subtracting the largest value first. */
function softmaxInPlace(out: Float64Array, offset: number, O: number, temperature: number): void {
  let max = Number.NEGATIVE_INFINITY;
  for (let o = 0; o < O; o++) if (out[offset + o]! > max) max = out[offset + o]!;
  let sumExp = 0;
  for (let o = 0; o < O; o++) {
    const e = Math.exp((out[offset + o]! - max) / temperature);
    out[offset + o] = e;
    sumExp += e;
  }
  for (let o = 0; o < O; o++) out[offset + o]! /= sumExp;
}

/**
 * Inference at several rows of hs ([rows][H]; row = b·T + t) without a cache: returns [rows.length][O],
 * written into `out` if given (it must hold rows.length·O values; nothing is allocated then) or into a
 * new array. 'softmax' gives softmax(y / temperature) (temperature > 0: below 1 sharpens, above 1
 * flattens, as when sampling characters); 'linear' gives y = W h + b and ignores the temperature.
 * Reads params and hs only. For one row, pass `[row]` or a reused one-element Int32Array.
 */
export function headPredict(
  params: DenseParams,
  hs: Float64Array,
  rows: ArrayLike<number>,
  kind: HeadOutputKind,
  temperature = 1,
  out: Float64Array = new Float64Array(rows.length * params.outputSize),
): Float64Array {
  const O = params.outputSize;
  const rowCount = hs.length / params.inputSize;
  if (out.length < rows.length * O) throw new RangeError(`out is too small for ${rows.length} rows of ${O}.`);
  if (kind === 'softmax' && !(Number.isFinite(temperature) && temperature > 0)) {
    throw new RangeError(`The temperature must be a finite number > 0; got ${temperature}.`);
  }
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (!(Number.isInteger(row) && row >= 0 && row < rowCount)) {
      throw new RangeError(`Row ${row} is outside hs, which has ${rowCount} rows.`);
    }
    affine(params, hs, row, out, i * O);
    if (kind === 'softmax') softmaxInPlace(out, i * O, O, temperature);
  }
  return out;
}
