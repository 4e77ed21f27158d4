/**
 * The WebAssembly dense kernel (engine/wasm/): the committed module is the compilation of dense.wat, its
 * one product agrees exactly with a plain loop in the same summation order for every shape, stride, row
 * list and start (bias, accumulate, zero), a whole layer computes the same forward and backward on it as on
 * the JavaScript kernels, and without WebAssembly the engine falls back to those kernels.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { createInitialisedRecurrentParams } from '../../engine/init.ts';
import { recurrentParamList, zeroRecurrentGradients } from '../../engine/params.ts';
import {
  backward,
  createWorkspace,
  type DenseKernels,
  forward,
  sampleDropoutMasks,
} from '../../engine/recurrent.ts';
import { createRng, type Rng } from '../../engine/rng.ts';
import type { CellKind } from '../../engine/types.ts';
import {
  arenaBytes,
  createDenseArena,
  decodeBase64,
  PEAK_FLOPS_PER_ROUND,
  SIGMOID,
  TANH,
} from '../../engine/wasm/dense.ts';
import { compileDense, MODULE_PATH, moduleSource } from '../../scripts/build-wasm.ts';

function fill(rng: Rng, values: Float64Array): Float64Array {
  for (let i = 0; i < values.length; i++) values[i] = rng.normal();
  return values;
}

describe('the committed module', () => {
  it('is the compilation of engine/wasm/dense.wat (run `npm run build:wasm` after editing it)', async () => {
    const binary = await compileDense();
    expect(readFileSync(MODULE_PATH, 'utf8')).toBe(moduleSource(binary));
    const { DENSE_WASM_BASE64 } = await import('../../engine/wasm/denseModule.ts');
    expect(decodeBase64(DENSE_WASM_BASE64)).toEqual(binary);
  });

  it('stays under 4 KB, the most a browser compiles synchronously on the main thread (the lessons do)', async () => {
    expect((await compileDense()).length).toBeLessThan(4096);
  });

  it('decodes base64 like Node does, and refuses other characters', () => {
    const rng = createRng(3);
    for (const length of [0, 1, 2, 3, 4, 5, 31, 64]) {
      const bytes = Uint8Array.from({ length }, () => rng.int(256));
      expect(decodeBase64(Buffer.from(bytes).toString('base64'))).toEqual(bytes);
    }
    expect(() => decodeBase64('AB*D')).toThrow(/Not base64/);
  });
});

describe('gemm', () => {
  // out[r·os + n] = start + Σ_k A[r·ar + k·ac]·W[k·ws + n], summed in the kernel's order.
  function reference(
    out: Float64Array,
    A: Float64Array,
    W: Float64Array,
    bias: Float64Array | null,
    rows: readonly number[],
    N: number,
    K: number,
    strides: { os: number; ar: number; ac: number; ws: number },
    accumulate: boolean,
  ): Float64Array {
    const result = Float64Array.from(out);
    for (const r of rows) {
      for (let n = 0; n < N; n++) {
        let s = accumulate ? out[r * strides.os + n] : bias ? bias[n] : 0;
        for (let k = 0; k < K; k++) s += A[r * strides.ar + k * strides.ac] * W[k * strides.ws + n];
        result[r * strides.os + n] = s;
      }
    }
    return result;
  }

  it('matches the plain loop exactly for every block and tail, stride, row list and start', () => {
    const rng = createRng(11);
    let checked = 0;
    for (const M of [1, 2, 3, 5]) {
      for (const N of [1, 2, 3, 7, 8, 9, 17, 24]) {
        for (const K of [1, 2, 5, 9]) {
          for (const mode of ['bias', 'zero', 'accumulate'] as const) {
            const transposedA = (M + N + K) % 2 === 0;
            const Mrows = M + 2;
            const strides = {
              os: N + 1,
              ar: transposedA ? 1 : K,
              ac: transposedA ? Mrows : 1,
              ws: N + 3,
            };
            const arena = createDenseArena(
              arenaBytes([Mrows * strides.os, Mrows * K + K, K * strides.ws, N], [M]),
            )!;
            const out = fill(rng, arena.f64(Mrows * strides.os));
            const A = fill(rng, arena.f64(Mrows * K + K));
            const W = fill(rng, arena.f64(K * strides.ws));
            const bias = fill(rng, arena.f64(N));
            const list = arena.i32(M);
            // Rows out of order and skipping some, as the active batch rows are.
            for (let m = 0; m < M; m++) list[m] = (Mrows - 1 - 2 * m + 2 * Mrows) % Mrows;
            const rows = Array.from(list);
            const expected = reference(
              out,
              A,
              W,
              mode === 'bias' ? bias : null,
              rows,
              N,
              K,
              strides,
              mode === 'accumulate',
            );
            arena.gemm(
              out.byteOffset,
              strides.os * 8,
              A.byteOffset,
              strides.ar * 8,
              strides.ac * 8,
              W.byteOffset,
              strides.ws * 8,
              mode === 'bias' ? bias.byteOffset : 0,
              list.byteOffset,
              M,
              N,
              K,
              mode === 'accumulate' ? 1 : 0,
            );
            expect(out).toEqual(expected);
            checked++;
          }
        }
      }
    }
    expect(checked).toBe(4 * 8 * 4 * 3);
  });

  it('reads rows 0..M−1 when there is no row list', () => {
    const rng = createRng(5);
    const [M, N, K] = [3, 10, 4];
    const arena = createDenseArena(arenaBytes([M * N, M * K, K * N]))!;
    const out = arena.f64(M * N);
    const A = fill(rng, arena.f64(M * K));
    const W = fill(rng, arena.f64(K * N));
    arena.gemm(out.byteOffset, N * 8, A.byteOffset, K * 8, 8, W.byteOffset, N * 8, 0, 0, M, N, K, 0);
    const strides = { os: N, ar: K, ac: 1, ws: N };
    expect(out).toEqual(reference(new Float64Array(M * N), A, W, null, [0, 1, 2], N, K, strides, false));
  });

  it('gives out views that fit in the arena and refuses more', () => {
    const arena = createDenseArena(arenaBytes([10]))!;
    arena.f64(10);
    expect(() => arena.f64(10_000)).toThrow(/sized too small/);
  });
});

describe('activate', () => {
  const inputs = (() => {
    const rng = createRng(8);
    const special = [0, -0, 1e-300, -1e-300, 1e-12, -1e-12, 0.3466, -0.3466, 20, -20, 37, -37, 300, -300];
    const extreme = [700, -700, 709, -709, 745, -745, 1e308, -1e308, Infinity, -Infinity];
    const spread = Array.from({ length: 2000 }, (_, i) => rng.normal() * [1e-6, 0.5, 3, 40][i % 4]!);
    // An odd count, so the last number takes the single-lane path.
    return Float64Array.from([...special, ...extreme, ...spread, 0.7]);
  })();
  const logistic = (a: number) => (a >= 0 ? 1 / (1 + Math.exp(-a)) : Math.exp(a) / (1 + Math.exp(a)));

  for (const [name, kind, exact] of [
    ['sigmoid', SIGMOID, logistic],
    ['tanh', TANH, Math.tanh],
  ] as const) {
    it(`${name} agrees with Math to 2e-15 relative (1e-300 absolute), and keeps NaN, ±Infinity and −0`, () => {
      const arena = createDenseArena(arenaBytes([inputs.length]))!;
      const values = arena.f64(inputs.length);
      values.set(inputs);
      arena.activate(values.byteOffset, values.length, kind);
      for (let i = 0; i < inputs.length; i++) {
        const expected = exact(inputs[i]!);
        const error = Math.abs(values[i]! - expected);
        expect(error, `${name}(${inputs[i]}) = ${values[i]}, not ${expected}`).toBeLessThanOrEqual(
          2e-15 * Math.abs(expected) + 1e-300,
        );
      }
      values[0] = Number.NaN;
      values[1] = -0;
      arena.activate(values.byteOffset, 2, kind);
      expect(values[0]).toBeNaN();
      expect(Object.is(values[1], kind === TANH ? -0 : 0.5)).toBe(true);
    });
  }

  it('activateRows applies it to one run in each listed row, and in rows 0..count−1 without a list', () => {
    const arena = createDenseArena(arenaBytes([4 * 6], [2]))!;
    const values = arena.f64(4 * 6).fill(0.25);
    const rows = arena.i32(2);
    rows.set([3, 1]);
    // Rows of 6 numbers; numbers 2..4 of rows 3 and 1.
    arena.activateRows(values.byteOffset + 2 * 8, 6 * 8, rows.byteOffset, 2, 3, SIGMOID);
    const sigmoid = 1 / (1 + Math.exp(-0.25));
    for (let r = 0; r < 4; r++) {
      for (let j = 0; j < 6; j++) {
        const expected = (r === 1 || r === 3) && j >= 2 && j < 5 ? sigmoid : 0.25;
        expect(values[r * 6 + j]).toBeCloseTo(expected, 15);
      }
    }
    arena.activateRows(values.byteOffset, 6 * 8, 0, 2, 1, TANH);
    expect(values[0]).toBeCloseTo(Math.tanh(0.25), 15);
    expect(values[6]).toBeCloseTo(Math.tanh(0.25), 15);
    expect(values[12]).toBe(0.25);
  });

  it('touches only the run it is given', () => {
    const arena = createDenseArena(arenaBytes([8]))!;
    const values = arena.f64(8).fill(3);
    arena.activate(values.byteOffset + 8, 5, TANH);
    expect(values[0]).toBe(3);
    expect(values[6]).toBe(3);
    expect(values[1]).toBeCloseTo(Math.tanh(3), 15);
    expect(values[5]).toBeCloseTo(Math.tanh(3), 15);
  });
});

describe('a layer on the WebAssembly kernel and on the JavaScript kernels', () => {
  function run(cell: CellKind, kernels: DenseKernels) {
    // Sizes with tails everywhere: G*H and H not multiples of 8, I odd, an odd number of active rows.
    const [I, H, B, T] = [5, 11, 5, 9];
    const rng = createRng(21);
    const params = createInitialisedRecurrentParams(cell, I, H, rng, { scheme: 'gaussian', std: 0.5 });
    const lengths = Int32Array.from([9, 4, 0, 9, 7]);
    const x = fill(rng, new Float64Array(B * T * I));
    const masks = sampleDropoutMasks(rng, B, T, I, H, { input: 0.2, output: 0.2, recurrent: 0.2 });
    const h0 = fill(rng, new Float64Array(B * H));
    const c0 = cell === 'lstm' ? fill(rng, new Float64Array(B * H)) : undefined;
    const dOutputs = fill(rng, new Float64Array(B * T * H));
    const workspace = createWorkspace(params, B, T, true, kernels);
    expect(workspace.kernels).toBe(kernels);
    zeroRecurrentGradients(params);
    const input = { batchSize: B, steps: T, inputSize: I, x, lengths };
    const f = forward(params, input, { workspace, h0, c0, masks });
    const outputs = Float64Array.from(f.outputs);
    const hN = Float64Array.from(f.hN);
    const g = backward(params, workspace, dOutputs, { dhN: hN, truncation: 4 });
    return {
      outputs,
      hN,
      cN: f.cN && Float64Array.from(f.cN),
      dx: Float64Array.from(g.dx),
      dh0: Float64Array.from(g.dh0),
      gradNorm: Float64Array.from(g.gradNorm),
      dw: recurrentParamList(params).map((p) => Float64Array.from(p.dw)),
    };
  }

  function expectNear(a: Float64Array, b: Float64Array, what: string): void {
    expect(a.length, what).toBe(b.length);
    for (let i = 0; i < a.length; i++) {
      expect(Math.abs(a[i] - b[i]), `${what}[${i}]`).toBeLessThanOrEqual(1e-12 * (1 + Math.abs(b[i])));
    }
  }

  for (const cell of ['rnn', 'lstm', 'gru'] as const) {
    it(`${cell}: the same outputs, states and gradients to 1e-12`, () => {
      const wasm = run(cell, 'wasm');
      const js = run(cell, 'js');
      expectNear(wasm.outputs, js.outputs, 'outputs');
      expectNear(wasm.hN, js.hN, 'hN');
      if (js.cN) expectNear(wasm.cN!, js.cN, 'cN');
      expectNear(wasm.dx, js.dx, 'dx');
      expectNear(wasm.dh0, js.dh0, 'dh0');
      expectNear(wasm.gradNorm, js.gradNorm, 'gradNorm');
      js.dw.forEach((dw, k) => {
        expectNear(wasm.dw[k]!, dw, `dw ${k}`);
      });
      // Not a comparison of zeros.
      expect(Math.max(...js.dw[1]!.map(Math.abs))).toBeGreaterThan(1e-3);
    });
  }
});

describe('peak', () => {
  it('runs n rounds of a = a·mul + add on 12 two-lane chains and returns their sum', () => {
    const peak = createDenseArena(arenaBytes([]))!.peak;
    expect(PEAK_FLOPS_PER_ROUND).toBe(12 * 2 * 2);
    // From 0: 1, 1.5, 1.75 after three rounds, on each of the 24 lanes.
    expect(peak(3, 0.5, 1)).toBe(24 * 1.75);
    expect(peak(0, 0.5, 1)).toBe(0);
  });
});

describe('without WebAssembly', () => {
  it('falls back to the JavaScript kernels and still trains', async () => {
    vi.resetModules();
    vi.stubGlobal('WebAssembly', undefined);
    try {
      const fresh = await import('../../engine/recurrent.ts');
      const { createInitialisedRecurrentParams: init } = await import('../../engine/init.ts');
      const dense = await import('../../engine/wasm/dense.ts');
      expect(dense.denseKernelAvailable()).toBe(false);
      const params = init('lstm', 2, 3, createRng(1), { scheme: 'pytorch' });
      const workspace = fresh.createWorkspace(params, 2, 3);
      expect(workspace.kernels).toBe('js');
      expect(workspace.wasm).toBeNull();
      const input = {
        batchSize: 2,
        steps: 3,
        inputSize: 2,
        x: new Float64Array(12).fill(0.5),
        lengths: Int32Array.from([3, 2]),
      };
      const { outputs } = fresh.forward(params, input, { workspace });
      expect(outputs.some((v) => v !== 0)).toBe(true);
    } finally {
      vi.unstubAllGlobals();
      vi.resetModules();
    }
  });
});
