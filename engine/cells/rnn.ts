/**
 * The vanilla tanh RNN cell of `torch.nn.RNN` (nonlinearity 'tanh'), one batch element, one step:
 *   h' = tanh(Wih·x + bih + Whh·h + bhh)
 * The driver (engine/recurrent.ts) supplies both projections; this file holds only the nonlinearity and
 * its derivative, forward and backward side by side. One gate block, named 'h'.
 */
import { type ActivateRows, TANH } from '../wasm/dense.ts';
import type { CellKernel, CellStep } from './step.ts';

/** Forward and backward of the tanh RNN; the gate cache holds h' itself, there is no extra cache. */
export const rnnCell: CellKernel = {
  extraWidth: 0,
  splitsHiddenGradient: false,

  /** Writes gates[0..H) = h[next] = tanh(xp + hp). */
  forward(s: CellStep): void {
    const H = s.hiddenSize;
    const { xp, hp, gates, h } = s;
    const xpOff = s.xpOff;
    const hpOff = s.hpOff;
    const gateOff = s.gateOff;
    const hNextOff = s.hNextOff;
    for (let j = 0; j < H; j++) {
      const hNew = Math.tanh(xp[xpOff + j] + hp[hpOff + j]);
      gates[gateOff + j] = hNew;
      h[hNextOff + j] = hNew;
    }
  },

  /** The batch at once: pre-activations into the gates, tanh over them in one call, copied to h'. */
  forwardRows(s: CellStep, rows: Int32Array, count: number, activateRows: ActivateRows): void {
    const H = s.hiddenSize;
    const { xp, hp, gates, h } = s;
    for (let a = 0; a < count; a++) {
      const o = rows[a] * H;
      const xpOff = s.xpOff + o;
      const hpOff = s.hpOff + o;
      const gateOff = s.gateOff + o;
      for (let j = 0; j < H; j++) gates[gateOff + j] = xp[xpOff + j] + hp[hpOff + j];
    }
    activateRows(gates.byteOffset + s.gateOff * 8, H * 8, rows.byteOffset, count, H, TANH);
    for (let a = 0; a < count; a++) {
      const o = rows[a] * H;
      h.set(gates.subarray(s.gateOff + o, s.gateOff + o + H), s.hNextOff + o);
    }
  },

  /** dL/da = dL/dh' · (1 − h'²) into dPreX (shared by both projections); the direct dL/dh is 0. */
  backward(s: CellStep): void {
    const H = s.hiddenSize;
    const { dh, gates, dPreX, dhPrev } = s;
    const dhOff = s.dhOff;
    const gateOff = s.gateOff;
    const dPreXOff = s.dPreXOff;
    const dhPrevOff = s.dhPrevOff;
    for (let j = 0; j < H; j++) {
      const hNew = gates[gateOff + j];
      dPreX[dPreXOff + j] = dh[dhOff + j] * (1 - hNew * hNew);
      dhPrev[dhPrevOff + j] = 0;
    }
  },
};
