/**
 * A text prepared for a character-level language model: checked, encoded with its vocabulary, and split
 * once into a training part and a held-out part at a word boundary, so no word is cut in two and no
 * training window reads a held-out character.
 */
import type { ConfigProblem } from '../configProblem.ts';
import { type BuiltVocabulary, buildVocabulary, encode, type Vocabulary } from './vocabulary.ts';

/** The longest text a task accepts, in characters (about 1 MB of mostly ASCII prose). */
export const MAX_TEXT_CHARACTERS = 1_000_000;

/** The shortest text a task accepts, in characters. */
export const MIN_TEXT_CHARACTERS = 200;

/** A text ready to train on. */
export interface PreparedText extends BuiltVocabulary {
  /** Every character of the text as a class index. */
  readonly codes: Int32Array;
  /** The first held-out character: training reads [0, split), the held-out part is [split, length). */
  readonly split: number;
}

/**
 * Problems with `text` as training material (empty when it is fine): nothing in it, too short or too
 * long, or a NUL character (the sign of a binary file read as text).
 */
export function textProblems(text: unknown, field = 'text'): ConfigProblem[] {
  if (typeof text !== 'string') return [{ field, message: 'The text must be a string.' }];
  if (text.trim().length === 0) return [{ field, message: 'The text is empty.' }];
  if (text.includes('\u0000')) {
    return [{ field, message: 'The text contains NUL characters: it looks like a binary file, not text.' }];
  }
  let length = 0;
  for (const _ of text) {
    length++;
    if (length > MAX_TEXT_CHARACTERS) break;
  }
  if (length > MAX_TEXT_CHARACTERS) {
    return [
      {
        field,
        message: `The text is longer than ${MAX_TEXT_CHARACTERS.toLocaleString('en-US')} characters; use a shorter part of it.`,
      },
    ];
  }
  if (length < MIN_TEXT_CHARACTERS) {
    return [
      {
        field,
        message: `The text has ${length} characters; a language model needs at least ${MIN_TEXT_CHARACTERS}.`,
      },
    ];
  }
  return [];
}

const isSpace = (code: number, spaces: ReadonlySet<number>): boolean => spaces.has(code);

/**
 * Where the held-out part of `codes` begins: the first word start at or after (1 - heldOutShare) of the
 * text, i.e. the first position whose previous character is white space. Without white space after that
 * point the cut falls exactly at the share.
 */
export function splitPoint(codes: Int32Array, vocabulary: Vocabulary, heldOutShare: number): number {
  const spaces = new Set<number>();
  vocabulary.symbols.forEach((symbol, index) => {
    if (/\s/u.test(symbol)) spaces.add(index);
  });
  const nominal = Math.floor(codes.length * (1 - heldOutShare));
  for (let split = nominal; split < codes.length; split++) {
    if (split > 0 && isSpace(codes[split - 1]!, spaces)) return split;
  }
  return nominal;
}

/** Checks, encodes and splits `text` (throws a RangeError with the first problem if it is unusable). */
export function prepareText(text: string, heldOutShare: number, maxSymbols?: number): PreparedText {
  const problems = textProblems(text);
  if (problems.length > 0) throw new RangeError(problems[0]!.message);
  const built = buildVocabulary(text, maxSymbols);
  const codes = encode(built.vocabulary, text);
  return { ...built, codes, split: splitPoint(codes, built.vocabulary, heldOutShare) };
}
