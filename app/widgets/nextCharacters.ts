/**
 * The numbers the temperature widget draws: a next-character distribution at a temperature, as its most
 * likely characters and the share left to all the others. Pure, so tests can check them without a page.
 */
import { bigramDistribution, withTemperature } from '../engine';
import { symbolOf, type TextBigrams } from '../quiz/bigramSampling';

/** One bar: a character, its probability at temperature 1 and at the chosen temperature. */
export interface NextCharacter {
  readonly character: string;
  /** How the character is written on a bar: a space as ␣, a line break as ↵. */
  readonly shown: string;
  readonly base: number;
  readonly tempered: number;
}

export interface NextCharacters {
  readonly bars: readonly NextCharacter[];
  /** What the characters without a bar share at the chosen temperature. */
  readonly restTempered: number;
  readonly restBase: number;
  /** Distinct characters in the model. */
  readonly vocabularySize: number;
}

/** A character as a bar label: visible even when it is white space. */
export function showCharacter(character: string): string {
  if (character === ' ') return '␣';
  if (character === '\n') return '↵';
  if (character === '\t') return '⇥';
  return character;
}

/**
 * The `count` most likely next characters after `previous` (ranked at temperature 1, so the bars keep
 * their order while the slider moves), with their probabilities at 1 and at `temperature`.
 */
export function nextCharacters(
  bigrams: TextBigrams,
  previous: string,
  temperature: number,
  count: number,
): NextCharacters {
  const base = bigramDistribution(bigrams.model, symbolOf(bigrams, previous));
  const tempered = withTemperature(base, temperature);
  const order = Array.from(base.keys()).sort((a, b) => base[b]! - base[a]! || a - b);
  const top = order.slice(0, count);
  const bars = top.map((index) => {
    const character = bigrams.vocabulary.symbols[index] ?? '';
    return { character, shown: showCharacter(character), base: base[index]!, tempered: tempered[index]! };
  });
  const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
  return {
    bars,
    restBase: Math.max(0, 1 - sum(bars.map((bar) => bar.base))),
    restTempered: Math.max(0, 1 - sum(bars.map((bar) => bar.tempered))),
    vocabularySize: base.length,
  };
}
