// The one-hot shortcuts of engine/cells/kernels.ts, which both dense implementations take for symbol
// inputs: the gathered input product and the one-column weight gradient must give, bit for bit, the sums
// WebAssembly's gemm computes (each term added in order from the start value), since they replace it on
// every character model; a layer on one-hot inputs must also still agree with the JavaScript kernels.
import { describe, expect, it } from 'vitest';
import { addSparseOuter, mostlyZero, sparseRowsTimes } from '../../engine/cells/kernels.ts';
import { createInitialisedRecurrentParams } from '../../engine/init.ts';
import { recurrentParamList, zeroRecurrentGradients } from '../../engine/params.ts';
import { backward, createWorkspace, forward } from '../../engine/recurrent.ts';
import { createRng, type Rng } from '../../engine/rng.ts';

const bits = (array: Float64Array) => [...array].map((value) => (Object.is(value, -0) ? '-0' : value));

/** Rows of C numbers, mostly one-hot (value 1 or a dropout scale), some empty, some with two nonzeros. */
function sparseRows(rng: Rng, rows: number, C: number): Float64Array {
  const a = new Float64Array(rows * C);
  for (let r = 0; r < rows; r++) {
    const kind = r % 5;
    if (kind === 4) continue;
    a[r * C + Math.floor(rng.next() * C)] = kind === 2 ? 1.25 : 1;
    if (kind === 3) a[r * C + Math.floor(rng.next() * C)] = -0.5;
  }
  return a;
}

describe('the one-hot kernels', () => {
  it('sparseRowsTimes gives the in-order sum from the bias, on listed rows only', () => {
    const rng = createRng(3);
    for (const [N, C, rows] of [
      [1, 1, 1],
      [12, 7, 9],
      [128, 33, 40],
    ] as const) {
      const Wt = Float64Array.from({ length: C * N }, () => rng.normal());
      const bias = Float64Array.from({ length: N }, () => rng.normal());
      const a = sparseRows(rng, rows, C);
      const list = Int32Array.from({ length: rows }, (_, m) => (rows - 1 - m * 2 + 2 * rows) % rows);
      const count = Math.ceil(rows / 2);
      const out = Float64Array.from({ length: rows * (N + 1) }, () => 7);
      const expected = out.slice();
      for (let m = 0; m < count; m++) {
        const r = list[m]!;
        for (let n = 0; n < N; n++) {
          let s = bias[n]!;
          for (let i = 0; i < C; i++) s += a[r * C + i]! * Wt[i * N + n]!;
          expected[r * (N + 1) + n] = s;
        }
      }
      sparseRowsTimes(Wt, N, C, bias, a, 0, C, out, 0, N + 1, list, count);
      expect(bits(out)).toEqual(bits(expected));
    }
  });

  it('addSparseOuter adds each term in order of the rows, like an accumulating gemm', () => {
    const rng = createRng(4);
    const [N, C, K] = [20, 9, 30];
    const d = Float64Array.from({ length: K * N }, () => rng.normal());
    const x = sparseRows(rng, K, C);
    const dW = Float64Array.from({ length: N * C }, () => rng.normal());
    const expected = dW.slice();
    for (let n = 0; n < N; n++) {
      for (let i = 0; i < C; i++) {
        let s = expected[n * C + i]!;
        for (let k = 0; k < K; k++) s += d[k * N + n]! * x[k * C + i]!;
        expected[n * C + i] = s;
      }
    }
    addSparseOuter(dW, N, C, d, x, K);
    expect(bits(dW)).toEqual(bits(expected));
  });

  it('mostlyZero is true below a quarter of nonzeros, over listed rows or all rows', () => {
    const a = new Float64Array(4 * 8);
    a[0] = 1;
    a[9] = 1;
    expect(mostlyZero(a, 0, 8, 8, null, 4)).toBe(true);
    a.fill(1, 16, 24);
    expect(mostlyZero(a, 0, 8, 8, null, 4)).toBe(false);
    expect(mostlyZero(a, 0, 8, 8, Int32Array.from([0, 1]), 2)).toBe(true);
  });
});

describe('an LSTM on one-hot inputs', () => {
  it('gives the same outputs and gradients on the WebAssembly and JavaScript kernels', () => {
    const run = (kernels: 'wasm' | 'js') => {
      const [I, H, B, T] = [13, 6, 4, 7];
      const rng = createRng(8);
      const params = createInitialisedRecurrentParams('lstm', I, H, rng, { scheme: 'gaussian', std: 0.5 });
      const x = new Float64Array(B * T * I);
      for (let k = 0; k < B * T; k++) x[k * I + ((k * 5) % I)] = 1;
      const lengths = Int32Array.from([7, 3, 7, 5]);
      const dOutputs = Float64Array.from({ length: B * T * H }, () => rng.normal());
      const workspace = createWorkspace(params, B, T, true, kernels);
      zeroRecurrentGradients(params);
      const f = forward(params, { batchSize: B, steps: T, inputSize: I, x, lengths }, { workspace });
      const outputs = Float64Array.from(f.outputs);
      backward(params, workspace, dOutputs, {});
      return { outputs, dw: recurrentParamList(params).map((p) => Float64Array.from(p.dw)) };
    };
    const wasm = run('wasm');
    const js = run('js');
    for (let i = 0; i < js.outputs.length; i++) expect(wasm.outputs[i]).toBeCloseTo(js.outputs[i]!, 12);
    js.dw.forEach((dw, k) => {
      for (let i = 0; i < dw.length; i++) expect(wasm.dw[k]![i]).toBeCloseTo(dw[i]!, 12);
    });
    expect(Math.max(...js.dw[0]!.map(Math.abs))).toBeGreaterThan(1e-3);
  });
});
