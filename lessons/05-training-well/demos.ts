/**
 * Lesson 5's live demos, shared by the lesson and its slides; tests/unit/demoSeeds.l5.test.ts runs them on
 * seeds 1 to 10 and checks what the text says about them.
 */
import type { LiveDemo } from '../../app/lessonTypes';

const recall = (lag: number) =>
  ({ kind: 'recall', lag, symbols: 8, distractors: 2, heldOutSize: 256 }) as const;

const orthogonalRun = {
  config: {
    cell: 'rnn',
    task: recall(20),
    hiddenSize: 32,
    init: { scheme: 'orthogonal', std: 0.1, forgetBias: null },
    seed: 1,
  },
  steps: 600,
  figures: ['loss', 'gradients'],
} as const satisfies Omit<LiveDemo, 'id' | 'title'>;

/** Orthogonal W_hh against a Gaussian of standard deviation 0.01, both plain RNNs at lag 20. */
export const initOrthogonal: LiveDemo = {
  id: 'l5-init-orthogonal',
  title: 'RNN, orthogonal recurrent weights',
  ...orthogonalRun,
};
export const initOrthogonalSlides: LiveDemo = { ...initOrthogonal, id: 'l5-slide-init-orthogonal' };
export const initTinyGaussian: LiveDemo = {
  id: 'l5-init-tiny-gaussian',
  title: 'RNN, Gaussian weights with standard deviation 0.01',
  ...orthogonalRun,
  config: { ...orthogonalRun.config, init: { scheme: 'gaussian', std: 0.01, forgetBias: null } },
};

const forgetBiasRun = (forgetBias: number) =>
  ({
    config: {
      cell: 'lstm',
      task: recall(15),
      hiddenSize: 32,
      init: { scheme: 'pytorch', std: 0.1, forgetBias },
      seed: 2,
    },
    steps: 500,
    figures: ['loss', 'metric'],
  }) as const satisfies Omit<LiveDemo, 'id' | 'title'>;

/** Two LSTMs at lag 15 that differ only in the forget gate's starting bias. */
export const forgetBiasOne: LiveDemo = {
  id: 'l5-forget-bias-1',
  title: 'LSTM, forget-gate bias 1',
  ...forgetBiasRun(1),
};
export const forgetBiasZero: LiveDemo = {
  id: 'l5-forget-bias-0',
  title: 'LSTM, forget-gate bias 0',
  ...forgetBiasRun(0),
};
export const forgetBiasZeroSlides: LiveDemo = { ...forgetBiasZero, id: 'l5-slide-forget-bias-0' };

const rateRun = {
  config: {
    cell: 'rnn',
    task: recall(5),
    hiddenSize: 32,
    clip: { kind: 'norm', maxNorm: 1 },
    seed: 1,
  },
  steps: 300,
} as const;

/** SGD at 0.001, SGD at 1 and Adam at 0.001, all clipped at 1, on recall at lag 5. */
export const sgdSmallRate: LiveDemo = {
  id: 'l5-sgd-small-rate',
  title: 'SGD, learning rate 0.001, clipped at 1',
  ...rateRun,
  config: { ...rateRun.config, optimizer: { kind: 'sgd' }, learningRate: 0.001 },
  figures: ['loss'],
};
export const sgdLargeRate: LiveDemo = {
  id: 'l5-sgd-large-rate',
  title: 'SGD, learning rate 1, clipped at 1',
  ...rateRun,
  config: { ...rateRun.config, optimizer: { kind: 'sgd' }, learningRate: 1 },
  figures: ['loss', 'clipping'],
};
export const sgdLargeRateSlides: LiveDemo = { ...sgdLargeRate, id: 'l5-slide-sgd-large-rate' };
export const adamDefaultRate: LiveDemo = {
  id: 'l5-adam-default-rate',
  title: 'Adam, learning rate 0.001, clipped at 1',
  ...rateRun,
  config: { ...rateRun.config, optimizer: { kind: 'adam' }, learningRate: 0.001 },
  figures: ['loss'],
};

const dropoutRun = (output: number, recurrent: number) =>
  ({
    config: {
      cell: 'lstm',
      task: { kind: 'chars', steps: 32, heldOutShare: 0.1 },
      hiddenSize: 32,
      dropout: { input: 0, output, recurrent, layer: 0 },
      seed: 1,
    },
    steps: 800,
    figures: ['loss', 'metric'],
  }) as const satisfies Omit<LiveDemo, 'id' | 'title'>;

/** A small character-level LSTM without dropout, and with output and variational recurrent dropout. */
export const dropoutOff: LiveDemo = {
  id: 'l5-dropout-off',
  title: 'LSTM language model, no dropout',
  ...dropoutRun(0, 0),
};
export const dropoutOn: LiveDemo = {
  id: 'l5-dropout-on',
  title: 'LSTM language model, output and variational recurrent dropout 0.25',
  ...dropoutRun(0.25, 0.25),
};
