/**
 * Lesson 3's live demo, shared by the lesson and its slides; tests/unit/demoSeeds.l3.test.ts runs it on
 * seeds 1 to 10 and checks what the text says about it.
 */
import type { LiveDemo } from '../../app/lessonTypes';

const rnnVsLstmRun = {
  config: {
    task: { kind: 'recall', lag: 30, symbols: 8, distractors: 2, heldOutSize: 256 },
    hiddenSize: 32,
    init: { scheme: 'pytorch', std: 0.1, forgetBias: 3 },
    seed: 1,
  },
  compare: ['rnn', 'lstm'],
  steps: 500,
  figures: ['loss', 'gradients'],
} as const satisfies Omit<LiveDemo, 'id' | 'title'>;

export const rnnVsLstm: LiveDemo = {
  id: 'l3-rnn-vs-lstm',
  title: 'RNN and LSTM on recall with a gap of 30 steps',
  ...rnnVsLstmRun,
};

export const rnnVsLstmSlides: LiveDemo = {
  id: 'l3-slides-rnn-vs-lstm',
  title: 'RNN and LSTM on recall with a gap of 30 steps',
  ...rnnVsLstmRun,
};
