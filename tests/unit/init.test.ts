/** Initialisers and parameter counts: bounds, statistics, orthogonality, forget bias, reproducibility. */
import { describe, expect, it } from 'vitest';
import {
  createInitialisedRecurrentParams,
  initRecurrentParams,
  orthogonalMatrix,
} from '../../engine/init.ts';
import { countRecurrentParams, createRecurrentParams, recurrentParamList } from '../../engine/params.ts';
import { createRng } from '../../engine/rng.ts';
import { type CellKind, GATE_BLOCKS } from '../../engine/types.ts';

const cells: CellKind[] = ['rnn', 'lstm', 'gru'];

function stats(values: Float64Array) {
  let sum = 0;
  let sumSquares = 0;
  let maxAbs = 0;
  for (const v of values) {
    sum += v;
    sumSquares += v * v;
    maxAbs = Math.max(maxAbs, Math.abs(v));
  }
  const mean = sum / values.length;
  return { mean, variance: sumSquares / values.length - mean * mean, maxAbs };
}

describe('parameter counts', () => {
  it('counts G·H·(I + H + 2) numbers, per tensor and per gate', () => {
    const lstm = countRecurrentParams('lstm', 8, 32);
    expect(lstm.total).toBe(5376);
    expect([lstm.Wih, lstm.Whh, lstm.bih, lstm.bhh]).toEqual([1024, 4096, 128, 128]);
    expect(lstm.gates.map((g) => g.gate)).toEqual(['i', 'f', 'g', 'o']);
    expect(lstm.gates.every((g) => g.total === 32 * (8 + 32 + 2))).toBe(true);
    expect(countRecurrentParams('gru', 8, 32).total).toBe(4032);
    expect(countRecurrentParams('rnn', 8, 32).total).toBe(1344);
    expect(countRecurrentParams('gru', 1, 1).gates.map((g) => g.gate)).toEqual(['r', 'z', 'n']);
  });

  it('agrees with the allocated tensors and PyTorch names and shapes', () => {
    for (const cell of cells) {
      const params = createRecurrentParams(cell, 5, 7);
      const count = countRecurrentParams(cell, 5, 7);
      const list = recurrentParamList(params);
      expect(list.map((p) => p.name)).toEqual(['weight_ih_l0', 'weight_hh_l0', 'bias_ih_l0', 'bias_hh_l0']);
      expect(params.Wih.shape).toEqual([GATE_BLOCKS[cell] * 7, 5]);
      expect(params.Whh.shape).toEqual([GATE_BLOCKS[cell] * 7, 7]);
      expect(list.reduce((s, p) => s + p.w.length, 0)).toBe(count.total);
      expect(list.every((p) => p.dw.length === p.w.length)).toBe(true);
    }
  });
});

