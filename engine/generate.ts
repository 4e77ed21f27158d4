/**
 * Generation from a trained next-symbol model: feed one symbol at a time as a one-hot input, carry (h, c)
 * of every layer across calls, and read the softmax over the next symbol. Each step is the training
 * forward itself (engine/recurrent.ts with T = 1 on a batch of one, layer by layer) and the head's own
 * affine map, so generating equals the batch forward over the same prefix to rounding.
 *
 * Everything is allocated when the generator is made; a step writes into the same buffers and returns the
 * same Float64Array every time (only forward's small result record is new per layer and step).
 */
import { headPredict } from './head.ts';
import type { Model } from './model.ts';
import { createWorkspace, type ForwardOptions, forward, type SequenceInput } from './recurrent.ts';
import type { Rng } from './rng.ts';
import type { Vocabulary } from './tasks/types.ts';

/** How to draw the next symbol: softmax(logits / temperature), optionally among the topK largest only. */
export interface SampleOptions {
  /** > 0: below 1 sharpens the distribution towards greedy decoding, above 1 flattens it. */
  readonly temperature: number;
  /** Keep only the k most likely symbols (1..vocabulary size); all when omitted. */
  readonly topK?: number;
}

/** A running generator over one model (see the file comment). */
export interface Generator {
  /** V, the number of symbols (the model's input size, which equals its output size). */
  readonly vocabularySize: number;
  /** The head's logits [V] after the last step (the same array every call). */
  readonly logits: Float64Array;
  /** softmax(logits) [V] after the last step (the same array every call). */
  readonly distribution: Float64Array;
  /** Feeds symbol `symbol` (0..V−1) and returns the distribution over the next one. */
  step(symbol: number): Float64Array;
  /** Feeds every symbol in order and returns the distribution after the last (unchanged if empty). */
  prime(symbols: ArrayLike<number>): Float64Array;
  /** Draws the next symbol from the current distribution with the seeded rng (advances rng once). */
  sample(rng: Rng, options: SampleOptions): number;
  /** The most likely next symbol (the first on ties): greedy decoding. */
  greedy(): number;
  /** Back to the start: zero states in every layer, the distribution of the empty prefix. */
  reset(): void;
}

/** Throws unless the options are usable for V symbols. */
function checkSampleOptions(options: SampleOptions, V: number): void {
  const { temperature, topK } = options;
  if (!(Number.isFinite(temperature) && temperature > 0)) {
    throw new RangeError(`The temperature must be a finite number > 0; got ${temperature}.`);
  }
  if (topK !== undefined && !(Number.isInteger(topK) && topK >= 1 && topK <= V)) {
    throw new RangeError(`topK must be a whole number from 1 to ${V}; got ${topK}.`);
  }
}

/**
 * A generator for `model`, whose input must be one-hot over the same V symbols its head predicts
 * (inputSize = outputSize, as in the chars task). Reads the model's weights at every step, so it follows
 * a model that keeps training; mutates nothing of the model.
 */
