/**
 * Unit traces (engine/lab/trace.ts): the last step's states equal stackForward's final states, the
 * probabilities equal a generator stepped through the same passage to 1e-12, the gates line up in time
 * with the states (h = o⊙tanh(c) for the LSTM, h = (1−z)⊙n + z⊙h_prev for the GRU), and sigmoid gates
 * stay in [0, 1], for every cell and 1 to 3 layers; toFloat32Trace keeps the shape and rounds each value
 * to the nearest float32, leaving the float64 trace as it was.
 */
import { describe, expect, it } from 'vitest';
import { createGenerator } from '../../engine/generate.ts';
import { SIGMOID_KINDS, TRACE_KINDS, toFloat32Trace, traceText } from '../../engine/lab/trace.ts';
import { createModel, type Model } from '../../engine/model.ts';
import { createRng } from '../../engine/rng.ts';
import { stackForward } from '../../engine/stack.ts';
import type { CellKind } from '../../engine/types.ts';

const V = 7;
const H = 4;
const codes = [0, 3, 6, 1, 1, 4, 2, 0, 5, 3, 6, 6, 2];
const T = codes.length;

function model(cell: CellKind, layers: number): Model {
  return createModel(cell, V, H, V, createRng(5), { scheme: 'gaussian', std: 0.7 }, layers);
}

function finalStates(m: Model) {
  const x = new Float64Array(T * V);
  codes.forEach((code, t) => {
    x[t * V + code] = 1;
  });
  const result = stackForward(m.layers, {
    batchSize: 1,
    steps: T,
    inputSize: V,
    x,
    lengths: Int32Array.of(T),
  });
  return { hN: result.hN.slice(), cN: result.cN?.slice() ?? null };
}

describe.each(['rnn', 'lstm', 'gru'] as const)('a trace of a %s', (cell) => {
  it.each([1, 2, 3])('ends in stackForward’s final states with %i layers', (layers) => {
    const m = model(cell, layers);
    const trace = traceText(m, codes);
    const { hN, cN } = finalStates(m);
    expect(trace.layers).toHaveLength(layers);
    trace.layers.forEach((layer, k) => {
      expect(Array.from(layer.h!.subarray((T - 1) * H))).toEqual(Array.from(hN.subarray(k * H, (k + 1) * H)));
      if (cN)
        expect(Array.from(layer.c!.subarray((T - 1) * H))).toEqual(
          Array.from(cN.subarray(k * H, (k + 1) * H)),
        );
      expect(Object.keys(layer).sort()).toEqual([...TRACE_KINDS[cell]].sort());
      for (const kind of TRACE_KINDS[cell]) expect(layer[kind]).toHaveLength(T * H);
    });
  });

  it.each([1, 2, 3])('gives a generator’s next-character probabilities to 1e-12 with %i layers', (layers) => {
    const m = model(cell, layers);
    const trace = traceText(m, codes);
    const generator = createGenerator(m);
    let worst = 0;
    codes.forEach((code, t) => {
      const distribution = generator.step(code);
      for (let o = 0; o < V; o++)
        worst = Math.max(
          worst,
          Math.abs(Math.log(distribution[o]!) - Math.log(trace.probabilities[t * V + o]!)),
        );
    });
    expect(worst).toBeLessThanOrEqual(1e-12);
    expect(trace.probabilities).toHaveLength(T * V);
    expect(trace.steps).toBe(T);
    expect(trace.vocabularySize).toBe(V);
  });

  it('has sigmoid gates in [0, 1] that move, aligned in time with the states', () => {
    const m = model(cell, 2);
    const trace = traceText(m, codes);
    for (const layer of trace.layers) {
      for (const kind of SIGMOID_KINDS) {
        const values = layer[kind];
        if (values === undefined) continue;
        expect(values.every((v) => v >= 0 && v <= 1)).toBe(true);
        expect(Math.max(...values) - Math.min(...values)).toBeGreaterThan(0.1);
      }
      const { h, c, o, n, z } = layer;
      for (let t = 0; t < T; t++) {
        for (let j = 0; j < H; j++) {
          const k = t * H + j;
          if (cell === 'lstm') expect(h![k]).toBeCloseTo(o![k]! * Math.tanh(c![k]!), 12);
          if (cell === 'gru') {
            const previous = t === 0 ? 0 : h![k - H]!;
            expect(h![k]).toBeCloseTo((1 - z![k]!) * n![k]! + z![k]! * previous, 12);
          }
        }
      }
    }
  });
});

describe('traceText', () => {
  it('refuses symbols outside the vocabulary and an empty passage', () => {
    const m = model('lstm', 1);
    expect(() => traceText(m, [0, V])).toThrow(/outside the vocabulary/);
    expect(() => traceText(m, [])).toThrow(/at least one/);
  });
});

describe.each(['rnn', 'lstm', 'gru'] as const)('toFloat32Trace of a %s', (cell) => {
  it('keeps the shape and rounds every value to the nearest float32, leaving the trace alone', () => {
    const trace = traceText(model(cell, 2), codes);
    const before = trace.layers.map((layer) =>
      Object.fromEntries(trace.kinds.map((k) => [k, layer[k]!.slice()])),
    );
    const posted = toFloat32Trace(trace);
    expect(posted).toMatchObject({
      cell,
      steps: T,
      hiddenSize: H,
      vocabularySize: V,
      kinds: TRACE_KINDS[cell],
    });
    expect(posted.layers).toHaveLength(2);
    let largestError = 0;
    posted.layers.forEach((layer, k) => {
      expect(Object.keys(layer).sort()).toEqual([...TRACE_KINDS[cell]].sort());
      for (const kind of trace.kinds) {
        const exact = trace.layers[k]![kind]!;
        const rounded = layer[kind]!;
        expect(rounded).toBeInstanceOf(Float32Array);
        expect(rounded.length).toBe(T * H);
        expect(rounded.buffer).not.toBe(exact.buffer);
        expect(exact).toEqual(before[k]![kind]);
        for (let i = 0; i < exact.length; i++) {
          expect(rounded[i]).toBe(Math.fround(exact[i]!));
          largestError = Math.max(largestError, Math.abs(rounded[i]! - exact[i]!));
        }
      }
    });
    // The values really were rounded (float64 has digits float32 lacks), by less than float32's step.
    expect(largestError).toBeGreaterThan(0);
    expect(largestError).toBeLessThan(1e-7);
    expect(posted.probabilities).toBeInstanceOf(Float32Array);
    expect(Array.from(posted.probabilities)).toEqual(Array.from(trace.probabilities, Math.fround));
  });
});
