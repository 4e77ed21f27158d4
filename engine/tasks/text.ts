/**
 * Text: a character-level language model on any text (the course's built-in texts or the student's own).
 *
 * The vocabulary is built from the text (engine/text/vocabulary.ts: at most `vocabularySize` symbols,
 * rarer characters folded into one "other" symbol, with a report of what that did). The text is split
 * once at a word boundary (engine/text/corpus.ts); training windows of `steps + 1` characters are drawn
 * from the training part only, and the held-out set is consecutive windows from the start of the held-out
 * part (at most {@link MAX_HELD_OUT_WINDOWS} of them, so a long text does not make evaluation slow). The
 * input at each step is the one-hot code of a character and the target is the next character
 * (many-to-many, softmax + cross-entropy). Two counting baselines are scored on exactly the held-out
 * targets the network is scored on: unigram (the headline baseline) and add-one bigram.
 */
import type { ConfigProblem } from '../configProblem.ts';
import type { Rng } from '../rng.ts';
import { ngramBaselines } from '../text/baselines.ts';
import { type PreparedText, prepareText, textProblems } from '../text/corpus.ts';
import { DEFAULT_VOCABULARY, decode, encode, MAX_VOCABULARY, symbolIndex } from '../text/vocabulary.ts';
import type { SequenceBatch } from '../types.ts';
import { CORPUS } from './corpus.ts';
import type { TaskSpec } from './types.ts';

/** Configuration of the text task. */
export interface TextConfig {
  readonly kind: 'text';
  /** The text to learn from ({@link textProblems} says what is accepted). */
  readonly text: string;
  /** T, characters per window (each predicts the next), 4..256. */
  readonly steps: number;
  /** Share of the text held out at its end, 0.05..0.5. */
  readonly heldOutShare: number;
  /** The most symbols the vocabulary keeps, 2..256; rarer characters share one "other" symbol. */
  readonly vocabularySize: number;
}

/** The most held-out windows evaluated, whatever the text's length. */
export const MAX_HELD_OUT_WINDOWS = 256;

// Building the same text twice (validation, then build; the page and the worker) reuses the work.
let lastPrepared: { key: string; text: string; value: PreparedText } | undefined;

function prepared(config: TextConfig): PreparedText {
  const key = `${config.heldOutShare}|${config.vocabularySize}`;
  if (lastPrepared?.key !== key || lastPrepared.text !== config.text) {
    lastPrepared = {
      key,
      text: config.text,
      value: prepareText(config.text, config.heldOutShare, config.vocabularySize),
    };
  }
  return lastPrepared.value;
}

/** The start of every held-out window: consecutive windows of `steps` inputs from the split point. */
export function textHeldOutStarts(codes: Int32Array, split: number, steps: number): number[] {
  const starts: number[] = [];
  for (
    let start = split;
    start + steps < codes.length && starts.length < MAX_HELD_OUT_WINDOWS;
    start += steps
  )
    starts.push(start);
  return starts;
}

function windowsBatch(
  codes: Int32Array,
  width: number,
  starts: readonly number[],
  steps: number,
): SequenceBatch {
  const batchSize = starts.length;
  const x = new Float64Array(batchSize * steps * width);
  const labels = new Int32Array(batchSize * steps);
  starts.forEach((start, row) => {
    for (let t = 0; t < steps; t++) {
      x[(row * steps + t) * width + codes[start + t]!] = 1;
      labels[row * steps + t] = codes[start + t + 1]!;
    }
  });
  return {
    batchSize,
    steps,
    inputSize: width,
    x,
    lengths: new Int32Array(batchSize).fill(steps),
    target: { kind: 'class', numClasses: width, labels },
  };
}

/** The text task's spec; see the file comment for the design. */
export const textSpec: TaskSpec<TextConfig> = {
  kind: 'text',
  title: 'Text',
  summary: 'Learn a text one character at a time and predict the next character.',
  defaults: { kind: 'text', text: CORPUS, steps: 64, heldOutShare: 0.1, vocabularySize: DEFAULT_VOCABULARY },
  fields: [
    { key: 'steps', label: 'Window length', min: 4, max: 256, integer: true },
    { key: 'heldOutShare', label: 'Held-out share', min: 0.05, max: 0.5, integer: false },
    { key: 'vocabularySize', label: 'Vocabulary size', min: 2, max: MAX_VOCABULARY, integer: true },
  ],
  extraProblems(config) {
    const problems: ConfigProblem[] = textProblems(config.text);
    if (problems.length > 0) return problems;
    const { codes, split } = prepared(config);
    if (split - config.steps - 1 < 1) {
      problems.push({
        field: 'steps',
        message: `Window length ${config.steps} does not fit in the ${split} training characters; use a shorter window or a longer text.`,
      });
    } else if (codes.length - split < config.steps + 1) {
      problems.push({
        field: 'steps',
        message: `Window length ${config.steps} does not fit in the ${codes.length - split} held-out characters; use a shorter window or a larger held-out share.`,
      });
    }
    return problems;
  },
  build(config) {
    const { steps } = config;
    const text = prepared(config);
    const { codes, split, vocabulary, report } = text;
    const width = vocabulary.symbols.length;
    const heldOutStarts = textHeldOutStarts(codes, split, steps);
    // The held-out targets are the characters after each window's inputs: [split + 1, last + steps + 1).
    const scoredEnd = heldOutStarts[heldOutStarts.length - 1]! + steps + 1;
    const counts = ngramBaselines(codes, split, split + 1, scoredEnd, width);
    // Training windows need steps + 1 characters inside [0, split).
    const trainStarts = split - steps;
    const labels = vocabulary.symbols.slice();
    const index = symbolIndex(vocabulary);
    return {
      inputSize: width,
      inputLabels: labels,
      output: { kind: 'classes', numClasses: width, labels },
      outputSize: width,
      loss: 'cross-entropy',
      metrics: ['perplexity', 'accuracy'],
      mapping: 'many-to-many',
      steps,
      baseline: {
        metric: 'perplexity',
        value: counts.unigram.perplexity,
        description: 'predict each character by how common it is (unigram counts)',
      },
      references: [
        {
          metric: 'perplexity',
          value: counts.bigram.perplexity,
          description: 'predict each character from the one before it (add-one bigram counts)',
        },
      ],
      vocabulary: {
        symbols: labels,
        encode: (characters: string) => encode(vocabulary, characters, index),
        decode: (codes: ArrayLike<number>) => decode(vocabulary, codes),
        report,
      },
      sampleBatch: (rng: Rng, batchSize) =>
        windowsBatch(
          codes,
          width,
          Array.from({ length: batchSize }, () => rng.int(trainStarts)),
          steps,
        ),
      heldOutBatch: () => windowsBatch(codes, width, heldOutStarts, steps),
    };
  },
};
