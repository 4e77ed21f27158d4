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
    term: 'learning rate',
    definition:
      'The positive number $\\eta$ in the update $w \\leftarrow w - \\eta\\, \\partial L/\\partial w$ that sets how far one training step moves the weights.',
  },
  {
    term: 'stochastic gradient descent (SGD)',
    definition:
      'Training by the update $w \\leftarrow w - \\eta\\, \\partial L/\\partial w$, with the gradient computed on one random batch at a time.',
  },
  {
    term: 'optimizer',
    definition:
      'The rule that turns gradients into weight changes at each training step, such as plain SGD or Adam.',
  },
  {
    term: 'Adam',
    definition:
      "An optimizer that divides a running average of each weight's gradients by the square root of a running average of their squares, so each weight moves by about the learning rate per step; its default learning rate is 0.001 (Kingma and Ba, 2015).",
  },
  {
    term: 'batch',
    definition:
      'The handful of example sequences processed together for one training step; the loss and its gradient are averaged over them.',
  },
  {
    term: 'held-out set',
    definition:
      'Examples kept apart from training and used only to test the network, so that its score shows what it learned rather than what it memorised.',
  },
  {
    term: 'norm',
    definition:
      'The length of a vector, $\\lVert v \\rVert = \\sqrt{v_1^2 + \\cdots + v_n^2}$; the gradient bars show the norm of $\\partial L/\\partial h_t$ at each time step.',
  },
  {
    term: 'gradient-norm bars',
    definition:
      'The figure with one bar per time step whose height is $\\lVert \\partial L/\\partial h_t \\rVert$: how strongly the loss reacts to the state at that step.',
  },
  {
    term: 'Frobenius norm',
    definition:
      'The square root of the sum of the squares of all entries of a matrix; for the $H \\times H$ identity it is $\\sqrt{H}$, which is why the vanishing explorer\u2019s curves start there.',
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
    term: 'largest singular value (spectral norm)',
    definition:
      'The most a matrix can stretch the length of any vector, written $\\sigma_{\\max}$ or $\\lVert A \\rVert_2$; it bounds how much each step can grow the gradient.',
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
      'BPTT that stops the backward sweep every $k$ steps while the forward state runs on; usually the weights are updated after every window, while this app updates once per batch.',
  },
  {
    term: 'memory horizon',
    definition:
      'How many steps back a trained network can still use what it saw, measured for a given cell, task and training budget.',
  },
];
