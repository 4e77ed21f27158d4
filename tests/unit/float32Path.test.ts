/**
 * The opt-in float32 path (kernels 'wasm-f32': products with the weights, the gate nonlinearities and the
 * LSTM's cell update in float32; states, gradients' accumulators and the optimiser in float64) stays close
 * to the float64 path over whole training runs, for every cell, on shapes whose hidden size is a multiple of
 * 4, even but not, and odd (the fused float32 cell, the float64 one, the unfused one), and on the
 * benchmark's char-LM. Every parity check against PyTorch stays on float64; this bounds the float32 drift.
 */
import { describe, expect, it } from 'vitest';
import { CHAR_LM_WORKLOAD, createCharLmWorkload, createEngineWorkload } from '../../cli/benchWorkload.ts';
import { createModel } from '../../engine/model.ts';
import { createWorkspace } from '../../engine/recurrent.ts';
import { createRng } from '../../engine/rng.ts';
import type { CellKind } from '../../engine/types.ts';
import { dense32KernelAvailable } from '../../engine/wasm/dense.ts';

/** The largest relative difference between two loss trajectories. */
function drift(a: readonly number[], b: readonly number[]): number {
  return Math.max(...a.map((value, k) => Math.abs(value - b[k]!) / Math.abs(value)));
}

describe.runIf(dense32KernelAvailable())("kernels 'wasm-f32'", () => {
  it('makes a float32 workspace, and says so', () => {
    const model = createModel('lstm', 3, 8, 2, createRng(1), { scheme: 'pytorch' });
    expect(createWorkspace(model.layers[0]!, 2, 4, true, 'wasm-f32').kernels).toBe('wasm-f32');
    expect(createWorkspace(model.layers[0]!, 2, 4, true, 'wasm').kernels).toBe('wasm');
  });

  for (const cell of ['lstm', 'gru', 'rnn'] as CellKind[]) {
    for (const hiddenSize of [8, 6, 5]) {
      it(`trains a ${cell} of ${hiddenSize} units 40 SGD steps within 1e-5 of float64`, () => {
        const sizes = { inputSize: 7, hiddenSize, steps: 9, batchSize: 3, classes: 4 };
        const f64 = createEngineWorkload(cell, sizes, 3, 'wasm');
        const f32 = createEngineWorkload(cell, sizes, 3, 'wasm-f32');
        const a = Array.from({ length: 40 }, () => f64());
        const b = Array.from({ length: 40 }, () => f32());
        expect(drift(a, b)).toBeLessThan(1e-5);
        // Not the same numbers: the float32 path really ran.
        expect(a).not.toEqual(b);
        // And it learns the batch, as the float64 path does.
        expect(b[39]!).toBeLessThan(0.8 * b[0]!);
      });
    }
  }

  it("trains the benchmark's char-LM (2 LSTM layers of 128, Adam) 12 steps within 1e-5 of float64", () => {
    const f64 = createCharLmWorkload(CHAR_LM_WORKLOAD, 2, 'wasm');
    const f32 = createCharLmWorkload(CHAR_LM_WORKLOAD, 2, 'wasm-f32');
    const a = Array.from({ length: 12 }, () => f64());
    const b = Array.from({ length: 12 }, () => f32());
    expect(drift(a, b)).toBeLessThan(1e-5);
    expect(b[11]!).toBeLessThan(b[0]!);
  });
});
