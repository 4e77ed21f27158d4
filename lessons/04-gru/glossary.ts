import type { GlossaryTerm } from '../../app/lessonTypes';

export const glossary: readonly GlossaryTerm[] = [
  {
    term: 'gated recurrent unit (GRU)',
    definition:
      'A recurrent cell with one state vector, a reset gate and an update gate, proposed by Cho et al. (2014) as a lighter alternative to the LSTM.',
  },
  {
    term: 'update gate',
    definition:
      'The GRU gate $z_t$ that sets, per unit, how much of the old state is kept and how much is replaced by the candidate.',
  },
  {
    term: 'reset gate',
    definition:
      'The GRU gate $r_t$ that scales how much the old state contributes to the candidate, letting a unit build its proposal from the input alone.',
  },
  {
    term: 'candidate (new gate)',
    definition:
      'The GRU proposal $n_t$ for the new state, a tanh of the input projection plus the reset-scaled hidden projection.',
  },
  {
    term: 'Hadamard product',
    definition: 'Entry-by-entry multiplication of two vectors of the same length, written $\\odot$.',
  },
  {
    term: 'convex blend',
    definition:
      'A weighted average whose weights are between 0 and 1 and add up to 1, as in $h_t = (1 - z_t) \\odot n_t + z_t \\odot h_{t-1}$.',
  },
  {
    term: 'reset-after form',
    definition:
      'The GRU variant that applies the reset gate to $W_{hn} h_{t-1} + b_{hn}$ after the matrix product, used by PyTorch, cuDNN and Keras with reset_after=True.',
  },
  {
    term: 'reset-before form',
    definition:
      'The GRU variant of the arXiv v3 paper that multiplies $h_{t-1}$ by the reset gate before the matrix product $W_{hn}$.',
  },
  {
    term: 'fused matrix product',
    definition:
      "Computing several weight blocks as one stacked matrix times one vector, such as the GRU's $3H \\times H$ hidden projection, which is faster than separate products.",
  },
  {
    term: 'gate order r, z, n',
    definition:
      "PyTorch's layout of a GRU layer's stacked weights and biases: the first $H$ rows for the reset gate, the next $H$ for the update gate, the last $H$ for the candidate.",
  },
];
