/**
 * The summary's live demo, the race of the three cells, shared by the lesson and its slides;
 * tests/unit/demoSeeds.l7.test.ts runs it on seeds 1 to 10 and checks what the text says about it.
 */
import type { LiveDemo } from '../../app/lessonTypes';

/** Every cell at the app's defaults (the LSTM's forget-gate bias 3). */
const race = {
  config: {
    task: { kind: 'recall', lag: 20, symbols: 8, distractors: 2, heldOutSize: 256 },
    hiddenSize: 32,
    seed: 1,
  },
  compare: ['rnn', 'lstm', 'gru'],
  steps: 600,
  figures: ['loss'],
} as const satisfies Omit<LiveDemo, 'id' | 'title'>;

export const allCells: LiveDemo = {
  id: 'l6-all-cells',
  title: 'RNN, LSTM and GRU on recall at lag 20',
  ...race,
};

export const allCellsSlides: LiveDemo = {
  id: 'l6-slides-all-cells',
  title: 'RNN, LSTM and GRU on recall at lag 20',
  ...race,
};
