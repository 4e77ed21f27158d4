import { describe, expect, it } from 'vitest';
import { ADDING_INPUT_SIZE } from '../../engine/tasks/adding.ts';
import {
  CHAR_VOCABULARY,
  charsParts,
  charsSpec,
  charsSplit,
  decodeText,
  encodeText,
} from '../../engine/tasks/chars.ts';
import { CORPUS } from '../../engine/tasks/corpus.ts';
import { SINE_FREQUENCIES, sineAmplitudes } from '../../engine/tasks/sine.ts';
import {
  createTask,
  scoreOutputs,
  TASK_KINDS,
  TaskConfigError,
  taskConfig,
  validateTaskConfig,
} from '../../engine/tasks/task.ts';
import type { SequenceBatch } from '../../engine/types.ts';

const SEED = 1234;

/** One sequence's inputs as a string key, to compare sequences across batches. */
function sequenceKey(batch: SequenceBatch, b: number): string {
  const size = batch.steps * batch.inputSize;
  return Array.from(batch.x.subarray(b * size, (b + 1) * size)).join(',');
}

/** The index of the single 1 in a one-hot row, or -1 for an all-zero row. */
function hotIndex(batch: SequenceBatch, b: number, t: number): number {
  const start = (b * batch.steps + t) * batch.inputSize;
  const row = Array.from(batch.x.subarray(start, start + batch.inputSize));
  expect(row.filter((v) => v !== 0).length).toBeLessThanOrEqual(1);
  return row.indexOf(1);
}

describe('every task', () => {
  for (const kind of TASK_KINDS) {
    describe(kind, () => {
      const task = createTask(taskConfig(kind), SEED);

      it('produces batches whose arrays match the declared shapes', () => {
        const batch = task.trainStream(5).next();
        expect(batch.batchSize).toBe(5);
        expect(batch.steps).toBe(task.steps);
        expect(batch.inputSize).toBe(task.inputSize);
        expect(batch.x.length).toBe(5 * task.steps * task.inputSize);
        expect(Array.from(batch.lengths)).toEqual(Array(5).fill(task.steps));
        if (batch.target.kind === 'class') {
          expect(task.output.kind).toBe('classes');
          expect(batch.target.numClasses).toBe(task.outputSize);
          expect(batch.target.labels.length).toBe(5 * task.steps);
          expect(task.loss).toBe('cross-entropy');
        } else {
          expect(task.output.kind).toBe('values');
          expect(batch.target.size).toBe(task.outputSize);
          expect(batch.target.values.length).toBe(5 * task.steps * task.outputSize);
          expect(task.loss).toBe('mse');
        }
        expect(task.inputLabels.length).toBe(task.inputSize);
        expect(task.metricName).toBe(task.metrics[0]);
      });

      it('replays the same training batches for the same seed', () => {
        const a = createTask(taskConfig(kind), SEED).trainStream(8);
        const b = createTask(taskConfig(kind), SEED).trainStream(8);
        for (let i = 0; i < 3; i++) expect(a.next()).toEqual(b.next());
        expect(a.batchesDrawn).toBe(3);
        expect(createTask(taskConfig(kind), SEED).heldOut()).toEqual(task.heldOut());
      });

      it('draws fresh batches along the stream and different ones for a different seed', () => {
        const stream = task.trainStream(8);
        const first = stream.next();
        expect(stream.next().x).not.toEqual(first.x);
        expect(
          createTask(taskConfig(kind), SEED + 1)
            .trainStream(8)
            .next().x,
        ).not.toEqual(first.x);
      });

      it('keeps the held-out set fixed while training draws batches', () => {
        const before = task.heldOut();
        const stream = task.trainStream(16);
        for (let i = 0; i < 5; i++) stream.next();
        expect(task.heldOut()).toBe(before);
        expect(before.batchSize).toBeGreaterThan(0);
      });
    });
  }
});

