/**
 * Connectivity (engine/lab/connectivity.ts) against central finite differences (step 1e-5) of
 * log p(target) with each entry of each one-hot input perturbed in float64, for every cell with 1 and 2
 * layers, to 1e-6 relative; the default target is the next character; the model's gradients are untouched.
 */
import { describe, expect, it } from 'vitest';
import { headPredict } from '../../engine/head.ts';
import { connectivity } from '../../engine/lab/connectivity.ts';
import { traceText } from '../../engine/lab/trace.ts';
import { createModel, type Model } from '../../engine/model.ts';
import { createRng } from '../../engine/rng.ts';
import { stackForward } from '../../engine/stack.ts';
import type { CellKind } from '../../engine/types.ts';

const V = 5;
const H = 3;
const EPS = 1e-5;
const codes = [1, 4, 0, 2, 2, 3, 1, 0];

function model(cell: CellKind, layers: number): Model {
  return createModel(cell, V, H, V, createRng(11), { scheme: 'gaussian', std: 0.8 }, layers);
}

/** log softmax(head(top output at the last step))[target] for inputs x [T][V], not necessarily one-hot. */
function logProbability(m: Model, x: Float64Array, target: number): number {
  const T = x.length / V;
  const { outputs } = stackForward(m.layers, {
    batchSize: 1,
    steps: T,
    inputSize: V,
    x,
    lengths: Int32Array.of(T),
  });
  const logits = headPredict(m.head, outputs, [T - 1], 'linear');
  const max = Math.max(...logits);
  const sum = logits.reduce((total, y) => total + Math.exp(y - max), 0);
  return logits[target]! - max - Math.log(sum);
}

describe.each(['rnn', 'lstm', 'gru'] as const)('connectivity of a %s', (cell) => {
  it.each([1, 2])(
    'matches finite differences of log p(target) in every input entry with %i layers',
    (layers) => {
      const m = model(cell, layers);
      const position = 5;
      const target = 3;
      const result = connectivity(m, codes, position, { target });
      const T = position + 1;
      const x = new Float64Array(T * V);
      for (let t = 0; t < T; t++) x[t * V + codes[t]!] = 1;
      expect(result.logProbability).toBeCloseTo(logProbability(m, x, target), 12);
      expect(result.gradient).toHaveLength(T * V);
      let worst = 0;
      for (let t = 0; t < T; t++) {
        let squares = 0;
        for (let v = 0; v < V; v++) {
          const k = t * V + v;
          x[k]! += EPS;
          const up = logProbability(m, x, target);
          x[k]! -= 2 * EPS;
          const down = logProbability(m, x, target);
          x[k]! += EPS;
          const numeric = (up - down) / (2 * EPS);
          squares += numeric * numeric;
          worst = Math.max(
            worst,
            Math.abs(numeric - result.gradient[k]!) / Math.max(1e-3, Math.abs(numeric)),
          );
        }
        const norm = Math.sqrt(squares);
        expect(Math.abs(result.influence[t]! - norm) / norm).toBeLessThan(1e-6);
      }
      expect(worst).toBeLessThan(1e-6);
      expect(result.influence[0]).toBeGreaterThan(1e-4);
    },
  );
});

describe('connectivity', () => {
  it('differentiates the next character by default, whose probability the trace gives', () => {
    const m = model('lstm', 2);
    const result = connectivity(m, codes, 3);
    expect(result.target).toBe(codes[4]);
    const trace = traceText(m, codes);
    expect(result.logProbability).toBeCloseTo(Math.log(trace.probabilities[3 * V + codes[4]!]!), 12);
    expect(result.influence).toHaveLength(4);
  });

  it('leaves the model’s gradient buffers as they were', () => {
    const m = model('gru', 2);
    for (const param of m.params) param.dw.fill(0.5);
    connectivity(m, codes, 6);
    expect(m.params.every((param) => param.dw.every((value) => value === 0.5))).toBe(true);
  });

  it('asks for a target at the last character and refuses positions outside the passage', () => {
    const m = model('rnn', 1);
    expect(() => connectivity(m, codes, codes.length - 1)).toThrow(/target/);
    expect(connectivity(m, codes, codes.length - 1, { target: 0 }).influence).toHaveLength(codes.length);
    expect(() => connectivity(m, codes, codes.length)).toThrow(RangeError);
    expect(() => connectivity(m, codes, 2, { target: V })).toThrow(/outside the vocabulary/);
  });
});