export function createGenerator(model: Model): Generator {
  const { layers, head } = model;
  const V = head.outputSize;
  const I = layers[0]!.inputSize;
  if (I !== V) {
    throw new RangeError(
      `Generation feeds each prediction back as input, but inputs are ${I} wide and outputs ${V}.`,
    );
  }
  const H = layers[0]!.hiddenSize;
  const lstm = layers[0]!.cell === 'lstm';
  const oneHot = new Float64Array(V);
  const lengths = Int32Array.of(1);
  const h = layers.map(() => new Float64Array(H));
  const c = layers.map(() => new Float64Array(lstm ? H : 0));
  const workspaces = layers.map((layer) => createWorkspace(layer, 1, 1, false));
  const options: ForwardOptions[] = layers.map((_, k) => ({
    workspace: workspaces[k]!,
    h0: h[k]!,
    ...(lstm ? { c0: c[k]! } : {}),
  }));
  // Layer 0 reads the one-hot input; layer k > 0 is pointed at layer k − 1's output view as it arrives.
  const inputs: { -readonly [K in keyof SequenceInput]: SequenceInput[K] }[] = layers.map((layer, k) => ({
    batchSize: 1,
    steps: 1,
    inputSize: layer.inputSize,
    x: k === 0 ? oneHot : new Float64Array(H),
    lengths,
  }));
  const top = new Float64Array(H);
  const row = Int32Array.of(0);
  const logits = new Float64Array(V);
  const distribution = new Float64Array(V);
  const sorted = new Float64Array(V);
  let previous = 0;

  const readOut = (): Float64Array => {
    headPredict(head, top, row, 'linear', 1, logits);
    let max = Number.NEGATIVE_INFINITY;
    for (let o = 0; o < V; o++) if (logits[o]! > max) max = logits[o]!;
    let sum = 0;
    for (let o = 0; o < V; o++) {
      distribution[o] = Math.exp(logits[o]! - max);
      sum += distribution[o]!;
    }
    for (let o = 0; o < V; o++) distribution[o]! /= sum;
    return distribution;
  };

  const step = (symbol: number): Float64Array => {
    if (!(Number.isInteger(symbol) && symbol >= 0 && symbol < V)) {
      throw new RangeError(`Symbol ${symbol} is outside the vocabulary of ${V}.`);
    }
    oneHot[previous] = 0;
    oneHot[symbol] = 1;
    previous = symbol;
    for (let k = 0; k < layers.length; k++) {
      const result = forward(layers[k]!, inputs[k]!, options[k]);
      h[k]!.set(result.hN);
      if (result.cN) c[k]!.set(result.cN);
      if (k + 1 < layers.length) inputs[k + 1]!.x = result.outputs;
    }
    top.set(h[layers.length - 1]!);
    return readOut();
  };

  const reset = (): void => {
    for (let k = 0; k < layers.length; k++) {
      h[k]!.fill(0);
      c[k]!.fill(0);
    }
    top.fill(0);
    readOut();
  };

  const sample = (rng: Rng, sampleOptions: SampleOptions): number => {
    checkSampleOptions(sampleOptions, V);
    const { temperature } = sampleOptions;
    const k = sampleOptions.topK ?? V;
    // The k-th largest logit; symbols below it are left out, ties at it are taken in index order.
    sorted.set(logits);
    sorted.sort();
    const threshold = sorted[V - k]!;
    let above = 0;
    for (let o = 0; o < V; o++) if (logits[o]! > threshold) above++;
    let tiesLeft = k - above;
    const max = sorted[V - 1]!;
    let total = 0;
    for (let o = 0; o < V; o++) {
      const keep = logits[o]! > threshold || (logits[o] === threshold && tiesLeft-- > 0);
      const weight = keep ? Math.exp((logits[o]! - max) / temperature) : 0;
      sorted[o] = weight;
      total += weight;
    }
    let u = rng.next() * total;
    let last = 0;
    for (let o = 0; o < V; o++) {
      if (sorted[o]! === 0) continue;
      last = o;
      u -= sorted[o]!;
      if (u < 0) return o;
    }
    return last;
  };

  const greedy = (): number => {
    let best = 0;
    for (let o = 1; o < V; o++) if (logits[o]! > logits[best]!) best = o;
    return best;
  };

  const prime = (symbols: ArrayLike<number>): Float64Array => {
    for (let i = 0; i < symbols.length; i++) step(symbols[i]!);
    return distribution;
  };

  reset();
  return { vocabularySize: V, logits, distribution, step, prime, sample, greedy, reset };
}

/**
 * The distribution over the symbol after `prefix`, from a fresh generator (so a running one is not
 * disturbed): a new array the caller owns. For autocomplete.
 */
export function nextDistribution(model: Model, prefix: ArrayLike<number>): Float64Array {
  return createGenerator(model).prime(prefix).slice();
}

/** What {@link sampleText} generates: `length` symbols after `prime`, drawn as {@link SampleOptions} say. */
export interface TextSampleOptions extends SampleOptions {
  readonly length: number;
  /** Text to feed first (it must be in the vocabulary); empty starts from the zero state. */
  readonly prime?: string;
}

/**
 * The prime text followed by `length` sampled symbols, decoded through `vocabulary` (whose size must be
 * the model's V). The same model, rng state and options give the same text. Advances rng once per symbol.
 */
export function sampleText(
  model: Model,
  vocabulary: Vocabulary,
  rng: Rng,
  options: TextSampleOptions,
): string {
  const generator = createGenerator(model);
  if (vocabulary.symbols.length !== generator.vocabularySize) {
    throw new RangeError(
      `The vocabulary has ${vocabulary.symbols.length} symbols but the model predicts ${generator.vocabularySize}.`,
    );
  }
  checkSampleOptions(options, generator.vocabularySize);
  if (!(Number.isInteger(options.length) && options.length >= 0)) {
    throw new RangeError(`The sample length must be a whole number ≥ 0; got ${options.length}.`);
  }
  const prime = options.prime ?? '';
  generator.prime(vocabulary.encode(prime));
  const codes = new Int32Array(options.length);
  for (let i = 0; i < codes.length; i++) {
    codes[i] = generator.sample(rng, options);
    generator.step(codes[i]!);
  }
  return prime + vocabulary.decode(codes);
}
