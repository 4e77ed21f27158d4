import type { Question } from '../../app/lessonTypes';

export const questions: readonly Question[] = [
  {
    id: 'lm-perplexity-quarter',
    kind: 'numeric',
    prompt:
      'On a held-out text, a character model gives the character that really comes next a probability of 0.25 at every single step. What is its perplexity?',
    answer: 4,
    tolerance: 0.01,
    hint: 'First the cross-entropy: the mean of $-\\ln p$ over the steps. Then undo the logarithm.',
    explanation:
      'Every step costs $-\\ln 0.25 = \\ln 4 \\approx 1.386$ nats, so $L = \\ln 4$ and the perplexity is $e^{\\ln 4} = 4$: the model is as unsure as a fair choice among 4 characters.',
  },
  {
    id: 'lm-uniform-baseline',
    kind: 'single',
    prompt:
      'A text has $V = 96$ distinct characters. What is the held-out perplexity of a model that gives each of them the same probability at every step?',
    choices: [
      {
        id: 'v',
        text: '96',
        feedback: 'Right: each character gets $1/96$, the loss is $\\ln 96$, and $e^{\\ln 96} = 96$.',
      },
      {
        id: 'log-v',
        text: 'About 4.56',
        feedback:
          'That is the cross-entropy $\\ln 96$ in nats. Perplexity is $e^L$, which undoes the logarithm.',
      },
      {
        id: 'one-over-v',
        text: '$1/96$',
        feedback:
          'That is the probability of each character. Perplexity counts choices, so it is at least 1.',
      },
      {
        id: 'half',
        text: '48',
        feedback:
          'There is no halving: a uniform guess is as unsure as a fair choice among all 96 characters.',
      },
    ],
    answer: 'v',
    hint: 'Compute the loss of one step, $-\\ln(1/V)$, then take $e$ to that power.',
    explanation:
      'A uniform guess has perplexity exactly $V$, which is why the lab draws its curves against the vocabulary size as well as the unigram and bigram lines: a trained model must come in well below it.',
  },
  {
    id: 'lm-between-baselines',
    kind: 'multiple',
    prompt:
      "A character LSTM's held-out perplexity has fallen below the unigram baseline but is still above the bigram baseline. Which statements are true? Select all that apply.",
    choices: [
      {
        id: 'frequencies',
        text: 'It predicts better than counting how common each character is.',
        feedback: 'True: that is what beating the unigram line means.',
      },
      {
        id: 'not-yet-context',
        text: 'It does not yet predict as well as counting which character follows which.',
        feedback:
          'True: the bigram uses exactly one character of context, and the network has not matched it yet.',
      },
      {
        id: 'long-context',
        text: 'It is already using several characters of context to predict better than the bigram.',
        feedback:
          'False: a model that made good use of several characters of context would beat the one-character bigram.',
      },
      {
        id: 'temperature-fix',
        text: 'Sampling at a lower temperature would bring its perplexity below the bigram line.',
        feedback:
          'False: temperature changes how samples are drawn, not the probabilities the model gives the true text, and those are what perplexity measures.',
      },
    ],
    answers: ['frequencies', 'not-yet-context'],
    hint: 'Say what each baseline knows: the unigram knows frequencies, the bigram knows the previous character.',
    explanation:
      'Each reference line marks a kind of knowledge. Below the unigram: the model knows which characters are common. Below the bigram: it uses at least as much context as the previous character. A recurrent network is only earning its state once it goes below the bigram.',
  },
  {
    id: 'lm-predict-cold-samples',
    kind: 'predict',
    prompt:
      'The bigram model of this course’s prose (which character follows which, counted) writes 300 characters after a space, at temperature 0.1, 1 and 2, from the same seed. At temperature 0.1, what will the samples look like? Predict which of the three samples repeats itself the most.',
    hint: 'At $T = 0.1$ the logits are multiplied by 10 before the softmax. What happens to the second most likely character after each character?',
    explanation:
      'The measurement decides. At temperature 0.1 each step takes the most likely next character almost every time, so the sample follows the chain of most likely pairs, which soon comes back to where it started: "the the the". At temperature 1 it draws from the counted probabilities and varies; at 2 the distribution is so flat that rare characters come out all the time, so almost nothing repeats.',
    experiment: {
      kind: 'sampling',
      description:
        'distinct 4-character stretches in 300 sampled characters (fewest distinct means most repetitive: lowest wins)',
      text: 'course-prose',
      primer: ' ',
      length: 300,
      seed: 1,
      runs: [
        { id: 'cold', label: 'Temperature 0.1', temperature: 0.1 },
        { id: 'warm', label: 'Temperature 1', temperature: 1 },
        { id: 'hot', label: 'Temperature 2', temperature: 2 },
      ],
      measure: 'distinctFourGrams',
      winner: 'lowest',
    },
    choices: [
      {
        id: 'cold',
        text: 'At 0.1: the same few likely characters over and over, a short loop such as a repeated word.',
        feedback:
          'A low temperature makes sampling almost greedy, and greedy decoding of a model with little memory loops.',
      },
      {
        id: 'warm',
        text: 'At 1: following the real statistics of the text makes the sample repeat itself most.',
        feedback:
          'At temperature 1 the draws follow the counted probabilities, so the sample keeps changing direction.',
      },
      {
        id: 'hot',
        text: 'At 2: a high temperature makes the model pick the same character again and again.',
        feedback:
          'It is the other way round: a high temperature flattens the distribution, so nearly every character can come next.',
      },
    ],
    explain: {
      outcome: 'cold',
      prompt: 'Why did the sample at temperature 0.1 repeat itself the most?',
      choices: [
        {
          id: 'greedy',
          text: 'Dividing the logits by 0.1 gives the most likely next character almost all the probability, so each step follows the most likely pair, and that chain soon comes back round to a character it has already visited.',
          feedback:
            'Yes. Near-greedy decoding of a model that sees only the previous character must loop as soon as its chain of likely pairs revisits a character.',
        },
        {
          id: 'vocabulary',
          text: 'At a low temperature the model uses a smaller vocabulary.',
          feedback:
            'The vocabulary is the same at every temperature; only how the probability is spread over it changes.',
        },
        {
          id: 'luck',
          text: 'The coldest sample happened to draw repeats by luck of the seed.',
          feedback:
            'All three samples share one seed. The loop comes from the temperature: at 0.1 the draws hardly depend on the seed at all.',
        },
      ],
      answer: 'greedy',
    },
  },
  {
    id: 'lm-temperature-facts',
    kind: 'multiple',
    prompt: 'Which statements about sampling with a temperature $T$ are true? Select all that apply.',
    choices: [
      {
        id: 'divides-logits',
        text: 'It divides the logits by $T$ before the softmax.',
        feedback: 'True: $p_T(c) \\propto e^{z_c / T}$.',
      },
      {
        id: 'greedy-limit',
        text: 'As $T$ goes towards 0, sampling becomes greedy decoding.',
        feedback: 'True: all the probability moves to the largest logit.',
      },
      {
        id: 'flattens',
        text: 'Above 1 it flattens the distribution towards uniform.',
        feedback: 'True: dividing by a large $T$ brings all the logits close together.',
      },
      {
        id: 'changes-perplexity',
        text: 'Lowering $T$ lowers the model’s held-out perplexity.',
        feedback:
          'False: perplexity is computed from the model’s own probabilities of the true text; temperature only changes how samples are drawn.',
      },
      {
        id: 'retrains',
        text: 'Changing $T$ changes the weights of the network.',
        feedback: 'False: the same trained network is used; only the last step of sampling changes.',
      },
    ],
    answers: ['divides-logits', 'greedy-limit', 'flattens'],
    hint: 'Write $p_T(c)$ and ask which parts of the model appear in it.',
    explanation:
      'Temperature is a knob on the sampler, not on the model. With logits 2, 1 and 0, the first character gets 0.665 at $T = 1$, 0.867 at $T = 0.5$ and 0.506 at $T = 2$, while the network and its perplexity stay exactly the same.',
  },
  {
    id: 'lm-teacher-forcing',
    kind: 'single',
    prompt:
      'A character model is trained on the text "cat" with teacher forcing. After reading "c" it wrongly predicts "o". What does it read at the next step?',
    choices: [
      {
        id: 'true-char',
        text: '"a", the true next character of the text.',
        feedback: 'Right: in training, every input is the true character, whatever the model predicted.',
      },
      {
        id: 'own-guess',
        text: '"o", its own prediction.',
        feedback:
          'That is free-running generation, where the model’s samples are fed back. Teacher forcing feeds the true text.',
      },
      {
        id: 'nothing',
        text: 'Nothing: training stops the sequence at the first wrong prediction.',
        feedback: 'The sequence goes on; the wrong prediction just adds a large term to the loss.',
      },
      {
        id: 'restart',
        text: '"c" again, because the step is repeated until the prediction is right.',
        feedback:
          'Steps are never repeated: each one is read once, and the gradient of all of them is summed.',
      },
    ],
    answer: 'true-char',
    hint: 'In training, are the inputs known before the run starts?',
    explanation:
      'Teacher forcing (Williams and Zipser, 1989) feeds the true previous character at every step, so the inputs never depend on the model’s own guesses and are ready before the run starts. Generation feeds back the model’s own samples; the mismatch between the two is called exposure bias (Ranzato et al., 2016).',
  },
  {
    id: 'lm-second-layer-parameters',
    kind: 'numeric',
    prompt:
      'A two-layer LSTM reads a text of $V = 96$ characters with $H = 64$ hidden units per layer. How many parameters does its second recurrent layer have (weights and both biases, as in PyTorch)?',
    answer: 33280,
    tolerance: 0,
    unit: 'parameters',
    hint: 'Use $4H(I + H + 2)$ from lesson 3. What is the input size $I$ of the second layer?',
    explanation:
      'The second layer reads the first layer’s hidden state, so its input size is $H = 64$, not $V$: $4 \\cdot 64 \\cdot (64 + 64 + 2) = 256 \\cdot 130 = 33{,}280$. The first layer has $4 \\cdot 64 \\cdot (96 + 64 + 2) = 41{,}472$.',
  },
  {
    id: 'lm-generation-order',
    kind: 'ordering',
    prompt: 'Put the steps of writing one new character with a trained model in order.',
    items: [
      { id: 'state', text: 'Update the hidden state from the previous state and the last character.' },
      { id: 'logits', text: 'Compute the logits $z_t = W_{hy} h_t + b_y$.' },
      { id: 'temperature', text: 'Divide the logits by the temperature $T$.' },
      { id: 'softmax', text: 'Turn them into probabilities with the softmax.' },
      { id: 'draw', text: 'Draw one character from those probabilities.' },
      { id: 'feed', text: 'Feed the drawn character back in as the next input.' },
    ],
    hint: 'The temperature acts on the logits, before they become probabilities.',
    explanation:
      'Generation is the forward pass of training with one change: the next input is the model’s own sample rather than the true text. The temperature sits between the logits and the softmax, so it reshapes the probabilities without touching the network.',
  },
  {
    id: 'lm-interpretable-cells',
    kind: 'single',
    prompt:
      'What did Karpathy, Johnson and Fei-Fei (2015) find when they looked at single cells of character-level LSTMs trained on novels and on the Linux kernel’s source code?',
    choices: [
      {
        id: 'a-few',
        text: 'A few cells tracked things a person can name, such as being inside quotes or the position in the line; most had no such clear meaning.',
        feedback: 'Right: the interpretable cells were striking, and also the exception.',
      },
      {
        id: 'every-cell',
        text: 'Every cell stood for one letter of the alphabet.',
        feedback:
          'Letters enter as one-hot inputs; the cells they studied tracked longer-range structure, and few were clean.',
      },
      {
        id: 'designed',
        text: 'The cells that tracked quotes had been wired that way by hand before training.',
        feedback:
          'Nothing was designed: training alone shaped those cells, because they help predict the next character.',
      },
      {
        id: 'none',
        text: 'No cell showed any pattern that could be related to the text.',
        feedback: 'They found several that could: quotes, line length, `if` statements, nesting depth.',
      },
    ],
    answer: 'a-few',
    hint: 'Think of the colored text in the lab: what does a cell for "inside quotes" look like, and how many such cells would you expect?',
    explanation:
      'Some cells tracked quotes, the position in the line, `if` statements or how deeply an expression was nested, and they arose from training alone. Most cells did not show a pattern that clear. Ranking units by correlation with a hypothesis is how you look for one.',
  },
  {
    id: 'lm-attention-bridge',
    kind: 'single',
    prompt:
      'What did attention (Bahdanau, Cho and Bengio, 2014) change in a recurrent encoder-decoder for translation?',
    choices: [
      {
        id: 'weighted-average',
        text: 'At each output step the decoder reads a learned weighted average of all the encoder’s states, not only the last one.',
        feedback: 'Right: that removed the bottleneck of one fixed-size vector for the whole sentence.',
      },
      {
        id: 'no-recurrence',
        text: 'It removed the recurrent cells from the encoder and the decoder.',
        feedback:
          'That came later, with the Transformer (Vaswani et al., 2017). Bahdanau et al. kept recurrent cells.',
      },
      {
        id: 'bigger-state',
        text: 'It made the encoder’s final state larger so that it could hold long sentences.',
        feedback: 'The fix was to stop relying on one final state at all, not to enlarge it.',
      },
      {
        id: 'temperature',
        text: 'It chose the output words at a lower temperature.',
        feedback: 'Temperature is part of sampling and is unrelated to attention.',
      },
    ],
    answer: 'weighted-average',
    hint: 'What did the decoder have to work with before attention?',
    explanation:
      'Before attention, everything about the source sentence had to pass through the encoder’s final state. Attention lets the decoder compare its state with every encoder state and read them with softmax weights. The Transformer (Vaswani et al., 2017) then kept attention and dropped recurrence, so all positions train in parallel.',
  },
];
