/**
 * The JavaScript implementation of {@link DenseOps}: the blocked kernels of ./kernels.ts and
 * Math.exp/Math.tanh, over plain arrays. It runs where the WebAssembly module cannot load, and when a
 * workspace asks for it (`createWorkspace(…, 'js')`).
 */
import type { RecurrentParams } from '../types.ts';
import type { Activation, DenseOps, DenseShape, WeightProduct } from './denseOps.ts';
import { addABt, addRowSums, matVec, matVecPair, mostlyZero, sparseRowsTimes, transpose } from './kernels.ts';
import { backwardRows, type CellKernel, type CellStep } from './step.ts';

/** JavaScript dense ops for one layer, with their own scratch (transposed weights and gradient operands). */
export function createJsOps(shape: DenseShape): DenseOps {
  const { inputSize: I, hiddenSize: H, gateRows: GH, gradientRows: K } = shape;
  const empty: Float64Array = new Float64Array(0);
  // The layer's arrays as of loadWeights (read in place), and their transposes.
  let Wih = empty;
  let Whh = empty;
  let bih = empty;
  let bhh = empty;
  const WihT = new Float64Array(I * GH);
  const WhhT = new Float64Array(H * GH);
  // The zero bias of the transposed products: they have I or H rows, either of which may exceed G*H.
  const zeros = new Float64Array(Math.max(I, H));
  // The weight gradients multiply transposed copies, so that every dot product runs over contiguous memory.
  const left = new Float64Array(K * GH);
  const right = new Float64Array(K * Math.max(I, H));

  const ops: DenseOps = {
    kernels: 'js',

    loadWeights(params: RecurrentParams): void {
      Wih = params.Wih.w;
      Whh = params.Whh.w;
      bih = params.bih.w;
      bhh = params.bhh.w;
      transpose(Wih, GH, I, WihT);
      transpose(Whh, GH, H, WhhT);
    },

    gemmRows(
      product: WeightProduct,
      a: Float64Array,
      aOffset: number,
      aStride: number,
      out: Float64Array,
      outOffset: number,
      outStride: number,
      rows: Int32Array,
      count: number,
    ): void {
      const transposed = product === 'WihT' || product === 'WhhT';
      const input = product === 'Wih' || product === 'WihT';
      const cols = input ? I : H;
      // out = b + W·a reads W's rows; out = Wᵀ·a reads the rows of the transposed copy.
      const W = transposed ? (input ? WihT : WhhT) : input ? Wih : Whh;
      const R = transposed ? cols : GH;
      const C = transposed ? GH : cols;
      const bias = transposed ? zeros : input ? bih : bhh;
      if (product === 'Wih' && mostlyZero(a, aOffset, aStride, C, rows, count)) {
        sparseRowsTimes(WihT, GH, C, bih, a, aOffset, aStride, out, outOffset, outStride, rows, count);
        return;
      }
      // Two vectors per pass over W.
      let m = 0;
      for (; m + 1 < count; m += 2) {
        const r0 = rows[m];
        const r1 = rows[m + 1];
        matVecPair(
          W,
          R,
          C,
          bias,
          a,
          aOffset + r0 * aStride,
          aOffset + r1 * aStride,
          out,
          outOffset + r0 * outStride,
          outOffset + r1 * outStride,
        );
      }
      if (m < count) {
        const r = rows[m];
        matVec(W, R, C, bias, a, aOffset + r * aStride, out, outOffset + r * outStride);
      }
    },

    addWeightGradients(
      params: RecurrentParams,
      count: number,
      dPreX: Float64Array,
      x: Float64Array,
      dPreH: Float64Array,
      h: Float64Array,
    ): void {
      transpose(dPreX, count, GH, left);
      transpose(x, count, I, right);
      addABt(left, right, params.Wih.dw, GH, I, count);
      addRowSums(left, GH, count, params.bih.dw);
      if (dPreH !== dPreX) transpose(dPreH, count, GH, left);
      transpose(h, count, H, right);
      addABt(left, right, params.Whh.dw, GH, H, count);
      addRowSums(left, GH, count, params.bhh.dw);
    },

    cellForward(kernel: CellKernel, step: CellStep, rows: Int32Array, count: number): void {
      kernel.forward(step, rows, count, ops);
    },

    cellBackward(kernel: CellKernel, step: CellStep, rows: Int32Array, count: number): void {
      backwardRows(kernel, step, rows, count);
    },

    activateRows(
      kind: Activation,
      values: Float64Array,
      offset: number,
      stride: number,
      width: number,
      rows: Int32Array,
      count: number,
    ): void {
      for (let m = 0; m < count; m++) {
        const from = offset + rows[m] * stride;
        const to = from + width;
        if (kind === 'sigmoid') for (let j = from; j < to; j++) values[j] = 1 / (1 + Math.exp(-values[j]));
        else for (let j = from; j < to; j++) values[j] = Math.tanh(values[j]);
      }
    },
  };
  return ops;
}
