import type { GlossaryTerm } from '../../app/lessonTypes';

export const glossary: readonly GlossaryTerm[] = [
  {
    term: 'long short-term memory (LSTM)',
    definition:
      'A recurrent cell with a separate cell state edited through gates, introduced by Hochreiter and Schmidhuber (1997) and given its forget gate by Gers, Schmidhuber and Cummins (2000).',
  },
  {
    term: 'cell state',
    definition:
      'The LSTM\u2019s second state vector $c_t$, updated by $c_t = f_t \\odot c_{t-1} + i_t \\odot g_t$ and not squashed, along which the gradient passes scaled only by the forget gate.',
  },
  {
    term: 'gate',
    definition:
      'A vector of values between 0 and 1, made by a sigmoid from the current input and previous hidden state, that scales another vector entry by entry.',
  },
  {
    term: 'input gate',
    definition: 'The LSTM gate $i_t$ that sets how much of the candidate $g_t$ is written into the cell.',
  },
  {
    term: 'forget gate',
    definition:
      'The LSTM gate $f_t$ that sets how much of the old cell $c_{t-1}$ is kept; added by Gers, Schmidhuber and Cummins (2000), not part of the 1997 LSTM.',
  },
  {
    term: 'output gate',
    definition: 'The LSTM gate $o_t$ that sets how much of $\\tanh(c_t)$ becomes the hidden state $h_t$.',
  },
  {
    term: 'candidate',
    definition:
      'The vector $g_t$ of new content proposed for the cell, computed with tanh so it lies between $-1$ and $1$; PyTorch calls it the cell gate and Keras writes it as c.',
  },
  {
    term: 'half-life (of a gate)',
    definition:
      'The number of steps after which a gate held at value $f$ leaves half of what it guards: $\\ln 0.5 / \\ln f$, about 13.5 steps for $f = 0.95$.',
  },
  {
    term: 'constant error carousel',
    definition:
      'The 1997 LSTM\u2019s self-loop of fixed weight 1 on the cell, which carries an error signal backward in time without scaling it.',
  },
  {
    term: 'peephole connection',
    definition:
      'An extra input that lets an LSTM gate read the cell state directly (Gers and Schmidhuber, 2000); PyTorch\u2019s LSTM does not use it.',
  },
  {
    term: 'forget-gate bias',
    definition:
      'The forget gate\u2019s total bias $b_{if} + b_{hf}$; setting it to 1 at the start makes an untrained cell keep about 73% of its content per step (Jozefowicz, Zaremba and Sutskever, 2015).',
  },
  {
    term: 'gate order',
    definition:
      'The order in which the four blocks are stacked in the weight matrices: i, f, g, o in PyTorch and i, f, c, o in Keras.',
  },
  {
    term: 'elementwise product',
    definition:
      'The product $a \\odot b$ of two vectors of equal length, multiplying matching entries; also called the Hadamard product.',
  },
];
