/**
 * The language lab's word goal: of the words in a sample (runs of letters, compared in lower case), the
 * share that are words of the text the model learned. Shared by the Node and the Chromium measurements.
 */
const WORD = /\p{L}+/gu;

/** The share (0..1) of `sample`'s words that occur in `text`; 0 when the sample has no words. */
export function wordShare(sample: string, text: string): number {
  const known = new Set(text.toLowerCase().match(WORD) ?? []);
  const words = sample.toLowerCase().match(WORD) ?? [];
  if (words.length === 0) return 0;
  return words.filter((word) => known.has(word)).length / words.length;
}
