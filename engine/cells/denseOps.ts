/**
 * The one seam between the recurrent passes (forwardPass.ts, backwardPass.ts) and the arithmetic they
 * lean on: the matrix products with the layer's weights and the gate nonlinearities. Two implementations
 * compute the same numbers, WebAssembly SIMD (engine/wasm/wasmOps.ts) and JavaScript (./jsOps.ts); a
 * workspace picks one when it is made, and the passes and cells call it without knowing which.
 *
 * Operands are Float64Array views with offsets and strides counted in numbers: row r of an operand
 * (a, out) starts at view[offset + r·stride]. Only the WebAssembly implementation turns them into byte
 * addresses, and it needs every view (and row list) to live in its workspace's arena.
 */
import type { RecurrentParams } from '../types.ts';
import type { CellKernel, CellStep, RowActivations } from './step.ts';

export type { Activation } from './step.ts';

/**
 * Which kernels compute the dense products: WebAssembly SIMD in float64 (engine/wasm/dense.wat, the
 * default), JavaScript (float64, the same numbers), or the opt-in 'wasm-f32', whose products with the
 * weights run in float32 (engine/wasm/dense32.wat, four lanes a vector) while the states, the gates and the
 * gradients' accumulators stay float64. Every parity check (PyTorch, the shape sweep, the trajectories)
 * runs on float64; tests/unit/float32Path.test.ts bounds how far 'wasm-f32' moves from it.
 */
export type DenseKernels = 'wasm' | 'js' | 'wasm-f32';

/**
 * A product with one of the layer's weights: 'Wih' is out[r] = bih + Wih·a[r] and 'Whh' is
 * out[r] = bhh + Whh·a[r] (a's rows I or H wide, out's G*H); 'WihT' is out[r] = Wihᵀ·a[r] and 'WhhT'
 * out[r] = Whhᵀ·a[r] (a's rows G*H wide, out's I or H), with no bias.
 */
export type WeightProduct = 'Wih' | 'Whh' | 'WihT' | 'WhhT';

/** The sizes an implementation allocates for: one layer's, and the most rows its gradients span. */
export interface DenseShape {
  readonly inputSize: number;
  readonly hiddenSize: number;
  /** G*H, the rows of Wih and Whh. */
  readonly gateRows: number;
  /** T*B of the largest batch whose weight gradients it accumulates (0 when it never runs backward). */
  readonly gradientRows: number;
}

/** The dense arithmetic of one layer's workspace; see the file comment for how operands are read. */
export interface DenseOps extends RowActivations {
  readonly kernels: DenseKernels;
  /**
   * Takes the layer's current weights and biases into the layouts this implementation reads; every
   * product uses them until the next call. The passes call it at the start of each forward and backward,
   * since the weights change in between.
   */
  loadWeights(params: RecurrentParams): void;
  /** out[rows[m]] = the {@link WeightProduct} `product` of a[rows[m]], for m < count. Mutates out only. */
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
  ): void;
  /**
   * The weight gradients over rows k < count of the cache, added into params' dw:
   * dWih += Σ_k dPreX[k] ⊗ x[k], dbih += Σ_k dPreX[k], dWhh += Σ_k dPreH[k] ⊗ h[k], dbhh += Σ_k dPreH[k],
   * with dPreX, dPreH [count][G*H], x [count][I] and h [count][H] from offset 0 (dPreH may be dPreX).
   */
  addWeightGradients(
    params: RecurrentParams,
    count: number,
    dPreX: Float64Array,
    x: Float64Array,
    dPreH: Float64Array,
    h: Float64Array,
  ): void;
  /**
   * `kernel`'s forward for the listed batch rows (see CellKernel.forward for the step's offsets). An
   * implementation may run a fused copy of that cell's math that gives the same numbers.
   */
  cellForward(kernel: CellKernel, step: CellStep, rows: Int32Array, count: number): void;
  /**
   * `kernel`'s backward for each listed batch row b, the step's offsets being row 0's: row b's are b·G·H
   * further for the gates, dPreX and dPreH, b·E·H for extra and b·H for the states and their gradients.
   * Leaves the offsets as they were; may run a fused copy of the cell's math, like cellForward.
   */
  cellBackward(kernel: CellKernel, step: CellStep, rows: Int32Array, count: number): void;
}
