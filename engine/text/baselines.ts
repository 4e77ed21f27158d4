/**
 * Reference scores for a character-level language model: what counting characters in the training part
 * predicts about the held-out part. A network whose held-out perplexity falls below the unigram line has
 * learned which characters are common; below the bigram line, it is using more than the last character.
 *
 * Both models are add-one (Laplace) smoothed so that a character never seen in training still gets a
 * finite probability: unigram p(c) = (n(c) + 1) / (N + V), bigram p(c | a) = (n(a c) + 1) / (n(a ·) + V),
 * where n counts in the training part, N is its length and V the vocabulary size.
 */

/** Held-out cross-entropy (nats per character) and perplexity of the two counting models. */
export interface NgramBaselines {
  readonly unigram: { readonly crossEntropy: number; readonly perplexity: number };
  readonly bigram: { readonly crossEntropy: number; readonly perplexity: number };
  /** How many held-out characters were scored. */
  readonly count: number;
}

/**
 * Scores the characters at positions [from, to) of `codes` (each predicted from the one before it, for
 * the bigram) with counts taken from the training part [0, split). `vocabularySize` is V; `from` ≥ 1.
 */
export function ngramBaselines(
  codes: Int32Array,
  split: number,
  from: number,
  to: number,
  vocabularySize: number,
): NgramBaselines {
  if (!(split >= 2 && from >= 1 && from < to && to <= codes.length)) {
    throw new RangeError(
      `Cannot score positions [${from}, ${to}) with a training part of ${split} characters.`,
    );
  }
  const V = vocabularySize;
  const unigramCounts = new Float64Array(V);
  const pairCounts = new Float64Array(V * V);
  const contextCounts = new Float64Array(V);
  for (let i = 0; i < split; i++) unigramCounts[codes[i]!]!++;
  for (let i = 1; i < split; i++) {
    pairCounts[codes[i - 1]! * V + codes[i]!]!++;
    contextCounts[codes[i - 1]!]!++;
  }
  let unigramLoss = 0;
  let bigramLoss = 0;
  for (let i = from; i < to; i++) {
    const previous = codes[i - 1]!;
    const current = codes[i]!;
    unigramLoss -= Math.log((unigramCounts[current]! + 1) / (split + V));
    bigramLoss -= Math.log((pairCounts[previous * V + current]! + 1) / (contextCounts[previous]! + V));
  }
  const count = to - from;
  const score = (loss: number) => ({ crossEntropy: loss / count, perplexity: Math.exp(loss / count) });
  return { unigram: score(unigramLoss), bigram: score(bigramLoss), count };
}
