/**
 * Traces for the inside panel's tests, made without training: a literal LSTM trace with one unit
 * planted to follow "inside quotes", and a tiny seeded GRU run through the real engine. Both are in
 * float32, as the worker posts a trace to the page.
 */
import { hypothesisSignals } from '../../../engine/lab/hypotheses';
import { type PostedTrace, TRACE_KINDS, toFloat32Trace, traceText } from '../../../engine/lab/trace';
import { createModel, type Model } from '../../../engine/model';
import { createRng } from '../../../engine/rng';
import { buildVocabulary, characters } from '../../../engine/text/vocabulary';

/** Toy code with quotes, brackets and a line break. */
export const quotedText = 'say("hi there", x)\nif (a) { b = \'yes\' }';

/** Where the planted unit sits: layer 2 (index 1), hidden state h, unit 3 (index 2). */
export const planted = { layer: 1, kind: 'h' as const, unit: 2 };

/**
 * An LSTM trace of `text` (2 layers × 4 units) whose every series is seeded noise in (−0.3, 0.3),
 * except layer 2's h unit 3: 0.8 inside quotes and −0.6 outside, plus the same small noise.
 */
export function plantedTrace(text: string = quotedText, seed = 3): PostedTrace {
  const T = characters(text).length;
  const H = 4;
  const rng = createRng(seed);
  const quotes = hypothesisSignals(text).insideQuotes;
  const layers = [0, 1].map((layer) => {
    const entries = TRACE_KINDS.lstm.map((kind) => {
      const series = new Float32Array(T * H);
      for (let i = 0; i < series.length; i++) {
        const noise = (rng.next() - 0.5) * 0.6;
        series[i] = kind === 'h' || kind === 'c' || kind === 'g' ? noise : 0.5 + noise;
      }
      if (layer === planted.layer && kind === planted.kind) {
        for (let t = 0; t < T; t++)
          series[t * H + planted.unit] = (quotes[t] ? 0.8 : -0.6) + series[t * H]! * 0.1;
      }
      return [kind, series] as const;
    });
    return Object.fromEntries(entries);
  });
  return {
    cell: 'lstm',
    steps: T,
    hiddenSize: H,
    vocabularySize: 8,
    kinds: TRACE_KINDS.lstm,
    layers,
    probabilities: new Float32Array(T * 8).fill(1 / 8),
  };
}

/** A seeded one-layer GRU of 5 units over `text`'s own vocabulary, and the codes of `text`. */
export function tinyModel(text: string): { model: Model; codes: number[] } {
  const { vocabulary } = buildVocabulary(text);
  const index = new Map(vocabulary.symbols.map((symbol, code) => [symbol, code]));
  const codes = characters(text).map((character) => index.get(character)!);
  const V = vocabulary.symbols.length;
  const model = createModel('gru', V, 5, V, createRng(11), { scheme: 'gaussian', std: 0.8 }, 1);
  return { model, codes };
}

/** The real engine's trace of `text` through {@link tinyModel}, in float32 as the worker posts it. */
export function tinyTrace(text: string): PostedTrace {
  const { model, codes } = tinyModel(text);
  return toFloat32Trace(traceText(model, codes));
}
