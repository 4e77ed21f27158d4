import type { Question } from '../../app/lessonTypes';

const recallLag30 = { kind: 'recall', lag: 30, symbols: 8, distractors: 2, heldOutSize: 256 } as const;

export const questions: readonly Question[] = [
  {
    id: 'l2-three-factors',
    kind: 'numeric',
    prompt:
      'A one-unit RNN $h_t = \\tanh(w_{xh} x_t + w_{hh} h_{t-1})$ has $w_{hh} = 0.8$. On some sequence its states are $h_2 = 0.5$, $h_3 = 0.4$ and $h_4 = 0.3$. Compute $\\partial h_4/\\partial h_1$ to three decimals.',
    hint: 'Each step back contributes one factor $w_{hh}(1 - h_k^2)$, for $k = 2, 3, 4$. Multiply the three.',
    explanation:
      'The factors are $0.8 \\times 0.75 = 0.6$, $0.8 \\times 0.84 = 0.672$ and $0.8 \\times 0.91 = 0.728$, and their product is about $0.294$. Without the tanh derivatives it would be $0.8^3 = 0.512$.',
    answer: 0.2935,
    tolerance: 0.003,
  },
  {
    id: 'l2-bptt-order',
    kind: 'ordering',
    prompt: 'Put the stages of one training step with backpropagation through time in order.',
    hint: 'The backward sweep needs numbers that only the forward pass can produce.',
    explanation:
      'BPTT first runs forward and stores every hidden state, then computes the loss and its gradient at the output, then walks back from step $T$ to step 1 adding each step\u2019s contribution to the weight gradients, and only then updates the shared weights once with the summed gradients.',
    items: [
      { id: 'forward', text: 'Run the sequence forward, storing every hidden state $h_1, \\ldots, h_T$' },
      { id: 'loss', text: 'Compute the loss and its gradient $\\partial L/\\partial h_T$ at the output' },
      {
        id: 'backward',
        text: 'Walk back from step $T$ to step 1, passing $\\delta_t$ down the chain and adding each step\u2019s term to the weight gradients',
      },
      { id: 'update', text: 'Update the shared weights once, using the summed gradients' },
    ],
  },
  {
    id: 'l2-gradient-is-a-sum',
    kind: 'single',
    prompt: 'Why is $\\partial L/\\partial W_{hh}$ a sum over time steps?',
    hint: 'Think about how many times $W_{hh}$ is used in one forward pass.',
    explanation:
      'The same matrix $W_{hh}$ is used at every step, so changing it changes every step at once. The chain rule adds one contribution per use: $\\sum_t g_t h_{t-1}^{\\top}$.',
    answer: 'shared',
    choices: [
      {
        id: 'shared',
        text: 'The same $W_{hh}$ is used at every step, so each step contributes a term',
        feedback:
          'Right. Weight sharing means one weight has many uses, and the gradient adds the blame from each use.',
      },
      {
        id: 'average',
        text: 'Summing over steps averages out noise in the gradient',
        feedback:
          'No. The sum is not a choice made to reduce noise; it is what the chain rule gives for a weight used many times.',
      },
      {
        id: 'separate',
        text: 'Each step has its own copy of $W_{hh}$, and the copies are added together after training',
        feedback:
          'No. There is one $W_{hh}$, not one per step. Unrolling draws copies, but they are the same weights, updated together after every backward sweep.',
      },
      {
        id: 'last',
        text: 'It is not a sum: only the last step contributes, because the loss sits there',
        feedback:
          'No. The loss sits at the last step, but its gradient flows back to every step, and $W_{hh}$ was used at each of them.',
      },
    ],
  },
  {
    id: 'l2-what-shrinks',
    kind: 'multiple',
    prompt:
      'For a tanh RNN, which of these make $\\lVert \\partial h_T/\\partial h_t \\rVert$ small? Select all that apply.',
    hint: 'The quantity is a product of factors $\\mathrm{diag}(1 - h_k^2)\\, W_{hh}$. What controls the size of each factor, and how many are there?',
    explanation:
      'Each factor has norm at most $\\gamma_k\\, \\sigma_{\\max}(W_{hh})$. A small largest singular value, saturated units (where $1 - h_k^2$ is near 0) and a long distance with factors below 1 all shrink the product. The learning rate only scales the update after the gradient is computed.',
    answers: ['singular', 'saturated', 'distance'],
    choices: [
      {
        id: 'singular',
        text: 'The largest singular value of $W_{hh}$ is well below 1',
        feedback:
          'Yes. Every factor is then bounded below 1, and the bound falls geometrically with distance.',
      },
      {
        id: 'saturated',
        text: 'Many hidden units sit near $+1$ or $-1$',
        feedback: 'Yes. Saturated units have $1 - h_k^2$ near 0 and pass almost no gradient back.',
      },
      {
        id: 'distance',
        text: 'The distance $T - t$ is long and each factor is below 1 in size',
        feedback: 'Yes. More factors below 1 means a smaller product, roughly geometrically.',
      },
      {
        id: 'learning-rate',
        text: 'The learning rate is small',
        feedback:
          'No. The learning rate does not appear in the Jacobian; it only scales the step taken after the gradient is computed.',
      },
    ],
  },
  {
    id: 'l2-bound',
    kind: 'numeric',
    prompt:
      'The largest singular value of $W_{hh}$ is 0.8 and no tanh derivative exceeds 1. What upper bound does the lesson give for $\\lVert \\partial h_T/\\partial h_t \\rVert$ when $T - t = 10$? Give three decimals.',
    hint: 'The bound is $(\\gamma\\, \\sigma_{\\max})^{T-t}$ with $\\gamma = 1$.',
    explanation:
      '$0.8^{10} \\approx 0.107$. Ten steps back, at most about a tenth of the gradient can remain.',
    answer: 0.1074,
    tolerance: 0.002,
  },
  {
    id: 'l2-two-unit-backward',
    kind: 'numeric',
    prompt:
      'Take the two-unit example of the lesson, where $\\partial h_2/\\partial h_1 = \\begin{bmatrix} 0.489 & -0.489 \\\\ 0.352 & 0.352 \\end{bmatrix}$. This time the loss blames only the second unit of step 2: $\\delta_2 = (0, 1)$. What is the first entry of $\\delta_1 = (\\partial h_2/\\partial h_1)^{\\top} \\delta_2$? Give three decimals.',
    hint: 'Multiplying by the transpose picks columns: entry $j$ of $\\delta_1$ is column $j$ of the Jacobian times $\\delta_2$.',
    explanation:
      'The first column is $(0.489, 0.352)$, and $0.489 \\cdot 0 + 0.352 \\cdot 1 = 0.352$. The second entry is $-0.489 \\cdot 0 + 0.352 \\cdot 1 = 0.352$ too, so $\\delta_1 = (0.352, 0.352)$: blame on one unit spreads to both through $W_{hh}$, and its length falls from 1 to about 0.50.',
    answer: 0.352,
    tolerance: 0.003,
  },
  {
    id: 'l2-frobenius-start',
    kind: 'numeric',
    prompt:
      'The vanishing explorer plots the Frobenius norm of $\\partial h_T/\\partial h_t$. If its network had $H = 50$ hidden units instead of 32, at what value would every curve start, at distance 0? Give two decimals.',
    hint: 'At distance 0 the product has no factors: it is the $H \\times H$ identity matrix. Square its entries, add them up, take the square root.',
    explanation:
      'The identity has $H$ ones on its diagonal and zeros elsewhere, so its Frobenius norm is $\\sqrt{50} \\approx 7.07$. Its spectral norm is 1: the two norms differ by at most a factor $\\sqrt{H}$, which is why the curves start well above 1 while the bound of the lesson starts at 1.',
    answer: 7.071,
    tolerance: 0.01,
  },
  {
    id: 'l2-vanishing-meaning',
    kind: 'single',
    prompt:
      'A plain RNN suffers from vanishing gradients on a long task. What does that mean for $\\partial L/\\partial W_{hh}$?',
    hint: 'The gradient is a sum with one term per step. Which terms pass through long Jacobian products?',
    explanation:
      'Terms that connect the loss to distant steps are shrunk geometrically, so the sum is dominated by recent steps. The total can be of ordinary size, but it carries almost no information about early inputs, so they stop influencing learning.',
    answer: 'dominated',
    choices: [
      {
        id: 'dominated',
        text: 'It is dominated by terms from recent steps, so early inputs barely influence learning',
        feedback: 'Right. The long-range terms are still there, just tiny next to the short-range ones.',
      },
      {
        id: 'zero',
        text: 'It becomes exactly zero, so training stops',
        feedback:
          'No. Short-range terms keep the total gradient alive, and the network keeps learning short patterns. Only the long-range part fades.',
      },
      {
        id: 'huge',
        text: 'It becomes enormous and the loss jumps',
        feedback:
          'No. That describes exploding gradients, the opposite failure, which gradient clipping addresses.',
      },
      {
        id: 'last-only',
        text: 'Only $W_{xh}$ is affected; $W_{hh}$ is unchanged',
        feedback:
          'No. Both weights receive their long-range credit through the same products of Jacobians, so both lose it.',
      },
    ],
  },
  {
    id: 'l2-heatmap-reading',
    kind: 'single',
    prompt:
      'A plain RNN trains on recall at lag 20. In its gradient heatmap, time steps of the sequence run across (the cue at the left, the query at the right) and training steps run down. Which pattern shows that the network has started to use its long memory?',
    hint: 'Where does the cue sit in the sequence, and which rows come later in training?',
    explanation:
      'The loss sits at the query, on the right, so the right-hand columns always receive gradient. Long memory means the gradient from the answer reaches the cue at the first step: the left-hand columns take on the colours of larger values, and since later training steps are lower rows, that change appears as you read down the heatmap.',
    answer: 'left-lower',
    choices: [
      {
        id: 'left-lower',
        text: 'The left-hand columns take on the colours of larger values in the lower rows.',
        feedback:
          'Right: the lower rows are later training steps, and the left-hand columns are the steps around the cue, which long memory must reach.',
      },
      {
        id: 'right-lower',
        text: 'The right-hand columns take on the colours of larger values in the lower rows.',
        feedback:
          'The right-hand columns sit next to the loss and receive gradient from the first training step on. They say nothing about how far back the gradient reaches.',
      },
      {
        id: 'left-top',
        text: 'The left-hand columns show large values in the top rows only.',
        feedback:
          'The top rows are the first training steps, before the network has learned anything. Long memory, if it comes, shows up later, lower down.',
      },
      {
        id: 'uniform',
        text: 'Every cell takes the same colour.',
        feedback:
          'The heatmap almost never looks uniform: the steps next to the loss usually receive far more gradient than the ones far from it.',
      },
    ],
  },
  {
    id: 'l2-exploding-vs-vanishing',
    kind: 'single',
    prompt: 'Which statement about exploding gradients is correct?',
    hint: 'Pascanu, Mikolov and Bengio (2013) separate what is enough for vanishing from what is needed for exploding.',
    explanation:
      'For tanh, a largest singular value of $W_{hh}$ above 1 is necessary for explosion, but not enough: saturated units can still shrink the product. When it does explode, a single huge update can throw the weights far away, which clipping prevents.',
    answer: 'necessary',
    choices: [
      {
        id: 'necessary',
        text: 'A largest singular value of $W_{hh}$ above 1 is needed, but it does not guarantee an explosion',
        feedback: 'Right. Saturation can still pull the product down even when $W_{hh}$ stretches vectors.',
      },
      {
        id: 'always',
        text: 'Any $W_{hh}$ with a largest singular value above 1 always makes the gradient explode',
        feedback:
          'No. Recall the one-unit example with $w_{hh} = 2$: the saturated states made the three-step factor about 0.012.',
      },
      {
        id: 'silent',
        text: 'Exploding gradients are hard to notice because nothing visibly breaks',
        feedback:
          'No. That describes vanishing gradients. Exploding ones show up as spikes in the loss or as infinite values.',
      },
      {
        id: 'state',
        text: 'Exploding gradients mean the hidden state grows without bound',
        feedback:
          'No. The tanh keeps every entry of the hidden state between $-1$ and $1$; it is the gradient that grows.',
      },
    ],
  },
  {
    id: 'l2-truncation-predict',
    kind: 'predict',
    prompt:
      'Two plain RNNs train for 500 steps on recall with lag 30 (see a symbol, wait 30 steps, name it), with the same seed and data. One uses full BPTT; the other uses truncated BPTT with windows of 10 steps. Which reaches the higher held-out accuracy?',
    hint: 'With windows of 10 steps, how far back can the gradient from the answer reach? Where was the symbol shown?',
    explanation:
      'Truncation stops the backward sweep at every window edge, and the weights are updated after each window, so the gradient from the answer never gets anywhere near the cue 30 steps earlier. The truncated network is never rewarded for carrying the cue: the output layer reads only what happens to survive in the state, and accuracy stays far below that of full BPTT, which lets the faint long-range gradient reach the cue. On seeds 1 to 10 full BPTT won every time.',
    experiment: {
      description: 'held-out accuracy on recall at lag 30 after 500 training steps',
      runs: [
        {
          id: 'full',
          label: 'RNN, full BPTT',
          config: { cell: 'rnn', task: recallLag30, hiddenSize: 32, truncation: null },
        },
        {
          id: 'truncated',
          label: 'RNN, truncated BPTT (windows of 10)',
          config: { cell: 'rnn', task: recallLag30, hiddenSize: 32, truncation: 10 },
        },
      ],
      steps: 500,
      measure: 'heldOutMetric',
      winner: 'highest',
      tieWithin: 0.1,
    },
    choices: [
      {
        id: 'full',
        text: 'Full BPTT',
        feedback:
          'Full BPTT sends the gradient all the way back to the cue, however faint it gets on the way, so the network can learn to carry it.',
      },
      {
        id: 'truncated',
        text: 'Truncated BPTT',
        feedback:
          'Truncation can make updates cheaper, but the gradient from the answer stops within 10 steps, 20 or more steps short of the cue, so nothing teaches the network to remember it.',
      },
      {
        id: 'tie',
        text: 'About the same',
        feedback:
          'Only if both failed or both succeeded. Truncation removes exactly the gradient this task needs, so a large gap is what to expect.',
      },
    ],
    explain: {
      outcome: 'full',
      prompt: 'Why did full BPTT reach the higher accuracy?',
      choices: [
        {
          id: 'reach',
          text: 'Only full BPTT carries the gradient from the answer back the 30 steps to the cue, so only it teaches the network to keep the cue in its state.',
          feedback:
            'Yes. Truncation stops the backward sweep at each window edge, at most 10 steps back, and the cue lies 30 steps before the answer.',
        },
        {
          id: 'updates',
          text: 'Full BPTT makes more weight updates, so it simply trained more.',
          feedback:
            'It is the other way round: truncated BPTT updates after every window, several times per sequence, and still loses. The number of updates is not the difference.',
        },
        {
          id: 'explode',
          text: 'Truncation makes the gradient explode, which throws the weights away.',
          feedback:
            'Truncation removes gradient paths; it does not make any larger. The truncated run fails quietly, because nothing tells it to keep the cue.',
        },
      ],
      answer: 'reach',
    },
  },
];
