/**
 * What the language lab trains unless the student says otherwise, chosen by measurement on this
 * project's 2-core machine (the figures are in the README's "Language lab" section): on the course
 * prose, held-out perplexity falls below the bigram baseline well within a minute, and samples at
 * temperature 0.5 are mostly words of the text after three minutes.
 */
import { DEFAULT_FORGET_BIAS, type TrainerConfig } from '../trainerConfig.ts';
import type { CellKind } from '../types.ts';

/** The lab's default model and training settings for `text` (the task's window, split and vocabulary too). */
export function labTrainerConfig(
  text: string,
  choice: {
    readonly cell?: CellKind;
    readonly layers?: number;
    readonly hiddenSize?: number;
    readonly seed?: number;
  } = {},
): TrainerConfig {
  return {
    cell: choice.cell ?? LAB_DEFAULTS.cell,
    task: { kind: 'text', text, steps: LAB_DEFAULTS.steps, heldOutShare: 0.1, vocabularySize: 96 },
    layers: choice.layers ?? LAB_DEFAULTS.layers,
    hiddenSize: choice.hiddenSize ?? LAB_DEFAULTS.hiddenSize,
    batchSize: LAB_DEFAULTS.batchSize,
    optimizer: { kind: 'adam' },
    learningRate: LAB_DEFAULTS.learningRate,
    schedule: { kind: 'constant' },
    clip: { kind: 'norm', maxNorm: 1 },
    init: { scheme: 'pytorch', std: 0.1, forgetBias: DEFAULT_FORGET_BIAS },
    dropout: { input: 0, output: 0, recurrent: 0, layer: 0 },
    truncation: null,
    batching: { kind: 'fixed' },
    seed: choice.seed ?? LAB_DEFAULTS.seed,
  };
}

/** The defaults themselves (the page's form starts from these). */
export const LAB_DEFAULTS = {
  cell: 'lstm' as CellKind,
  layers: 1,
  hiddenSize: 128,
  steps: 32,
  batchSize: 16,
  learningRate: 0.02,
  seed: 1,
} as const;
