/**
 * The unigram and bigram baselines of a text a reader types: its own vocabulary, the first 80% to count
 * in, the last 20% to score (the lab's held-out split is 10%; a typed text is short, so more is scored).
 * Cheap: linear in the text plus V², so a 20,000-character text takes a few milliseconds.
 */
import { buildVocabulary, encode, ngramBaselines } from '../engine';

/** Shorter texts leave too few pairs to count or to score. */
export const MIN_BASELINE_CHARACTERS = 40;
/** Longer texts are cut here, so that a paste cannot stall typing. */
export const MAX_BASELINE_CHARACTERS = 20_000;
const TRAINING_SHARE = 0.8;

export type BaselineScores =
  | {
      readonly ok: true;
      readonly vocabularySize: number;
      readonly training: number;
      readonly scored: number;
      readonly unigram: { readonly crossEntropy: number; readonly perplexity: number };
      readonly bigram: { readonly crossEntropy: number; readonly perplexity: number };
      /** True when the text was longer than {@link MAX_BASELINE_CHARACTERS} and only its start was used. */
      readonly cut: boolean;
    }
  | { readonly ok: false; readonly message: string };

/** Scores `text` with the counting baselines (see the file comment), or says why it cannot. */
export function baselineScores(text: string): BaselineScores {
  const all = Array.from(text);
  const cut = all.length > MAX_BASELINE_CHARACTERS;
  const used = cut ? all.slice(0, MAX_BASELINE_CHARACTERS).join('') : text;
  const length = Math.min(all.length, MAX_BASELINE_CHARACTERS);
  if (length < MIN_BASELINE_CHARACTERS) {
    return {
      ok: false,
      message: `Type at least ${MIN_BASELINE_CHARACTERS} characters (${length} so far): the first 80% are counted, the rest scored.`,
    };
  }
  const { vocabulary } = buildVocabulary(used, 256);
  const codes = encode(vocabulary, used);
  const split = Math.floor(codes.length * TRAINING_SHARE);
  const scores = ngramBaselines(codes, split, split, codes.length, vocabulary.symbols.length);
  return {
    ok: true,
    vocabularySize: vocabulary.symbols.length,
    training: split,
    scored: scores.count,
    unigram: scores.unigram,
    bigram: scores.bigram,
    cut,
  };
}
