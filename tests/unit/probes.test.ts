/**
 * Probes: the Jacobian-product norms ||∂h_T/∂h_t||_F against central finite differences (step 1e-6) of a
 * forward restarted from a perturbed h_t (with c_t held fixed for the LSTM), relative tolerance 1e-6; and
 * the gate activations against the forward's own outputs.
 */
import { describe, expect, it } from 'vitest';
import { createInitialisedRecurrentParams } from '../../engine/init.ts';
import { gateActivations, jacobianNorms } from '../../engine/probes.ts';
import { type DropoutMasks, forward, sampleDropoutMasks } from '../../engine/recurrent.ts';
import { createRng, type Rng } from '../../engine/rng.ts';
import type { CellKind, RecurrentParams } from '../../engine/types.ts';

const I = 2;
const H = 3;
const B = 2;
const T = 6;
const EPS = 1e-6;

function randomArray(rng: Rng, n: number, scale = 1): Float64Array {
  return Float64Array.from({ length: n }, () => scale * rng.normal());
}

/** h_T of sequence b when the run restarts at step t from the cached state with h_t replaced by `h`. */
function finalStateFrom(
  params: RecurrentParams,
  x: Float64Array,
  length: number,
  b: number,
  t: number,
  h: Float64Array,
  c: Float64Array | undefined,
  masks: DropoutMasks,
): Float64Array {
  const steps = length - t;
  const xs = x.slice((b * T + t) * I, (b * T + length) * I);
  const recurrent = masks.recurrent?.slice(b * H, (b + 1) * H);
  const input = { batchSize: 1, steps, inputSize: I, x: xs, lengths: Int32Array.of(steps) };
  return forward(params, input, { h0: h, c0: c, masks: { recurrent } }).hN.slice();
}

describe.each(['rnn', 'lstm', 'gru'] as CellKind[])('%s probes', (cell) => {
  for (const withMask of [false, true]) {
    it(`||dh_T/dh_t|| matches finite differences for every t${withMask ? ' (recurrent dropout)' : ''}`, () => {
      const rng = createRng(withMask ? 23 : 17);
      const params = createInitialisedRecurrentParams(cell, I, H, rng, { scheme: 'gaussian', std: 0.8 });
      const x = randomArray(rng, B * T * I);
      const lengths = Int32Array.of(T, 4);
      const masks = withMask ? sampleDropoutMasks(rng, B, T, I, H, { recurrent: 0.3 }) : {};
      const { workspace } = forward(params, { batchSize: B, steps: T, inputSize: I, x, lengths }, { masks });
      for (let b = 0; b < B; b++) {
        const length = lengths[b];
        const norms = jacobianNorms(params, workspace, b);
        expect(norms.length).toBe(length);
        for (let t = 0; t < length; t++) {
          const h = workspace.h.slice((t * B + b) * H, (t * B + b + 1) * H);
          const c = cell === 'lstm' ? workspace.c.slice((t * B + b) * H, (t * B + b + 1) * H) : undefined;
          let sumSquares = 0;
          for (let j = 0; j < H; j++) {
            const saved = h[j];
            h[j] = saved + EPS;
            const plus = finalStateFrom(params, x, length, b, t, h, c, masks);
            h[j] = saved - EPS;
            const minus = finalStateFrom(params, x, length, b, t, h, c, masks);
            h[j] = saved;
            for (let i = 0; i < H; i++) sumSquares += ((plus[i] - minus[i]) / (2 * EPS)) ** 2;
          }
          const numeric = Math.sqrt(sumSquares);
          expect(Math.abs(norms[t] - numeric), `b=${b} t=${t}`).toBeLessThanOrEqual(1e-6 * numeric + 1e-9);
        }
      }
    });
  }

  it('reads gate activations and states of one sequence out of the cache', () => {
    const rng = createRng(5);
    const params = createInitialisedRecurrentParams(cell, I, H, rng, { scheme: 'pytorch' });
    const x = randomArray(rng, B * T * I);
    const lengths = Int32Array.of(3, T);
    const { outputs, workspace } = forward(params, { batchSize: B, steps: T, inputSize: I, x, lengths });
    const b = 1;
    const acts = gateActivations(workspace, b);
    expect(acts.cell).toBe(cell);
    expect(acts.steps).toBe(T);
    expect(Array.from(acts.h)).toEqual(Array.from(outputs.subarray(b * T * H, (b + 1) * T * H)));
    if (acts.cell === 'lstm') {
      // h = o ⊙ tanh(c) and c_t = f ⊙ c_{t−1} + i ⊙ g, every gate strictly inside its range.
      for (let k = 0; k < T * H; k++) {
        expect(acts.h[k]).toBeCloseTo(acts.o[k] * Math.tanh(acts.c[k]), 14);
        const cPrev = k >= H ? acts.c[k - H] : 0;
        expect(acts.c[k]).toBeCloseTo(acts.f[k] * cPrev + acts.i[k] * acts.g[k], 14);
        for (const gate of [acts.i, acts.f, acts.o]) expect(gate[k] > 0 && gate[k] < 1).toBe(true);
      }
    } else if (acts.cell === 'gru') {
      for (let k = 0; k < T * H; k++) {
        const hPrev = k >= H ? acts.h[k - H] : 0;
        expect(acts.h[k]).toBeCloseTo((1 - acts.z[k]) * acts.n[k] + acts.z[k] * hPrev, 14);
      }
    }
    // A shorter sequence reports only its own steps.
    expect(gateActivations(workspace, 0).h.length).toBe(3 * H);
  });
});

describe('jacobianNorms', () => {
  it('equals ||diag(1 − h²)·Whh|| one step back for the RNN, and √H is never reported', () => {
    const rng = createRng(2);
    const params = createInitialisedRecurrentParams('rnn', I, H, rng, { scheme: 'orthogonal' });
    const x = randomArray(rng, T * I);
    const { workspace } = forward(params, {
      batchSize: 1,
      steps: T,
      inputSize: I,
      x,
      lengths: Int32Array.of(T),
    });
    const norms = jacobianNorms(params, workspace, 0);
    const hT = workspace.h.subarray(T * H, (T + 1) * H);
    let sumSquares = 0;
    for (let i = 0; i < H; i++) {
      for (let j = 0; j < H; j++) sumSquares += ((1 - hT[i] ** 2) * params.Whh.w[i * H + j]) ** 2;
    }
    expect(norms[T - 1]).toBeCloseTo(Math.sqrt(sumSquares), 14);
  });

  it('refuses a workspace without a cache or a sequence outside the batch', () => {
    const rng = createRng(3);
    const params = createInitialisedRecurrentParams('lstm', I, H, rng, { scheme: 'pytorch' });
    const input = {
      batchSize: 1,
      steps: 2,
      inputSize: I,
      x: randomArray(rng, 2 * I),
      lengths: Int32Array.of(2),
    };
    const { workspace } = forward(params, input);
    expect(() => jacobianNorms(params, workspace, 1)).toThrow(RangeError);
  });
});
