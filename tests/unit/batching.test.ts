import { describe, expect, it } from 'vitest';
import {
  generateVariableLengthSequences,
  maskGrid,
  paddingStats,
  padSequences,
  planBucketing,
  planPadding,
  type Sequence,
} from '../../engine/batching.ts';
import { createRng } from '../../engine/rng.ts';

/** A class-target sequence whose inputs count 1, 2, 3, … so padding is easy to spot. */
function counting(length: number, inputSize = 2): Sequence {
  const x = Float64Array.from({ length: length * inputSize }, (_, k) => k + 1);
  const labels = new Int32Array(length).fill(-1);
  labels[length - 1] = length % 3;
  return { length, inputSize, x, target: { kind: 'class', numClasses: 3, labels } };
}

describe('padding', () => {
  it('counts wasted steps on a known example', () => {
    // Batches [5, 2] and [3, 3]: 5+2+3+3 = 13 real steps in 2·5 + 2·3 = 16, so 3/16 is padding.
    const plan = planPadding([5, 2, 3, 3], 2);
    expect(plan.batches.map((batch) => batch.indices)).toEqual([
      [0, 1],
      [2, 3],
    ]);
    expect(plan.batches.map((batch) => batch.steps)).toEqual([5, 3]);
    expect(plan.stats).toEqual({ realSteps: 13, paddedSteps: 3, totalSteps: 16, wasteShare: 3 / 16 });
    expect(plan.batches[0]!.stats.wasteShare).toBe(3 / 10);
    expect(paddingStats([])).toEqual({ realSteps: 0, paddedSteps: 0, totalSteps: 0, wasteShare: 0 });
  });

  it('gives a figure a grid with padded cells marked', () => {
    const [batch] = planPadding([3, 1, 2], 3).batches;
    expect(maskGrid(batch!)).toEqual([
      [true, true, true],
      [true, false, false],
      [true, true, false],
    ]);
  });

  it('pads sequences into a batch with zero inputs, -1 labels and a mask past each length', () => {
    const { batch, mask, stats } = padSequences([counting(3), counting(1), counting(2)]);
    expect([batch.batchSize, batch.steps, batch.inputSize]).toEqual([3, 3, 2]);
    expect(Array.from(batch.lengths)).toEqual([3, 1, 2]);
    expect(Array.from(mask)).toEqual([1, 1, 1, 1, 0, 0, 1, 1, 0]);
    expect(Array.from(batch.x)).toEqual([1, 2, 3, 4, 5, 6, 1, 2, 0, 0, 0, 0, 1, 2, 3, 4, 0, 0]);
    if (batch.target.kind !== 'class') throw new Error('class targets expected');
    expect(Array.from(batch.target.labels)).toEqual([-1, -1, 0, 1, -1, -1, -1, 2, -1]);
    expect(stats.wasteShare).toBe(3 / 9);
  });

  it('pads value targets with zero weight and picks sequences by index', () => {
    const sequences = generateVariableLengthSequences({
      task: 'adding',
      count: 4,
      minLength: 4,
      maxLength: 9,
      seed: 3,
    });
    const { batch } = padSequences(sequences, [2, 0]);
    expect(Array.from(batch.lengths)).toEqual([sequences[2]!.length, sequences[0]!.length]);
    if (batch.target.kind !== 'value') throw new Error('value targets expected');
    for (let b = 0; b < 2; b++) {
      const length = batch.lengths[b]!;
      for (let t = 0; t < batch.steps; t++)
        expect(batch.target.weight[b * batch.steps + t]).toBe(t === length - 1 ? 1 : 0);
    }
  });

  it('refuses sequences that cannot share a batch, and impossible plans', () => {
    expect(() => padSequences([counting(2, 2), counting(2, 3)])).toThrow(RangeError);
    expect(() => padSequences([])).toThrow(RangeError);
    expect(() => planPadding([3, 0], 2)).toThrow(RangeError);
    expect(() => planBucketing([3], 0)).toThrow(RangeError);
  });
});

