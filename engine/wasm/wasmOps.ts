/**
 * The WebAssembly implementation of {@link DenseOps} (engine/cells/denseOps.ts), over the kernels of
 * ./dense.wat bound to one workspace's arena. It keeps copies of the layer's weights in the layouts
 * `gemm` reads (columns contiguous: Wᵀ for out = b + W·a, W itself for out = Wᵀ·a) and the weight
 * gradients' accumulators in the arena too; this file is the only one that turns views into byte addresses.
 *
 * On an arena made with float32 (kernels 'wasm-f32'), the products with the weights run on dense32.wat's
 * float32 gemm instead: the weights' product layouts are also kept as float32, and the weight gradients
 * read x and h through float32 copies. Everything else (the states, the gates, the cells' math, the bias
 * sums, the gradients' accumulators) stays float64, the same code as the float64 path.
 */
import type { Activation, DenseOps, DenseShape, WeightProduct } from '../cells/denseOps.ts';
import { addSparseOuter, mostlyZero, sparseRowsTimes, transpose } from '../cells/kernels.ts';
import { backwardRows, type CellKernel, type CellStep } from '../cells/step.ts';
import type { RecurrentParams } from '../types.ts';
import { type DenseArena, SIGMOID, TANH } from './dense.ts';

/** The rows of dPre transposed at a time for the weight gradients: 64 steps of 512 gates are 256 KB. */
const CHUNK = 64;

/**
 * Up to this many gate rows, the weight gradients read dPre in place: at G*H = 128 that was 1.5-1.8× as
 * fast as transposing it chunk by chunk (in Node, K = 1024 steps), while at 512 the transposed chunks won.
 */
const DIRECT_GATE_ROWS = 256;

/**
 * WebAssembly dense ops for one layer, their buffers taken from `arena` (whose views the workspace's
 * other buffers must also be, since the kernel reads only its own memory).
 */
