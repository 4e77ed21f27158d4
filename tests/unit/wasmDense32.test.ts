/**
 * The opt-in float32 module (engine/wasm/dense32.wat, kernels 'wasm-f32'): the committed module is the
 * compilation of dense32.wat; its product equals a float32 loop in the same order exactly (every block and
 * tail, stride, row list and start, A rounded in the kernel or float32 already); its gate nonlinearities are
 * within a few float32 units of Math's; its fused LSTM forward is the float64 one to float32 accuracy.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../../engine/rng.ts';
import {
  arenaBytes,
  createDenseArena,
  decodeBase64,
  dense32KernelAvailable,
  PEAK32_FLOPS_PER_ROUND,
  SIGMOID,
  simdPeak32Kernel,
  TANH,
} from '../../engine/wasm/dense.ts';
import { compileWat, DENSE32, moduleSource } from '../../scripts/build-wasm.ts';

function fill(rng: Rng, values: Float64Array | Float32Array): typeof values {
  for (let i = 0; i < values.length; i++) values[i] = rng.normal();
  return values;
}

describe('the committed float32 module', () => {
  it('is the compilation of engine/wasm/dense32.wat (run `npm run build:wasm` after editing it)', async () => {
    const binary = await compileWat(DENSE32);
    expect(readFileSync(DENSE32.module, 'utf8')).toBe(moduleSource(binary, DENSE32));
    const { DENSE32_WASM_BASE64 } = await import('../../engine/wasm/dense32Module.ts');
    expect(decodeBase64(DENSE32_WASM_BASE64)).toEqual(binary);
  });

  it('loads here, and its ceiling loop runs', () => {
    expect(dense32KernelAvailable()).toBe(true);
    const peak = simdPeak32Kernel()!;
    // 12 chains of a = a·m + c from 0, 4 lanes: each tends to c / (1 − m); two lanes are summed.
    const value = peak(10_000, 0.5, 1);
    expect(value).toBeCloseTo(2 * 12 * 2, 3);
    expect(PEAK32_FLOPS_PER_ROUND).toBe(96);
  });
});

describe('gemm32', () => {
  // out[r·os + n] = start + fl32(Σ_k fl32(A) · W), each product and partial sum rounded to float32 in order.
  function reference(
    out: Float64Array,
    A: Float64Array | Float32Array,
    W: Float32Array,
    bias: Float64Array | null,
    rows: readonly number[],
    N: number,
    K: number,
    strides: { os: number; ar: number; ac: number; ws: number },
    accumulate: boolean,
  ): Float64Array {
    const f = Math.fround;
    const result = Float64Array.from(out);
    for (const r of rows) {
      for (let n = 0; n < N; n++) {
        const start = accumulate ? out[r * strides.os + n]! : bias ? bias[n]! : 0;
        let s = 0;
        for (let k = 0; k < K; k++)
          s = f(s + f(f(A[r * strides.ar + k * strides.ac]!) * W[k * strides.ws + n]!));
        result[r * strides.os + n] = start + s;
      }
    }
    return result;
  }

  it('matches the float32 loop exactly for every block and tail, stride, row list, start and A', () => {
    const rng = createRng(12);
    let checked = 0;
    for (const M of [1, 2, 3, 5]) {
      for (const N of [1, 3, 4, 5, 15, 16, 17, 36]) {
        for (const K of [1, 2, 5, 9]) {
          for (const mode of ['bias', 'zero', 'accumulate'] as const) {
            for (const aKind of ['f64', 'f32'] as const) {
              const transposedA = (M + N + K) % 2 === 0;
              const Mrows = M + 2;
              const strides = { os: N + 1, ar: transposedA ? 1 : K, ac: transposedA ? Mrows : 1, ws: N + 3 };
              const arena = createDenseArena(
                arenaBytes(
                  [Mrows * strides.os, Mrows * K + K, N],
                  [M],
                  [K * strides.ws, Mrows * K + K, 2 * K],
                ),
                true,
              )!;
              const gemm32 = arena.float32!.gemm32;
              const out = fill(rng, arena.f64(Mrows * strides.os)) as Float64Array;
              const A = fill(rng, aKind === 'f64' ? arena.f64(Mrows * K + K) : arena.f32(Mrows * K + K));
              const W = fill(rng, arena.f32(K * strides.ws)) as Float32Array;
              const bias = fill(rng, arena.f64(N)) as Float64Array;
              const scratch = arena.f32(2 * K);
              const list = arena.i32(M);
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
              const size = A.BYTES_PER_ELEMENT;
              gemm32(
                out.byteOffset,
                strides.os * 8,
                A.byteOffset,
                strides.ar * size,
                strides.ac * size,
                W.byteOffset,
                strides.ws * 4,
                mode === 'bias' ? bias.byteOffset : 0,
                list.byteOffset,
                M,
                N,
                K,
                mode === 'accumulate' ? 1 : 0,
                aKind === 'f64' ? scratch.byteOffset : 0,
              );
              expect(out).toEqual(expected);
              checked++;
            }
          }
        }
      }
    }
    expect(checked).toBe(4 * 8 * 4 * 3 * 2);
  });

  it('stays within float32 rounding of the float64 product on a layer-sized product', () => {
    const rng = createRng(5);
    const [M, N, K] = [32, 512, 128];
    const arena = createDenseArena(arenaBytes([M * N, M * N, M * K, K * N, N], [], [K * N, 2 * K]), true)!;
    const out64 = arena.f64(M * N);
    const out32 = arena.f64(M * N);
    const A = fill(rng, arena.f64(M * K)) as Float64Array;
    const W = fill(rng, arena.f64(K * N)) as Float64Array;
    const W32 = arena.f32(K * N);
    W32.set(W);
    const bias = fill(rng, arena.f64(N)) as Float64Array;
    const scratch = arena.f32(2 * K);
    arena.gemm(
      out64.byteOffset,
      N * 8,
      A.byteOffset,
      K * 8,
      8,
      W.byteOffset,
      N * 8,
      bias.byteOffset,
      0,
      M,
      N,
      K,
      0,
    );
    arena.float32!.gemm32(
      out32.byteOffset,
      N * 8,
      A.byteOffset,
      K * 8,
      8,
      W32.byteOffset,
      N * 4,
      bias.byteOffset,
      0,
      M,
      N,
      K,
      0,
      scratch.byteOffset,
    );
    let worst = 0;
    for (let i = 0; i < M * N; i++) worst = Math.max(worst, Math.abs(out32[i]! - out64[i]!));
    // Sums of 128 products of N(0, 1) numbers are about 11 in size; float32 keeps about 7 digits of them.
    expect(worst).toBeGreaterThan(0);
    expect(worst).toBeLessThan(2e-4);
  });
});

describe('the float32 gate nonlinearities', () => {
  const sigmoid = (a: number) => 1 / (1 + Math.exp(-a));

  it('are within a few float32 units of Math over the whole range, rows and tails included', () => {
    const values: number[] = [
      0, -0, 1e-30, -1e-30, 1e-8, -1e-8, 0.5, -0.5, 3, -3, 9, -9, 20, -20, 88, -88, 200, -200, 1e30, -1e30,
    ];
    for (let x = -30; x <= 30; x += 0.0173) values.push(x);
    const n = values.length;
    for (const [kind, f] of [
      [SIGMOID, sigmoid],
      [TANH, Math.tanh],
    ] as const) {
      // Two rows of n numbers, 3 apart: activateRows32 goes four at a time with a tail of n mod 4.
      const stride = n + 3;
      const arena = createDenseArena(arenaBytes([2 * stride], [2]), true)!;
      const buffer = arena.f64(2 * stride);
      for (let row = 0; row < 2; row++) for (let i = 0; i < n; i++) buffer[row * stride + i] = values[i]!;
      const rows = arena.i32(2);
      rows.set([1, 0]);
      arena.float32!.activateRows32(buffer.byteOffset, stride * 8, rows.byteOffset, 2, n, kind);
      for (let row = 0; row < 2; row++) {
        for (let i = 0; i < n; i++) {
          const expected = f(Math.fround(values[i]!));
          const got = buffer[row * stride + i]!;
          expect(Math.abs(got - expected)).toBeLessThanOrEqual(
            4e-7 * Math.max(Math.abs(expected), 1e-30) + 2e-38,
          );
        }
        // The three numbers after each row are left alone.
        expect(buffer[row * stride + n]).toBe(0);
      }
    }
  });

  it('keep NaN as NaN and map the infinities to the limits', () => {
    const arena = createDenseArena(arenaBytes([4]), true)!;
    const v = arena.f64(4);
    for (const [kind, limits] of [
      [SIGMOID, [1, 0]],
      [TANH, [1, -1]],
    ] as const) {
      v.set([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0]);
      arena.float32!.activateRows32(v.byteOffset, 0, 0, 1, 4, kind);
      expect(v[0]).toBeNaN();
      expect(v[1]).toBe(limits[0]);
      expect(Math.abs(v[2]! - limits[1])).toBeLessThan(1e-30);
    }
  });
});

describe('lstmForward32', () => {
  it('is the float64 fused LSTM forward to float32 accuracy, on the listed rows only', () => {
    const rng = createRng(8);
    const [B, H] = [5, 12];
    const G = 4 * H;
    const arena = createDenseArena(arenaBytes(Array(12).fill(B * G), [3]), true)!;
    const make = () => arena.f64(B * G);
    const xp = fill(rng, make()) as Float64Array;
    const hp = fill(rng, make()) as Float64Array;
    const cPrev = fill(rng, make()) as Float64Array;
    const outs64 = [make(), make(), make(), make()];
    const outs32 = [make(), make(), make(), make()];
    const rows = arena.i32(3);
    rows.set([4, 0, 2]);
    const run = (fn: typeof arena.lstmForward, [gates, extra, cNext, hNext]: Float64Array[]) =>
      fn(
        xp.byteOffset,
        hp.byteOffset,
        gates!.byteOffset,
        extra!.byteOffset,
        cPrev.byteOffset,
        cNext!.byteOffset,
        hNext!.byteOffset,
        rows.byteOffset,
        3,
        H,
      );
    run(arena.lstmForward, outs64);
    run(arena.float32!.lstmForward32, outs32);
    for (let k = 0; k < 4; k++) {
      const width = k === 0 ? G : H;
      for (let b = 0; b < B; b++) {
        for (let j = 0; j < width; j++) {
          const a = outs64[k]![b * width + j]!;
          const c = outs32[k]![b * width + j]!;
          if (b === 1 || b === 3) expect(c).toBe(0);
          else expect(Math.abs(c - a)).toBeLessThan(2e-6 * Math.max(1, Math.abs(a)));
        }
      }
    }
  });
});
