/**
 * The exploding run of the clipping demo: a tanh RNN predicting a sum of sines, trained with plain SGD
 * at a large learning rate from an orthogonal W_hh. Without clipping its gradient overflows within a
 * hundred steps; clipped at global norm 1 it trains (tests/component/widgets/clippingConfig.test.ts
 * checks both with the real engine).
 */
import type { TrainerConfig } from '../../engine/trainerConfig';
import { configFrom } from './experimentConfig';

export const CLIPPING_SETUP = {
  steps: 400,
  threshold: 1,
  learningRate: 0.5,
  hiddenSize: 32,
  batchSize: 32,
  sequenceLength: 30,
  seed: 1,
} as const;

export type ClipVariant = 'none' | 'clipped';
export const CLIP_VARIANTS: readonly ClipVariant[] = ['none', 'clipped'];

export function clippingSlot(variant: ClipVariant): string {
  return `clipping-demo-${variant}`;
}

export const clipVariantLabels: Readonly<Record<ClipVariant, string>> = {
  none: 'No clipping',
  clipped: `Clipping at ${CLIPPING_SETUP.threshold}`,
};

export function clippingConfig(variant: ClipVariant): TrainerConfig {
  const { learningRate, hiddenSize, batchSize, sequenceLength, threshold, seed } = CLIPPING_SETUP;
  return configFrom({
    cell: 'rnn',
    layers: 1,
    task: { kind: 'sine', steps: sequenceLength, components: 3, frequencies: 'fixed', heldOutSize: 256 },
    hiddenSize,
    batchSize,
    optimizer: { kind: 'sgd' },
    learningRate,
    schedule: { kind: 'constant' },
    clip: variant === 'none' ? { kind: 'none' } : { kind: 'norm', maxNorm: threshold },
    init: { scheme: 'orthogonal', std: 0.1, forgetBias: null },
    dropout: { input: 0, output: 0, recurrent: 0, layer: 0 },
    truncation: null,
    batching: { kind: 'fixed' },
    seed,
  });
}
