/**
 * Lesson 2's live demos, shared by the lesson and its slides; tests/unit/demoSeeds.l2.test.ts runs them on
 * seeds 1 to 10 and checks what the text says about them.
 */
import type { LiveDemo } from '../../app/lessonTypes';

/**
 * A plain RNN on recall at a gap of 60 steps: long enough that its gradient vanishes before reaching the
 * cue and it stays near guessing within the budget on most seeds (at lag 20 it learned within 150 steps).
 * Seed 2 is one on which it fails.
 */
const vanishing = {
  config: {
    cell: 'rnn',
    task: { kind: 'recall', lag: 60, symbols: 8, distractors: 2, heldOutSize: 256 },
    hiddenSize: 32,
    seed: 2,
  },
  steps: 300,
  figures: ['loss', 'gradients'],
} as const satisfies Omit<LiveDemo, 'id' | 'title'>;

export const rnnGradients: LiveDemo = {
  id: 'l2-rnn-gradients',
  title: 'A plain RNN on recall at lag 60: the gradient at each time step',
  ...vanishing,
};

export const rnnGradientsSlides: LiveDemo = {
  id: 'l2-slides-rnn-gradients',
  title: 'A plain RNN on recall at lag 60',
  ...vanishing,
};
