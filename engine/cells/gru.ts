/**
 * The GRU cell of `torch.nn.GRU`, one batch element, one step, gate rows in PyTorch's order r, z, n:
 *   r = σ(W_ir x + b_ir + W_hr h + b_hr),   z = σ(W_iz x + b_iz + W_hz h + b_hz)
 *   n = tanh(W_in x + b_in + r⊙(W_hn h + b_hn)),   h' = (1 − z)⊙n + z⊙h
 * The reset gate multiplies the whole hidden projection W_hn h + b_hn (PyTorch's form, not the paper's
 * r⊙h inside the product), so the input side and the hidden side of the n block get different gradients.
 */

import type { CellKernel, CellStep, RowActivations } from './step.ts';

/** Forward and backward of the GRU; the gate cache holds r, z, n and the extra cache W_hn h + b_hn. */
export const gruCell: CellKernel = {
  cell: 'gru',
  extraWidth: 1,
  splitsHiddenGradient: true,

  /**
   * For each listed row: gates [r|z|n], extra = hp_n = W_hn h + b_hn, h[next] = h'. σ over r and z
   * across the batch in one call, then the n block's pre-activation with r⊙(W_hn h + b_hn), tanh over it
   * in one call, and h'.
   */
  forward(s: CellStep, rows: Int32Array, count: number, ops: RowActivations): void {
    const H = s.hiddenSize;
    const GH = 3 * H;
    const { xp, hp, gates, extra, h } = s;
    for (let a = 0; a < count; a++) {
      const o = rows[a] * GH;
      const xpOff = s.xpOff + o;
      const hpOff = s.hpOff + o;
      const gateOff = s.gateOff + o;
      for (let j = 0; j < 2 * H; j++) gates[gateOff + j] = xp[xpOff + j] + hp[hpOff + j];
    }
    ops.activateRows('sigmoid', gates, s.gateOff, GH, 2 * H, rows, count);
    for (let a = 0; a < count; a++) {
      const b = rows[a];
      const xpOff = s.xpOff + b * GH + 2 * H;
      const hpOff = s.hpOff + b * GH + 2 * H;
      const gateOff = s.gateOff + b * GH;
      const extraOff = s.extraOff + b * H;
      for (let j = 0; j < H; j++) {
        const hn = hp[hpOff + j];
        extra[extraOff + j] = hn;
        gates[gateOff + 2 * H + j] = xp[xpOff + j] + gates[gateOff + j] * hn;
      }
    }
    ops.activateRows('tanh', gates, s.gateOff + 2 * H, GH, H, rows, count);
    for (let a = 0; a < count; a++) {
      const b = rows[a];
      const gateOff = s.gateOff + b * GH;
      const hPrevOff = s.hPrevOff + b * H;
      const hNextOff = s.hNextOff + b * H;
      for (let j = 0; j < H; j++) {
        const n = gates[gateOff + 2 * H + j];
        h[hNextOff + j] = n + gates[gateOff + H + j] * (h[hPrevOff + j] - n);
      }
    }
  },

  /**
   * From dL/dh' (dh): dL/da for the input projection into dPreX (r, z, n), for the hidden projection into
   * dPreH (r, z, and r⊙dL/da_n for the n block), and the direct dL/dh = z⊙dL/dh' into dhPrev.
   */
  backward(s: CellStep): void {
    const H = s.hiddenSize;
    const { dh, gates, extra, h, dPreX, dPreH, dhPrev } = s;
    const dhOff = s.dhOff;
    const gateOff = s.gateOff;
    const extraOff = s.extraOff;
    const hPrevOff = s.hPrevOff;
    const dPreXOff = s.dPreXOff;
    const dPreHOff = s.dPreHOff;
    const dhPrevOff = s.dhPrevOff;
    for (let j = 0; j < H; j++) {
      const r = gates[gateOff + j];
      const z = gates[gateOff + H + j];
      const n = gates[gateOff + 2 * H + j];
      const hn = extra[extraOff + j];
      const dhj = dh[dhOff + j];
      const dan = dhj * (1 - z) * (1 - n * n);
      const dar = dan * hn * r * (1 - r);
      const daz = dhj * (h[hPrevOff + j] - n) * z * (1 - z);
      dPreX[dPreXOff + j] = dar;
      dPreX[dPreXOff + H + j] = daz;
      dPreX[dPreXOff + 2 * H + j] = dan;
      dPreH[dPreHOff + j] = dar;
      dPreH[dPreHOff + H + j] = daz;
      dPreH[dPreHOff + 2 * H + j] = dan * r;
      dhPrev[dhPrevOff + j] = dhj * z;
    }
  },
};
