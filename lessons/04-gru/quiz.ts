import type { Question } from '../../app/lessonTypes';

const recall20 = { kind: 'recall', lag: 20, symbols: 8, distractors: 2, heldOutSize: 256 } as const;

export const questions: readonly Question[] = [
  {
    id: 'l4-gru-parameter-count',
    kind: 'numeric',
    prompt:
      'A single GRU layer (PyTorch layout, two bias vectors) has input size $I = 10$ and hidden size $H = 20$. How many parameters does it have? Do not count any output layer.',
    hint: 'Three blocks $r, z, n$, each with $H \\times I$ input weights, $H \\times H$ recurrent weights and two biases of length $H$.',
    explanation:
      'Each block has $H(I + H + 2) = 20 \\cdot 32 = 640$ parameters, and a GRU has three blocks: $3 \\cdot 640 = 1920$. An LSTM of the same sizes has four blocks, $2560$, so the GRU has 25% fewer.',
    answer: 1920,
    tolerance: 0,
    unit: 'parameters',
  },
  {
    id: 'l4-blend-by-hand',
    kind: 'numeric',
    prompt:
      'In the PyTorch convention, one GRU unit has $h_{t-1} = 0.5$, update gate $z_t = 0.8$ and candidate $n_t = -0.5$. What is $h_t$?',
    hint: 'PyTorch writes $h_t = (1 - z_t) \\odot n_t + z_t \\odot h_{t-1}$: $z$ weights the old state.',
    explanation:
      '$h_t = (1 - 0.8)(-0.5) + 0.8 \\cdot 0.5 = -0.1 + 0.4 = 0.3$. With $z$ near 1 the unit mostly keeps its old value, so the negative candidate only pulls it down a little.',
    answer: 0.3,
    tolerance: 0.005,
  },
  {
    id: 'l4-pytorch-convention',
    kind: 'single',
    prompt:
      'Which pair of equations is the convention of PyTorch (and of this app) for the candidate and the new state?',
    hint: 'Two questions: where does $r_t$ multiply, and which side of the blend does $z_t$ weight?',
    explanation:
      'PyTorch applies the reset gate after the hidden matrix product, to $W_{hn} h_{t-1} + b_{hn}$, and puts $z_t$ on the old state: $h_t = (1 - z_t) \\odot n_t + z_t \\odot h_{t-1}$. The "after" form lets all three hidden projections be computed in one fused product.',
    choices: [
      {
        id: 'after-z-old',
        text: '$n_t = \\tanh(W_{in} x_t + b_{in} + r_t \\odot (W_{hn} h_{t-1} + b_{hn}))$ and $h_t = (1 - z_t) \\odot n_t + z_t \\odot h_{t-1}$',
        feedback: 'Right: reset after the product, and $z$ weights the old state, as in Cho et al. (2014).',
      },
      {
        id: 'before-z-old',
        text: '$n_t = \\tanh(W_{in} x_t + b_{in} + W_{hn}(r_t \\odot h_{t-1}) + b_{hn})$ and $h_t = (1 - z_t) \\odot n_t + z_t \\odot h_{t-1}$',
        feedback:
          "The blend is PyTorch's, but the reset gate here acts before the matrix product: that is the arXiv v3 form of Cho et al., and Keras with reset_after=False.",
      },
      {
        id: 'after-z-new',
        text: '$n_t = \\tanh(W_{in} x_t + b_{in} + r_t \\odot (W_{hn} h_{t-1} + b_{hn}))$ and $h_t = (1 - z_t) \\odot h_{t-1} + z_t \\odot n_t$',
        feedback:
          "The candidate is PyTorch's, but this blend puts $z$ on the candidate, as Chung et al. (2014) and many tutorials do. In PyTorch, $z$ weights the old state.",
      },
      {
        id: 'before-z-new',
        text: '$n_t = \\tanh(W_{in} x_t + b_{in} + W_{hn}(r_t \\odot h_{t-1}) + b_{hn})$ and $h_t = (1 - z_t) \\odot h_{t-1} + z_t \\odot n_t$',
        feedback: "This is the convention of Chung et al. (2014): both choices differ from PyTorch's.",
      },
    ],
    answer: 'after-z-old',
  },
  {
    id: 'l4-tutorial-z',
    kind: 'single',
    prompt:
      'A tutorial writes $h_t = (1 - z_t) \\odot h_{t-1} + z_t \\odot n_t$. In that tutorial, a unit with $z_t = 0.95$ does what at this step?',
    hint: 'Read the blend literally: which term gets the weight $0.95$?',
    explanation:
      'In this (Chung et al., 2014) convention $z$ weights the candidate, so $z = 0.95$ means the state is almost entirely replaced by $n_t$. In PyTorch\'s convention the same number would mean "keep". Flipping the signs of the update gate\'s weights and biases turns one convention into the other.',
    choices: [
      {
        id: 'replace',
        text: 'It almost entirely replaces its state with the candidate.',
        feedback: 'Right: here $z$ sits on the candidate, so a large $z$ means "take the new value".',
      },
      {
        id: 'keep',
        text: 'It almost entirely keeps its old state.',
        feedback:
          "That is what $z = 0.95$ means in PyTorch's convention, not in this tutorial's, where $z$ weights $n_t$.",
      },
      {
        id: 'reset',
        text: 'It resets its state to zero.',
        feedback:
          'No gate value sets the state to zero directly; the reset gate only changes what the candidate may see.',
      },
    ],
    answer: 'replace',
  },
  {
    id: 'l4-true-statements',
    kind: 'multiple',
    prompt: 'Which statements about the GRU are true? Select all that apply.',
    hint: 'Think about the state vectors, the parameter formula, and what the reset gate multiplies.',
    explanation:
      'A GRU has one state vector and no output gate; at equal sizes it has $3H(I+H+2)$ parameters against the LSTM\'s $4H(I+H+2)$; and in the "after" form all three hidden projections come from one fused product. Its speed relative to an LSTM is a measurement, not a constant, and the reset gate scales the hidden contribution to the candidate, not the input.',
    choices: [
      {
        id: 'one-state',
        text: 'It carries a single state vector $h_t$, with no separate cell state.',
        feedback: "True: the GRU merges the LSTM's cell and hidden states into one.",
      },
      {
        id: 'quarter-fewer',
        text: 'At equal input and hidden sizes, a GRU layer has 25% fewer parameters than an LSTM layer.',
        feedback: 'True: three blocks of weights against four, so exactly three quarters.',
      },
      {
        id: 'fused',
        text: 'With the reset gate applied after $W_{hn} h_{t-1}$, the three hidden projections can be computed as one $3H \\times H$ matrix product.',
        feedback: 'True: none of them needs $r_t$ first, which is why PyTorch and cuDNN use this form.',
      },
      {
        id: 'fixed-speedup',
        text: 'A GRU always trains a fixed percentage faster per step than an LSTM.',
        feedback:
          'False: the time per step depends on hardware, library and sizes. Chung et al. (2014) found the two cells comparable; measure speed with the step timer.',
      },
      {
        id: 'reset-input',
        text: 'The reset gate scales the input $x_t$ before it enters the candidate.',
        feedback:
          'False: $r_t$ scales the contribution of the old state, $W_{hn} h_{t-1} + b_{hn}$, not the input.',
      },
    ],
    answers: ['one-state', 'quarter-fewer', 'fused'],
  },
  {
    id: 'l4-step-order',
    kind: 'ordering',
    prompt: 'Put the computations of one GRU step (PyTorch convention) in the order they can be carried out.',
    hint: 'The candidate needs the reset gate; the blend needs both the update gate and the candidate.',
    explanation:
      'First the two projections $W_{ih} x_t + b_{ih}$ and $W_{hh} h_{t-1} + b_{hh}$ (three blocks each, no gates needed). Then the gates $r_t$ and $z_t$ from their blocks. Then the candidate, which scales the $n$ block of the hidden projection by $r_t$. Last, the blend of $h_{t-1}$ and $n_t$ weighted by $z_t$.',
    items: [
      {
        id: 'projections',
        text: 'Compute $W_{ih} x_t + b_{ih}$ and $W_{hh} h_{t-1} + b_{hh}$ for all three blocks',
      },
      { id: 'gates', text: 'Apply the sigmoid to get the reset gate $r_t$ and the update gate $z_t$' },
      {
        id: 'candidate',
        text: 'Form the candidate $n_t = \\tanh(W_{in} x_t + b_{in} + r_t \\odot (W_{hn} h_{t-1} + b_{hn}))$',
      },
      { id: 'blend', text: 'Blend: $h_t = (1 - z_t) \\odot n_t + z_t \\odot h_{t-1}$' },
    ],
  },
  {
    id: 'l4-predict-parameters',
    kind: 'predict',
    prompt:
      'An LSTM and a GRU, both with 32 hidden units, are built for the same recall task (11 inputs, 8 output classes). Counting every trainable parameter the engine creates, the output layer included, which model has fewer?',
    hint: 'Each gated cell has one block of $H(I + H + 2)$ weights and biases per gate or candidate; the output layer is the same for both.',
    explanation:
      'The LSTM layer has four blocks, $4 \\cdot 32 \\cdot 45 = 5760$ parameters, the GRU layer three, $4320$; both add the same output layer of $32 \\cdot 8 + 8 = 264$. So the GRU model has $4584$ against $6024$, 24% fewer: a little less than the layers\u2019 25%, because the output layer does not shrink. Unlike a timing, this count is the same on every machine; whether the GRU is also faster per step is for the step timer to measure.',
    experiment: {
      description: 'trainable parameters of each model (fewer wins; within 10% counts as about the same)',
      runs: [
        { id: 'lstm', label: 'LSTM', config: { cell: 'lstm', task: recall20, hiddenSize: 32, seed: 1 } },
        { id: 'gru', label: 'GRU', config: { cell: 'gru', task: recall20, hiddenSize: 32, seed: 1 } },
      ],
      steps: 1,
      measure: 'parameterCount',
      winner: 'lowest',
      tieWithin: 0.1,
    },
    choices: [
      {
        id: 'gru',
        text: 'The GRU has fewer parameters.',
        feedback: 'Three blocks of weights instead of four: a quarter fewer in the recurrent layer.',
      },
      {
        id: 'lstm',
        text: 'The LSTM has fewer parameters.',
        feedback:
          'The LSTM has one block more than the GRU, the output gate, with its own input and recurrent weights.',
      },
      {
        id: 'tie',
        text: 'About the same (within 10%).',
        feedback:
          'The shared output layer does narrow the gap, but it is small next to the recurrent layers here, so the saving stays near 25%.',
      },
    ],
    explain: {
      outcome: 'gru',
      prompt: 'Why does the GRU have fewer parameters?',
      choices: [
        {
          id: 'blocks',
          text: 'It has three blocks of input and recurrent weights (reset, update and candidate) where the LSTM has four.',
          feedback:
            'Yes: each block holds $H(I + H + 2)$ numbers here, so one block fewer is a quarter fewer in the recurrent layer.',
        },
        {
          id: 'cell',
          text: 'It has no cell state, and the cell state is where most of the parameters are.',
          feedback:
            'The cell state is a value computed at each step, not a parameter: it holds no weights. The count comes from the blocks of gate weights.',
        },
        {
          id: 'output',
          text: 'Its output layer is smaller.',
          feedback:
            'Both models use the same output layer, $32 \\cdot 8 + 8 = 264$ parameters; only the recurrent layers differ.',
        },
      ],
      answer: 'blocks',
    },
  },
];
