/**
 * Gradient checks of BPTT against central finite differences in float64 (step 1e-6), for every weight,
 * bias, input and initial state of all three cells, with ragged lengths, fixed dropout masks and truncation.
 * The loss is L = Σ outputs⊙R + Σ hN⊙S (+ Σ cN⊙Sc for the LSTM) with random R, S, Sc.
 * Tolerance: |analytic − numeric| ≤ 1e-6·max(|analytic|, |numeric|) + 1e-8 per entry (the finite
 * difference itself is accurate to about 1e-10 here). Every check runs twice: with the WebAssembly dense
 * kernel and with the JavaScript one.
 */
import { describe, expect, it } from 'vitest';
import { createInitialisedRecurrentParams } from '../../engine/init.ts';
import { recurrentParamList, zeroRecurrentGradients } from '../../engine/params.ts';
import {
  backward,
  createWorkspace,
  type DenseKernels,
  type DropoutMasks,
  forward,
  type RecurrentWorkspace,
  type SequenceInput,
  sampleDropoutMasks,
} from '../../engine/recurrent.ts';
import { createRng, type Rng } from '../../engine/rng.ts';
import type { CellKind, RecurrentParams } from '../../engine/types.ts';

const EPS = 1e-6;
const I = 3;
const H = 4;
const B = 3;
const T = 7;

function randomArray(rng: Rng, n: number, scale = 1): Float64Array {
  return Float64Array.from({ length: n }, () => scale * rng.normal());
}

interface Problem {
  params: RecurrentParams;
  input: SequenceInput;
  h0: Float64Array;
  c0: Float64Array | undefined;
  masks: DropoutMasks;
  R: Float64Array;
  S: Float64Array;
  Sc: Float64Array;
  /** The workspace every forward of the problem runs in, with the kernels under test. */
  workspace: RecurrentWorkspace;
}

function makeProblem(
  cell: CellKind,
  kernels: DenseKernels,
  seed: number,
  lengths: number[],
  withMasks: boolean,
): Problem {
  const rng = createRng(seed);
  // Weights larger than PyTorch's default so the gates leave their linear range.
  const params = createInitialisedRecurrentParams(cell, I, H, rng, { scheme: 'gaussian', std: 0.6 });
  for (const p of [params.bih, params.bhh]) p.w.set(randomArray(rng, p.w.length, 0.3));
  const input = {
    batchSize: B,
    steps: T,
    inputSize: I,
    x: randomArray(rng, B * T * I),
    lengths: Int32Array.from(lengths),
  };
  const masks = withMasks
    ? sampleDropoutMasks(rng, B, T, I, H, { input: 0.3, output: 0.3, recurrent: 0.3 })
    : {};
  return {
    params,
    input,
    h0: randomArray(rng, B * H, 0.5),
    c0: cell === 'lstm' ? randomArray(rng, B * H, 0.5) : undefined,
    masks,
    R: randomArray(rng, B * T * H),
    S: randomArray(rng, B * H),
    Sc: randomArray(rng, B * H),
    workspace: createWorkspace(params, B, T, true, kernels),
  };
}

function sumProduct(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function loss(p: Problem): number {
  const { outputs, hN, cN } = forward(p.params, p.input, {
    h0: p.h0,
    c0: p.c0,
    masks: p.masks,
    workspace: p.workspace,
  });
  return sumProduct(outputs, p.R) + sumProduct(hN, p.S) + (cN ? sumProduct(cN, p.Sc) : 0);
}

/** Central difference of `f` with respect to every entry of `values` (restored afterwards). */
function numericGradient(values: Float64Array, f: () => number): Float64Array {
  const g = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const saved = values[i];
    values[i] = saved + EPS;
    const plus = f();
    values[i] = saved - EPS;
    const minus = f();
    values[i] = saved;
    g[i] = (plus - minus) / (2 * EPS);
  }
  return g;
}