describe('held-out data never comes from the training stream', () => {
  for (const kind of ['recall', 'adding', 'sine'] as const) {
    it(`${kind}: no held-out sequence appears in the first 100 training batches`, () => {
      const task = createTask(taskConfig(kind), SEED);
      const heldOut = task.heldOut();
      const heldOutKeys = new Set(
        Array.from({ length: heldOut.batchSize }, (_, b) => sequenceKey(heldOut, b)),
      );
      const stream = task.trainStream(32);
      let shared = 0;
      for (let i = 0; i < 100; i++) {
        const batch = stream.next();
        for (let b = 0; b < batch.batchSize; b++) if (heldOutKeys.has(sequenceKey(batch, b))) shared++;
      }
      expect(shared).toBe(0);
    });
  }

  it('chars: training windows stay before the split and held-out windows after it', () => {
    const task = createTask(taskConfig('chars'), SEED);
    const { train, heldOut } = charsParts(0.1);
    expect(train + heldOut).toBe(CORPUS);
    expect(train.endsWith(' ')).toBe(true);
    expect(heldOut.length).toBeGreaterThan(0.08 * CORPUS.length);
    const windowText = (batch: SequenceBatch, b: number) => {
      const inputs = Array.from({ length: batch.steps }, (_, t) => hotIndex(batch, b, t));
      const target =
        batch.target.kind === 'class' ? batch.target.labels[b * batch.steps + batch.steps - 1]! : -1;
      return decodeText([...inputs, target]);
    };
    const stream = task.trainStream(64);
    for (let i = 0; i < 50; i++) {
      const batch = stream.next();
      for (let b = 0; b < batch.batchSize; b++) expect(train).toContain(windowText(batch, b));
    }
    const held = task.heldOut();
    for (let b = 0; b < held.batchSize; b++) {
      const text = windowText(held, b);
      expect(heldOut).toContain(text);
      expect(CORPUS.indexOf(text, charsSplit(0.1))).toBe(charsSplit(0.1) + b * task.steps);
    }
  });
});

describe('recall', () => {
  it('asks, at the query step only, for the symbol seen lag steps earlier', () => {
    const task = createTask(taskConfig('recall', { lag: 7, symbols: 5, distractors: 3 }), SEED);
    const batch = task.trainStream(200).next();
    expect(task.steps).toBe(8);
    expect(task.inputSize).toBe(5 + 3 + 1);
    if (batch.target.kind !== 'class') throw new Error('recall has class targets');
    const seen = new Set<number>();
    for (let b = 0; b < batch.batchSize; b++) {
      const label = batch.target.labels[b * 8 + 7]!;
      expect(label).toBe(hotIndex(batch, b, 7 - 7));
      seen.add(label);
      for (let t = 1; t < 7; t++) {
        const hot = hotIndex(batch, b, t);
        expect(hot).toBeGreaterThanOrEqual(5);
        expect(hot).toBeLessThan(8);
      }
      expect(hotIndex(batch, b, 7)).toBe(8);
      for (let t = 0; t < 7; t++) expect(batch.target.labels[b * 8 + t]).toBe(-1);
    }
    expect(seen.size).toBe(5);
    expect(task.baseline.value).toBeCloseTo(1 / 5);
  });

  it('leaves the gap as all-zero inputs when there are no distractors', () => {
    const batch = createTask(taskConfig('recall', { lag: 4, distractors: 0 }), SEED)
      .trainStream(3)
      .next();
    for (let b = 0; b < 3; b++) for (let t = 1; t < 4; t++) expect(hotIndex(batch, b, t)).toBe(-1);
  });

  it('draws cues uniformly enough that guessing scores about 1/symbols', () => {
    const heldOut = createTask(taskConfig('recall'), SEED).heldOut();
    if (heldOut.target.kind !== 'class') throw new Error('recall has class targets');
    const counts = new Array(8).fill(0);
    for (let b = 0; b < heldOut.batchSize; b++) counts[heldOut.target.labels[b * heldOut.steps + 20]!]++;
    for (const count of counts) expect(count / heldOut.batchSize).toBeGreaterThan(0.08);
  });
});

