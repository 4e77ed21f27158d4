/**
 * Hypothesis signals and unit ranking (engine/lab/hypotheses.ts, rankUnits.ts): each built-in signal on
 * small hand-checked passages, marked spans, and a planted unit (signal·2 + noise in a fake trace) ranked
 * first with r > 0.99 among random and constant series, none of which gives NaN.
 */
import { describe, expect, it } from 'vitest';
import { HYPOTHESES, hypothesisSignals, spanSignal } from '../../engine/lab/hypotheses.ts';
import { columnCorrelation, rankUnits } from '../../engine/lab/rankUnits.ts';
import { type TextTrace, TRACE_KINDS, traceText } from '../../engine/lab/trace.ts';
import { createModel } from '../../engine/model.ts';
import { createRng } from '../../engine/rng.ts';

const list = (values: Float64Array) => Array.from(values).join('');

describe('hypothesisSignals', () => {
  it('marks the inside of quotes from the opening quote up to the closing one', () => {
    const { insideQuotes } = hypothesisSignals('a "bc" d \'e\' f');
    expect(list(insideQuotes)).toBe('00111000011000');
  });

  it("takes a ' between letters for an apostrophe and leaves a quote never closed out", () => {
    expect(list(hypothesisSignals("don't 'x' \"y").insideQuotes)).toBe('000000110000');
    expect(list(hypothesisSignals('say "it\'s" ok').insideQuotes)).toBe('0000111110000');
  });

  it('counts open brackets of all three kinds after each character', () => {
    expect(list(hypothesisSignals('f(a[b{c}]) )').bracketDepth)).toBe('011223321000');
  });

  it('gives each character its column, starting again after a newline', () => {
    expect(list(hypothesisSignals('ab\ncde\n\nf').column)).toBe('012012300');
  });

  it('marks the first letter of every word', () => {
    expect(list(hypothesisSignals('The cat-box, x2y é').wordStart)).toBe('100010001000010001');
  });

  it('counts code points, so a character outside the BMP is one step', () => {
    const signals = hypothesisSignals('a😀"b"');
    for (const name of HYPOTHESES) expect(signals[name]).toHaveLength(5);
    expect(list(signals.insideQuotes)).toBe('00110');
  });
});

describe('spanSignal', () => {
  it('is 1 inside the marked spans and 0 elsewhere', () => {
    expect(
      list(
        spanSignal(8, [
          [1, 3],
          [2, 4],
          [6, 6],
          [7, 8],
        ]),
      ),
    ).toBe('01110001');
  });

  it('refuses spans outside the passage or reversed', () => {
    expect(() => spanSignal(4, [[3, 5]])).toThrow(RangeError);
    expect(() => spanSignal(4, [[2, 1]])).toThrow(RangeError);
    expect(() => spanSignal(4, [[-1, 1]])).toThrow(RangeError);
  });
});

/** A fake LSTM trace of L layers: random series everywhere, one planted unit and one constant one. */
function fakeTrace(signal: Float64Array, planted: { layer: number; unit: number }): TextTrace {
  const rng = createRng(3);
  const T = signal.length;
  const H = 5;
  const layers = [0, 1].map((k) => {
    const layer: Record<string, Float64Array> = {};
    for (const kind of TRACE_KINDS.lstm) {
      const values = Float64Array.from({ length: T * H }, () => rng.uniform(-1, 1));
      if (kind === 'f') for (let t = 0; t < T; t++) values[t * H + 2] = 0.75;
      if (kind === 'c' && k === planted.layer) {
        for (let t = 0; t < T; t++) values[t * H + planted.unit] = signal[t]! * 2 + 0.05 * rng.normal();
      }
      layer[kind] = values;
    }
    return layer;
  });
  return {
    cell: 'lstm',
    steps: T,
    hiddenSize: H,
    vocabularySize: 3,
    kinds: TRACE_KINDS.lstm,
    layers,
    probabilities: new Float64Array(T * 3),
  };
}

describe('rankUnits', () => {
  const signal = hypothesisSignals('x = f("ab", (c + "d e")) + "gh"\ny = [1, "2"]\n'.repeat(4)).insideQuotes;

  it('ranks a planted unit first with r > 0.99, then by falling |r|', () => {
    const trace = fakeTrace(signal, { layer: 1, unit: 3 });
    const ranked = rankUnits(trace, signal, { top: 6 });
    expect(ranked[0]).toMatchObject({ layer: 1, kind: 'c', unit: 3, sign: 1 });
    expect(ranked[0]!.r).toBeGreaterThan(0.99);
    expect(ranked).toHaveLength(6);
    for (let k = 1; k < ranked.length; k++)
      expect(Math.abs(ranked[k]!.r)).toBeLessThanOrEqual(Math.abs(ranked[k - 1]!.r));
    expect(Math.abs(ranked[1]!.r)).toBeLessThan(0.5);
  });

  it('gives the planted unit r < −0.99 and sign −1 against the opposite signal', () => {
    const opposite = signal.map((v) => 1 - v);
    const [first] = rankUnits(fakeTrace(signal, { layer: 0, unit: 0 }), opposite, { top: 1 });
    expect(first).toMatchObject({ layer: 0, kind: 'c', unit: 0, sign: -1 });
    expect(first!.r).toBeLessThan(-0.99);
  });

  it('gives constant series and constant signals r = 0, never NaN', () => {
    const trace = fakeTrace(signal, { layer: 0, unit: 1 });
    const all = rankUnits(trace, signal, { top: 1000 });
    expect(all).toHaveLength(2 * 6 * 5);
    expect(all.every((unit) => Number.isFinite(unit.r))).toBe(true);
    expect(all.filter((unit) => unit.kind === 'f' && unit.unit === 2).map((unit) => unit.r)).toEqual([0, 0]);
    const flat = rankUnits(trace, new Float64Array(signal.length).fill(1), { top: 1000 });
    expect(flat.every((unit) => unit.r === 0 && unit.sign === 0)).toBe(true);
  });

  it('filters by kind, layer and first step', () => {
    const trace = fakeTrace(signal, { layer: 1, unit: 3 });
    const gates = rankUnits(trace, signal, { kinds: ['i', 'o'], layers: [0], top: 100 });
    expect(gates).toHaveLength(10);
    expect(gates.every((unit) => unit.layer === 0 && (unit.kind === 'i' || unit.kind === 'o'))).toBe(true);
    expect(() => rankUnits(trace, signal.subarray(1))).toThrow(/characters/);
    expect(() => rankUnits(trace, signal, { from: signal.length })).toThrow(RangeError);
    const late = rankUnits(trace, signal, { from: 10, top: 1 })[0]!;
    expect(late.r).toBeCloseTo(columnCorrelation(trace.layers[1]!.c!, 5, 3, signal, 10), 15);
  });

  it('ranks a real trace of a model without NaN', () => {
    const model = createModel('gru', 4, 3, 4, createRng(2), { scheme: 'pytorch' }, 2);
    const trace = traceText(model, [0, 1, 2, 3, 3, 2, 1, 0]);
    const ranked = rankUnits(trace, spanSignal(8, [[2, 5]]), { top: 100 });
    expect(ranked).toHaveLength(2 * 4 * 3);
    expect(ranked.every((unit) => Number.isFinite(unit.r) && Math.abs(unit.r) <= 1)).toBe(true);
  });
});
