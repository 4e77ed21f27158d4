import type { GlossaryTerm } from '../../app/lessonTypes';

export const glossary: readonly GlossaryTerm[] = [
  {
    term: 'gradient clipping by global norm',
    definition:
      'Rescaling the whole gradient by $\\min(1, \\tau/\\|g\\|)$ so that its length never exceeds a threshold $\\tau$ while its direction stays the same.',
  },
  {
    term: 'clipping by value',
    definition:
      "Clamping each gradient entry into a range $[-c, c]$ on its own, which can change the gradient's direction.",
  },
  {
    term: 'global norm',
    definition:
      "The length $\\sqrt{\\sum_k g_k^2}$ of all of a model's gradients taken together as one vector.",
  },
  {
    term: 'Xavier (Glorot) initialisation',
    definition:
      'Drawing weights from $U(\\pm\\sqrt{6/(n_{\\text{in}} + n_{\\text{out}})})$ so that signals keep roughly the same size from layer to layer (Glorot and Bengio, 2010).',
  },
  {
    term: 'orthogonal initialisation',
    definition:
      'Starting a square weight matrix as a random orthogonal matrix, whose singular values are all 1, so repeated multiplication neither shrinks nor grows a vector.',
  },
  {
    term: 'forget-gate bias',
    definition:
      "The bias of an LSTM's forget gate; starting it at 1 makes the gate begin near 0.73, so memory and gradient reach further early in training.",
  },
  {
    term: 'learning-rate schedule',
    definition:
      'A rule that changes the learning rate during training, such as step decay $\\eta_0 \\gamma^{\\lfloor k/s \\rfloor}$ or exponential decay $\\eta_0 \\gamma^k$.',
  },
  {
    term: 'epoch',
    definition: 'One full pass over the training set; schedules are often stated in epochs.',
  },
  {
    term: 'dropout',
    definition:
      'Setting a random share of values to zero during training, and scaling the rest up, so that the network cannot rely on any single unit.',
  },
  {
    term: 'variational dropout',
    definition:
      'Dropout on a recurrent network that draws one mask per sequence and reuses it at every step, which makes dropout on the recurrent connection work (Gal and Ghahramani, 2016).',
  },
  {
    term: 'overfitting',
    definition:
      'Fitting the training data so closely that performance on new, held-out data stops improving or gets worse.',
  },
  {
    term: 'padding and masking',
    definition:
      "Filling short sequences with dummy steps up to the batch's longest length, and marking the real steps so that padded ones add nothing to the loss or the gradient.",
  },
  {
    term: 'bucketing',
    definition: 'Grouping sequences of similar length into the same batches so that less padding is needed.',
  },
];
