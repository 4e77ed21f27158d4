import type { Question } from '../../app/lessonTypes';

export const questions: readonly Question[] = [
  {
    id: 'l3-step-order',
    kind: 'ordering',
    prompt: 'Put the computations of one LSTM step in the order the cell performs them.',
    items: [
      {
        id: 'preactivations',
        text: 'Compute the pre-activations $W_{ih} x_t + b_{ih} + W_{hh} h_{t-1} + b_{hh}$, a vector of length $4H$',
      },
      {
        id: 'gates',
        text: 'Turn them into $i_t$, $f_t$, $g_t$, $o_t$: $\\sigma$ for the three gates, tanh for the candidate',
      },
      { id: 'cell', text: 'Update the cell: $c_t = f_t \\odot c_{t-1} + i_t \\odot g_t$' },
      { id: 'squash', text: 'Squash the new cell: $\\tanh(c_t)$' },
      { id: 'output', text: 'Gate the output: $h_t = o_t \\odot \\tanh(c_t)$' },
    ],
    hint: 'Each line can only use values that earlier lines have already produced. What does $h_t$ need?',
    explanation:
      'The gates need the pre-activations, the cell update needs the gates, and $h_t$ needs the squashed new cell, so the order is forced: pre-activations, gates and candidate, $c_t$, $\\tanh(c_t)$, $h_t$.',
  },
  {
    id: 'l3-forget-gate-history',
    kind: 'single',
    prompt: 'Who added the forget gate to the LSTM?',
    choices: [
      {
        id: 'hochreiter-1997',
        text: 'Hochreiter and Schmidhuber, in the original LSTM paper (1997)',
        feedback:
          'The 1997 LSTM had the cell, an input gate and an output gate. Its cell carried old content forward with a fixed weight of 1 (the constant error carousel); there was no forget gate yet.',
      },
      {
        id: 'gers-2000',
        text: 'Gers, Schmidhuber and Cummins (2000, first presented in 1999)',
        feedback:
          'Right. They added a learned multiplier on the old cell content so that a cell can clear itself on long, unbroken input streams.',
      },
      {
        id: 'cho-2014',
        text: 'Cho et al. (2014), together with the GRU',
        feedback:
          'Cho et al. introduced the GRU, whose update gate plays a related role, but the LSTM already had its forget gate well before 2014.',
      },
      {
        id: 'jozefowicz-2015',
        text: 'Jozefowicz, Zaremba and Sutskever (2015)',
        feedback:
          'They studied how to initialize the forget gate (a bias of 1), not where the gate came from. It existed fifteen years earlier.',
      },
    ],
    answer: 'gers-2000',
    hint: 'The 1997 cell carried its content forward with a fixed weight of exactly 1.',
    explanation:
      'Hochreiter and Schmidhuber (1997) introduced the memory cell with input and output gates. Gers, Schmidhuber and Cummins (2000) added the forget gate, which the LSTM of PyTorch and Keras includes today.',
  },
  {
    id: 'l3-forget-rows',
    kind: 'single',
    prompt:
      'An LSTM layer in the app (PyTorch layout) has $H = 32$. Which rows of `weight_ih_l0` hold the forget gate\u2019s input weights $W_{if}$? Rows are counted from 0.',
    choices: [
      {
        id: 'rows-0-31',
        text: 'Rows 0 to 31',
        feedback: 'The first block belongs to the input gate $i$, which comes first in the order i, f, g, o.',
      },
      {
        id: 'rows-32-63',
        text: 'Rows 32 to 63',
        feedback:
          'Right. The blocks are stacked i, f, g, o, each $H = 32$ rows tall, so f is the second block.',
      },
      {
        id: 'rows-64-95',
        text: 'Rows 64 to 95',
        feedback: 'The third block holds the candidate $g$ (PyTorch\u2019s "cell gate").',
      },
      {
        id: 'rows-96-127',
        text: 'Rows 96 to 127',
        feedback: 'The last block holds the output gate $o$.',
      },
    ],
    answer: 'rows-32-63',
    hint: 'Recall the gate order and that each block has $H$ rows.',
    explanation:
      '`weight_ih_l0` is $4H \\times I$ with row blocks in the order i, f, g, o. With $H = 32$, the forget gate owns the second block: rows 32 to 63.',
  },
  {
    id: 'l3-parameter-count',
    kind: 'numeric',
    prompt:
      'How many parameters does one PyTorch LSTM layer have with input size $I = 20$ and hidden size $H = 50$? Count both weight matrices and both bias vectors, but no output layer.',
    answer: 14400,
    tolerance: 0,
    unit: 'parameters',
    hint: 'Four blocks (i, f, g, o), each with an $H \\times I$ input matrix, an $H \\times H$ recurrent matrix and two bias vectors of length $H$.',
    explanation:
      'The count is $4H(I + H + 2) = 4 \\cdot 50 \\cdot (20 + 50 + 2) = 200 \\cdot 72 = 14{,}400$. A plain RNN of the same sizes has a quarter of that, 3,600.',
  },
  {
    id: 'l3-worked-cell',
    kind: 'numeric',
    prompt:
      'One LSTM unit has pre-activations $a_i = 0$, $a_f = 1$, $a_g = 1$, $a_o = 2$, and the cell arrives holding $c_{t-1} = 2$. Compute the new cell state $c_t$ to two decimals.',
    answer: 1.843,
    tolerance: 0.01,
    hint: 'Find $i = \\sigma(0)$, $f = \\sigma(1)$ and $g = \\tanh(1)$ first. The output gate does not affect $c_t$.',
    explanation:
      '$i = \\sigma(0) = 0.5$, $f = \\sigma(1) \\approx 0.731$, $g = \\tanh(1) \\approx 0.762$. Then $c_t = 0.731 \\times 2 + 0.5 \\times 0.762 \\approx 1.462 + 0.381 = 1.843$. The cell is not squashed, so it may exceed 1; only $h_t = \\sigma(2) \\tanh(1.843) \\approx 0.838$ is kept between $-1$ and $1$.',
  },
  {
    id: 'l3-half-life',
    kind: 'numeric',
    prompt:
      'An LSTM unit holds its forget gate at $f = 0.98$ and its input gate near 0 for a long stretch. After how many steps is half of its cell content left? Give one decimal.',
    answer: 34.3,
    tolerance: 0.2,
    unit: 'steps',
    hint: 'Each step multiplies the cell by $f$, so solve $f^n = 0.5$ for $n$.',
    explanation:
      '$n = \\ln 0.5 / \\ln 0.98 = -0.693 / -0.0202 \\approx 34.3$ steps. Compare 13.5 steps at $f = 0.95$: moving the gate from 0.95 to 0.98 more than doubles how long the cell remembers.',
  },
  {
    id: 'l3-true-statements',
    kind: 'multiple',
    prompt:
      'Which statements about the LSTM in the app (PyTorch\u2019s convention) are true? Choose all that apply.',
    choices: [
      {
        id: 'cell-jacobian',
        text: 'Along the direct path, $\\partial c_t / \\partial c_{t-1} = \\mathrm{diag}(f_t)$.',
        feedback:
          'True. Differentiating $c_t = f_t \\odot c_{t-1} + i_t \\odot g_t$ with the gates held fixed leaves only the forget gate, entry by entry.',
      },
      {
        id: 'cell-bounded',
        text: 'Every entry of $c_t$ lies between $-1$ and $1$.',
        feedback:
          'False. Nothing squashes $c_t$ itself: it is a kept share of the old cell plus new content, and can grow beyond 1, as in the lesson\u2019s worked step ($c_t = 1.042$).',
      },
      {
        id: 'hidden-bounded',
        text: 'Every entry of $h_t$ lies between $-1$ and $1$.',
        feedback:
          'True. $h_t = o_t \\odot \\tanh(c_t)$, a number between 0 and 1 times one between $-1$ and $1$.',
      },
      {
        id: 'candidate-sigmoid',
        text: 'The candidate $g_t$ uses a sigmoid, like the gates.',
        feedback:
          'False. The candidate uses tanh, so the new content can be negative as well as positive. Only $i_t$, $f_t$ and $o_t$ use the sigmoid.',
      },
      {
        id: 'two-biases',
        text: 'Each gate has two bias vectors, and only their sum affects the output.',
        feedback:
          'True. PyTorch stores `bias_ih_l0` and `bias_hh_l0`; they are always added together, so only the sum matters. Keras keeps a single bias.',
      },
    ],
    answers: ['cell-jacobian', 'hidden-bounded', 'two-biases'],
    hint: 'Check which quantities pass through a squashing function last, and which nonlinearity the candidate uses.',
    explanation:
      'The direct cell path scales the gradient by $f_t$; $h_t$ is bounded because of the tanh and the output gate, while $c_t$ is not; the candidate uses tanh; and the two biases of each gate are simply added.',
  },
  {
    id: 'l3-forget-bias-predict',
    kind: 'predict',
    prompt:
      'The same LSTM (32 hidden units, seed 1) trains for 400 steps on recall with a gap of 10 steps, once with the forget gate\u2019s total bias set to 1 and once set to 0. Which reaches the higher held-out accuracy?',
    experiment: {
      description: 'held-out accuracy on recall (gap 10) after 400 steps',
      runs: [
        {
          id: 'bias-1',
          label: 'forget bias 1',
          config: {
            cell: 'lstm',
            task: { kind: 'recall', lag: 10, symbols: 8, distractors: 2, heldOutSize: 256 },
            hiddenSize: 32,
            init: { scheme: 'pytorch', std: 0.1, forgetBias: 1 },
            seed: 1,
          },
        },
        {
          id: 'bias-0',
          label: 'forget bias 0',
          config: {
            cell: 'lstm',
            task: { kind: 'recall', lag: 10, symbols: 8, distractors: 2, heldOutSize: 256 },
            hiddenSize: 32,
            init: { scheme: 'pytorch', std: 0.1, forgetBias: 0 },
            seed: 1,
          },
        },
      ],
      steps: 400,
      measure: 'heldOutMetric',
      winner: 'highest',
      tieWithin: 0.05,
    },
    choices: [
      {
        id: 'bias-1',
        text: 'Forget bias 1',
        feedback:
          'With bias 1 the untrained forget gate sits near $\\sigma(1) \\approx 0.73$, so the cell keeps most of the cue from step to step and the gradient from the answer reaches it far less diminished than at $\\sigma(0) = 0.5$.',
      },
      {
        id: 'bias-0',
        text: 'Forget bias 0',
        feedback:
          'At bias 0 the untrained forget gate sits near 0.5, halving the cell at every step: over 10 steps the direct cell path scales the gradient by about $0.5^{10} \\approx 0.001$, against $0.731^{10} \\approx 0.04$ with bias 1.',
      },
      {
        id: 'tie',
        text: 'About the same (within 5% of each other)',
        feedback:
          'A gap of 10 steps is already long enough for the starting value of the forget gate to matter: the two runs start with very different memories.',
      },
    ],
    explain: {
      outcome: 'bias-1',
      prompt: 'Why did forget bias 1 reach the higher accuracy?',
      choices: [
        {
          id: 'keeps',
          text: 'At the start of training its forget gates sit near 0.73 instead of 0.5, so far more of the cue, and of the gradient back to it, survives the 10 steps.',
          feedback:
            'Yes: $0.73^{10} \\approx 0.04$ against $0.5^{10} \\approx 0.001$, a signal about forty times stronger from the first step.',
        },
        {
          id: 'params',
          text: 'A bias of 1 gives the LSTM more parameters to learn with.',
          feedback:
            'Both LSTMs have exactly the same parameters; only the starting value of one bias differs.',
        },
        {
          id: 'rate',
          text: 'A larger bias makes the updates larger, so that network learns faster.',
          feedback:
            'The bias does not scale the updates. It sets how much the untrained cell keeps from one step to the next.',
        },
      ],
      answer: 'keeps',
    },
    hint: 'At the start of training, what value does the forget gate take when its pre-activation is just its bias? Raise it to the 10th power.',
    explanation:
      'The forget bias sets how much the untrained cell remembers. With bias 1, $f \\approx 0.73$ and $0.73^{10} \\approx 0.04$; with bias 0, $f \\approx 0.5$ and $0.5^{10} \\approx 0.001$. Over seeds 1 to 10, bias 1 won on 9 and the two ended within 5% on the other. The run above measures the effect on held-out accuracy in your browser (Jozefowicz, Zaremba and Sutskever, 2015, found that a bias of 1 closed the gap between the LSTM and the GRU on their tasks).',
  },
];
