/**
 * The symbols of a character-level language model, built from the text it learns.
 *
 * A symbol is one Unicode code point (so an emoji or a letter outside the Basic Multilingual Plane is one
 * symbol, not two UTF-16 halves). At most `maxSymbols` symbols are kept: when the text has more distinct
 * characters, the most frequent `maxSymbols - 1` stay and every rarer character maps to one "other"
 * symbol, and the report says how many characters that touched, so a page can say what the cap did.
 */

/** The symbol every character outside the kept set becomes (U+FFFD, the Unicode replacement character). */
export const OTHER_SYMBOL = '\uFFFD';

/** The largest vocabulary a text may have (the one-hot input and the softmax are this wide). */
export const MAX_VOCABULARY = 256;

/** The vocabulary size a text task uses unless told otherwise. */
export const DEFAULT_VOCABULARY = 96;

/** A fixed mapping between symbols and class indices. */
export interface Vocabulary {
  /** The symbols in index order: kept characters by code point, then {@link OTHER_SYMBOL} if it is used. */
  readonly symbols: readonly string[];
  /** The index of {@link OTHER_SYMBOL}, or -1 when every character of the text was kept. */
  readonly otherIndex: number;
}

/** What building the vocabulary did to the text. */
export interface VocabularyReport {
  /** Distinct characters in the text. */
  readonly distinct: number;
  /** Characters of the text (code points). */
  readonly length: number;
  /** How many characters of the text became the "other" symbol (0 when nothing was capped). */
  readonly replaced: number;
  /** The rarer characters that became "other", most frequent first (at most 20 listed). */
  readonly replacedSymbols: readonly string[];
}

/** A vocabulary with its report. */
export interface BuiltVocabulary {
  readonly vocabulary: Vocabulary;
  readonly report: VocabularyReport;
}

/** The code points of `text` as strings (one entry per Unicode character). */
export function characters(text: string): string[] {
  return Array.from(text);
}

const byCodePoint = (a: string, b: string): number => a.codePointAt(0)! - b.codePointAt(0)!;

/**
 * Builds the vocabulary of `text`, keeping at most `maxSymbols` symbols (2..{@link MAX_VOCABULARY}).
 * Ties in frequency are broken by code point, so the same text always gives the same vocabulary.
 */
export function buildVocabulary(text: string, maxSymbols: number = DEFAULT_VOCABULARY): BuiltVocabulary {
  if (!Number.isInteger(maxSymbols) || maxSymbols < 2 || maxSymbols > MAX_VOCABULARY) {
    throw new RangeError(
      `The vocabulary size must be an integer from 2 to ${MAX_VOCABULARY}; got ${maxSymbols}.`,
    );
  }
  const counts = new Map<string, number>();
  let length = 0;
  for (const char of text) {
    counts.set(char, (counts.get(char) ?? 0) + 1);
    length++;
  }
  const distinct = counts.size;
  if (distinct <= maxSymbols) {
    const symbols = [...counts.keys()].sort(byCodePoint);
    return {
      vocabulary: { symbols, otherIndex: -1 },
      report: { distinct, length, replaced: 0, replacedSymbols: [] },
    };
  }
  const byFrequency = [...counts.entries()].sort((a, b) => b[1] - a[1] || byCodePoint(a[0], b[0]));
  const kept = byFrequency.slice(0, maxSymbols - 1).map(([char]) => char);
  const dropped = byFrequency.slice(maxSymbols - 1);
  const symbols = [...kept.sort(byCodePoint), OTHER_SYMBOL];
  return {
    vocabulary: { symbols, otherIndex: symbols.length - 1 },
    report: {
      distinct,
      length,
      replaced: dropped.reduce((sum, [, count]) => sum + count, 0),
      replacedSymbols: dropped.slice(0, 20).map(([char]) => char),
    },
  };
}

/** A lookup from character to class index for `vocabulary`. */
export function symbolIndex(vocabulary: Vocabulary): ReadonlyMap<string, number> {
  return new Map(vocabulary.symbols.map((symbol, index) => [symbol, index]));
}

/**
 * The class indices of `text`'s characters. A character outside the vocabulary becomes the "other"
 * symbol; without one, it throws a RangeError naming the character.
 */
export function encode(vocabulary: Vocabulary, text: string, index = symbolIndex(vocabulary)): Int32Array {
  const chars = characters(text);
  const codes = new Int32Array(chars.length);
  for (let i = 0; i < chars.length; i++) {
    const code = index.get(chars[i]!) ?? vocabulary.otherIndex;
    if (code < 0) throw new RangeError(`Character ${JSON.stringify(chars[i])} is not in the vocabulary.`);
    codes[i] = code;
  }
  return codes;
}

/** The text for a list of class indices (the inverse of {@link encode}, up to the "other" symbol). */
export function decode(vocabulary: Vocabulary, codes: ArrayLike<number>): string {
  let text = '';
  for (let i = 0; i < codes.length; i++) text += vocabulary.symbols[codes[i]!] ?? OTHER_SYMBOL;
  return text;
}

/** Whether `value` is a well-formed vocabulary (for vocabularies read from files or storage). */
export function isVocabulary(value: unknown): value is Vocabulary {
  if (typeof value !== 'object' || value === null) return false;
  const { symbols, otherIndex } = value as { symbols?: unknown; otherIndex?: unknown };
  if (!Array.isArray(symbols) || symbols.length < 2 || symbols.length > MAX_VOCABULARY) return false;
  if (!symbols.every((s) => typeof s === 'string' && Array.from(s).length === 1)) return false;
  if (new Set(symbols).size !== symbols.length) return false;
  if (typeof otherIndex !== 'number' || !Number.isInteger(otherIndex)) return false;
  return otherIndex === -1 || symbols[otherIndex] === OTHER_SYMBOL;
}