describe('bucketing', () => {
  it('groups similar lengths so batches pad less', () => {
    // Padding in order: [5, 2] and [5, 2] waste 3 + 3 of 20 steps; buckets [2, 2] and [5, 5] waste none.
    expect(planPadding([5, 2, 5, 2], 2).stats.wasteShare).toBe(6 / 20);
    const plan = planBucketing([5, 2, 5, 2], 2);
    expect(plan.batches.map((batch) => batch.indices)).toEqual([
      [1, 3],
      [0, 2],
    ]);
    expect(plan.stats).toEqual({ realSteps: 14, paddedSteps: 0, totalSteps: 14, wasteShare: 0 });
  });

  it('puts the longest sequences in the smaller last batch, where they cost the fewest steps', () => {
    // In order: [100, 1, 1] and [1] compute 300 + 1 steps; bucketed: [1, 1, 1] and [100], 3 + 100.
    expect(planPadding([100, 1, 1, 1], 3).stats.totalSteps).toBe(301);
    const plan = planBucketing([100, 1, 1, 1], 3);
    expect(plan.batches.map((batch) => batch.lengths)).toEqual([[1, 1, 1], [100]]);
    expect(plan.stats.totalSteps).toBe(103);
  });

  it('never wastes more than plain padding on random lengths', () => {
    const rng = createRng(11);
    for (let trial = 0; trial < 200; trial++) {
      const count = 1 + rng.int(60);
      const lengths = Array.from({ length: count }, () => 1 + rng.int(1 + rng.int(100)));
      const batchSize = 1 + rng.int(16);
      const padded = planPadding(lengths, batchSize).stats;
      const bucketed = planBucketing(lengths, batchSize).stats;
      expect(bucketed.realSteps).toBe(padded.realSteps);
      expect(bucketed.totalSteps).toBeLessThanOrEqual(padded.totalSteps);
      expect(bucketed.wasteShare).toBeLessThanOrEqual(padded.wasteShare + 1e-15);
    }
  });

  it('covers every sequence exactly once, with boundaries and with shuffled batch order', () => {
    const lengths = generateVariableLengthSequences({
      task: 'recall',
      count: 100,
      minLength: 2,
      maxLength: 60,
      seed: 5,
    }).map((sequence) => sequence.length);
    const bounded = planBucketing(lengths, 8, { boundaries: [15, 30, 45] });
    const shuffled = planBucketing(lengths, 8, { rng: createRng(1) });
    for (const plan of [bounded, shuffled]) {
      const seen = plan.batches.flatMap((batch) => batch.indices).sort((a, b) => a - b);
      expect(seen).toEqual(lengths.map((_, index) => index));
      for (const batch of plan.batches) expect(batch.indices.length).toBeLessThanOrEqual(8);
    }
    for (const batch of bounded.batches) {
      const bucket = (length: number) =>
        [15, 30, 45, Number.POSITIVE_INFINITY].findIndex((bound) => length <= bound);
      expect(new Set(batch.lengths.map(bucket)).size).toBe(1);
    }
    expect(bounded.stats.wasteShare).toBeLessThan(planPadding(lengths, 8).stats.wasteShare);
    const sorted = planBucketing(lengths, 8);
    expect(shuffled.stats).toEqual(sorted.stats);
    expect(shuffled.batches.map((batch) => batch.steps)).not.toEqual(
      sorted.batches.map((batch) => batch.steps),
    );
  });
});

describe('variable-length sequences for the demo', () => {
  it('draws lengths in the range, repeatably from the seed', () => {
    const options = { task: 'adding', count: 300, minLength: 5, maxLength: 12, seed: 9 } as const;
    const sequences = generateVariableLengthSequences(options);
    const lengths = sequences.map((sequence) => sequence.length);
    expect(Math.min(...lengths)).toBe(5);
    expect(Math.max(...lengths)).toBe(12);
    expect(generateVariableLengthSequences(options)).toEqual(sequences);
    expect(generateVariableLengthSequences({ ...options, seed: 10 })).not.toEqual(sequences);
  });

  it('builds adding sequences whose target is the sum of the marked values, one marker per half', () => {
    for (const sequence of generateVariableLengthSequences({
      task: 'adding',
      count: 50,
      minLength: 2,
      maxLength: 30,
      seed: 1,
    })) {
      const { length, x, target } = sequence;
      if (target.kind !== 'value') throw new Error('value targets expected');
      const marked = Array.from({ length }, (_, t) => t).filter((t) => x[t * 2 + 1] === 1);
      expect(marked.length).toBe(2);
      expect(marked[0]).toBeLessThan(Math.floor(length / 2));
      expect(marked[1]).toBeGreaterThanOrEqual(Math.floor(length / 2));
      expect(target.values[length - 1]).toBe(x[marked[0]! * 2]! + x[marked[1]! * 2]!);
    }
  });

  it('builds recall sequences that ask at their last step for the symbol at their first', () => {
    const sequences = generateVariableLengthSequences({
      task: 'recall',
      count: 50,
      minLength: 2,
      maxLength: 30,
      seed: 2,
    });
    for (const { length, inputSize, x, target } of sequences) {
      if (target.kind !== 'class') throw new Error('class targets expected');
      expect(inputSize).toBe(8 + 2 + 1);
      const cue = Array.from(x.subarray(0, inputSize)).indexOf(1);
      expect(target.labels[length - 1]).toBe(cue);
      expect(x[(length - 1) * inputSize + 10]).toBe(1);
    }
    expect(() =>
      generateVariableLengthSequences({ task: 'recall', count: 5, minLength: 9, maxLength: 3, seed: 2 }),
    ).toThrow(RangeError);
  });
});
