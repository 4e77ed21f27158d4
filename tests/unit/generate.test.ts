/**
 * Generation (engine/generate.ts): stepping symbol by symbol gives the batch forward's logits, for every
 * cell and 1 to 3 layers; the returned arrays are reused; sampling replays under a seed and respects the
 * temperature and topK; a separate distribution query leaves a running generator alone; text sampling
 * through the chars task's vocabulary.
 */
import { describe, expect, it } from 'vitest';
import { createGenerator, nextDistribution, sampleText } from '../../engine/generate.ts';
import { headPredict } from '../../engine/head.ts';
import { createModel, type Model } from '../../engine/model.ts';
import { createRng } from '../../engine/rng.ts';
import { stackForward } from '../../engine/stack.ts';
import { createTask, taskConfig } from '../../engine/tasks/task.ts';
import type { CellKind } from '../../engine/types.ts';

const V = 6;
const H = 5;

function model(cell: CellKind, layers: number, seed = 1): Model {
  // Larger than PyTorch's default weights, so the states move far from zero over a few steps.
  return createModel(cell, V, H, V, createRng(seed), { scheme: 'gaussian', std: 0.7 }, layers);
}

/** The logits at every step of one sequence, from the training forward over all of it at once. */
function batchLogits(m: Model, symbols: number[]): Float64Array {
  const T = symbols.length;
  const x = new Float64Array(T * V);
  symbols.forEach((symbol, t) => {
    x[t * V + symbol] = 1;
  });
  const { outputs } = stackForward(m.layers, {
    batchSize: 1,
    steps: T,
    inputSize: V,
    x,
    lengths: Int32Array.of(T),
  });
  return headPredict(
    m.head,
    outputs,
    Int32Array.from(symbols, (_, t) => t),
    'linear',
  );
}

const sequence = [0, 3, 5, 1, 1, 4, 2, 0, 5, 3];

