import type { GlossaryTerm } from '../../app/lessonTypes';

export const glossary: readonly GlossaryTerm[] = [
  {
    term: 'sequence',
    definition:
      'An ordered list of items, such as words, audio samples or daily prices, in which position matters.',
  },
  {
    term: 'feed-forward network',
    definition:
      'A network whose fixed-size input flows straight through its layers to the output, with no memory between one input and the next.',
  },
  {
    term: 'recurrent neural network (RNN)',
    definition:
      'A network that reads a sequence one item at a time and feeds its hidden state back into itself at the next step.',
  },
  {
    term: 'time step',
    definition: 'One position in a sequence, and one application of the recurrence to it.',
  },
  {
    term: 'hidden state',
    definition:
      'The vector of H numbers a recurrent network carries from one step to the next: its fixed-size, lossy memory of everything read so far.',
  },
  {
    term: 'recurrent weights',
    definition: 'The H by H matrix W_hh that maps the previous hidden state into the new one.',
  },
  {
    term: 'weight sharing',
    definition:
      'Using the same weights and biases at every time step, so one rule serves every position and any length.',
  },
  {
    term: 'unrolling',
    definition:
      'Redrawing the loop of a recurrent network as a chain of copies, one per time step, all with the same weights.',
  },
  {
    term: 'seed',
    definition:
      'The whole number a random number generator starts from; the same seed always draws the same random weights and data, so a run can be repeated exactly.',
  },
  {
    term: 'softmax',
    definition: 'A function that turns a vector of scores into positive probabilities that add up to 1.',
  },
  {
    term: 'saturation',
    definition:
      'The regime where a tanh unit gets an input so large in size that its output sits near $-1$ or $1$ and barely moves.',
  },
  {
    term: 'encoder-decoder',
    definition:
      'A design where one network summarizes the input sequence and a second network writes the output sequence from that summary.',
  },
];
