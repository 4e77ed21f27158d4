/**
 * The LSTM cell of `torch.nn.LSTM`, one batch element, one step, gate rows in PyTorch's order i, f, g, o:
 *   i = σ(a_i), f = σ(a_f), g = tanh(a_g), o = σ(a_o),   a = Wih·x + bih + Whh·h + bhh
 *   c' = f⊙c + i⊙g,   h' = o⊙tanh(c')
 * The driver (engine/recurrent.ts) supplies both projections; this file holds the gate nonlinearities and
 * their derivatives, forward and backward side by side.
 */

import type { CellKernel, CellStep, RowActivations } from './step.ts';

/** Forward and backward of the LSTM; the gate cache holds i, f, g, o and the extra cache tanh(c'). */
export const lstmCell: CellKernel = {
  cell: 'lstm',
  extraWidth: 1,
  splitsHiddenGradient: false,

  /**
   * For each listed row: gates [i|f|g|o], extra = tanh(c'), c[next] = c', h[next] = h' = o⊙tanh(c').
   * Pre-activations into the gates, then σ over i and f, tanh over g and σ over o (one call each across
   * the batch), c' into the extra cache, tanh over it, and h'.
   */
  forward(s: CellStep, rows: Int32Array, count: number, ops: RowActivations): void {
    const H = s.hiddenSize;
    const GH = 4 * H;
    const { xp, hp, gates, extra, c, h } = s;
    for (let a = 0; a < count; a++) {
      const o = rows[a] * GH;
      const xpOff = s.xpOff + o;
      const hpOff = s.hpOff + o;
      const gateOff = s.gateOff + o;
      for (let j = 0; j < GH; j++) gates[gateOff + j] = xp[xpOff + j] + hp[hpOff + j];
    }
    ops.activateRows('sigmoid', gates, s.gateOff, GH, 2 * H, rows, count);
    ops.activateRows('tanh', gates, s.gateOff + 2 * H, GH, H, rows, count);
    ops.activateRows('sigmoid', gates, s.gateOff + 3 * H, GH, H, rows, count);
    for (let a = 0; a < count; a++) {
      const b = rows[a];
      const gateOff = s.gateOff + b * GH;
      const extraOff = s.extraOff + b * H;
      const cPrevOff = s.cPrevOff + b * H;
      const cNextOff = s.cNextOff + b * H;
      for (let j = 0; j < H; j++) {
        const cNew =
          gates[gateOff + H + j] * c[cPrevOff + j] + gates[gateOff + j] * gates[gateOff + 2 * H + j];
        c[cNextOff + j] = cNew;
        extra[extraOff + j] = cNew;
      }
    }
    ops.activateRows('tanh', extra, s.extraOff, H, H, rows, count);
    for (let a = 0; a < count; a++) {
      const b = rows[a];
      const gateOff = s.gateOff + b * GH + 3 * H;
      const extraOff = s.extraOff + b * H;
      const hNextOff = s.hNextOff + b * H;
      for (let j = 0; j < H; j++) h[hNextOff + j] = gates[gateOff + j] * extra[extraOff + j];
    }
  },

  /**
   * From dL/dh' (dh) and dL/dc' arriving from the next step (dc): the total dL/dc' = dc + dh⊙o⊙(1 − tanh²c'),
   * then dL/da for i, f, g, o into dPreX (shared by both projections), dL/dc = f⊙dL/dc' into dcPrev,
   * and the direct dL/dh = 0 into dhPrev.
   */
  backward(s: CellStep): void {
    const H = s.hiddenSize;
    const { dh, dc, gates, extra, c, dPreX, dhPrev, dcPrev } = s;
    const dhOff = s.dhOff;
    const dcOff = s.dcOff;
    const gateOff = s.gateOff;
    const extraOff = s.extraOff;
    const cPrevOff = s.cPrevOff;
    const dPreXOff = s.dPreXOff;
    const dhPrevOff = s.dhPrevOff;
    const dcPrevOff = s.dcPrevOff;
    for (let j = 0; j < H; j++) {
      const i = gates[gateOff + j];
      const f = gates[gateOff + H + j];
      const g = gates[gateOff + 2 * H + j];
      const o = gates[gateOff + 3 * H + j];
      const tanhC = extra[extraOff + j];
      const dhj = dh[dhOff + j];
      const dcTotal = dc[dcOff + j] + dhj * o * (1 - tanhC * tanhC);
      dPreX[dPreXOff + j] = dcTotal * g * i * (1 - i);
      dPreX[dPreXOff + H + j] = dcTotal * c[cPrevOff + j] * f * (1 - f);
      dPreX[dPreXOff + 2 * H + j] = dcTotal * i * (1 - g * g);
      dPreX[dPreXOff + 3 * H + j] = dhj * tanhC * o * (1 - o);
      dcPrev[dcPrevOff + j] = dcTotal * f;
      dhPrev[dhPrevOff + j] = 0;
    }
  },
};
