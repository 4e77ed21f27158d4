/**
 * A deliberately plain recurrent layer for the shape sweep (shapeSweep.test.ts): one sequence at a time,
 * one step at a time, every sum a nested loop over plain arrays, straight from PyTorch's documented
 * equations for torch.nn.RNN (tanh), LSTM and GRU; then full BPTT by hand for the loss
 * L = Σ outputs·dOutputs + Σ hN·dhN + Σ cN·dcN. It shares no code with engine/ beyond the flat weight
 * layout (Wih [G*H][I], Whh [G*H][H], gates in PyTorch's order), so a shape the fused kernels get wrong
 * cannot be wrong here in the same way.
 */
import type { CellKind } from '../../engine/types.ts';

/** The layer's weights and one batch, all batch-first and flat like the engine's arguments. */
export interface ReferenceCase {
  readonly cell: CellKind;
  readonly I: number;
  readonly H: number;
  readonly B: number;
  readonly T: number;
  readonly Wih: Float64Array;
  readonly Whh: Float64Array;
  readonly bih: Float64Array;
  readonly bhh: Float64Array;
  /** [B][T][I] */
  readonly x: Float64Array;
  readonly lengths: Int32Array;
  /** [B][H] or absent (zeros). */
  readonly h0?: Float64Array;
  readonly c0?: Float64Array;
  /** dL/d(outputs) [B][T][H], dL/dhN and dL/dcN [B][H]. */
  readonly dOutputs: Float64Array;
  readonly dhN: Float64Array;
  readonly dcN: Float64Array;
}

/** Everything forward and backward give, flat and batch-first. */
export interface ReferenceResult {
  outputs: Float64Array;
  hN: Float64Array;
  cN: Float64Array;
  dx: Float64Array;
  dh0: Float64Array;
  dc0: Float64Array;
  dWih: Float64Array;
  dWhh: Float64Array;
  dbih: Float64Array;
  dbhh: Float64Array;
  /** [T]: ||dL/dh_t|| over the sequences still running at step t. */
  gradNorm: Float64Array;
}

const G: Record<CellKind, number> = { rnn: 1, lstm: 4, gru: 3 };
const sigmoid = (a: number) => 1 / (1 + Math.exp(-a));

/** What one step keeps for its backward. */
interface StepCache {
  x: number[];
  hPrev: number[];
  cPrev: number[];
  /** Activated gates, G*H. */
  gate: number[];
  /** LSTM: tanh(c'); GRU: Whh_n·h + bhh_n. */
  extra: number[];
  h: number[];
}