function expectClose(analytic: Float64Array, numeric: Float64Array, what: string): void {
  expect(analytic.length, what).toBe(numeric.length);
  let worst = 0;
  let worstIndex = -1;
  for (let i = 0; i < analytic.length; i++) {
    const excess =
      Math.abs(analytic[i] - numeric[i]) -
      (1e-6 * Math.max(Math.abs(analytic[i]), Math.abs(numeric[i])) + 1e-8);
    if (excess > worst) {
      worst = excess;
      worstIndex = i;
    }
  }
  expect(
    worstIndex,
    `${what}: entry ${worstIndex} analytic ${analytic[worstIndex]} numeric ${numeric[worstIndex]}`,
  ).toBe(-1);
  // A check that compares zeros with zeros cannot fail; make sure the gradient is not trivially zero.
  expect(Math.max(...Array.from(numeric, Math.abs)), `${what} is not all zero`).toBeGreaterThan(1e-4);
}

function analyticGradients(p: Problem, truncation?: number) {
  zeroRecurrentGradients(p.params);
  const { workspace } = forward(p.params, p.input, {
    h0: p.h0,
    c0: p.c0,
    masks: p.masks,
    workspace: p.workspace,
  });
  const result = backward(p.params, workspace, p.R, { dhN: p.S, dcN: p.Sc, truncation });
  return {
    params: recurrentParamList(p.params).map((param) => Float64Array.from(param.dw)),
    dx: Float64Array.from(result.dx),
    dh0: Float64Array.from(result.dh0),
    dc0: result.dc0 ? Float64Array.from(result.dc0) : null,
    gradNorm: Float64Array.from(result.gradNorm),
  };
}

const cases = (['rnn', 'lstm', 'gru'] as const).flatMap((cell) =>
  (['wasm', 'js'] as const).map((kernels) => [cell, kernels] as const),
);

describe.each(cases)('%s BPTT, %s kernels', (cell, kernels) => {
  it('runs on the kernels it names', () => {
    expect(makeProblem(cell, kernels, 1, [T, 4, 1], false).workspace.kernels).toBe(kernels);
  });

  for (const [label, withMasks] of [
    ['ragged lengths', false],
    ['ragged lengths and fixed dropout masks', true],
  ] as const) {
    it(`matches finite differences for every tensor, x, h0 and c0 (${label})`, () => {
      const p = makeProblem(cell, kernels, withMasks ? 11 : 7, [T, 4, 1], withMasks);
      const analytic = analyticGradients(p);
      const f = () => loss(p);
      recurrentParamList(p.params).forEach((param, index) => {
        expectClose(analytic.params[index], numericGradient(param.w, f), `d${param.name}`);
      });
      expectClose(analytic.dx, numericGradient(p.input.x as Float64Array, f), 'dx');
      expectClose(analytic.dh0, numericGradient(p.h0, f), 'dh0');
      if (p.c0 && analytic.dc0) expectClose(analytic.dc0, numericGradient(p.c0, f), 'dc0');
    });
  }

  it('gives dx = 0 past each length and no gradient to padded inputs', () => {
    const p = makeProblem(cell, kernels, 3, [T, 2, 5], false);
    const { dx } = analyticGradients(p);
    for (let t = 2; t < T; t++) for (let i = 0; i < I; i++) expect(dx[(1 * T + t) * I + i]).toBe(0);
  });

  it('truncation k ≥ T is full BPTT, bit for bit', () => {
    const p = makeProblem(cell, kernels, 5, [T, 4, 6], true);
    const full = analyticGradients(p);
    for (const k of [T, T + 3]) expect(analyticGradients(p, k)).toEqual(full);
  });

  it('truncation k = 3 matches finite differences of the chunked loss with detached states', () => {
    const k = 3;
    const p = makeProblem(cell, kernels, 9, [T, 5, 2], true);
    const truncated = analyticGradients(p, k);
    const full = analyticGradients(p);
    // The state entering each chunk, from a forward at the unperturbed weights: held fixed ("detached").
    const { workspace } = forward(p.params, p.input, {
      h0: p.h0,
      c0: p.c0,
      masks: p.masks,
      workspace: p.workspace,
    });
    const chunkStarts = Array.from({ length: Math.ceil(T / k) }, (_, c) => c * k);
    const detached = chunkStarts.map((t0) => ({
      h: workspace.h.slice(t0 * B * H, (t0 + 1) * B * H),
      c: cell === 'lstm' ? workspace.c.slice(t0 * B * H, (t0 + 1) * B * H) : undefined,
    }));
    const chunkedLoss = () => chunkedTruncatedLoss(p, k, detached);
    recurrentParamList(p.params).forEach((param, index) => {
      expectClose(truncated.params[index], numericGradient(param.w, chunkedLoss), `truncated d${param.name}`);
    });
    expectClose(truncated.dx, numericGradient(p.input.x as Float64Array, chunkedLoss), 'truncated dx');
    // The first chunk's state is h0 itself, so perturbing it is perturbing h0.
    expectClose(truncated.dh0, numericGradient(detached[0].h, chunkedLoss), 'truncated dh0');
    if (cell === 'lstm' && truncated.dc0 && detached[0].c) {
      expectClose(truncated.dc0, numericGradient(detached[0].c, chunkedLoss), 'truncated dc0');
    }
    // And it really is a different gradient from full BPTT.
    const difference = truncated.params[1].reduce((s, v, i) => s + Math.abs(v - full.params[1][i]), 0);
    expect(difference).toBeGreaterThan(1e-3);
  });
});