describe('adding', () => {
  it('targets the sum of the two marked values, one marker in each half, at the last step', () => {
    const task = createTask(taskConfig('adding', { steps: 11 }), SEED);
    const batch = task.trainStream(300).next();
    if (batch.target.kind !== 'value') throw new Error('adding has value targets');
    expect(batch.inputSize).toBe(ADDING_INPUT_SIZE);
    for (let b = 0; b < batch.batchSize; b++) {
      const marked: number[] = [];
      let sum = 0;
      for (let t = 0; t < 11; t++) {
        const value = batch.x[(b * 11 + t) * 2]!;
        const marker = batch.x[(b * 11 + t) * 2 + 1]!;
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThan(1);
        expect([0, 1]).toContain(marker);
        if (marker === 1) {
          marked.push(t);
          sum += value;
        }
        expect(batch.target.weight[b * 11 + t]).toBe(t === 10 ? 1 : 0);
      }
      expect(marked.length).toBe(2);
      expect(marked[0]).toBeLessThan(5);
      expect(marked[1]).toBeGreaterThanOrEqual(5);
      expect(batch.target.values[b * 11 + 10]).toBe(sum);
    }
  });

  it('has the baseline that always answering 1 scores on held-out data (about 1/6)', () => {
    const task = createTask(taskConfig('adding'), SEED);
    const heldOut = task.heldOut();
    const outputs = new Float64Array(heldOut.batchSize * heldOut.steps).fill(1);
    const { mse, count } = scoreOutputs(heldOut, outputs);
    expect(count).toBe(heldOut.batchSize);
    expect(mse).toBeGreaterThan(task.baseline.value * 0.85);
    expect(mse).toBeLessThan(task.baseline.value * 1.15);
  });
});

describe('sine', () => {
  it('targets the next input at every step and moves smoothly', () => {
    for (const frequencies of ['fixed', 'random'] as const) {
      const task = createTask(taskConfig('sine', { frequencies, steps: 40 }), SEED);
      const batch = task.trainStream(20).next();
      if (batch.target.kind !== 'value') throw new Error('sine has value targets');
      // |s(t+1) - s(t)| ≤ 2π Σ aₖ fₖ, with fₖ at most the largest frequency in use.
      const fastest = frequencies === 'fixed' ? SINE_FREQUENCIES[2]! : 0.25;
      for (let b = 0; b < 20; b++) {
        for (let t = 0; t < 40; t++) {
          const value = batch.x[b * 40 + t]!;
          const next = batch.target.values[b * 40 + t]!;
          expect(Math.abs(value)).toBeLessThanOrEqual(1);
          expect(Math.abs(next - value)).toBeLessThanOrEqual(2 * Math.PI * fastest + 1e-12);
          if (t < 39) expect(batch.x[b * 40 + t + 1]).toBe(next);
          expect(batch.target.weight[b * 40 + t]).toBe(1);
        }
      }
    }
  });

  it('has the baseline that always answering 0 scores on held-out data (the signal power)', () => {
    const task = createTask(taskConfig('sine'), SEED);
    const heldOut = task.heldOut();
    const { mse } = scoreOutputs(heldOut, new Float64Array(heldOut.batchSize * heldOut.steps));
    const power = sineAmplitudes(3).reduce((sum, a) => sum + (a * a) / 2, 0);
    expect(task.baseline.value).toBeCloseTo(power, 12);
    expect(mse).toBeGreaterThan(power * 0.85);
    expect(mse).toBeLessThan(power * 1.15);
  });
});