/** Runs the reference forward and BPTT on one case. */
export function referenceLayer(c: ReferenceCase): ReferenceResult {
  const { cell, I, H, B, T } = c;
  const GH = G[cell] * H;
  const result: ReferenceResult = {
    outputs: new Float64Array(B * T * H),
    hN: new Float64Array(B * H),
    cN: new Float64Array(B * H),
    dx: new Float64Array(B * T * I),
    dh0: new Float64Array(B * H),
    dc0: new Float64Array(B * H),
    dWih: new Float64Array(GH * I),
    dWhh: new Float64Array(GH * H),
    dbih: new Float64Array(GH),
    dbhh: new Float64Array(GH),
    gradNorm: new Float64Array(T),
  };
  const squares = new Array<number>(T).fill(0);
  for (let b = 0; b < B; b++) {
    const caches: StepCache[] = [];
    let h: number[] = [];
    let cs: number[] = [];
    for (let j = 0; j < H; j++) {
      h.push(c.h0 ? c.h0[b * H + j] : 0);
      cs.push(c.c0 && cell === 'lstm' ? c.c0[b * H + j] : 0);
    }
    for (let t = 0; t < c.lengths[b]; t++) {
      const x: number[] = [];
      for (let i = 0; i < I; i++) x.push(c.x[(b * T + t) * I + i]);
      const gi: number[] = [];
      const gh: number[] = [];
      for (let r = 0; r < GH; r++) {
        let s = c.bih[r];
        for (let i = 0; i < I; i++) s += c.Wih[r * I + i] * x[i];
        gi.push(s);
        let u = c.bhh[r];
        for (let j = 0; j < H; j++) u += c.Whh[r * H + j] * h[j];
        gh.push(u);
      }
      const gate = new Array<number>(GH).fill(0);
      const extra: number[] = [];
      const hNext: number[] = [];
      const cNext: number[] = [];
      for (let j = 0; j < H; j++) {
        if (cell === 'rnn') {
          gate[j] = Math.tanh(gi[j] + gh[j]);
          hNext.push(gate[j]);
        } else if (cell === 'lstm') {
          for (let g = 0; g < 4; g++) {
            const a = gi[g * H + j] + gh[g * H + j];
            gate[g * H + j] = g === 2 ? Math.tanh(a) : sigmoid(a);
          }
          const cj = gate[H + j] * cs[j] + gate[j] * gate[2 * H + j];
          cNext.push(cj);
          extra.push(Math.tanh(cj));
          hNext.push(gate[3 * H + j] * extra[j]);
        } else {
          gate[j] = sigmoid(gi[j] + gh[j]);
          gate[H + j] = sigmoid(gi[H + j] + gh[H + j]);
          extra.push(gh[2 * H + j]);
          gate[2 * H + j] = Math.tanh(gi[2 * H + j] + gate[j] * gh[2 * H + j]);
          hNext.push((1 - gate[H + j]) * gate[2 * H + j] + gate[H + j] * h[j]);
        }
      }
      caches.push({ x, hPrev: h, cPrev: cs, gate, extra, h: hNext });
      h = hNext;
      if (cell === 'lstm') cs = cNext;
      for (let j = 0; j < H; j++) result.outputs[(b * T + t) * H + j] = h[j];
    }
    for (let j = 0; j < H; j++) {
      result.hN[b * H + j] = h[j];
      result.cN[b * H + j] = cell === 'lstm' ? cs[j] : 0;
    }
    // BPTT: dh, dc are dL/d(state after step t) as they arrive from later steps.
    let dh: number[] = [];
    let dc: number[] = [];
    for (let j = 0; j < H; j++) {
      dh.push(c.dhN[b * H + j]);
      dc.push(cell === 'lstm' ? c.dcN[b * H + j] : 0);
    }
    for (let t = c.lengths[b] - 1; t >= 0; t--) {
      const s = caches[t];
      for (let j = 0; j < H; j++) {
        dh[j] += c.dOutputs[(b * T + t) * H + j];
        squares[t] += dh[j] * dh[j];
      }
      const dgi = new Array<number>(GH).fill(0);
      const dgh = new Array<number>(GH).fill(0);
      const dhPrev = new Array<number>(H).fill(0);
      const dcPrev = new Array<number>(H).fill(0);
      for (let j = 0; j < H; j++) {
        if (cell === 'rnn') {
          dgi[j] = dgh[j] = dh[j] * (1 - s.h[j] * s.h[j]);
        } else if (cell === 'lstm') {
          const [ig, fg, gg, og] = [s.gate[j], s.gate[H + j], s.gate[2 * H + j], s.gate[3 * H + j]];
          const tc = s.extra[j];
          const dct = dc[j] + dh[j] * og * (1 - tc * tc);
          dgi[j] = dct * gg * ig * (1 - ig);
          dgi[H + j] = dct * s.cPrev[j] * fg * (1 - fg);
          dgi[2 * H + j] = dct * ig * (1 - gg * gg);
          dgi[3 * H + j] = dh[j] * tc * og * (1 - og);
          for (let g = 0; g < 4; g++) dgh[g * H + j] = dgi[g * H + j];
          dcPrev[j] = dct * fg;
        } else {
          const [rg, zg, ng] = [s.gate[j], s.gate[H + j], s.gate[2 * H + j]];
          const dan = dh[j] * (1 - zg) * (1 - ng * ng);
          dgi[2 * H + j] = dan;
          dgh[2 * H + j] = dan * rg;
          dgi[j] = dgh[j] = dan * s.extra[j] * rg * (1 - rg);
          dgi[H + j] = dgh[H + j] = dh[j] * (s.hPrev[j] - ng) * zg * (1 - zg);
          dhPrev[j] = dh[j] * zg;
        }
      }
      for (let r = 0; r < GH; r++) {
        for (let i = 0; i < I; i++) {
          result.dWih[r * I + i] += dgi[r] * s.x[i];
          result.dx[(b * T + t) * I + i] += c.Wih[r * I + i] * dgi[r];
        }
        for (let j = 0; j < H; j++) {
          result.dWhh[r * H + j] += dgh[r] * s.hPrev[j];
          dhPrev[j] += c.Whh[r * H + j] * dgh[r];
        }
        result.dbih[r] += dgi[r];
        result.dbhh[r] += dgh[r];
      }
      dh = dhPrev;
      dc = dcPrev;
    }
    for (let j = 0; j < H; j++) {
      result.dh0[b * H + j] = dh[j];
      result.dc0[b * H + j] = dc[j];
    }
  }
  for (let t = 0; t < T; t++) result.gradNorm[t] = Math.sqrt(squares[t]);
  return result;
}
