/**
 * Hypotheses about a passage, as per-character signals a unit's activation can be compared with: "this
 * unit is on inside quotes", "this one counts bracket depth", … Each signal is a Float64Array [T], one
 * value per character (Unicode code point, as the vocabulary encodes them), describing the situation
 * after reading that character, the moment the trace's state at that step describes.
 */
import { characters } from '../text/vocabulary.ts';

/** The built-in signals of {@link hypothesisSignals}. */
export interface HypothesisSignals {
  /**
   * 1 from an opening quote (" or ') up to the character before its closing quote, else 0. A ' between
   * two letters is an apostrophe ("don't"), not a quote; inside one kind of quote the other kind is text;
   * a quote never closed is not counted.
   */
  readonly insideQuotes: Float64Array;
  /** How many of ( [ { are open after this character (a closing bracket already counts as closed). */
  readonly bracketDepth: Float64Array;
  /** The character's column: 0 for the first character of a line (a newline ends its line). */
  readonly column: Float64Array;
  /** 1 on the first letter of a word (a letter not preceded by a letter or digit), else 0. */
  readonly wordStart: Float64Array;
}

/** The names of the built-in signals, in the order a menu lists them. */
export const HYPOTHESES: readonly (keyof HypothesisSignals)[] = [
  'insideQuotes',
  'bracketDepth',
  'column',
  'wordStart',
];

const LETTER = /\p{L}/u;
const WORD_CHARACTER = /[\p{L}\p{N}]/u;
const OPENING = new Set(['(', '[', '{']);
const CLOSING = new Set([')', ']', '}']);

/** True if the ' at `t` sits between two letters, as in "don't". */
function isApostrophe(chars: readonly string[], t: number): boolean {
  return chars[t] === "'" && LETTER.test(chars[t - 1] ?? '') && LETTER.test(chars[t + 1] ?? '');
}

/** The built-in signals of `text` (see {@link HypothesisSignals}), each [T], T its code points. */
export function hypothesisSignals(text: string): HypothesisSignals {
  const chars = characters(text);
  const T = chars.length;
  const insideQuotes = new Float64Array(T);
  const bracketDepth = new Float64Array(T);
  const column = new Float64Array(T);
  const wordStart = new Float64Array(T);
  let depth = 0;
  let col = 0;
  for (let t = 0; t < T; t++) {
    const ch = chars[t]!;
    if (OPENING.has(ch)) depth++;
    else if (CLOSING.has(ch) && depth > 0) depth--;
    bracketDepth[t] = depth;
    column[t] = col;
    col = ch === '\n' ? 0 : col + 1;
    if (LETTER.test(ch) && !WORD_CHARACTER.test(chars[t - 1] ?? '')) wordStart[t] = 1;
  }
  for (let t = 0; t < T; t++) {
    const quote = chars[t]!;
    if ((quote !== '"' && quote !== "'") || isApostrophe(chars, t)) continue;
    let close = t + 1;
    while (close < T && (chars[close] !== quote || isApostrophe(chars, close))) close++;
    if (close === T) continue;
    insideQuotes.fill(1, t, close);
    t = close;
  }
  return { insideQuotes, bracketDepth, column, wordStart };
}

/** A span of characters [start, end), as a student marks it on the page. */
export type Span = readonly [start: number, end: number];

/**
 * A signal [length] that is 1 on every character inside one of `spans` and 0 elsewhere. Spans may overlap
 * or be empty; throws RangeError for a span outside 0..length or with end < start.
 */
export function spanSignal(length: number, spans: readonly Span[]): Float64Array {
  const signal = new Float64Array(length);
  for (const [start, end] of spans) {
    if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= length)) {
      throw new RangeError(`The span [${start}, ${end}) is not inside the passage of ${length} characters.`);
    }
    signal.fill(1, start, end);
  }
  return signal;
}
