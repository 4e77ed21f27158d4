import type { GlossaryTerm } from '../../app/lessonTypes';

export const glossary: readonly GlossaryTerm[] = [
  {
    term: 'gate order',
    definition:
      "The order in which a cell's weight blocks are stacked in one matrix; this course uses PyTorch's: i, f, g, o for the LSTM and r, z, n for the GRU.",
  },
  {
    term: 'attention',
    definition:
      'A mechanism that lets a model form, at each step, a learned weighted average of many earlier states, so it can look back at any position directly.',
  },
  {
    term: 'Transformer',
    definition:
      'A sequence model built from attention alone, with no recurrence, so that all positions of a sequence can be trained in parallel (Vaswani et al., 2017).',
  },
  {
    term: 'state-space model',
    definition:
      'A sequence model whose state is updated by a linear recurrence, which can be computed over a whole sequence in parallel during training and step by step when generating.',
  },
  {
    term: 'selective state space',
    definition:
      'A state-space model whose update parameters depend on the current input, so it can choose at each step what to keep and what to ignore, as in Mamba (Gu and Dao, 2023).',
  },
  {
    term: 'linear recurrent unit (LRU)',
    definition:
      'A recurrent block with a linear, diagonal recurrence and careful parameterization and normalization, shown to match deep state-space models on long-range benchmarks (Orvieto et al., 2023).',
  },
  {
    term: 'parallel scan',
    definition:
      'An algorithm that computes all the running results of a chain of associative operations, such as the steps of a linear recurrence, in parallel rather than one after another.',
  },
];
