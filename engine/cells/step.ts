import { type CellKind, GATE_BLOCKS } from '../types.ts';

/**
 * The contract between the sequence driver (engine/recurrent.ts) and the cells beside this file: a cell's
 * forward computes one step of the listed batch rows from the two projections the driver has already
 * formed (xp = Wih·x + bih, hp = Whh·(h⊙m) + bhh), with the gate nonlinearities of the workspace's
 * DenseOps; its backward turns one row's dL/dh' (and dL/dc') into gradients of those projections.
 * Everything is arrays plus offsets in one reused object, so no step allocates.
 */

/** Where one cell step reads and writes. G*H-wide rows hold the gate blocks in PyTorch's order. */
/** A gate nonlinearity: the logistic sigmoid or tanh. */
export type Activation = 'sigmoid' | 'tanh';

/** The part of DenseOps (./denseOps.ts) a cell's forward uses: gate nonlinearities over listed rows. */
export interface RowActivations {
  /** In place: `kind` over the `width` numbers of values row rows[m] (offset, stride as above), m < count. */
  activateRows(
    kind: Activation,
    values: Float64Array,
    offset: number,
    stride: number,
    width: number,
    rows: Int32Array,
    count: number,
  ): void;
}

export interface CellStep {
  hiddenSize: number;
  /** Input projection Wih·x + bih (G*H at xpOff). */
  xp: Float64Array;
  xpOff: number;
  /** Hidden projection Whh·(h⊙m) + bhh (G*H at hpOff). */
  hp: Float64Array;
  hpOff: number;
  /** Activated gates (G*H at gateOff): written by forward, read by backward. */
  gates: Float64Array;
  gateOff: number;
  /** The cell's extra cache (extraWidth*H at extraOff). */
  extra: Float64Array;
  extraOff: number;
  /** Hidden states: the step reads h at hPrevOff and writes h' at hNextOff. */
  h: Float64Array;
  hPrevOff: number;
  hNextOff: number;
  /** Cell states (LSTM only), likewise. */
  c: Float64Array;
  cPrevOff: number;
  cNextOff: number;
  /** Backward in: dL/dh' (H at dhOff) and, for the LSTM, dL/dc' from later steps (H at dcOff). */
  dh: Float64Array;
  dhOff: number;
  dc: Float64Array;
  dcOff: number;
  /** Backward out: dL/dxp, the gradient of the input projection's pre-activation (G*H). */
  dPreX: Float64Array;
  dPreXOff: number;
  /** Backward out: dL/dhp (G*H); only cells with splitsHiddenGradient write it, else it equals dL/dxp. */
  dPreH: Float64Array;
  dPreHOff: number;
  /** Backward out: the part of dL/dh that bypasses Whh (H, overwritten), and dL/dc (H, LSTM). */
  dhPrev: Float64Array;
  dhPrevOff: number;
  dcPrev: Float64Array;
  dcPrevOff: number;
}

/**
 * One cell's elementwise step, forward and backward: the definition of its math, run as written on the
 * JavaScript kernels (the WebAssembly ones may run a fused copy, see DenseOps.cellForward). The driver adds
 * (Whhᵀ·dL/dhp)⊙m to dhPrev.
 */
export interface CellKernel {
  readonly cell: CellKind;
  /** Width of the extra cache in units of H. */
  readonly extraWidth: number;
  /** True when dL/dhp differs from dL/dxp (the GRU, whose reset gate scales W_hn h + b_hn). */
  readonly splitsHiddenGradient: boolean;
  /**
   * The forward of every listed batch row b at once. The step's offsets are row 0's; row b's are b·G·H
   * further for xp, hp and the gates, b·E·H for extra and b·H for the states. Pre-activations are written
   * into the gate cache and transformed there in place by `ops.activateRows`, one block of gates across
   * the batch per call.
   */
  forward(step: CellStep, rows: Int32Array, count: number, ops: RowActivations): void;
  /** One batch row, at the step's offsets (the probes call it on rows of their own). */
  backward(step: CellStep): void;
}

/**
 * kernel.backward for each listed row b, the step's offsets being row 0's (see DenseOps.cellBackward);
 * restores them afterwards.
 */
export function backwardRows(kernel: CellKernel, step: CellStep, rows: Int32Array, count: number): void {
  const H = step.hiddenSize;
  const GH = GATE_BLOCKS[kernel.cell] * H;
  const E = kernel.extraWidth * H;
  const { gateOff, extraOff, dPreXOff, dPreHOff, hPrevOff, cPrevOff, dhOff, dcOff, dhPrevOff, dcPrevOff } =
    step;
  for (let a = 0; a < count; a++) {
    const b = rows[a];
    step.gateOff = gateOff + b * GH;
    step.dPreXOff = dPreXOff + b * GH;
    step.dPreHOff = dPreHOff + b * GH;
    step.extraOff = extraOff + b * E;
    step.hPrevOff = hPrevOff + b * H;
    step.cPrevOff = cPrevOff + b * H;
    step.dhOff = dhOff + b * H;
    step.dcOff = dcOff + b * H;
    step.dhPrevOff = dhPrevOff + b * H;
    step.dcPrevOff = dcPrevOff + b * H;
    kernel.backward(step);
  }
  step.gateOff = gateOff;
  step.dPreXOff = dPreXOff;
  step.dPreHOff = dPreHOff;
  step.extraOff = extraOff;
  step.hPrevOff = hPrevOff;
  step.cPrevOff = cPrevOff;
  step.dhOff = dhOff;
  step.dcOff = dcOff;
  step.dhPrevOff = dhPrevOff;
  step.dcPrevOff = dcPrevOff;
}

/** A step view with every array set to an empty placeholder; the driver points it at real buffers. */
export function createCellStep(hiddenSize: number): CellStep {
  const empty = new Float64Array(0);
  return {
    hiddenSize,
    xp: empty,
    xpOff: 0,
    hp: empty,
    hpOff: 0,
    gates: empty,
    gateOff: 0,
    extra: empty,
    extraOff: 0,
    h: empty,
    hPrevOff: 0,
    hNextOff: 0,
    c: empty,
    cPrevOff: 0,
    cNextOff: 0,
    dh: empty,
    dhOff: 0,
    dc: empty,
    dcOff: 0,
    dPreX: empty,
    dPreXOff: 0,
    dPreH: empty,
    dPreHOff: 0,
    dhPrev: empty,
    dhPrevOff: 0,
    dcPrev: empty,
    dcPrevOff: 0,
  };
}