describe('a generator', () => {
  describe.each(['rnn', 'lstm', 'gru'] as const)('of a %s', (cell) => {
    it.each([1, 2, 3])('gives the batch forward’s logits at every step to 1e-12 with %i layers', (layers) => {
      const m = model(cell, layers);
      const expected = batchLogits(m, sequence);
      const generator = createGenerator(m);
      let worst = 0;
      sequence.forEach((symbol, t) => {
        generator.step(symbol);
        for (let o = 0; o < V; o++)
          worst = Math.max(worst, Math.abs(generator.logits[o]! - expected[t * V + o]!));
      });
      expect(worst).toBeLessThanOrEqual(1e-12);
      expect(Math.max(...expected.map(Math.abs))).toBeGreaterThan(0.1);
    });
  });

  it('returns the same Float64Array every step, holding a probability distribution', () => {
    const generator = createGenerator(model('lstm', 2));
    const first = generator.step(1);
    const second = generator.step(2);
    expect(second).toBe(first);
    expect(generator.prime([3, 4])).toBe(first);
    expect(first).toBe(generator.distribution);
    expect(first.reduce((sum, p) => sum + p, 0)).toBeCloseTo(1, 14);
    expect(first.every((p) => p > 0)).toBe(true);
  });

  it('carries every layer’s state across calls, and reset() starts over', () => {
    const generator = createGenerator(model('gru', 3));
    const fromStart = Array.from(generator.prime([2, 2, 2]));
    expect(Array.from(generator.step(2))).not.toEqual(fromStart);
    generator.reset();
    expect(Array.from(generator.prime([2, 2, 2]))).toEqual(fromStart);
  });

  it('replays the same samples from the same seed, and greedy decoding takes the largest logit', () => {
    const m = model('lstm', 2);
    const draw = (seed: number) => {
      const generator = createGenerator(m);
      const rng = createRng(seed);
      return Array.from({ length: 30 }, () => {
        const symbol = generator.sample(rng, { temperature: 1 });
        generator.step(symbol);
        return symbol;
      });
    };
    expect(draw(4)).toEqual(draw(4));
    expect(draw(4)).not.toEqual(draw(5));
    const generator = createGenerator(m);
    generator.prime([1, 2]);
    const best = generator.greedy();
    expect(generator.logits[best]).toBe(Math.max(...generator.logits));
    const rng = createRng(1);
    expect(generator.sample(rng, { temperature: 1, topK: 1 })).toBe(best);
    expect(generator.sample(rng, { temperature: 1e-3 })).toBe(best);
  });

  it('samples only among the topK most likely symbols, and in proportion at temperature 1', () => {
    const generator = createGenerator(model('rnn', 1));
    generator.prime([0, 4]);
    const order = Array.from(generator.logits.keys()).sort(
      (a, b) => generator.logits[b]! - generator.logits[a]!,
    );
    const rng = createRng(9);
    const counts = new Array(V).fill(0);
    for (let i = 0; i < 4000; i++) counts[generator.sample(rng, { temperature: 1, topK: 2 })]++;
    expect(counts.filter((count) => count > 0)).toHaveLength(2);
    expect(counts[order[0]!] + counts[order[1]!]).toBe(4000);
    const all = new Array(V).fill(0);
    for (let i = 0; i < 20000; i++) all[generator.sample(rng, { temperature: 1 })]++;
    all.forEach((count, o) => {
      expect(Math.abs(count / 20000 - generator.distribution[o]!)).toBeLessThan(0.015);
    });
  });

  it('refuses a temperature ≤ 0, a bad topK and a symbol outside the vocabulary', () => {
    const generator = createGenerator(model('gru', 1));
    const rng = createRng(1);
    expect(() => generator.sample(rng, { temperature: 0 })).toThrow(
      /temperature must be a finite number > 0/,
    );
    expect(() => generator.sample(rng, { temperature: 1, topK: V + 1 })).toThrow(
      /topK must be a whole number from 1 to 6/,
    );
    expect(() => generator.step(V)).toThrow(/outside the vocabulary/);
  });

  it('computes the distribution after a prefix without disturbing a running generator', () => {
    const m = model('lstm', 3);
    const running = createGenerator(m);
    running.prime([5, 4, 3]);
    const before = Array.from(running.distribution);
    const query = nextDistribution(m, [1, 2]);
    expect(Array.from(running.distribution)).toEqual(before);
    expect(query).not.toBe(createGenerator(m).distribution);
    expect(Array.from(query)).toEqual(Array.from(createGenerator(m).prime([1, 2])));
    expect(Array.from(running.step(0))).toEqual(Array.from(createGenerator(m).prime([5, 4, 3, 0])));
  });
});

describe('sampleText', () => {
  const task = createTask(taskConfig('chars'), 1);
  const vocabulary = task.vocabulary!;
  const chars = createModel(
    'lstm',
    task.inputSize,
    8,
    task.outputSize,
    createRng(3),
    { scheme: 'pytorch' },
    2,
  );

  it('writes the prime, then that many characters of the vocabulary, the same for the same seed', () => {
    const text = sampleText(chars, vocabulary, createRng(7), { length: 40, temperature: 0.8, prime: 'the ' });
    expect(text.startsWith('the ')).toBe(true);
    expect(text).toHaveLength(44);
    expect([...text].every((char) => vocabulary.symbols.includes(char))).toBe(true);
    expect(sampleText(chars, vocabulary, createRng(7), { length: 40, temperature: 0.8, prime: 'the ' })).toBe(
      text,
    );
    expect(
      sampleText(chars, vocabulary, createRng(8), { length: 40, temperature: 0.8, prime: 'the ' }),
    ).not.toBe(text);
  });

  it('refuses a prime outside the vocabulary and a vocabulary of another size', () => {
    expect(() =>
      sampleText(chars, vocabulary, createRng(1), { length: 3, temperature: 1, prime: '€' }),
    ).toThrow(/not in the vocabulary/);
    const small = { ...vocabulary, symbols: vocabulary.symbols.slice(1) };
    expect(() => sampleText(chars, small, createRng(1), { length: 3, temperature: 1 })).toThrow(
      /symbols but the model/,
    );
  });
});
