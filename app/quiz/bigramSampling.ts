/**
 * Sampling from the bigram model of a built-in text, shared by the sampling widget of the language-models
 * lesson and its predict question: the text's vocabulary and pair counts (made once per text and kept),
 * samples at a temperature from a seed, and how repetitive a sample is.
 */
import type { BigramModel } from '../../engine/text/bigramModel';
import type { Vocabulary } from '../../engine/text/vocabulary';
import {
  buildVocabulary,
  countBigrams,
  createRng,
  decode,
  distinctShare,
  encode,
  loadBuiltinText,
  sampleBigrams,
} from '../engine';
import type { SamplingExperiment } from '../lessonTypes';
import type { PredictOutcome } from '../store/answers';
import { decideOutcome } from './outcome';

/** A text's bigram model with the vocabulary that maps its symbols to characters. */
export interface TextBigrams {
  readonly vocabulary: Vocabulary;
  readonly model: BigramModel;
  /** Characters of the text the counts came from. */
  readonly length: number;
}

const cache = new Map<string, Promise<TextBigrams>>();

/** The bigram model of a built-in text, counted on first use (a few milliseconds) and kept. */
export function loadTextBigrams(textId: string): Promise<TextBigrams> {
  let entry = cache.get(textId);
  if (!entry) {
    entry = loadBuiltinText(textId).then((text) => {
      if (text === null) throw new Error(`There is no built-in text "${textId}".`);
      const { vocabulary } = buildVocabulary(text);
      const codes = encode(vocabulary, text);
      return { vocabulary, model: countBigrams(codes, vocabulary.symbols.length), length: codes.length };
    });
    // A failed load (offline before the chunk was saved) is tried again next time.
    entry.catch(() => cache.delete(textId));
    cache.set(textId, entry);
  }
  return entry;
}

/** The symbol of `character` in the model, or of a space when the text has no such character. */
export function symbolOf(bigrams: TextBigrams, character: string): number {
  const index = bigrams.vocabulary.symbols.indexOf(character);
  return index >= 0 ? index : Math.max(0, bigrams.vocabulary.symbols.indexOf(' '));
}

/** One sample as symbols and as text: `length` characters after `primer`, at `temperature`, from `seed`. */
export function sampleFrom(
  bigrams: TextBigrams,
  primer: string,
  length: number,
  temperature: number,
  seed: number,
): { readonly codes: Int32Array; readonly text: string } {
  const codes = sampleBigrams(bigrams.model, symbolOf(bigrams, primer), length, temperature, createRng(seed));
  return { codes, text: decode(bigrams.vocabulary, codes) };
}

/** The share of distinct 4-character stretches of a sample (near 0: it loops; 1: nothing repeats). */
export function repetitionMeasure(codes: Int32Array): number {
  return distinctShare(codes, 4);
}

/** Every run's sample of a sampling experiment, in run order. */
export function experimentSamples(
  experiment: SamplingExperiment,
  bigrams: TextBigrams,
): readonly { readonly runId: string; readonly text: string; readonly value: number }[] {
  return experiment.runs.map((run) => {
    const sample = sampleFrom(
      bigrams,
      experiment.primer,
      experiment.length,
      run.temperature,
      experiment.seed,
    );
    return { runId: run.id, text: sample.text, value: repetitionMeasure(sample.codes) };
  });
}

/** Runs a sampling experiment: its samples, measured, and which choice they make right. */
export async function runSamplingExperiment(
  experiment: SamplingExperiment,
  offersTie: boolean,
): Promise<PredictOutcome | null> {
  const bigrams = await loadTextBigrams(experiment.text);
  const values = experimentSamples(experiment, bigrams).map(({ runId, value }) => ({ runId, value }));
  return decideOutcome(experiment, values, offersTie);
}
