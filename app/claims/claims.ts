/**
 * Every number the course states that can be measured, as the course states it, with the lessons that
 * state it. The claims page measures each one live; lessons link here with <Claim id>.
 * (tests/component/present/claims.test.ts checks these lessons really carry the <Claim> links.)
 */
import type { ClaimId } from '../widgets/Claim';

export interface ClaimEntry {
  readonly id: ClaimId;
  readonly title: string;
  /** What the course says, in its own words (no number here that the page does not measure). */
  readonly statement: string;
  /** How the page checks it. */
  readonly method: string;
  /** Folders of the lessons that state it, in course order. */
  readonly lessons: readonly string[];
}

export const claims: readonly ClaimEntry[] = [
  {
    id: 'memory-horizon',
    title: 'How far back each cell remembers',
    statement:
      'A plain RNN has no fixed memory length: how far back it can recall depends on its initialization, the task and the training budget. On the recall task with the sweep’s budget, nearly every run learns the shorter gaps, and which cells learn the longest gap changes from seed to seed, for the plain RNN as for the LSTM and the GRU.',
    method:
      'Trains a fresh RNN, LSTM and GRU on recall at each gap, on three seeds (each its own initial weights and batches), and plots every run’s held-out accuracy as a dot.',
    lessons: ['02-backpropagation-through-time', '03-lstm', '07-summary'],
  },
  {
    id: 'gru-parameters',
    title: 'A GRU has 25% fewer parameters than an LSTM',
    statement:
      "At equal input and hidden sizes, a GRU layer has exactly three quarters of an LSTM layer's parameters: 25% fewer, at any sizes.",
    method:
      'Counts the parameters of each layer with the engine’s own counter (the one the trainer allocates by) for several sizes.',
    lessons: ['04-gru', '07-summary'],
  },
  {
    id: 'step-time',
    title: 'Time per training step',
    statement:
      'Fewer parameters do not promise a fixed speed-up: the time a training step takes depends on the hardware, the library and the sizes, so the course measures it on your machine instead of quoting a percentage.',
    method:
      'Times training steps of an RNN, an LSTM and a GRU of the same sizes, one after the other, in the training worker.',
    lessons: ['04-gru', '07-summary'],
  },
  {
    id: 'clipping',
    title: 'Clipping rescues a run that explodes',
    statement:
      'Trained with plain SGD at a high learning rate, this RNN’s gradient norm grows until the run diverges; clipped at a global norm of 1, the same run from the same weights trains, and the clip fires on a share of steps you can count.',
    method: 'Trains the same configuration twice side by side, without clipping and clipped at norm 1.',
    lessons: ['05-training-well'],
  },
  {
    id: 'forget-bias',
    title: 'Forget-gate bias 1 against 0',
    statement:
      'Starting the LSTM’s forget gate with a bias of 1 instead of 0 keeps the untrained cell remembering, which helps it learn to carry a symbol across a gap (Jozefowicz, Zaremba and Sutskever, 2015).',
    method:
      'Trains the same LSTM on recall with forget bias 1 and with bias 0, on three seeds, and compares their held-out accuracy.',
    lessons: ['03-lstm', '05-training-well', '07-summary'],
  },
];
