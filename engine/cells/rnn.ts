/**
 * The vanilla tanh RNN cell of `torch.nn.RNN` (nonlinearity 'tanh'), one batch element, one step:
 *   h' = tanh(Wih·x + bih + Whh·h + bhh)
 * The driver (engine/recurrent.ts) supplies both projections; this file holds only the nonlinearity and
 * its derivative, forward and backward side by side. One gate block, named 'h'.
 */

import type { CellKernel, CellStep, RowActivations } from './step.ts';

/** Forward and backward of the tanh RNN; the gate cache holds h' itself, there is no extra cache. */
export const rnnCell: CellKernel = {
  cell: 'rnn',
  extraWidth: 0,
  splitsHiddenGradient: false,

  /** For each listed row: gates[0..H) = h[next] = tanh(xp + hp), the tanh over the batch in one call. */
  forward(s: CellStep, rows: Int32Array, count: number, ops: RowActivations): void {
    const H = s.hiddenSize;
    const { xp, hp, gates, h } = s;
    for (let a = 0; a < count; a++) {
      const o = rows[a] * H;
      const xpOff = s.xpOff + o;
      const hpOff = s.hpOff + o;
      const gateOff = s.gateOff + o;
      for (let j = 0; j < H; j++) gates[gateOff + j] = xp[xpOff + j] + hp[hpOff + j];
    }
    ops.activateRows('tanh', gates, s.gateOff, H, H, rows, count);
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
