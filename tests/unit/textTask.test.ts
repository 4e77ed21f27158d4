import { describe, expect, it } from 'vitest';
import { createTask, taskConfig, validateTaskConfig } from '../../engine/tasks/task.ts';
import { MAX_HELD_OUT_WINDOWS } from '../../engine/tasks/text.ts';
import { ngramBaselines } from '../../engine/text/baselines.ts';
import { prepareText } from '../../engine/text/corpus.ts';
import { createTrainer } from '../../engine/trainer.ts';
import { DEFAULT_TRAINER_CONFIG } from '../../engine/trainerConfig.ts';

const text = 'a cat sat on a mat. a dog sat on a log. a bat sat on a hat. '.repeat(20);

/** The characters of one-hot rows `row` of a batch, decoded with the task's symbols. */
function decodeRow(x: Float64Array, steps: number, width: number, row: number, symbols: readonly string[]) {
  let out = '';
  for (let t = 0; t < steps; t++) {
    const offset = (row * steps + t) * width;
    out += symbols[x.subarray(offset, offset + width).indexOf(1)];
  }
  return out;
}

describe('the text task', () => {
  const config = taskConfig('text', { text, steps: 16, heldOutShare: 0.2 });
  const task = createTask(config, 3);
  const prepared = prepareText(text, 0.2);

  it('reads one-hot characters and targets the next one, from the training part only', () => {
    const symbols = task.vocabulary!.symbols;
    const batch = task.trainStream(8).next();
    const trainingPart = text.slice(0, prepared.split);
    for (let row = 0; row < 8; row++) {
      const window = decodeRow(batch.x, 16, task.inputSize, row, symbols);
      const start = trainingPart.indexOf(window);
      expect(start).toBeGreaterThanOrEqual(0);
      const labels = batch.target.kind === 'class' ? batch.target.labels : new Int32Array();
      expect(symbols[labels[row * 16 + 15]!]).toBe(text[trainingPart.indexOf(window) + 16]);
    }
  });

  it('holds out consecutive windows after the word-boundary split', () => {
    const heldOut = task.heldOut();
    const symbols = task.vocabulary!.symbols;
    expect(decodeRow(heldOut.x, 16, task.inputSize, 0, symbols)).toBe(
      text.slice(prepared.split, prepared.split + 16),
    );
    expect(decodeRow(heldOut.x, 16, task.inputSize, 1, symbols)).toBe(
      text.slice(prepared.split + 16, prepared.split + 32),
    );
    expect(text[prepared.split - 1]).toBe(' ');
  });

  it('scores the unigram and bigram baselines on exactly the held-out targets', () => {
    const windows = task.heldOut().batchSize;
    const counts = ngramBaselines(
      prepared.codes,
      prepared.split,
      prepared.split + 1,
      prepared.split + windows * 16 + 1,
      prepared.vocabulary.symbols.length,
    );
    expect(counts.count).toBe(windows * 16);
    expect(task.baseline.value).toBe(counts.unigram.perplexity);
    expect(task.references?.[0]?.value).toBe(counts.bigram.perplexity);
    expect(task.references![0]!.value).toBeLessThan(task.baseline.value);
  });

  it('caps the held-out set for a long text', () => {
    const long = createTask(taskConfig('text', { text: text.repeat(40), steps: 8, heldOutShare: 0.5 }), 1);
    expect(long.heldOut().batchSize).toBe(MAX_HELD_OUT_WINDOWS);
  });

  it('reports what the vocabulary cap did', () => {
    const capped = createTask(taskConfig('text', { text, steps: 16, vocabularySize: 8 }), 1);
    expect(capped.inputSize).toBe(8);
    expect(capped.vocabulary!.report!.replaced).toBeGreaterThan(0);
    expect(capped.vocabulary!.symbols.at(-1)).toBe('\uFFFD');
  });

  it('names what is wrong with an unusable text or window', () => {
    expect(validateTaskConfig(taskConfig('text', { text: '' }))[0]!.message).toMatch(/empty/);
    expect(
      validateTaskConfig(taskConfig('text', { text, steps: 200, heldOutShare: 0.05 }))[0]!.message,
    ).toMatch(/does not fit in the \d+ held-out characters/);
    expect(validateTaskConfig(taskConfig('text', { text, vocabularySize: 1 }))[0]!.field).toBe(
      'vocabularySize',
    );
  });

  it('lets an LSTM beat the bigram baseline on a text whose next letter needs more than one letter of context', () => {
    // After "sat on a " the next letter depends on the animal three words back: bigram counts cannot know it.
    const trainer = createTrainer({
      ...DEFAULT_TRAINER_CONFIG,
      cell: 'lstm',
      hiddenSize: 32,
      batchSize: 16,
      learningRate: 0.02,
      task: config,
      seed: 1,
    });
    for (let step = 0; step < 150; step++) trainer.trainStep();
    const evaluation = trainer.evaluate();
    expect(evaluation.perplexity).toBeLessThan(task.references![0]!.value);
  });
});