/**
 * Σ over chunks [t0, t0+k) of the chunk's loss, each chunk run from the detached state `detached[c]`
 * (the hN term counted in the chunk holding the sequence's last valid step) — the loss whose gradient
 * tbptt(k, k) computes.
 */
function chunkedTruncatedLoss(
  p: Problem,
  k: number,
  detached: { h: Float64Array; c: Float64Array | undefined }[],
): number {
  let total = 0;
  detached.forEach((state, c) => {
    const t0 = c * k;
    const steps = Math.min(k, T - t0);
    const x = new Float64Array(B * steps * I);
    const R = new Float64Array(B * steps * H);
    const lengths = new Int32Array(B);
    const inputMask = p.masks.input ? new Float64Array(B * steps * I) : undefined;
    const outputMask = p.masks.output ? new Float64Array(B * steps * H) : undefined;
    for (let b = 0; b < B; b++) {
      lengths[b] = Math.max(0, Math.min(steps, p.input.lengths[b] - t0));
      for (let t = 0; t < steps; t++) {
        const from = b * T + t0 + t;
        const to = b * steps + t;
        x.set(p.input.x.subarray(from * I, (from + 1) * I), to * I);
        inputMask?.set(p.masks.input!.subarray(from * I, (from + 1) * I), to * I);
        R.set(p.R.subarray(from * H, (from + 1) * H), to * H);
        outputMask?.set(p.masks.output!.subarray(from * H, (from + 1) * H), to * H);
      }
    }
    const masks = { input: inputMask, output: outputMask, recurrent: p.masks.recurrent };
    const input = { batchSize: B, steps, inputSize: I, x, lengths };
    const { outputs, hN, cN } = forward(p.params, input, {
      h0: state.h,
      c0: state.c,
      masks,
      workspace: p.workspace,
    });
    total += sumProduct(outputs, R);
    for (let b = 0; b < B; b++) {
      if (Math.floor((p.input.lengths[b] - 1) / k) !== c) continue;
      for (let j = 0; j < H; j++) {
        total += hN[b * H + j] * p.S[b * H + j];
        if (cN) total += cN[b * H + j] * p.Sc[b * H + j];
      }
    }
  });
  return total;
}
