import type { GlossaryTerm } from '../../app/lessonTypes';

export const glossary: readonly GlossaryTerm[] = [
  {
    term: 'language model',
    definition:
      'A model that gives a probability to every possible continuation of a text; a character-level one predicts the next character at every step.',
  },
  {
    term: 'one-hot vector',
    definition:
      'A vector of zeros with a single 1 at the index of one symbol of the vocabulary: how a character enters the network.',
  },
  {
    term: 'logits',
    definition:
      'The scores $z_t = W_{hy} h_t + b_y$, one per symbol, that the softmax turns into probabilities.',
  },
  {
    term: 'perplexity',
    definition:
      'The exponential of the cross-entropy, $e^L$: the number of equally likely choices the model is as unsure as. A uniform guess over $V$ symbols has perplexity $V$.',
  },
  {
    term: 'nats and bits per character',
    definition:
      'Units of cross-entropy: with the natural logarithm the loss is in nats; dividing by $\\ln 2$ gives bits.',
  },
  {
    term: 'unigram baseline',
    definition:
      'A model that predicts each character by how often it occurs in the training text, ignoring the context; add-one smoothed in this app.',
  },
  {
    term: 'bigram baseline',
    definition:
      'A model that predicts each character from the one before it, by counting pairs in the training text; add-one smoothed in this app.',
  },
  {
    term: 'add-one (Laplace) smoothing',
    definition:
      'Adding one to every count before turning counts into probabilities, so that a character or pair never seen in training still gets a probability above 0.',
  },
  {
    term: 'temperature',
    definition:
      'The number $T$ that divides the logits before the softmax when sampling: below 1 it sharpens the distribution, above 1 it flattens it; the model is unchanged.',
  },
  {
    term: 'greedy decoding',
    definition:
      'Always writing the single most likely next symbol; the limit of sampling as the temperature goes to 0, prone to loops.',
  },
  {
    term: 'teacher forcing',
    definition:
      'Training a sequence model with the true previous symbol as the input at every step, whatever the model predicted (Williams and Zipser, 1989).',
  },
  {
    term: 'free-running generation',
    definition: 'Generating text by feeding each symbol the model sampled back in as its next input.',
  },
  {
    term: 'exposure bias',
    definition:
      'The mismatch between training on true inputs and generating from the model’s own, so that a generating model can meet states it never trained on (Ranzato et al., 2016).',
  },
  {
    term: 'stacked recurrent network',
    definition:
      'Several recurrent layers on top of each other, each reading the hidden states of the layer below as its input sequence.',
  },
  {
    term: 'interpretable cell',
    definition:
      'A single unit whose value follows something a person can name, such as being inside quotes or the position in a line (Karpathy, Johnson and Fei-Fei, 2015).',
  },
  {
    term: 'connectivity',
    definition:
      'How strongly one prediction depends on each earlier input: the size of the gradient of its log-probability with respect to that input.',
  },
];