export function createWasmOps(shape: DenseShape, arena: DenseArena): DenseOps {
  const { inputSize: I, hiddenSize: H, gateRows: GH, gradientRows: K } = shape;
  const { gemm, activateRows, lstmForward, lstmBackward } = arena;
  const gemm32 = arena.float32?.gemm32 ?? null;
  const activateRows32 = arena.float32?.activateRows32 ?? null;
  const lstmForward32 = arena.float32?.lstmForward32 ?? null;
  const f64 = arena.f64;
  const f32 = arena.f32;
  const WihT = f64(I * GH);
  const WhhT = f64(H * GH);
  const Wih = f64(GH * I);
  const Whh = f64(GH * H);
  const bih = f64(GH);
  const bhh = f64(GH);
  const grad = K > 0 ? 1 : 0;
  const dWih = f64(grad * GH * I);
  const dWhh = f64(grad * GH * H);
  // A row of ones and a G*H scratch: the bias gradients are column sums, i.e. products with ones.
  const ones = f64(K).fill(1);
  const columnSums = f64(grad * GH);
  // dPre transposed, CHUNK steps at a time: gemm then reads each gate's values over the steps
  // contiguously instead of one number per G*H-wide row (twice as fast at G*H = 512, K = 2048).
  const chunkT = f64(grad * GH * CHUNK);
  // The float32 path's copies: the four weight layouts, and x and h for the weight gradients.
  const single = gemm32 !== null ? 1 : 0;
  const WihT32 = f32(single * I * GH);
  const WhhT32 = f32(single * H * GH);
  const Wih32 = f32(single * GH * I);
  const Whh32 = f32(single * GH * H);
  const x32 = f32(single * grad * K * I);
  const h32 = f32(single * grad * K * H);
  // dPre rounded to float32 (or, for wide layers, a chunk of it transposed): gemm32 reads it in place.
  const dPre32 = f32(single * grad * (GH <= DIRECT_GATE_ROWS ? K : CHUNK) * GH);
  // gemm32's room for two rows of A rounded to float32: K is at most max(I, H, G*H, the gradient rows).
  const scratch = f32(single * 2 * Math.max(I, H, GH, K));

  /** The byte address of view[offset]; refuses a view the kernel cannot see. */
  const at = (view: Float64Array | Float32Array | Int32Array, offset: number): number => {
    if (view.buffer !== arena.buffer) throw new Error('WebAssembly dense ops: a view outside the arena.');
    return view.byteOffset + offset * view.BYTES_PER_ELEMENT;
  };

  /**
   * chunkT [G*H][steps] = rows from..from+steps of dPre [·][G*H], transposed (into dPre32, rounded, on the
   * float32 path).
   */
  const transposeChunk = (dPre: Float64Array, from: number, steps: number) => {
    const into = gemm32 ? dPre32 : chunkT;
    for (let k = 0; k < steps; k++) {
      const row = (from + k) * GH;
      for (let g = 0; g < GH; g++) into[g * steps + k] = dPre[row + g]!;
    }
  };

  /**
   * into [G*H][n] += Σ_{k' < steps} chunkT[·][k'] ⊗ v[from + k'] for the chunk in chunkT. The sums still
   * run over the steps in order, chunk after chunk, so the result is the one-pass product's to the bit.
   */
  // v32 is v's float32 copy (x32 or h32), read instead of v on the float32 path.
  const addChunk = (
    into: Float64Array,
    v: Float64Array,
    v32: Float32Array,
    n: number,
    from: number,
    steps: number,
  ) => {
    if (gemm32) {
      gemm32(
        at(into, 0),
        n * 8,
        at(dPre32, 0),
        steps * 4,
        4,
        at(v32, from * n),
        n * 4,
        0,
        0,
        GH,
        n,
        steps,
        1,
        0,
      );
    } else
      gemm(at(into, 0), n * 8, at(chunkT, 0), steps * 8, 8, at(v, from * n), n * 8, 0, 0, GH, n, steps, 1);
  };

  /**
   * into [G*H][n] += Σ_{k < steps} dPre[k] ⊗ v[k], reading dPre [·][G*H] untransposed (same order of sums);
   * on the float32 path, from dPre32, which the caller has filled with dPre rounded.
   */
  const addDirect = (
    into: Float64Array,
    dPre: Float64Array,
    v: Float64Array,
    v32: Float32Array,
    n: number,
    steps: number,
  ) => {
    if (gemm32)
      gemm32(at(into, 0), n * 8, at(dPre32, 0), 4, GH * 4, at(v32, 0), n * 4, 0, 0, GH, n, steps, 1, 0);
    else gemm(at(into, 0), n * 8, at(dPre, 0), 8, GH * 8, at(v, 0), n * 8, 0, 0, GH, n, steps, 1);
  };

  /** columnSums = Σ_k dPre[k] over k rows, as the product of a row of ones with dPre. */
  const sumColumns = (dPre: Float64Array, k: number) => {
    gemm(at(columnSums, 0), 0, at(ones, 0), 0, 8, at(dPre, 0), GH * 8, 0, 0, 1, GH, k, 0);
  };

  const ops: DenseOps = {
    kernels: gemm32 ? 'wasm-f32' : 'wasm',

    loadWeights(params: RecurrentParams): void {
      transpose(params.Wih.w, GH, I, WihT);
      transpose(params.Whh.w, GH, H, WhhT);
      Wih.set(params.Wih.w);
      Whh.set(params.Whh.w);
      bih.set(params.bih.w);
      bhh.set(params.bhh.w);
      if (gemm32) {
        WihT32.set(WihT);
        WhhT32.set(WhhT);
        Wih32.set(Wih);
        Whh32.set(Whh);
      }
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
      if (count === 0) return;
      if (product === 'Wih' && mostlyZero(a, aOffset, aStride, I, rows, count)) {
        // One-hot symbols: bih plus the one row of Wᵀ each picks, the numbers gemm's in-order sum gives.
        sparseRowsTimes(WihT, GH, I, bih, a, aOffset, aStride, out, outOffset, outStride, rows, count);
        return;
      }
      const input = product === 'Wih' || product === 'WihT';
      const cols = input ? I : H;
      const transposed = product === 'WihT' || product === 'WhhT';
      // out[r] = start + Σ_k a[r][k]·w[k][·]: w is Wᵀ [cols][G*H] with the bias, or W [G*H][cols] without.
      const w = transposed ? (input ? Wih : Whh) : input ? WihT : WhhT;
      const N = transposed ? cols : GH;
      const bias = transposed ? 0 : at(input ? bih : bhh, 0);
      if (gemm32) {
        const w32 = transposed ? (input ? Wih32 : Whh32) : input ? WihT32 : WhhT32;
        gemm32(
          at(out, outOffset),
          outStride * 8,
          at(a, aOffset),
          aStride * 8,
          8,
          at(w32, 0),
          N * 4,
          bias,
          at(rows, 0),
          count,
          N,
          transposed ? GH : cols,
          0,
          at(scratch, 0),
        );
        return;
      }
      gemm(
        at(out, outOffset),
        outStride * 8,
        at(a, aOffset),
        aStride * 8,
        8,
        at(w, 0),
        N * 8,
        bias,
        at(rows, 0),
        count,
        N,
        transposed ? GH : cols,
        0,
      );
    },

    addWeightGradients(
      params: RecurrentParams,
      count: number,
      dPreX: Float64Array,
      x: Float64Array,
      dPreH: Float64Array,
      h: Float64Array,
    ): void {
      if (count > K) throw new RangeError(`addWeightGradients: ${count} rows, room for ${K}.`);
      if (count === 0) return;
      // dW += Σ_k dPre[k] ⊗ v[k], accumulated in the arena's copies; the LSTM and RNN share one dPre.
      // One-hot inputs add one column of dWih per row instead (the same sums, in the same order).
      const sparse = mostlyZero(x, 0, I, I, null, count);
      if (sparse) addSparseOuter(params.Wih.dw, GH, I, dPreX, x, count);
      else dWih.set(params.Wih.dw);
      dWhh.set(params.Whh.dw);
      if (gemm32) {
        // The float32 path reads x and h through float32 copies.
        if (!sparse) x32.set(x.subarray(0, count * I));
        h32.set(h.subarray(0, count * H));
      }
      if (GH <= DIRECT_GATE_ROWS) {
        // Narrow layers: gemm reads dPre's columns in place (a stride of one G*H row per step).
        if (gemm32) dPre32.set(dPreX.subarray(0, count * GH));
        if (!sparse) addDirect(dWih, dPreX, x, x32, I, count);
        if (gemm32 && dPreH !== dPreX) dPre32.set(dPreH.subarray(0, count * GH));
        addDirect(dWhh, dPreH, h, h32, H, count);
      } else {
        for (let from = 0; from < count; from += CHUNK) {
          const steps = Math.min(CHUNK, count - from);
          if (!sparse) {
            transposeChunk(dPreX, from, steps);
            addChunk(dWih, x, x32, I, from, steps);
          }
          if (sparse || dPreH !== dPreX) transposeChunk(dPreH, from, steps);
          addChunk(dWhh, h, h32, H, from, steps);
        }
      }
      if (!sparse) params.Wih.dw.set(dWih);
      params.Whh.dw.set(dWhh);
      sumColumns(dPreX, count);
      const dbih = params.bih.dw;
      for (let g = 0; g < GH; g++) dbih[g] += columnSums[g];
      // The LSTM and RNN share dL/da between the projections, so their column sums too.
      if (dPreH !== dPreX) sumColumns(dPreH, count);
      const dbhh = params.bhh.dw;
      for (let g = 0; g < GH; g++) dbhh[g] += columnSums[g];
    },

    cellForward(kernel: CellKernel, s: CellStep, rows: Int32Array, count: number): void {
      if (kernel.cell !== 'lstm' || H % 2 !== 0) {
        kernel.forward(s, rows, count, ops);
        return;
      }
      const { xp, hp, gates, extra, c, h } = s;
      const list = at(rows, 0);
      // The float32 path's fused cell takes four units at a time.
      const fused = lstmForward32 && H % 4 === 0 ? lstmForward32 : lstmForward;
      fused(
        at(xp, s.xpOff),
        at(hp, s.hpOff),
        at(gates, s.gateOff),
        at(extra, s.extraOff),
        at(c, s.cPrevOff),
        at(c, s.cNextOff),
        at(h, s.hNextOff),
        list,
        count,
        H,
      );
    },

    cellBackward(kernel: CellKernel, s: CellStep, rows: Int32Array, count: number): void {
      if (kernel.cell !== 'lstm' || H % 2 !== 0) {
        backwardRows(kernel, s, rows, count);
        return;
      }
      lstmBackward(
        at(s.gates, s.gateOff),
        at(s.extra, s.extraOff),
        at(s.c, s.cPrevOff),
        at(s.dh, s.dhOff),
        at(s.dc, s.dcOff),
        at(s.dPreX, s.dPreXOff),
        at(s.dhPrev, s.dhPrevOff),
        at(s.dcPrev, s.dcPrevOff),
        at(rows, 0),
        count,
        H,
      );
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
      (activateRows32 ?? activateRows)(
        at(values, offset),
        stride * 8,
        at(rows, 0),
        count,
        width,
        kind === 'tanh' ? TANH : SIGMOID,
      );
    },
  };
  return ops;
}
