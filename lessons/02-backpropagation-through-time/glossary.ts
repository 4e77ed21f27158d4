import type { GlossaryTerm } from '../../app/lessonTypes';

export const glossary: readonly GlossaryTerm[] = [
  {
    term: 'loss',
    definition:
      'A single number that measures how wrong the network\u2019s outputs are; training changes the weights to make it smaller.',
  },
  {
    term: 'gradient',
    definition:
      'The derivatives of the loss with respect to each weight, saying how the loss would change if that weight moved slightly.',
  },
  {
    term: 'backpropagation through time (BPTT)',
    definition:
      'Backpropagation applied to the unrolled network: a forward pass that stores every hidden state, then a backward sweep from the last step to the first.',
  },
  {
    term: 'cross-entropy',
    definition:
      'The loss $-\\log p_c$ of a classifier, where $p_c$ is the probability it gave to the correct class.',
  },
  {
    term: 'pre-activation',
    definition:
      'The vector $a_t = W_{xh} x_t + W_{hh} h_{t-1} + b_h$ inside the tanh, before it is squashed into $h_t$.',
  },
  {
    term: 'Jacobian',
    definition:
      'The matrix of derivatives of one vector with respect to another; for a tanh RNN, $\\partial h_k/\\partial h_{k-1} = \\mathrm{diag}(1 - h_k^2)\\, W_{hh}$.',
  },
  {
    term: 'largest singular value',
    definition:
      'The most a matrix can stretch the length of any vector, written $\\sigma_{\\max}$; it bounds how much each step can grow the gradient.',
  },
  {
    term: 'vanishing gradient',
    definition:
      'A gradient that shrinks roughly geometrically as it flows back in time, so early inputs barely influence learning.',
  },
  {
    term: 'exploding gradient',
    definition:
      'A gradient that grows roughly geometrically as it flows back in time, producing huge updates and sudden jumps in the loss.',
  },
  {
    term: 'gradient clipping',
    definition:
      'Rescaling the gradient whenever its norm exceeds a threshold, keeping its direction but capping its length.',
  },
  {
    term: 'truncated BPTT',
    definition:
      'BPTT that stops the backward sweep every $k$ steps while the forward state runs on, trading long-range learning for cheaper, more frequent updates.',
  },
  {
    term: 'memory horizon',
    definition:
      'How many steps back a trained network can still use what it saw, measured for a given cell, task and training budget.',
  },
];
