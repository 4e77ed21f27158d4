/**
 * Lesson 4's live demo, shared by the lesson and its slides; tests/unit/demoSeeds.l4.test.ts runs it on
 * seeds 1 to 10 and checks what the text says about it.
 */
import type { LiveDemo } from '../../app/lessonTypes';

/** The LSTM keeps the app's default forget-gate bias (3). */
const config = {
  task: { kind: 'recall', lag: 15, symbols: 8, distractors: 2, heldOutSize: 256 },
  hiddenSize: 32,
  seed: 1,
} as const;

export const lstmVsGru: LiveDemo = {
  id: 'l4-lstm-vs-gru',
  title: 'LSTM against GRU on recall at lag 15',
  config,
  compare: ['lstm', 'gru'],
  steps: 600,
  figures: ['loss', 'metric', 'gradients'],
};

export const lstmVsGruSlides: LiveDemo = {
  id: 'l4-slide-lstm-vs-gru',
  title: 'LSTM against GRU on recall at lag 15',
  config,
  compare: ['lstm', 'gru'],
  steps: 600,
  figures: ['loss', 'metric'],
};
