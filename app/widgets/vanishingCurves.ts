/**
 * The curves of the vanishing-gradient explorer: ||dh_T/dh_t|| against the distance T − t for untrained
 * networks on one fixed random input sequence, from the engine's forward pass and its exact Jacobian
 * probe. Each curve costs a few milliseconds on the main thread (an LSTM's, or the very first while the
 * JavaScript engine compiles the loops, tens of milliseconds); each is computed once, when first asked for.
 */
import type { CellKind, RecurrentParams } from '../../engine/types';
import {
  createInitialisedRecurrentParams,
  createRng,
  createWorkspace,
  forward,
  jacobianNorms,
  orthogonalMatrix,
} from '../engine';

/** What every curve shares: sizes, the input distribution and the first seed. */
export const VANISHING_SETUP = {
  hiddenSize: 32,
  steps: 50,
  inputSize: 4,
  /** Inputs are N(0, inputStd²): small enough that tanh is not saturated from the first step. */
  inputStd: 0.3,
  seed: 1,
} as const;

const { hiddenSize: H, steps: T, inputSize: I, inputStd } = VANISHING_SETUP;

const inputCache = new Map<number, Float64Array>();
const orthogonalCache = new Map<number, Float64Array>();

/** The input sequence of a seed: T steps of I numbers, N(0, inputStd²). */
function inputsFor(seed: number): Float64Array {
  let inputs = inputCache.get(seed);
  if (!inputs) {
    const rng = createRng(seed).fork(1);
    inputs = new Float64Array(T * I);
    for (let k = 0; k < inputs.length; k++) inputs[k] = inputStd * rng.normal();
    inputCache.set(seed, inputs);
  }
  return inputs;
}

/** values[d] = ||dh_T/dh_{T−d}||_F for d = 0..T; values[0] = √H, the norm of the identity. */
function reachCurve(params: RecurrentParams, seed: number): number[] {
  const workspace = createWorkspace(params, 1, T);
  const x = inputsFor(seed);
  forward(params, { batchSize: 1, steps: T, inputSize: I, x, lengths: Int32Array.of(T) }, { workspace });
  const norms = jacobianNorms(params, workspace, 0);
  const values = [Math.sqrt(H)];
  for (let distance = 1; distance <= T; distance++) values.push(norms[T - distance]!);
  return values;
}

/** One curve to compute: a cache key and the computation (a few milliseconds, tens when cold). */
export interface CurveRequest {
  readonly key: string;
  readonly compute: () => readonly number[];
}

const computed = new Map<string, readonly number[]>();

/** The curve if it has been computed already, else undefined (computes nothing). */
export function cachedCurve(request: CurveRequest): readonly number[] | undefined {
  return computed.get(request.key);
}

/** Computes the curve once and remembers it. */
export function curveOf(request: CurveRequest): readonly number[] {
  let values = computed.get(request.key);
  if (!values) {
    values = request.compute();
    computed.set(request.key, values);
  }
  return values;
}

/**
 * A tanh RNN whose W_hh is `scale` times a random orthogonal matrix, so that every singular value of
 * W_hh equals `scale`; W_ih is PyTorch's default and the biases are zero.
 */
export function scaledRnnRequest(scale: number, seed: number = VANISHING_SETUP.seed): CurveRequest {
  return {
    key: `rnn-scale:${seed}:${scale.toFixed(3)}`,
    compute: () => {
      let orthogonal = orthogonalCache.get(seed);
      if (!orthogonal) {
        orthogonal = orthogonalMatrix(H, createRng(seed).fork(2));
        orthogonalCache.set(seed, orthogonal);
      }
      const params = createInitialisedRecurrentParams('rnn', I, H, createRng(seed).fork(3), {
        scheme: 'pytorch',
      });
      params.bih.w.fill(0);
      params.bhh.w.fill(0);
      for (let k = 0; k < H * H; k++) params.Whh.w[k] = scale * orthogonal[k]!;
      return reachCurve(params, seed);
    },
  };
}

/** A cell at PyTorch's default initialisation (the same seed for every cell), optionally with a forget bias. */
export function cellRequest(
  cell: CellKind,
  forgetBias?: number,
  seed: number = VANISHING_SETUP.seed,
): CurveRequest {
  return {
    key: `cell:${seed}:${cell}:${forgetBias ?? ''}`,
    compute: () => {
      const params = createInitialisedRecurrentParams(cell, I, H, createRng(seed).fork(4), {
        scheme: 'pytorch',
        ...(forgetBias !== undefined ? { forgetBias } : {}),
      });
      return reachCurve(params, seed);
    },
  };
}

export const scaledRnnCurve = (scale: number, seed?: number) => curveOf(scaledRnnRequest(scale, seed));
export const cellCurve = (cell: CellKind, forgetBias?: number, seed?: number) =>
  curveOf(cellRequest(cell, forgetBias, seed));
