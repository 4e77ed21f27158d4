import { describe, expect, it } from 'vitest';
import { createRng } from '../../engine/rng.ts';
import { ngramBaselines } from '../../engine/text/baselines.ts';
import {
  bigramDistribution,
  countBigrams,
  distinctShare,
  drawSymbol,
  sampleBigrams,
  withTemperature,
} from '../../engine/text/bigramModel.ts';

// The text "ababca" over the symbols {a, b, c} = {0, 1, 2}, its pairs counted by hand below.
const codes = Int32Array.of(0, 1, 0, 1, 2, 0);

describe('the bigram model one can sample from', () => {
  it('counts pairs and smooths like the baseline: p(c | a) = (n(a c) + 1) / (n(a ·) + V)', () => {
    const model = countBigrams(codes, 3);
    // Pairs: ab, ba, ab, bc, ca. So n(a·) = 2 (both "ab"), n(b·) = 2 (ba, bc), n(c·) = 1 (ca).
    expect([...model.contexts]).toEqual([2, 2, 1]);
    expect([...bigramDistribution(model, 0)]).toEqual([1 / 5, 3 / 5, 1 / 5]);
    expect([...bigramDistribution(model, 1)]).toEqual([2 / 5, 1 / 5, 2 / 5]);
    expect([...bigramDistribution(model, 2)]).toEqual([2 / 4, 1 / 4, 1 / 4]);
  });

  it('gives the baseline its held-out cross-entropy: the mean of −log p over the scored characters', () => {
    const text = Int32Array.of(0, 1, 0, 1, 2, 0, 1, 2, 2, 0, 1, 0);
    const split = 8;
    const model = countBigrams(text.subarray(0, split), 3);
    let loss = 0;
    for (let i = split; i < text.length; i++)
      loss -= Math.log(bigramDistribution(model, text[i - 1]!)[text[i]!]!);
    const baseline = ngramBaselines(text, split, split, text.length, 3);
    expect(loss / (text.length - split)).toBeCloseTo(baseline.bigram.crossEntropy, 12);
  });

  it('applies a temperature as p^(1/T) renormalised, and leaves T = 1 alone', () => {
    const p = [0.5, 0.3, 0.2, 0];
    expect([...withTemperature(p, 1)].map((x) => Number(x.toFixed(12)))).toEqual(p);
    const half = withTemperature(p, 0.5);
    const squares = 0.25 + 0.09 + 0.04;
    expect(half[0]).toBeCloseTo(0.25 / squares, 12);
    expect(half[3]).toBe(0);
    // Very cold: all the mass on the most likely symbol, without overflow.
    expect(withTemperature(p, 0.001)[0]).toBeCloseTo(1, 12);
    // Very hot: towards uniform over the symbols that had any probability.
    for (const q of withTemperature(p, 1000).subarray(0, 3)) expect(q).toBeCloseTo(1 / 3, 2);
    expect(() => withTemperature(p, 0)).toThrow(RangeError);
  });

  it('draws symbols in proportion to their probability, deterministically under a seed', () => {
    const counts = [0, 0, 0];
    const rng = createRng(7);
    for (let i = 0; i < 20_000; i++) counts[drawSymbol([0.6, 0.3, 0.1], rng)]!++;
    expect(counts[0]! / 20_000).toBeCloseTo(0.6, 1);
    expect(counts[2]! / 20_000).toBeCloseTo(0.1, 1);
    const model = countBigrams(codes, 3);
    const one = sampleBigrams(model, 0, 50, 1, createRng(3));
    expect([...sampleBigrams(model, 0, 50, 1, createRng(3))]).toEqual([...one]);
  });

  it('loops at a low temperature and varies at a high one', () => {
    // a→b is the most likely pair and b→a ties b→c, so the cold sample cycles through a few symbols.
    const model = countBigrams(
      Int32Array.from({ length: 400 }, (_, i) => [0, 1, 0, 1, 2][i % 5]!),
      3,
    );
    const cold = sampleBigrams(model, 0, 200, 0.05, createRng(1));
    const hot = sampleBigrams(model, 0, 200, 3, createRng(1));
    expect(distinctShare(cold, 4)).toBeLessThan(distinctShare(hot, 4));
  });

  it('measures repetition as the share of distinct n-symbol stretches', () => {
    expect(distinctShare(Int32Array.of(1, 1, 1, 1, 1), 2)).toBe(1 / 4);
    expect(distinctShare(Int32Array.of(0, 1, 2, 3), 2)).toBe(1);
    expect(distinctShare(Int32Array.of(0), 2)).toBe(1);
  });
});
