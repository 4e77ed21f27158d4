/**
 * The texts the language lab offers without an upload: the course's own prose, generated toy code, and
 * the chars task's short corpus. Each text is made when asked for (the toy code from a fixed seed), so
 * importing this list costs nothing and the same id always gives the same text.
 */
import { createRng } from '../rng.ts';
import { CORPUS } from '../tasks/corpus.ts';
import { COURSE_PROSE } from './courseProse.ts';
import { toyCode } from './toyCode.ts';

/** One built-in text, as the lab's menu lists it. */
export interface BuiltinText {
  /** A stable key for URLs and saved settings. */
  readonly id: 'course-prose' | 'toy-code' | 'rivers';
  readonly title: string;
  /** One or two sentences for the menu: what the text is and what a model can learn from it. */
  readonly description: string;
  /** The text itself; an equal string every call. */
  text(): string;
}

/** The seed and length of the built-in toy code (40,000 characters: a few minutes of training). */
export const TOY_CODE_SEED = 2015;
export const TOY_CODE_LENGTH = 40_000;

/** The built-in texts, in menu order. */
export const BUILTIN_TEXTS: readonly BuiltinText[] = [
  {
    id: 'course-prose',
    title: 'This course',
    description:
      'The prose of the seven lessons, about 98,000 characters of English with formulas written out. Enough text to learn words, spelling and punctuation.',
    text: () => COURSE_PROSE,
  },
  {
    id: 'toy-code',
    title: 'Toy code',
    description:
      'Generated code in a small made-up language: nested brackets, quoted strings and indentation. Look for units that track the bracket depth or whether a quote is open.',
    text: () => toyCode(createRng(TOY_CODE_SEED), TOY_CODE_LENGTH),
  },
  {
    id: 'rivers',
    title: 'Rivers (short)',
    description:
      'The chars task’s four thousand characters of lower-case prose: small enough to learn in a minute, too small to generalise far.',
    text: () => CORPUS,
  },
];

/** The built-in text with this id, or undefined. */
export function builtinText(id: string): BuiltinText | undefined {
  return BUILTIN_TEXTS.find((entry) => entry.id === id);
}
