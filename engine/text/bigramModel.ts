/**
 * The bigram model as a language model one can sample from: the next character's distribution given the
 * one before it, counted in a text, with the same add-one smoothing as the baselines (baselines.ts):
 * p(c | a) = (n(a c) + 1) / (n(a ·) + V). It needs no training, so a lesson can show sampling and
 * temperature on it instantly and on the page's own thread; a recurrent network's softmax is sampled
 * the same way (generate.ts).
 */
import type { Rng } from '../rng.ts';

/** Pair counts of a text over V symbols: `pairs[a * V + c]` = n(a c), `contexts[a]` = n(a ·). */
export interface BigramModel {
  readonly vocabularySize: number;
  readonly pairs: Float64Array;
  readonly contexts: Float64Array;
}

/** Counts every adjacent pair of `codes` (symbols 0..V−1). O(length + V²) time and V² memory. */
export function countBigrams(codes: Int32Array, vocabularySize: number): BigramModel {
  const V = vocabularySize;
  if (!(Number.isInteger(V) && V >= 1)) throw new RangeError(`The vocabulary size must be ≥ 1; got ${V}.`);
  const pairs = new Float64Array(V * V);
  const contexts = new Float64Array(V);
  for (let i = 1; i < codes.length; i++) {
    const previous = codes[i - 1]!;
    const current = codes[i]!;
    if (previous < 0 || previous >= V || current < 0 || current >= V) {
      throw new RangeError(`Symbol out of range at position ${i}: the vocabulary has ${V} symbols.`);
    }
    pairs[previous * V + current]!++;
    contexts[previous]!++;
  }
  return { vocabularySize: V, pairs, contexts };
}

/** p(· | previous) [V], add-one smoothed, written into `out` (a new array when omitted) and returned. */
export function bigramDistribution(
  model: BigramModel,
  previous: number,
  out: Float64Array = new Float64Array(model.vocabularySize),
): Float64Array {
  const V = model.vocabularySize;
  const total = model.contexts[previous]! + V;
  for (let c = 0; c < V; c++) out[c] = (model.pairs[previous * V + c]! + 1) / total;
  return out;
}

/**
 * The distribution softmax(log p / T), which is p^(1/T) renormalised: T < 1 sharpens it towards the most
 * likely symbol, T > 1 flattens it towards uniform, T = 1 leaves it as it is. Computed from logarithms
 * with the largest subtracted, so a small T cannot overflow. Zero probabilities stay zero. Writes `out`.
 */
export function withTemperature(
  probabilities: ArrayLike<number>,
  temperature: number,
  out: Float64Array = new Float64Array(probabilities.length),
): Float64Array {
  if (!(Number.isFinite(temperature) && temperature > 0)) {
    throw new RangeError(`The temperature must be a finite number > 0; got ${temperature}.`);
  }
  let largest = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < probabilities.length; i++) {
    const p = probabilities[i]!;
    if (p > 0) largest = Math.max(largest, Math.log(p) / temperature);
  }
  let sum = 0;
  for (let i = 0; i < probabilities.length; i++) {
    const p = probabilities[i]!;
    const weight = p > 0 ? Math.exp(Math.log(p) / temperature - largest) : 0;
    out[i] = weight;
    sum += weight;
  }
  for (let i = 0; i < probabilities.length; i++) out[i] = sum > 0 ? out[i]! / sum : 0;
  return out;
}

/** One draw from `distribution` (summing to 1) with one call of `rng.next()`. */
export function drawSymbol(distribution: ArrayLike<number>, rng: Rng): number {
  const u = rng.next();
  let cumulative = 0;
  for (let i = 0; i < distribution.length; i++) {
    cumulative += distribution[i]!;
    if (u < cumulative) return i;
  }
  // Rounding can leave the total a hair below u: the last symbol with any probability takes it.
  for (let i = distribution.length - 1; i > 0; i--) if (distribution[i]! > 0) return i;
  return 0;
}

/**
 * `length` symbols sampled from the model at `temperature`, each drawn given the one before it, starting
 * after `first` (which is not part of the result). Advances `rng` once per symbol.
 */
export function sampleBigrams(
  model: BigramModel,
  first: number,
  length: number,
  temperature: number,
  rng: Rng,
): Int32Array {
  const result = new Int32Array(length);
  const p = new Float64Array(model.vocabularySize);
  const q = new Float64Array(model.vocabularySize);
  let previous = first;
  for (let i = 0; i < length; i++) {
    withTemperature(bigramDistribution(model, previous, p), temperature, q);
    previous = drawSymbol(q, rng);
    result[i] = previous;
  }
  return result;
}

/**
 * The share of distinct stretches of n symbols among all n + 1 − length of them (1 when none repeats,
 * near 0 for a text that loops): a measure of how repetitive a sample is. 1 for a text shorter than n.
 */
export function distinctShare(codes: Int32Array, n: number): number {
  if (!(Number.isInteger(n) && n >= 1)) throw new RangeError(`n must be a whole number ≥ 1; got ${n}.`);
  const windows = codes.length - n + 1;
  if (windows <= 0) return 1;
  const seen = new Set<string>();
  for (let i = 0; i < windows; i++) seen.add(Array.prototype.join.call(codes.subarray(i, i + n), ','));
  return seen.size / windows;
}
