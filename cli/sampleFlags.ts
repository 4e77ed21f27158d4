/**
 * The sampling flags of `train`: after training a next-symbol model (a task with a vocabulary, such as
 * chars), `--sample N` prints the `--prime` text followed by N symbols drawn at `--temperature` (and
 * among the `--top-k` most likely, if given) from a generator seeded by `--seed`.
 */
import type { TextSampleOptions } from '../engine/generate.ts';
import type { Vocabulary } from '../engine/tasks/types.ts';
import { type FlagSpec, integerFlag, numberFlag, type ParsedFlags, UsageError } from './args.ts';

const value = (name: string, valueName: string, help: string): FlagSpec => ({
  name,
  kind: 'value',
  value: valueName,
  help,
});

export const SAMPLE_FLAGS: readonly FlagSpec[] = [
  value('sample', 'N', 'after training, print N sampled symbols (tasks with a vocabulary: chars)'),
  value('temperature', 'T', 'sampling temperature > 0 (default 1; below 1 is more conservative)'),
  value('top-k', 'K', 'sample among the K most likely symbols only (default: all)'),
  value('prime', 'TEXT', 'text fed to the model before sampling (default: none)'),
];

/** The most symbols `--sample` prints. */
export const MAX_SAMPLE = 100_000;

/** The sampling options the flags ask for, or null without --sample; throws UsageError. */
export function parseSampleFlags(flags: ParsedFlags): TextSampleOptions | null {
  const length = integerFlag(flags, 'sample', 1, MAX_SAMPLE);
  if (length === undefined) {
    const stray = ['temperature', 'top-k', 'prime'].find((name) => flags.values.has(name));
    if (stray !== undefined) throw new UsageError(`--${stray} needs --sample N.`);
    return null;
  }
  const temperature = numberFlag(flags, 'temperature') ?? 1;
  if (!(Number.isFinite(temperature) && temperature > 0)) {
    throw new UsageError(`--temperature must be a finite number > 0; got ${temperature}.`);
  }
  const topK = integerFlag(flags, 'top-k', 1, Number.MAX_SAFE_INTEGER);
  const prime = flags.values.get('prime') ?? '';
  return { length, temperature, prime, ...(topK === undefined ? {} : { topK }) };
}

/**
 * Checks the sampling options against the trained task's vocabulary before any training, so a bad flag
 * costs no time: the task must have one, topK must fit it, and the prime must be written in it.
 */
export function checkSampleFlags(
  options: TextSampleOptions,
  vocabulary: Vocabulary | undefined,
  task: string,
): Vocabulary {
  if (vocabulary === undefined) {
    throw new UsageError(
      `--sample needs a task that predicts the next symbol (chars); ${task} has no vocabulary.`,
    );
  }
  const size = vocabulary.symbols.length;
  if (options.topK !== undefined && options.topK > size) {
    throw new UsageError(`--top-k must be at most the vocabulary's ${size} symbols; got ${options.topK}.`);
  }
  const outside = [...(options.prime ?? '')].find((symbol) => !vocabulary.symbols.includes(symbol));
  if (outside !== undefined) {
    throw new UsageError(`--prime has ${JSON.stringify(outside)}, which is not in the ${task} vocabulary.`);
  }
  return vocabulary;
}
