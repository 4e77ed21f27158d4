import type { Question } from '../../app/lessonTypes';

const recall5 = { kind: 'recall', lag: 5, symbols: 8, distractors: 2, heldOutSize: 256 } as const;
const recall15 = { kind: 'recall', lag: 15, symbols: 8, distractors: 2, heldOutSize: 256 } as const;

export const questions: readonly Question[] = [
  {
    id: 'l5-clip-scale',
    kind: 'numeric',
    prompt:
      'The global gradient norm is $\\|g\\| = 10$ and the clipping threshold is $\\tau = 2$. By what factor is every gradient entry multiplied?',
    hint: 'The factor is $\\min(1, \\tau / \\|g\\|)$.',
    explanation:
      '$\\min(1, 2/10) = 0.2$. Every entry is multiplied by $0.2$, so the clipped gradient points the same way and has norm exactly $2$.',
    answer: 0.2,
    tolerance: 0.001,
  },
  {
    id: 'l5-clip-component',
    kind: 'numeric',
    prompt:
      'A model has just two gradient entries, $g = (6, 8)$. After clipping by global norm at $\\tau = 5$, what is the first entry?',
    hint: 'First find $\\|g\\| = \\sqrt{6^2 + 8^2}$, then the factor $\\tau / \\|g\\|$.',
    explanation:
      '$\\|g\\| = \\sqrt{36 + 64} = 10$, so the factor is $5/10 = 0.5$ and the clipped gradient is $(3, 4)$: still pointing the same way, now of length 5.',
    answer: 3,
    tolerance: 0.01,
  },
  {
    id: 'l5-adam-default',
    kind: 'single',
    prompt:
      'A blog post says "the typical learning rate for recurrent networks is 0.001". What is that number, really?',
    hint: "Which optimiser's paper and library default uses exactly this value?",
    explanation:
      "0.001 is the default step size of Adam (Kingma and Ba, 2015). Adam rescales each weight's step by its gradient history, so each weight moves by about the rate per step; SGD moves by the rate times the gradient, so its rate is not comparable with Adam's. SGD with clipping is often run at much larger rates, such as 1 (Zaremba, Sutskever and Vinyals, 2014).",
    choices: [
      {
        id: 'adam-default',
        text: 'The default learning rate of the Adam optimiser, not a rule for every optimiser.',
        feedback: "Right: it is Adam's default. Plain SGD with clipping often uses far larger rates.",
      },
      {
        id: 'universal',
        text: 'The best learning rate for any optimiser on recurrent networks.',
        feedback:
          "No: the meaning of a learning rate depends on the optimiser. In the lesson's live runs, SGD at 0.001 barely moved while SGD at 1 with clipping learned.",
      },
      {
        id: 'sgd-maximum',
        text: 'The largest rate plain SGD can use on a recurrent network without diverging.',
        feedback: 'No: with clipping, SGD is commonly run at rates around 1, a thousand times larger.',
      },
    ],
    answer: 'adam-default',
  },
  {
    id: 'l5-dropout-placement',
    kind: 'multiple',
    prompt: 'Which dropout placements in a recurrent network are sound practice? Select all that apply.',
    hint: 'What goes wrong is noise that changes at every step of the recurrence.',
    explanation:
      'Dropout on the inputs and on the outputs (the non-recurrent connections) is safe (Zaremba, Sutskever and Vinyals, 2014). On the recurrent connection it works when one mask is drawn per sequence and reused at every step (Gal and Ghahramani, 2016). A fresh mask at every step compounds noise along the chain and erases long memory.',
    choices: [
      {
        id: 'inputs',
        text: 'On the inputs $x_t$.',
        feedback: 'Sound: a non-recurrent connection, as in Zaremba et al. (2014).',
      },
      {
        id: 'outputs',
        text: 'On the outputs $h_t$ on their way to the next layer or the head.',
        feedback: 'Sound: also a non-recurrent connection.',
      },
      {
        id: 'recurrent-one-mask',
        text: 'On the recurrent state $h_{t-1}$ entering $W_{hh}$, with one mask per sequence reused at every step.',
        feedback: 'Sound: this is variational dropout (Gal and Ghahramani, 2016).',
      },
      {
        id: 'recurrent-fresh-mask',
        text: 'On the recurrent state $h_{t-1}$ entering $W_{hh}$, with a fresh mask at every step.',
        feedback:
          'Not sound: a unit survives $k$ steps in a row only with probability $(1-p)^k$, so the noise wipes out long memory.',
      },
    ],
    answers: ['inputs', 'outputs', 'recurrent-one-mask'],
  },
  {
    id: 'l5-clip-after-update',
    kind: 'single',
    prompt:
      'A training loop runs forward, loss, backward, update, and only then clips the gradient at norm 1. On the step where the gradient norm is 500, what does the clip do?',
    hint: 'Which step uses the gradient, and what happens to the gradient before the next backward pass?',
    explanation:
      'The update has already moved the weights by the full gradient of norm 500, so that step is as large as without clipping. The clipped gradient is thrown away: the next step starts from zeroed gradients and a fresh backward pass. Clipping guards a step only if it comes between the backward pass and the update.',
    choices: [
      {
        id: 'nothing',
        text: 'Nothing useful: the weights already took the full step, and the clipped gradient is never used.',
        feedback:
          'Right: the optimiser used the unclipped gradient. The next step starts from a new backward pass, so the rescaled gradient is simply discarded.',
      },
      {
        id: 'same',
        text: 'The same as clipping before the update: the order within a step does not matter.',
        feedback:
          'The order is the whole point: the update reads the gradient at the moment it runs, so a clip after it comes too late for this step.',
      },
      {
        id: 'next-step',
        text: 'It shortens the next step instead, so training is one step late but just as safe.',
        feedback:
          'The next step does not use this gradient: gradients are zeroed and recomputed by the next backward pass.',
      },
      {
        id: 'weights',
        text: 'It rescales the weights so that their norm is at most 1.',
        feedback: 'Clipping by norm rescales the gradient, never the weights.',
      },
    ],
    answer: 'nothing',
  },
  {
    id: 'l5-bucketing-waste',
    kind: 'single',
    prompt:
      'A batch holds sequences of lengths 2, 2, 8 and 8. Padded together to length 8, what share of the computed steps is padding?',
    hint: 'Count the grid ($4 \\times 8$) and the real steps ($2 + 2 + 8 + 8$).',
    explanation:
      'The grid has $32$ steps and $20$ are real, so $12/32 = 37.5\\%$ is padding. Two buckets, one for the length-2 pair and one for the length-8 pair, would waste nothing.',
    choices: [
      { id: 'a', text: '37.5%', feedback: 'Right: 12 padded steps out of 32.' },
      { id: 'b', text: '60%', feedback: 'That is 12 out of 20: divide by the whole grid of 32 instead.' },
      {
        id: 'c',
        text: '25%',
        feedback: 'Count again: each length-2 sequence gets 6 padded steps, 12 in all, out of 32.',
      },
      {
        id: 'd',
        text: '0%',
        feedback: 'That would be true with two length buckets, but not when all four share one padded grid.',
      },
    ],
    answer: 'a',
  },
  {
    id: 'l5-predict-clipping',
    kind: 'predict',
    prompt:
      'Two plain RNNs learn recall at lag 5 with plain SGD at learning rate 1, from the same weights and data. One clips the global gradient norm at 1; the other does not clip. After 300 steps, which has the lower loss on the held-out set (sequences never used for training)?',
    hint: 'A learning rate of 1 is large for plain SGD. What happens on the steps where the gradient is huge?',
    explanation:
      'The measurement decides. Without clipping, occasional huge gradients throw the weights far away, and the loss can end well above where it started. With clipping, those steps are shortened to length 1 while keeping their direction, and the same large rate can make steady progress.',
    experiment: {
      description: 'held-out loss after 300 steps (lower wins; within 10% counts as about the same)',
      runs: [
        {
          id: 'clipped',
          label: 'Clipped at 1',
          config: {
            cell: 'rnn',
            task: recall5,
            hiddenSize: 32,
            optimizer: { kind: 'sgd' },
            learningRate: 1,
            clip: { kind: 'norm', maxNorm: 1 },
            seed: 1,
          },
        },
        {
          id: 'unclipped',
          label: 'No clipping',
          config: {
            cell: 'rnn',
            task: recall5,
            hiddenSize: 32,
            optimizer: { kind: 'sgd' },
            learningRate: 1,
            clip: { kind: 'none' },
            seed: 1,
          },
        },
      ],
      steps: 300,
      measure: 'finalLoss',
      winner: 'lowest',
      tieWithin: 0.1,
    },
    choices: [
      {
        id: 'clipped',
        text: 'The clipped run.',
        feedback:
          'Clipping keeps the large learning rate from turning a rare huge gradient into a wild jump.',
      },
      {
        id: 'unclipped',
        text: 'The unclipped run.',
        feedback:
          'Unclipped steps are longer, which can look like faster progress, but at this rate the huge ones throw the weights away.',
      },
      {
        id: 'tie',
        text: 'About the same (within 10%).',
        feedback:
          'Clipping only changes the steps whose gradient norm is above 1; the question is whether those steps matter here.',
      },
    ],
    explain: {
      outcome: 'clipped',
      prompt: 'Why did the clipped run end with the lower held-out loss?',
      choices: [
        {
          id: 'jumps',
          text: 'Clipping cuts the rare huge gradient steps down to length 1 and keeps their direction, so the large learning rate no longer throws the weights far away.',
          feedback: 'Yes. Most steps pass unchanged; only the exploding ones are shortened to a safe length.',
        },
        {
          id: 'vanish',
          text: 'Clipping makes small gradients larger, which fixes vanishing gradients.',
          feedback:
            'Clipping only ever shrinks a gradient, so it cannot revive a faded one. That is why it helps against exploding gradients and not against vanishing ones.',
        },
        {
          id: 'every',
          text: 'Clipping lowers the learning rate on every step.',
          feedback:
            'Steps whose gradient norm is below 1 are left exactly as they were; only the long ones are shortened.',
        },
      ],
      answer: 'jumps',
    },
  },
  {
    id: 'l5-predict-forget-bias',
    kind: 'predict',
    prompt:
      'Two LSTMs learn recall at lag 15 with Adam, identical except for the forget-gate bias: 1 in one, 0 in the other. After 500 steps, which has the higher held-out accuracy?',
    hint: 'With bias 0 the forget gate starts near $0.5$; with bias 1, near $0.73$. Compute roughly what survives 15 steps of each.',
    explanation:
      'The measurement decides. At the start of training, a forget gate near $0.5$ leaves about $0.5^{15} \\approx 0.00003$ of a stored value after 15 steps, while one near $0.73$ leaves about $0.009$. The bias-1 network gets a usable signal from the cue much earlier, so it tends to leave the chance plateau (1 in 8) first (Jozefowicz, Zaremba and Sutskever, 2015).',
    experiment: {
      description: 'held-out accuracy after 500 steps (higher wins; within 5% counts as about the same)',
      runs: [
        {
          id: 'bias-1',
          label: 'Forget bias 1',
          config: {
            cell: 'lstm',
            task: recall15,
            hiddenSize: 32,
            init: { scheme: 'pytorch', std: 0.1, forgetBias: 1 },
            seed: 1,
          },
        },
        {
          id: 'bias-0',
          label: 'Forget bias 0',
          config: {
            cell: 'lstm',
            task: recall15,
            hiddenSize: 32,
            init: { scheme: 'pytorch', std: 0.1, forgetBias: 0 },
            seed: 1,
          },
        },
      ],
      steps: 500,
      measure: 'heldOutMetric',
      winner: 'highest',
      tieWithin: 0.05,
    },
    choices: [
      {
        id: 'bias-1',
        text: 'Forget-gate bias 1.',
        feedback:
          'A gate that starts mostly open lets the cue and its gradient survive the 15 steps from the start.',
      },
      {
        id: 'bias-0',
        text: 'Forget-gate bias 0.',
        feedback:
          'A gate that starts at one half halves the memory every step before it has learned anything.',
      },
      {
        id: 'tie',
        text: 'About the same (within 5%).',
        feedback:
          'Only the starting value of one bias differs, but it decides how much signal crosses 15 steps early on.',
      },
    ],
    explain: {
      outcome: 'bias-1',
      prompt: 'Why did forget bias 1 reach the higher held-out accuracy?',
      choices: [
        {
          id: 'keeps',
          text: 'Its forget gates start near 0.73, so about 0.009 of a stored value survives 15 steps, against about 0.00003 at bias 0: the signal from the cue is usable from the start.',
          feedback:
            'Yes. The bias-0 network must first learn to open its forget gates before the cue can reach the answer at all.',
        },
        {
          id: 'adam',
          text: 'Adam gives the run with the larger bias a larger step size.',
          feedback: 'Adam treats both runs alike: its step size does not depend on where a bias starts.',
        },
        {
          id: 'clears',
          text: 'A forget gate near 1 forgets faster, so the distractors are cleared out of the cell.',
          feedback:
            'It is the other way round: a forget gate near 1 keeps the cell\u2019s content, and one near 0 clears it.',
        },
      ],
      answer: 'keeps',
    },
  },
];
