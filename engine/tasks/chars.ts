/**
 * Chars: a character-level language model on the course's own short text (engine/tasks/corpus.ts).
 *
 * The input at each step is the one-hot code of a character and the target is the next character
 * (many-to-many, softmax + cross-entropy); held-out metrics are perplexity (exp of the mean cross-entropy,
 * in nats) and accuracy. The text is split once: training windows come from the first part (about
 * `1 - heldOutShare` of it, cut at a word boundary), the held-out set is the rest, cut into consecutive
 * windows. No training window reaches a character of the held-out part, not even as a target.
 */

import type { ConfigProblem } from '../configProblem.ts';
import type { Rng } from '../rng.ts';
import type { SequenceBatch } from '../types.ts';
import { CORPUS } from './corpus.ts';
import type { TaskSpec } from './types.ts';

/** Configuration of the chars task. */
export interface CharsConfig {
  readonly kind: 'chars';
  /** T, characters per window (each predicts the next), 4..128. */
  readonly steps: number;
  /** Share of the text held out at its end, 0.05..0.5. */
  readonly heldOutShare: number;
}

/** The distinct characters of the corpus in code-point order; a character's index is its class. */
export const CHAR_VOCABULARY: readonly string[] = [...new Set(CORPUS)].sort();

const CHAR_INDEX: ReadonlyMap<string, number> = new Map(CHAR_VOCABULARY.map((char, index) => [char, index]));

/** The class indices of `text`'s characters; throws RangeError on a character outside the vocabulary. */
export function encodeText(text: string): Int32Array {
  const codes = new Int32Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = CHAR_INDEX.get(text[i]!);
    if (code === undefined)
      throw new RangeError(`Character ${JSON.stringify(text[i])} is not in the vocabulary.`);
    codes[i] = code;
  }
  return codes;
}

/** The text for a list of class indices (the inverse of {@link encodeText}). */
export function decodeText(codes: ArrayLike<number>): string {
  let text = '';
  for (let i = 0; i < codes.length; i++) text += CHAR_VOCABULARY[codes[i]!] ?? '?';
  return text;
}

/** The corpus as class indices. */
const CORPUS_CODES: Int32Array = encodeText(CORPUS);

/**
 * Where the held-out part begins: the first word start at or after (1 - heldOutShare) of the corpus.
 * Training uses characters [0, split), held-out [split, length).
 */
export function charsSplit(heldOutShare: number): number {
  let split = Math.floor(CORPUS.length * (1 - heldOutShare));
  while (split < CORPUS.length && split > 0 && CORPUS[split - 1] !== ' ') split++;
  return split;
}

/** The training and held-out text for a held-out share, e.g. to show the held-out text in a figure. */
export function charsParts(heldOutShare: number): { readonly train: string; readonly heldOut: string } {
  const split = charsSplit(heldOutShare);
  return { train: CORPUS.slice(0, split), heldOut: CORPUS.slice(split) };
}

/** Writes the window of `steps + 1` characters starting at `start` as one-hot inputs and next-char labels. */
function writeWindow(start: number, steps: number, x: Float64Array, labels: Int32Array, row: number): void {
  const width = CHAR_VOCABULARY.length;
  for (let t = 0; t < steps; t++) {
    x[(row * steps + t) * width + CORPUS_CODES[start + t]!] = 1;
    labels[row * steps + t] = CORPUS_CODES[start + t + 1]!;
  }
}

function windowsBatch(starts: readonly number[], steps: number): SequenceBatch {
  const batchSize = starts.length;
  const x = new Float64Array(batchSize * steps * CHAR_VOCABULARY.length);
  const labels = new Int32Array(batchSize * steps);
  starts.forEach((start, row) => {
    writeWindow(start, steps, x, labels, row);
  });
  return {
    batchSize,
    steps,
    inputSize: CHAR_VOCABULARY.length,
    x,
    lengths: new Int32Array(batchSize).fill(steps),
    target: { kind: 'class', numClasses: CHAR_VOCABULARY.length, labels },
  };
}

/**
 * The start of every held-out window: consecutive, non-overlapping windows of `steps` inputs inside
 * [split, length); the last target of a window is the first input of the next.
 */
export function heldOutWindowStarts(config: CharsConfig): number[] {
  const starts: number[] = [];
  for (
    let start = charsSplit(config.heldOutShare);
    start + config.steps < CORPUS.length;
    start += config.steps
  ) {
    starts.push(start);
  }
  return starts;
}

/** The chars task's spec; see the file comment for the design. */
export const charsSpec: TaskSpec<CharsConfig> = {
  kind: 'chars',
  title: 'Characters',
  summary: 'Read a short text one character at a time and predict the next character.',
  defaults: { kind: 'chars', steps: 32, heldOutShare: 0.1 },
  fields: [
    { key: 'steps', label: 'Window length', min: 4, max: 128, integer: true },
    { key: 'heldOutShare', label: 'Held-out share', min: 0.05, max: 0.5, integer: false },
  ],
  extraProblems(config) {
    const problems: ConfigProblem[] = [];
    const heldOutLength = CORPUS.length - charsSplit(config.heldOutShare);
    if (config.steps + 1 > heldOutLength) {
      problems.push({
        field: 'steps',
        message: `Window length ${config.steps} does not fit in the ${heldOutLength} held-out characters; use a shorter window or a larger held-out share.`,
      });
    }
    return problems;
  },
  build(config) {
    const { steps } = config;
    // Train windows need steps + 1 characters inside [0, split).
    const trainStarts = charsSplit(config.heldOutShare) - steps;
    const heldOutStarts = heldOutWindowStarts(config);
    const labels = CHAR_VOCABULARY.slice();
    return {
      inputSize: CHAR_VOCABULARY.length,
      inputLabels: labels,
      output: { kind: 'classes', numClasses: CHAR_VOCABULARY.length, labels },
      outputSize: CHAR_VOCABULARY.length,
      loss: 'cross-entropy',
      metrics: ['perplexity', 'accuracy'],
      mapping: 'many-to-many',
      steps,
      vocabulary: { symbols: CHAR_VOCABULARY, encode: encodeText, decode: decodeText },
      baseline: {
        metric: 'perplexity',
        value: CHAR_VOCABULARY.length,
        description: `guess uniformly among ${CHAR_VOCABULARY.length} characters`,
      },
      sampleBatch: (rng: Rng, batchSize) =>
        windowsBatch(
          Array.from({ length: batchSize }, () => rng.int(trainStarts)),
          steps,
        ),
      heldOutBatch: () => windowsBatch(heldOutStarts, steps),
    };
  },
};