describe.each(cells)('%s initialisation', (cell) => {
  const I = 16;
  const H = 48;
  const G = GATE_BLOCKS[cell];

  it("'pytorch' draws every tensor from U(−1/√H, 1/√H)", () => {
    const params = createInitialisedRecurrentParams(cell, I, H, createRng(1), { scheme: 'pytorch' });
    const bound = 1 / Math.sqrt(H);
    for (const p of recurrentParamList(params)) {
      const s = stats(p.w);
      expect(s.maxAbs).toBeLessThan(bound);
      expect(s.maxAbs).toBeGreaterThan(0.9 * bound);
      expect(Math.abs(s.mean)).toBeLessThan(0.25 * bound);
    }
    // U(−a, a) has variance a²/3.
    expect(stats(params.Whh.w).variance).toBeCloseTo(bound ** 2 / 3, 3);
  });

  it("'xavier' uses √(6/(fan_in + H)) per gate block and zero biases", () => {
    const params = createInitialisedRecurrentParams(cell, I, H, createRng(2), { scheme: 'xavier' });
    const inputBound = Math.sqrt(6 / (I + H));
    const recurrentBound = Math.sqrt(6 / (2 * H));
    expect(stats(params.Wih.w).maxAbs).toBeLessThan(inputBound);
    expect(stats(params.Wih.w).maxAbs).toBeGreaterThan(0.9 * inputBound);
    expect(stats(params.Whh.w).maxAbs).toBeLessThan(recurrentBound);
    expect(stats(params.Whh.w).variance).toBeCloseTo(recurrentBound ** 2 / 3, 3);
    expect(params.bih.w.every((v) => v === 0) && params.bhh.w.every((v) => v === 0)).toBe(true);
  });

  it("'orthogonal' makes every H×H block of Whh orthogonal (WᵀW = I) and Wih Xavier", () => {
    const params = createInitialisedRecurrentParams(cell, I, H, createRng(3), { scheme: 'orthogonal' });
    for (let gate = 0; gate < G; gate++) {
      const W = params.Whh.w.subarray(gate * H * H, (gate + 1) * H * H);
      let worst = 0;
      for (let a = 0; a < H; a++) {
        for (let b = 0; b < H; b++) {
          let dot = 0;
          for (let r = 0; r < H; r++) dot += W[r * H + a] * W[r * H + b];
          worst = Math.max(worst, Math.abs(dot - (a === b ? 1 : 0)));
        }
      }
      expect(worst).toBeLessThan(1e-12);
    }
    if (G > 1) {
      // Different blocks are different draws.
      expect(params.Whh.w[0]).not.toBe(params.Whh.w[H * H]);
    }
    expect(stats(params.Wih.w).maxAbs).toBeLessThan(Math.sqrt(6 / (I + H)));
    expect(params.bhh.w.every((v) => v === 0)).toBe(true);
  });

  it("'gaussian' draws N(0, std²) weights", () => {
    const params = createInitialisedRecurrentParams(cell, I, H, createRng(4), {
      scheme: 'gaussian',
      std: 0.1,
    });
    const s = stats(params.Whh.w);
    expect(Math.sqrt(s.variance)).toBeCloseTo(0.1, 2);
    expect(Math.abs(s.mean)).toBeLessThan(0.01);
    expect(params.bih.w.every((v) => v === 0)).toBe(true);
  });

  it('replays exactly from the same seed and differs for another', () => {
    const a = createInitialisedRecurrentParams(cell, I, H, createRng(7), { scheme: 'orthogonal' });
    const b = createInitialisedRecurrentParams(cell, I, H, createRng(7), { scheme: 'orthogonal' });
    const c = createInitialisedRecurrentParams(cell, I, H, createRng(8), { scheme: 'orthogonal' });
    expect(b.Whh.w).toEqual(a.Whh.w);
    expect(b.Wih.w).toEqual(a.Wih.w);
    expect(c.Whh.w).not.toEqual(a.Whh.w);
  });
});

describe('forget-gate bias', () => {
  it('puts the whole value in bih’s f block and zero in bhh’s, for any scheme', () => {
    const H = 6;
    for (const scheme of ['pytorch', 'orthogonal'] as const) {
      const params = createInitialisedRecurrentParams('lstm', 3, H, createRng(1), { scheme, forgetBias: 1 });
      for (let j = 0; j < H; j++) {
        expect(params.bih.w[H + j]).toBe(1);
        expect(params.bhh.w[H + j]).toBe(0);
      }
      if (scheme === 'pytorch') expect(params.bih.w[0]).not.toBe(0);
    }
  });

  it('is refused for cells without a forget gate', () => {
    const params = createRecurrentParams('gru', 2, 3);
    expect(() => initRecurrentParams(params, createRng(1), { scheme: 'xavier', forgetBias: 1 })).toThrow(
      RangeError,
    );
  });
});

describe('orthogonalMatrix', () => {
  it('gives QQᵀ = I for small and odd sizes', () => {
    for (const n of [1, 2, 5, 33]) {
      const Q = orthogonalMatrix(n, createRng(n));
      for (let a = 0; a < n; a++) {
        for (let b = 0; b < n; b++) {
          let dot = 0;
          for (let k = 0; k < n; k++) dot += Q[a * n + k] * Q[b * n + k];
          expect(Math.abs(dot - (a === b ? 1 : 0))).toBeLessThan(1e-12);
        }
      }
    }
  });
});
