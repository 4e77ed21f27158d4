import type { Question } from '../../app/lessonTypes';

export const questions: readonly Question[] = [
  {
    id: 'l1-window',
    kind: 'single',
    prompt:
      'A feed-forward network reads the last four words to guess the next one. Why does it fail on "The keys that I left by the front door last night ___ missing"?',
    choices: [
      {
        id: 'outside-window',
        text: 'The word that decides the answer, "keys", is ten words back, outside the four-word window.',
        feedback:
          'Right. The window sees only "door last night ___", so the clue that the subject is plural never reaches the network.',
      },
      {
        id: 'too-few-weights',
        text: 'Four words give the network too few weights to learn grammar.',
        feedback:
          'The number of weights is not the issue: even a huge network cannot use a word it is never shown.',
      },
      {
        id: 'no-softmax',
        text: 'Feed-forward networks cannot output probabilities over words.',
        feedback: 'They can: a softmax output layer works the same way on top of any network.',
      },
      {
        id: 'order-lost',
        text: 'A feed-forward network shuffles the words inside its window.',
        feedback:
          'Each slot of the window has its own weights, so order inside the window is kept. The trouble is what lies outside it.',
      },
    ],
    answer: 'outside-window',
    hint: 'Count how far back the word that fixes "is" or "are" sits.',
    explanation:
      'A fixed window only sees a fixed stretch of the past. A wider window would rescue this sentence but not a longer one, and every extra slot adds weights. A recurrent network instead carries a running summary of everything it has read.',
  },
  {
    id: 'l1-h2-by-hand',
    kind: 'numeric',
    prompt:
      'Take the one-unit network of the lesson (one hidden unit, no bias) with $w_{hh} = 0.8$, $w_{xh} = 1$ and $h_0 = 0$. The inputs are $x_1 = 1$, $x_2 = 0$. Compute $h_2$ to three decimals.',
    answer: 0.544,
    tolerance: 0.003,
    hint: 'First $h_1 = \\tanh(1)$. Then feed $0.8 \\cdot h_1$ through tanh, since the second input is zero.',
    explanation:
      '$h_1 = \\tanh(0.8 \\cdot 0 + 1 \\cdot 1) = \\tanh(1) = 0.762$. Then $h_2 = \\tanh(0.8 \\cdot 0.762 + 0) = \\tanh(0.609) = 0.544$. You can check it in the one-unit figure: set $w_{hh}$ to 0.8 with a single pulse at step 1.',
  },
  {
    id: 'l1-parameter-count',
    kind: 'numeric',
    prompt:
      'The letter network of the lesson reads one-hot letters ($I = 26$). Give it $H = 4$ hidden units instead of 3. How many numbers are in $W_{xh}$, $W_{hh}$ and $b_h$ together?',
    answer: 124,
    tolerance: 0,
    unit: 'parameters',
    hint: '$W_{xh}$ is $H \\times I$, $W_{hh}$ is $H \\times H$, and $b_h$ has $H$ entries.',
    explanation:
      '$4 \\times 26 = 104$ input weights, $4 \\times 4 = 16$ recurrent weights and 4 biases: $104 + 16 + 4 = 124$. The count does not depend on how long the word is, because every step reuses the same weights.',
  },
  {
    id: 'l1-step-order',
    kind: 'ordering',
    prompt:
      'Put the operations of one step of the letter network in order, from receiving the letter to the probabilities for the next letter.',
    items: [
      { id: 'inputs', text: 'Take the new one-hot letter $x_t$ and the previous state $h_{t-1}$.' },
      {
        id: 'sum',
        text: 'Multiply $h_{t-1}$ by $W_{hh}$ and $x_t$ by $W_{xh}$, then add the two results and the bias $b_h$.',
      },
      { id: 'tanh', text: 'Squash each entry with tanh to get the new state $h_t$.' },
      { id: 'scores', text: 'Compute the scores $y_t = W_{hy} h_t + b_y$.' },
      { id: 'softmax', text: 'Turn the scores into probabilities with softmax.' },
    ],
    hint: 'The state has to exist before the output layer can read it, and softmax acts on scores.',
    explanation:
      'The recurrence first mixes the old state with the new input and adds the bias, then tanh gives $h_t$. Only then can the output layer turn $h_t$ into $K$ scores, which softmax turns into probabilities. $h_t$ is also handed on to step $t+1$.',
  },
  {
    id: 'l1-weight-sharing',
    kind: 'multiple',
    prompt:
      'The same $W_{xh}$, $W_{hh}$ and $b_h$ are used at every time step. Which statements follow from this weight sharing? Select all that apply.',
    choices: [
      {
        id: 'any-length',
        text: 'The network can read sequences of any length with the same parameters.',
        feedback: 'Correct: one rule, applied again and again, needs no fixed window.',
      },
      {
        id: 'count-fixed',
        text: 'The number of parameters does not grow with the length of the sequence.',
        feedback: 'Correct: a 3-letter word and a 3000-letter text use the same 90 numbers in the lesson.',
      },
      {
        id: 'pattern-everywhere',
        text: 'A pattern learned at one position is recognized at other positions too.',
        feedback: 'Correct: the same weights do the work at every position.',
      },
      {
        id: 'state-grows',
        text: 'The hidden state gets longer as the sequence gets longer.',
        feedback: 'No: $h_t$ always has $H$ entries. That is why it is a lossy summary, not a recording.',
      },
      {
        id: 'identical-states',
        text: 'The same input letter always produces the same hidden state.',
        feedback:
          'No: the state also depends on $h_{t-1}$. The two "l"s of "hello" give different states in the unrolled figure.',
      },
    ],
    answers: ['any-length', 'count-fixed', 'pattern-everywhere'],
    hint: 'Think about what the shared weights fix and what still changes from step to step.',
    explanation:
      'Sharing fixes the rule, not the state. The rule is the same at every step, so any length works, the parameter count is fixed and patterns transfer across positions. The state still changes with everything read so far.',
  },
  {
    id: 'l1-large-weight',
    kind: 'single',
    prompt:
      'A one-unit RNN has $w_{hh} = 1.5$ and $w_{xh} = 1$. It gets one pulse $x_1 = 1$ and zeros afterwards. What does $h_t$ do over the next 15 steps?',
    choices: [
      {
        id: 'fades',
        text: 'It shrinks toward 0, roughly by a factor 1.5 each step.',
        feedback: 'Shrinking needs $|w_{hh}|$ less than 1. Here the old state is amplified, not damped.',
      },
      {
        id: 'settles',
        text: 'It settles at a nonzero value below 1 and stays there.',
        feedback:
          'Right. Amplification pushes the state up until tanh bends it back; it rests where $\\tanh(1.5h) = h$, about 0.86.',
      },
      {
        id: 'explodes',
        text: 'It grows without limit, since it is multiplied by 1.5 each step.',
        feedback: 'Without tanh it would, but tanh keeps every state between $-1$ and $1$.',
      },
      {
        id: 'flips',
        text: 'It flips sign at every step.',
        feedback:
          'Sign flips need a negative $w_{hh}$; below $-1$ the state would swing between two values of opposite sign.',
      },
    ],
    answer: 'settles',
    hint: 'Remember that tanh never outputs anything outside the range from $-1$ to $1$.',
    explanation:
      'With $w_{hh}$ greater than 1 the unit saturates: it settles where $\\tanh(w_{hh} h) = h$, about 0.86 for $w_{hh} = 1.5$. The memory never fades, but it holds only one fact. (Below $-1$ it would not settle but flip sign at every step.) Drag $w_{hh}$ to 1.5 in the one-unit figure to see it.',
  },
  {
    id: 'l1-problem-shapes',
    kind: 'multiple',
    prompt:
      'Which of these tasks are many-to-one: a whole sequence in, a single answer out? Select all that apply.',
    choices: [
      {
        id: 'sentiment',
        text: 'Deciding whether a product review is positive or negative.',
        feedback: 'Correct: the answer is read from the state after the last word.',
      },
      {
        id: 'wake-word',
        text: 'Deciding whether an audio clip contains a wake word.',
        feedback: 'Correct: one yes-or-no answer for the whole clip.',
      },
      {
        id: 'translation',
        text: 'Translating a sentence into another language.',
        feedback: 'That is sequence-to-sequence: the output is a sequence of its own length.',
      },
      {
        id: 'tagging',
        text: 'Tagging each word of a sentence as noun, verb and so on.',
        feedback: 'That is aligned many-to-many: one output per input step.',
      },
      {
        id: 'captioning',
        text: 'Writing a caption for a picture.',
        feedback: 'That is one-to-many: one input, a sequence of words out.',
      },
    ],
    answers: ['sentiment', 'wake-word'],
    hint: 'Count the outputs: one for the whole input, or one per step?',
    explanation:
      'Many-to-one tasks read the whole sequence and answer once, from the final hidden state. Translation is sequence-to-sequence, tagging is aligned many-to-many, and captioning is one-to-many.',
  },
  {
    id: 'l1-matrix-shape',
    kind: 'single',
    prompt:
      'A network reads inputs of size $I = 26$ with $H = 6$ hidden units. What is the shape of $W_{hh}$?',
    choices: [
      {
        id: '6x6',
        text: '$6 \\times 6$',
        feedback: 'Right: it maps a state of 6 numbers to a new state of 6 numbers.',
      },
      {
        id: '6x26',
        text: '$6 \\times 26$',
        feedback: 'That is $W_{xh}$, which maps the input to the hidden units.',
      },
      {
        id: '26x6',
        text: '$26 \\times 6$',
        feedback:
          'This would map a state of 6 numbers to 26 outputs, which is what $W_{hy}$ does when $K = 26$.',
      },
      {
        id: '26x26',
        text: '$26 \\times 26$',
        feedback: 'The input size never appears in $W_{hh}$: it only connects the state to itself.',
      },
    ],
    answer: '6x6',
    hint: '$W_{hh}$ multiplies $h_{t-1}$ and its result is added to the pre-activation of $h_t$.',
    explanation:
      '$W_{hh}$ takes $h_{t-1}$, of length $H$, to a vector of length $H$, so it is $H \\times H = 6 \\times 6$, whatever the input size.',
  },
];
