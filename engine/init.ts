/**
 * Initial weights of a recurrent layer. Every scheme draws from the injected Rng only, in a fixed order
 * (Wih, then Whh, then bih, then bhh, each row-major, gate block by gate block), so a seed replays exactly.
 */
import { createRecurrentParams } from './params.ts';
import type { Rng } from './rng.ts';
import { type CellKind, GATE_BLOCKS, type RecurrentParams } from './types.ts';

/**
 * - 'pytorch': PyTorch's default, every tensor (biases too) U(−1/√H, 1/√H).
 * - 'xavier': Glorot uniform per H-row gate block, U(±√(6/(fan_in + H))), fan_in = I for Wih, H for Whh;
 *   biases 0.
 * - 'orthogonal': each H×H gate block of Whh a random orthogonal matrix, Wih Xavier as above; biases 0.
 * - 'gaussian': Wih and Whh N(0, std²) with std from the options (default 0.1); biases 0.
 */
export type InitScheme = 'pytorch' | 'xavier' | 'orthogonal' | 'gaussian';

/** An initialisation: the scheme and its knobs. */
export interface InitOptions {
  readonly scheme: InitScheme;
  /** Standard deviation for 'gaussian' (default 0.1). */
  readonly std?: number;
  /**
   * LSTM only, any scheme: the forget gate's total bias b_if + b_hf (e.g. 1, Jozefowicz et al. 2015). Sets
   * bih's f block to this value and bhh's f block to 0, so the sum the cell sees is exactly the value.
   */
  readonly forgetBias?: number;
}

/** Overwrites params' w by the scheme (dw is left alone). Mutates params.*.w and advances rng. */
export function initRecurrentParams(params: RecurrentParams, rng: Rng, options: InitOptions): void {
  const { cell, inputSize: I, hiddenSize: H, Wih, Whh, bih, bhh } = params;
  const G = GATE_BLOCKS[cell];
  const { scheme } = options;
  const std = options.std ?? 0.1;
  if (!(std >= 0 && Number.isFinite(std))) throw new RangeError(`Gaussian std must be ≥ 0; got ${std}.`);
  if (scheme === 'pytorch') {
    const bound = 1 / Math.sqrt(H);
    for (const param of [Wih, Whh, bih, bhh]) fillUniform(param.w, 0, param.w.length, bound, rng);
  } else if (scheme === 'gaussian') {
    for (const param of [Wih, Whh]) for (let k = 0; k < param.w.length; k++) param.w[k] = std * rng.normal();
  } else if (scheme === 'xavier' || scheme === 'orthogonal') {
    const inputBound = Math.sqrt(6 / (I + H));
    for (let gate = 0; gate < G; gate++)
      fillUniform(Wih.w, gate * H * I, (gate + 1) * H * I, inputBound, rng);
    const recurrentBound = Math.sqrt(6 / (H + H));
    for (let gate = 0; gate < G; gate++) {
      if (scheme === 'orthogonal') Whh.w.set(orthogonalMatrix(H, rng), gate * H * H);
      else fillUniform(Whh.w, gate * H * H, (gate + 1) * H * H, recurrentBound, rng);
    }
  } else {
    throw new RangeError(`Unknown initialisation scheme '${String(scheme)}'.`);
  }
  if (scheme !== 'pytorch') {
    bih.w.fill(0);
    bhh.w.fill(0);
  }
  if (options.forgetBias !== undefined) {
    if (cell !== 'lstm') throw new RangeError('forgetBias applies to the LSTM only.');
    bih.w.fill(options.forgetBias, H, 2 * H);
    bhh.w.fill(0, H, 2 * H);
  }
}

/** Allocates a layer (see engine/params.ts) and initialises it; advances rng. */
export function createInitialisedRecurrentParams(
  cell: CellKind,
  inputSize: number,
  hiddenSize: number,
  rng: Rng,
  options: InitOptions,
): RecurrentParams {
  const params = createRecurrentParams(cell, inputSize, hiddenSize);
  initRecurrentParams(params, rng, options);
  return params;
}

/**
 * A random n×n orthogonal matrix (row-major; QᵀQ = QQᵀ = I to rounding): modified Gram–Schmidt on the
 * rows of a matrix of N(0, 1) draws, i.e. the Q of a QR factorisation with positive diagonal R, which is
 * distributed uniformly (Haar) over the orthogonal group. Advances rng.
 */
export function orthogonalMatrix(n: number, rng: Rng): Float64Array {
  const Q = new Float64Array(n * n);
  for (let k = 0; k < Q.length; k++) Q[k] = rng.normal();
  for (let r = 0; r < n; r++) {
    const row = r * n;
    // Twice through the projections keeps the rows orthogonal to rounding error ("twice is enough").
    for (let pass = 0; pass < 2; pass++) {
      for (let p = 0; p < r; p++) {
        let projection = 0;
        for (let j = 0; j < n; j++) projection += Q[row + j] * Q[p * n + j];
        for (let j = 0; j < n; j++) Q[row + j] -= projection * Q[p * n + j];
      }
    }
    let norm = 0;
    for (let j = 0; j < n; j++) norm += Q[row + j] * Q[row + j];
    norm = Math.sqrt(norm);
    // A Gaussian row lying in the span of the previous ones has probability 0; the guard keeps it finite.
    if (norm < 1e-300) throw new Error('orthogonalMatrix: degenerate draw.');
    for (let j = 0; j < n; j++) Q[row + j] /= norm;
  }
  return Q;
}

function fillUniform(w: Float64Array, start: number, end: number, bound: number, rng: Rng): void {
  for (let k = start; k < end; k++) w[k] = rng.uniform(-bound, bound);
}