describe('chars', () => {
  it('uses an original corpus under 5 KB with a small printable vocabulary', () => {
    expect(new TextEncoder().encode(CORPUS).length).toBeLessThan(5 * 1024);
    expect(CORPUS.length).toBeGreaterThan(3000);
    expect(CHAR_VOCABULARY.length).toBeGreaterThanOrEqual(28);
    expect(CHAR_VOCABULARY.length).toBeLessThanOrEqual(40);
    expect(CORPUS).toMatch(/^[a-z ,.;:?'-]+$/);
    expect(decodeText(encodeText(CORPUS))).toBe(CORPUS);
    expect(() => encodeText('Z')).toThrow(RangeError);
  });

  it('predicts the next character at every step and scores perplexity and accuracy', () => {
    const task = createTask(taskConfig('chars'), SEED);
    expect(task.metrics).toEqual(['perplexity', 'accuracy']);
    const batch = task.trainStream(4).next();
    if (batch.target.kind !== 'class') throw new Error('chars has class targets');
    for (let b = 0; b < 4; b++) {
      for (let t = 0; t < task.steps - 1; t++) {
        expect(batch.target.labels[b * task.steps + t]).toBe(hotIndex(batch, b, t + 1));
      }
    }
    // Uniform logits: perplexity equals the vocabulary size.
    const heldOut = task.heldOut();
    const scores = scoreOutputs(
      heldOut,
      new Float64Array(heldOut.batchSize * heldOut.steps * task.outputSize),
    );
    expect(scores.perplexity).toBeCloseTo(CHAR_VOCABULARY.length, 9);
    expect(scores.count).toBe(heldOut.batchSize * heldOut.steps);
  });
});

describe('scoreOutputs', () => {
  it('counts accuracy and cross-entropy only on steps with a target', () => {
    const task = createTask(taskConfig('recall', { lag: 2, symbols: 3, distractors: 1 }), SEED);
    const batch = task.trainStream(2).next();
    if (batch.target.kind !== 'class') throw new Error('recall has class targets');
    const outputs = new Float64Array(2 * 3 * 3);
    const first = batch.target.labels[2]!;
    outputs[2 * 3 + first] = 100; // sequence 0 answered right with certainty
    const { accuracy, crossEntropy, count } = scoreOutputs(batch, outputs);
    expect(count).toBe(2);
    // Sequence 1 has uniform logits: counted as class 0 by argmax, loss log 3.
    const secondRight = batch.target.labels[5] === 0 ? 1 : 0;
    expect(accuracy).toBe((1 + secondRight) / 2);
    expect(crossEntropy).toBeCloseTo(Math.log(3) / 2, 9);
  });
});

describe('configuration', () => {
  it('reports out-of-range, fractional and missing values in plain words', () => {
    expect(validateTaskConfig(taskConfig('recall'))).toEqual([]);
    const problems = validateTaskConfig(taskConfig('recall', { lag: 250, symbols: 2.5 }));
    expect(problems).toEqual([
      { field: 'lag', message: 'Lag must be an integer from 1 to 200; got 250.' },
      { field: 'symbols', message: 'Symbols must be an integer from 2 to 32; got 2.5.' },
    ]);
    const broken = { kind: 'adding', steps: Number.NaN } as unknown as Parameters<
      typeof validateTaskConfig
    >[0];
    expect(validateTaskConfig(broken).map((p) => p.field)).toEqual(['steps', 'heldOutSize']);
    const unknown = { kind: 'music' } as unknown as Parameters<typeof validateTaskConfig>[0];
    expect(validateTaskConfig(unknown)[0]!.message).toMatch(/Unknown task "music"/);
    for (const odd of [null, 7, { kind: '__proto__' }, { kind: 'toString' }]) {
      const problems = validateTaskConfig(odd as unknown as Parameters<typeof validateTaskConfig>[0]);
      expect(problems[0]!.field).toBe('kind');
    }
    const sine = { ...taskConfig('sine'), frequencies: 'chirp' } as unknown as Parameters<
      typeof validateTaskConfig
    >[0];
    expect(validateTaskConfig(sine)[0]!.field).toBe('frequencies');
  });

  it('rejects a chars window longer than the held-out text', () => {
    const problems = validateTaskConfig(taskConfig('chars', { steps: 128, heldOutShare: 0.03 }));
    expect(problems[0]!.field).toBe('heldOutShare');
    expect(validateTaskConfig(taskConfig('chars', { steps: 128, heldOutShare: 0.05 }))).toEqual([]);
    // The field ranges keep windows inside the held-out text today; the check guards a shorter corpus.
    const [tooLong] = charsSpec.extraProblems({ kind: 'chars', steps: 400, heldOutShare: 0.05 });
    expect(tooLong!.message).toMatch(/does not fit in the \d+ held-out characters/);
  });

  it('refuses to create a task from an invalid configuration or to stream a bad batch size', () => {
    expect(() => createTask(taskConfig('adding', { steps: 1 }), SEED)).toThrow(TaskConfigError);
    expect(() => createTask(taskConfig('adding'), SEED).trainStream(0)).toThrow(RangeError);
  });

  it('draws training data only from the seeded generator, never from Math.random', () => {
    const original = Math.random;
    Math.random = () => {
      throw new Error('Math.random was called');
    };
    try {
      for (const kind of TASK_KINDS) createTask(taskConfig(kind), 7).trainStream(4).next();
    } finally {
      Math.random = original;
    }
  });
});
