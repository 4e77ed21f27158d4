/**
 * The LSTM cell of `torch.nn.LSTM`, one batch element, one step, gate rows in PyTorch's order i, f, g, o:
 *   i = σ(a_i), f = σ(a_f), g = tanh(a_g), o = σ(a_o),   a = Wih·x + bih + Whh·h + bhh
 *   c' = f⊙c + i⊙g,   h' = o⊙tanh(c')
 * The driver (engine/recurrent.ts) supplies both projections; this file holds the gate nonlinearities and
 * their derivatives, forward and backward side by side.
 */
import { type Activate, SIGMOID, TANH } from '../wasm/dense.ts';
import type { CellKernel, CellStep } from './step.ts';

/** Forward and backward of the LSTM; the gate cache holds i, f, g, o and the extra cache tanh(c'). */
export const lstmCell: CellKernel = {
  extraWidth: 1,
  splitsHiddenGradient: false,

  /** Writes gates [i|f|g|o], extra = tanh(c'), c[next] = c', h[next] = h'. */
  forward(s: CellStep): void {
    const H = s.hiddenSize;
    const { xp, hp, gates, extra, h, c } = s;
    const xpOff = s.xpOff;
    const hpOff = s.hpOff;
    const gateOff = s.gateOff;
    const extraOff = s.extraOff;
    const cPrevOff = s.cPrevOff;
    const cNextOff = s.cNextOff;
    const hNextOff = s.hNextOff;
    for (let j = 0; j < H; j++) {
      const i = 1 / (1 + Math.exp(-(xp[xpOff + j] + hp[hpOff + j])));
      const f = 1 / (1 + Math.exp(-(xp[xpOff + H + j] + hp[hpOff + H + j])));
      const g = Math.tanh(xp[xpOff + 2 * H + j] + hp[hpOff + 2 * H + j]);
      const o = 1 / (1 + Math.exp(-(xp[xpOff + 3 * H + j] + hp[hpOff + 3 * H + j])));
      const cNew = f * c[cPrevOff + j] + i * g;
      const tanhC = Math.tanh(cNew);
      gates[gateOff + j] = i;
      gates[gateOff + H + j] = f;
      gates[gateOff + 2 * H + j] = g;
      gates[gateOff + 3 * H + j] = o;
      extra[extraOff + j] = tanhC;
      c[cNextOff + j] = cNew;
      h[hNextOff + j] = o * tanhC;
    }
  },

  /** The same, with σ over i and f together, tanh over g, σ over o, then tanh over c' in the extra cache. */
  forwardVector(s: CellStep, activate: Activate): void {
    const H = s.hiddenSize;
    const { xp, hp, gates, extra, c, h } = s;
    const xpOff = s.xpOff;
    const hpOff = s.hpOff;
    const gateOff = s.gateOff;
    const extraOff = s.extraOff;
    const cPrevOff = s.cPrevOff;
    const cNextOff = s.cNextOff;
    const hNextOff = s.hNextOff;
    for (let j = 0; j < 4 * H; j++) gates[gateOff + j] = xp[xpOff + j] + hp[hpOff + j];
    const at = gates.byteOffset + gateOff * 8;
    activate(at, 2 * H, SIGMOID);
    activate(at + 2 * H * 8, H, TANH);
    activate(at + 3 * H * 8, H, SIGMOID);
    for (let j = 0; j < H; j++) {
      const cNew = gates[gateOff + H + j] * c[cPrevOff + j] + gates[gateOff + j] * gates[gateOff + 2 * H + j];
      c[cNextOff + j] = cNew;
      extra[extraOff + j] = cNew;
    }
    activate(extra.byteOffset + extraOff * 8, H, TANH);
    for (let j = 0; j < H; j++) h[hNextOff + j] = gates[gateOff + 3 * H + j] * extra[extraOff + j];
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
