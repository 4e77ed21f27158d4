import type {
  Experiment,
  MultipleChoiceQuestion,
  NumericQuestion,
  OrderingQuestion,
  PredictQuestion,
  SingleChoiceQuestion,
} from '../../../app/lessonTypes';

export const single: SingleChoiceQuestion = {
  id: 'q-single',
  kind: 'single',
  prompt: 'What is the shape of $W_{hh}$ with $H = 6$?',
  choices: [
    { id: 'square', text: '$6 \\times 6$', feedback: 'It maps the state to itself.' },
    { id: 'wide', text: '$6 \\times 26$', feedback: 'That is the input matrix.' },
    { id: 'tall', text: '$26 \\times 6$', feedback: 'That would be an output matrix.' },
  ],
  answer: 'square',
  hint: 'It multiplies the previous state.',
  explanation: 'The recurrent matrix is $H \\times H$.',
};

export const multiple: MultipleChoiceQuestion = {
  id: 'q-multiple',
  kind: 'multiple',
  prompt: 'Which follow from weight sharing?',
  choices: [
    { id: 'any-length', text: 'Any length works.', feedback: 'One rule, repeated.' },
    { id: 'fixed-count', text: 'The parameter count is fixed.', feedback: 'Same weights every step.' },
    { id: 'transfer', text: 'Patterns transfer across positions.', feedback: 'Same weights everywhere.' },
    { id: 'grows', text: 'The state grows with the sequence.', feedback: 'No: it always has H entries.' },
  ],
  answers: ['any-length', 'fixed-count', 'transfer'],
  hint: 'What do shared weights fix?',
  explanation: 'Sharing fixes the rule, not the state.',
};

export const numeric: NumericQuestion = {
  id: 'q-numeric',
  kind: 'numeric',
  prompt: 'How many parameters does the layer have?',
  answer: 5376,
  tolerance: 10,
  unit: 'parameters',
  hint: 'Count the four gate blocks.',
  explanation: 'Four blocks of $H(I + H + 2)$ numbers make 5376.',
};

export const ordering: OrderingQuestion = {
  id: 'q-ordering',
  kind: 'ordering',
  prompt: 'Put one step of BPTT in order.',
  items: [
    { id: 'forward', text: 'Run forward' },
    { id: 'loss', text: 'Compute the loss' },
    { id: 'backward', text: 'Walk back' },
    { id: 'update', text: 'Update the weights' },
  ],
  hint: 'The backward sweep needs the forward pass.',
  explanation: 'Forward, loss, backward, update.',
};

export const predict: PredictQuestion & { readonly experiment: Experiment } = {
  id: 'q-predict',
  kind: 'predict',
  prompt: 'Which cell reaches the higher held-out accuracy?',
  hint: 'Think of the gradient path.',
  explanation: 'The LSTM keeps the cue in its cell state.',
  experiment: {
    description: 'held-out accuracy on recall after 40 steps',
    runs: [
      { id: 'rnn', label: 'Plain RNN', config: { cell: 'rnn' } },
      { id: 'lstm', label: 'LSTM', config: { cell: 'lstm' } },
    ],
    steps: 40,
    measure: 'heldOutMetric',
    winner: 'highest',
    tieWithin: 0.05,
  },
  choices: [
    { id: 'rnn', text: 'The plain RNN', feedback: 'Its gradient fades over the gap.' },
    { id: 'lstm', text: 'The LSTM', feedback: 'Its cell state carries the cue.' },
    { id: 'tie', text: 'About the same', feedback: 'Only if both fail.' },
  ],
  explain: {
    outcome: 'lstm',
    prompt: 'Why did the LSTM win?',
    choices: [
      { id: 'cell', text: 'Its cell state carries the cue across the gap', feedback: 'Yes: the cell path.' },
      { id: 'size', text: 'It has more parameters', feedback: 'Size is not what carries the cue.' },
      { id: 'luck', text: 'Luck of the seed', feedback: 'The seed is the same for both.' },
    ],
    answer: 'cell',
  },
};

export const allKinds = [single, multiple, numeric, ordering, predict] as const;
