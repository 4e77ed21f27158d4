import type { Question } from '../../app/lessonTypes';

/** The final quiz: 18 questions across the whole course. */
export const questions: readonly Question[] = [
  {
    id: 'final-weight-sharing',
    kind: 'single',
    prompt:
      'A plain RNN with $I = 26$ and $H = 3$ has 90 parameters in its recurrent layer. It reads a 10-letter word, then a 1000-letter text. How many recurrent-layer parameters does it use for the long text?',
    choices: [
      {
        id: 'same',
        text: '90, the same as for the word.',
        feedback: 'Right: the same $W_{xh}$, $W_{hh}$ and $b_h$ serve every step, whatever the length.',
      },
      {
        id: 'per-step',
        text: '9,000: one set of 90 per letter.',
        feedback:
          'That would be a separate copy of the weights per step. An RNN shares one copy across all steps.',
      },
      {
        id: 'recurrent-only',
        text: '900: only the recurrent weights are copied per step.',
        feedback:
          'No part of the layer is copied per step: the input weights, recurrent weights and bias are all shared.',
      },
      {
        id: 'window',
        text: 'It cannot read the text: the length is fixed at training time.',
        feedback: 'A fixed length is the limit of a windowed feed-forward network, not of a recurrent one.',
      },
    ],
    answer: 'same',
    hint: 'Do the weights carry a time subscript?',
    explanation:
      'Weight sharing means one rule applied at every step, so the parameter count does not depend on the sequence length. Only the number of times the rule is applied grows.',
  },
  {
    id: 'final-saturation',
    kind: 'single',
    prompt:
      'A one-unit RNN with $w_{hh} = 2$ and $w_{xh} = 1$ receives a single pulse $x_1 = 1$ and zeros afterwards. What is $h_t$ after 30 steps?',
    choices: [
      {
        id: 'stuck',
        text: 'Close to 0.958, where it has been sitting for many steps.',
        feedback: 'Right: tanh bends the growth back, and the state rests where $\\tanh(2h) = h$.',
      },
      {
        id: 'huge',
        text: 'About $2^{30}$, because it doubles at every step.',
        feedback: 'That ignores the tanh, which keeps every state between $-1$ and $1$.',
      },
      {
        id: 'zero',
        text: 'Close to 0, because there has been no input for 29 steps.',
        feedback:
          'Fading needs $|w_{hh}|$ less than 1. With $w_{hh} = 2$ the old state is amplified, not damped.',
      },
      {
        id: 'one',
        text: 'Exactly 1.',
        feedback: 'tanh never reaches 1 exactly, and here it settles below 0.96.',
      },
    ],
    answer: 'stuck',
    hint: 'What is the largest value tanh can output?',
    explanation:
      'With $w_{hh}$ greater than 1 the unit saturates at a fixed point of $h = \\tanh(2h)$, about 0.958 (lesson 1). (With $w_{hh}$ below $-1$ it would flip sign at every step instead.) The hidden state never blows up; what can blow up in training is the gradient.',
  },
  {
    id: 'final-gradient-distance',
    kind: 'numeric',
    prompt:
      'Each step back in time multiplies the size of the gradient by 0.8. After how many steps back is less than 1% of it left? Give the smallest whole number of steps.',
    answer: 21,
    tolerance: 0,
    unit: 'steps',
    hint: 'Solve $0.8^n < 0.01$: take logarithms, $n > \\ln 0.01 / \\ln 0.8$, and round up.',
    explanation:
      '$\\ln 0.01 / \\ln 0.8 \\approx 20.6$, so 21 steps: $0.8^{20} \\approx 0.0115$ is still above 1% and $0.8^{21} \\approx 0.0092$ is below it. Each further 10 steps divides the gradient by about 9, the geometric shrinking of lesson 2.',
  },
  {
    id: 'final-vanishing-exploding',
    kind: 'multiple',
    prompt:
      'Which statements about vanishing and exploding gradients in a plain tanh RNN are true? Select all that apply.',
    choices: [
      {
        id: 'sigma-below-one',
        text: 'If the largest singular value of $W_{hh}$ is well below 1, the long-range terms of the gradient shrink geometrically.',
        feedback:
          'True: each Jacobian factor has norm at most $\\gamma\\,\\sigma_{\\max}(W_{hh})$, and $\\gamma \\le 1$ only makes it smaller.',
      },
      {
        id: 'saturation-blocks',
        text: 'Saturated tanh units pass almost no gradient back, whatever their weights.',
        feedback: 'True: their derivative $1 - h^2$ is near 0.',
      },
      {
        id: 'clipping-exploding',
        text: 'Gradient clipping tames exploding gradients but does nothing for vanishing ones.',
        feedback:
          'True: clipping only ever shortens a gradient; it cannot bring back a signal that has faded.',
      },
      {
        id: 'state-explodes',
        text: 'An exploding gradient means the hidden state grows without bound.',
        feedback: 'False: tanh keeps the state between $-1$ and $1$. It is the gradient that grows.',
      },
      {
        id: 'total-tiny',
        text: 'With vanishing gradients, the total gradient is always tiny.',
        feedback:
          'False: the total can be healthy, carried by recent steps, while the long-range part is negligible. That is why the failure is silent.',
      },
    ],
    answers: ['sigma-below-one', 'saturation-blocks', 'clipping-exploding'],
    hint: 'Think about the product of Jacobians $\\mathrm{diag}(1 - h_k^2)\\, W_{hh}$ and about what tanh does to the state.',
    explanation:
      'The bound $(\\gamma\\,\\sigma_{\\max}(W_{hh}))^{T-t}$ makes long-range terms vanish when the factor is below 1, and saturation lowers $\\gamma$. Exploding concerns the gradient, not the bounded state, and clipping caps its length. Vanishing hides in the sum: the total gradient can look normal while early steps contribute nothing.',
  },
  {
    id: 'final-update-gate-half-life',
    kind: 'numeric',
    prompt:
      "A GRU unit in this app's convention should keep half of its old value for 20 steps while it waits for the next important input. At what value must it hold its update gate $z_t$? Give three decimals.",
    answer: 0.966,
    tolerance: 0.002,
    hint: 'With $z$ on the old state, each step keeps a share $z$ of it. Solve $z^{20} = 0.5$.',
    explanation:
      '$z = 0.5^{1/20} = e^{\\ln 0.5 / 20} \\approx 0.966$. Gate values that look almost the same decide very different memories: 0.95 keeps half for 13.5 steps, 0.966 for 20, 0.99 for about 69. In the Chung et al. convention, where $z$ weights the candidate, the same unit would hold $z \\approx 0.034$.',
  },
  {
    id: 'final-cell-path',
    kind: 'single',
    prompt: "Why can an LSTM's gradient cross a long gap more easily than a plain RNN's?",
    choices: [
      {
        id: 'forget-factor',
        text: 'Along the cell state, one step back multiplies the gradient only by the forget gate $f_t$, which can stay near 1.',
        feedback:
          'Right: no weight matrix and no tanh derivative sit on that path, so with open forget gates the gradient passes almost unchanged.',
      },
      {
        id: 'no-vanishing',
        text: 'The LSTM cannot have vanishing gradients at all.',
        feedback:
          'It can: with forget gates well below 1, the product of $f_t$ values still shrinks geometrically.',
      },
      {
        id: 'bigger-state',
        text: 'The LSTM has more parameters, so its gradient is larger.',
        feedback: 'More parameters do not change how the gradient shrinks with distance.',
      },
      {
        id: 'clipping-built-in',
        text: 'The LSTM clips its gradient internally.',
        feedback:
          'Clipping is a training choice that works for any cell; it limits explosions and does not help with vanishing.',
      },
    ],
    answer: 'forget-factor',
    hint: 'Write down $\\partial c_t / \\partial c_{t-1}$ along the direct path of $c_t = f_t \\odot c_{t-1} + i_t \\odot g_t$.',
    explanation:
      'The cell state is updated by addition, so its direct derivative is $\\mathrm{diag}(f_t)$. In a plain RNN every step back multiplies by $\\mathrm{diag}(1 - h_k^2)\\, W_{hh}$ instead. That is why a forget-gate bias of 1, which starts the gates open, helps.',
  },
  {
    id: 'final-misconceptions',
    kind: 'multiple',
    prompt: 'Which of these statements are true? Select all that apply.',
    choices: [
      {
        id: 'forget-gate-later',
        text: 'The 1997 LSTM had no forget gate; Gers, Schmidhuber and Cummins added it later.',
        feedback: 'True: the forget gate appeared in their work of 1999 and 2000.',
      },
      {
        id: 'gnmt',
        text: "Google's 2016 translation system stacked LSTM layers, and Google later moved Translate to Transformer-based models.",
        feedback:
          'True: GNMT used 8 LSTM layers in the encoder and 8 in the decoder (Wu et al., 2016); a 2020 Google post describes a Transformer encoder with a recurrent decoder.',
      },
      {
        id: 'copilot',
        text: 'GitHub Copilot began on OpenAI Codex, a Transformer model.',
        feedback: 'True: Codex is a GPT-style Transformer fine-tuned on code (Chen et al., 2021).',
      },
      {
        id: 'never-recurrent-dropout',
        text: 'Dropout must never be applied to recurrent connections.',
        feedback:
          'False: with one mask for the whole sequence, dropout on the recurrent state works (Gal and Ghahramani, 2016).',
      },
      {
        id: 'fixed-horizon',
        text: 'A plain RNN can remember only a fixed handful of steps, whatever the task and training.',
        feedback:
          'False: no primary source gives such a number; the horizon depends on initialization, task and training, and lesson 2 measures it.',
      },
    ],
    answers: ['forget-gate-later', 'gnmt', 'copilot'],
    hint: 'Two of these are outdated advice or myths that the summary lesson corrects.',
    explanation:
      'The forget gate came after 1997 (Gers, Schmidhuber and Cummins, 2000). GNMT used stacked LSTMs (Wu et al., 2016) before Google moved to Transformer-based models, and Copilot began on Codex (Chen et al., 2021). Recurrent dropout with one mask per sequence works (Gal and Ghahramani, 2016), and a memory horizon is something to measure, not a constant.',
  },
  {
    id: 'final-gru-blend',
    kind: 'numeric',
    prompt:
      "In this app's GRU (PyTorch's convention), one unit has $z_t = 0.25$, $h_{t-1} = 0.8$ and candidate $n_t = -0.4$. Compute $h_t$.",
    answer: -0.1,
    tolerance: 0.005,
    hint: 'In this convention $z_t$ weights the old state: $h_t = (1 - z_t)\\, n_t + z_t\\, h_{t-1}$.',
    explanation:
      '$h_t = 0.75 \\times (-0.4) + 0.25 \\times 0.8 = -0.3 + 0.2 = -0.1$. With the other convention, where $z_t$ weights the candidate, you would get $0.25 \\times (-0.4) + 0.75 \\times 0.8 = 0.5$: the same numbers, a different network.',
  },
  {
    id: 'final-whole-model-saving',
    kind: 'numeric',
    prompt:
      "A model has one recurrent layer with input size $I = 16$ and hidden size $H = 64$, followed by a dense output layer with 10 outputs (a $10 \\times 64$ weight matrix and 10 biases). Switching the layer from an LSTM to a GRU saves what percentage of the whole model's parameters? Give one decimal.",
    answer: 24.2,
    tolerance: 0.2,
    unit: '%',
    hint: "Count $G \\cdot H \\cdot (I + H + 2)$ for $G = 4$ and $G = 3$, add the output layer to both, and divide the difference by the LSTM model's total.",
    explanation:
      'The LSTM layer has $4 \\cdot 64 \\cdot 82 = 20{,}992$ parameters and the GRU layer $3 \\cdot 64 \\cdot 82 = 15{,}744$; the output layer adds $640 + 10 = 650$ to both. The saving is $5{,}248 / 21{,}642 \\approx 24.2\\%$: a little under the 25% of the layer alone, because the output layer does not shrink.',
  },
  {
    id: 'final-gru-conventions',
    kind: 'multiple',
    prompt:
      'Which statements describe the GRU and LSTM exactly as this app (and PyTorch) computes them? Select all that apply.',
    choices: [
      {
        id: 'gru-order',
        text: "The GRU's weight blocks are stacked in the order $r, z, n$.",
        feedback: 'True: reset, update, candidate.',
      },
      {
        id: 'z-old',
        text: 'The update gate $z_t$ multiplies the old state $h_{t-1}$ in the blend.',
        feedback: 'True: $h_t = (1 - z_t) \\odot n_t + z_t \\odot h_{t-1}$.',
      },
      {
        id: 'reset-after',
        text: 'The reset gate multiplies $W_{hn} h_{t-1} + b_{hn}$, after the matrix product.',
        feedback: 'True: as in PyTorch, cuDNN and Keras with reset_after set to true.',
      },
      {
        id: 'reset-before',
        text: 'The reset gate multiplies $h_{t-1}$ before the matrix product, as $W_{hn}(r_t \\odot h_{t-1})$.',
        feedback:
          'False here: that is the form of the third arXiv version of Cho et al. (2014), a different network.',
      },
      {
        id: 'lstm-ifog',
        text: "The LSTM's blocks are stacked in the order $i, f, o, g$.",
        feedback: 'False: PyTorch stacks them as $i, f, g, o$, with the candidate third.',
      },
    ],
    answers: ['gru-order', 'z-old', 'reset-after'],
    hint: 'The summary lesson lists four conventions; two of these choices describe the alternatives.',
    explanation:
      'The app follows PyTorch so that exported weights load unchanged: LSTM blocks $i, f, g, o$; GRU blocks $r, z, n$; $z_t$ weights the old state; and the reset gate acts on $W_{hn} h_{t-1} + b_{hn}$.',
  },
  {
    id: 'final-clipping-vanishing',
    kind: 'multiple',
    prompt:
      'A plain tanh RNN must learn a dependency 40 steps long. Its gradient bars are tiny at the early steps, the loss sits on the chance plateau, and the clip at norm 1 never fires. Which changes could help it learn the dependency? Select all that apply.',
    choices: [
      {
        id: 'lstm-bias',
        text: 'Switch to an LSTM with a forget-gate bias of 1 or more.',
        feedback:
          'Helps: along the cell the gradient is scaled only by the forget gates, which start open, so far more of it reaches step 1.',
      },
      {
        id: 'orthogonal',
        text: 'Start $W_{hh}$ as a random orthogonal matrix.',
        feedback:
          'Can help: every singular value of $W_{hh}$ is then 1, so the matrix part of each Jacobian factor no longer shrinks the gradient at the start (the tanh derivatives still can).',
      },
      {
        id: 'lower-clip',
        text: 'Lower the clipping threshold from 1 to 0.1.',
        feedback:
          'No: clipping only ever shortens the gradient. A lower threshold shortens it more and leaves the tiny long-range part just as tiny next to the rest.',
      },
      {
        id: 'truncate',
        text: 'Use truncated BPTT with windows of 10 steps.',
        feedback:
          'No: that cuts every gradient path longer than 10 steps, so the 40-step dependency gets no gradient at all.',
      },
    ],
    answers: ['lstm-bias', 'orthogonal'],
    hint: 'Which changes act on the factors of the Jacobian product, and which only rescale or cut the gradient afterwards?',
    explanation:
      'Vanishing comes from the factors of the product $\\prod \\mathrm{diag}(1 - h_k^2)\\, W_{hh}$. A gated cell with open forget gates and an orthogonal start both change those factors. Clipping multiplies the whole gradient by a factor of at most 1, and truncation removes long paths, so neither can bring back a faded long-range signal.',
  },
  {
    id: 'final-dropout',
    kind: 'single',
    prompt: 'Which use of dropout in a recurrent network is the one to avoid?',
    choices: [
      {
        id: 'fresh-mask',
        text: 'A fresh random mask on the recurrent state at every time step.',
        feedback:
          'Right: new noise at every step keeps disturbing the memory the network tries to carry. Use one mask per sequence instead (Gal and Ghahramani, 2016).',
      },
      {
        id: 'inputs',
        text: 'Dropout on the inputs.',
        feedback: 'This is standard practice (Zaremba, Sutskever and Vinyals, 2014).',
      },
      {
        id: 'outputs',
        text: 'Dropout on the outputs, before the dense head.',
        feedback: 'This is standard practice (Zaremba, Sutskever and Vinyals, 2014).',
      },
      {
        id: 'one-mask',
        text: 'Dropout on the recurrent state with the same mask at every step of a sequence.',
        feedback:
          'This is variational dropout, which works on the recurrent path (Gal and Ghahramani, 2016).',
      },
    ],
    answer: 'fresh-mask',
    hint: 'The trouble is not where dropout goes, but how often its mask changes.',
    explanation:
      'Dropout on inputs and outputs is safe (Zaremba, Sutskever and Vinyals, 2014). On the recurrent state, one mask per sequence works (Gal and Ghahramani, 2016); a new mask at every step is what hurts.',
  },
  {
    id: 'final-forget-time-scale',
    kind: 'numeric',
    prompt:
      'Your task hides its cue about 50 steps before the answer. Reading the forget gate as a time scale (a gate held at $f$ keeps a value for about $1/(1 - f)$ steps; Tallec and Ollivier, 2018), which forget-gate bias $b$ gives an untrained LSTM unit a time scale of 50 steps? Give one decimal.',
    answer: 3.9,
    tolerance: 0.1,
    hint: 'First find the gate $f$ with $1/(1 - f) = 50$. An untrained gate sits near $\\sigma(b)$: undo the sigmoid to get $b$ from $f$.',
    explanation:
      '$f = 1 - 1/50 = 0.98$, and $b = \\ln(0.98/0.02) = \\ln 49 \\approx 3.9$. The usual bias of 1 gives $\\sigma(1) \\approx 0.73$, a time scale of under 4 steps, and the app\u2019s 3 gives about 21: enough for the recall task at a gap of 20, short of 50. Chrono initialisation goes further and gives each unit its own bias, spread over the delays the task is expected to contain.',
  },
  {
    id: 'final-adam-vs-sgd-step',
    kind: 'single',
    prompt:
      'One weight receives a steady gradient of $0.0001$ at every step. The learning rate is 0.001. About how far does one step move this weight with plain SGD, and with Adam?',
    choices: [
      {
        id: 'sgd-tiny-adam-rate',
        text: 'SGD about $10^{-7}$; Adam about $10^{-3}$.',
        feedback:
          'Right: SGD moves by $\\eta \\times 0.0001$, while Adam divides the gradient by its own typical size, so it moves by about $\\eta$.',
      },
      {
        id: 'both-tiny',
        text: 'Both about $10^{-7}$.',
        feedback:
          'That is SGD only. Adam divides the running average of the gradient by the square root of the running average of its square, which cancels its size.',
      },
      {
        id: 'both-rate',
        text: 'Both about $10^{-3}$.',
        feedback: 'That is Adam only. Plain SGD multiplies the rate by the gradient: $0.001 \\times 0.0001$.',
      },
      {
        id: 'sgd-rate-adam-tiny',
        text: 'SGD about $10^{-3}$; Adam about $10^{-7}$.',
        feedback: 'The other way round: SGD scales with the gradient, Adam does not.',
      },
    ],
    answer: 'sgd-tiny-adam-rate',
    hint: 'SGD: $\\eta$ times the gradient. Adam: the gradient divided by the square root of its own square, times $\\eta$.',
    explanation:
      "SGD's step is $0.001 \\times 0.0001 = 10^{-7}$; Adam's is about $0.001 \\times 0.0001 / \\sqrt{0.0001^2} = 0.001$. That is why 0.001, Adam's default (Kingma and Ba, 2015), is no guide for SGD, which is often run at rates near 1 with clipping.",
  },
  {
    id: 'final-transformer',
    kind: 'single',
    prompt:
      'What did the Transformer (Vaswani et al., 2017) change compared with a recurrent encoder-decoder?',
    choices: [
      {
        id: 'attention-parallel',
        text: 'It dropped recurrence and used attention alone, so all positions of a sequence can be trained in parallel.',
        feedback:
          'Right: every position can attend to every other in one step, instead of passing information along a chain.',
      },
      {
        id: 'forget-gate',
        text: 'It added a forget gate to the LSTM.',
        feedback: 'That was Gers, Schmidhuber and Cummins (2000), long before the Transformer.',
      },
      {
        id: 'linear-scan',
        text: 'It made the recurrence linear so that a parallel scan can compute it.',
        feedback: 'That describes state-space models and linear RNNs such as S4, Mamba and the LRU.',
      },
      {
        id: 'fixed-state',
        text: 'It compressed the whole input into one fixed-size state.',
        feedback:
          'That is the bottleneck of the plain encoder-decoder. Attention, and then the Transformer, let the model look at every position instead.',
      },
    ],
    answer: 'attention-parallel',
    hint: 'Its paper is titled "Attention Is All You Need".',
    explanation:
      'The Transformer replaced the step-by-step chain with self-attention, so distant positions are one step apart and training runs over all positions at once. The cost is that plain self-attention compares every pair of positions, which grows with the square of the length.',
  },
  {
    id: 'final-lm-perplexity',
    kind: 'numeric',
    prompt:
      'A character model has a held-out cross-entropy of 1.5 nats per character. What is its perplexity? Give two decimals.',
    answer: 4.48,
    tolerance: 0.01,
    hint: 'Perplexity undoes the logarithm of the cross-entropy.',
    explanation:
      'Perplexity is $e^{L} = e^{1.5} \\approx 4.48$: on average the model is as unsure as a fair choice among about four and a half characters. In bits the same loss is $1.5 / \\ln 2 \\approx 2.16$ bits per character (lesson 6).',
  },
  {
    id: 'final-lm-temperature',
    kind: 'single',
    prompt:
      'A trained character model writes one sample at temperature 0.1 and one at temperature 2. Which description fits?',
    choices: [
      {
        id: 'cold-loops',
        text: 'At 0.1 it keeps to the most likely characters and tends to repeat itself; at 2 it writes many unlikely characters.',
        feedback:
          'Right: a low temperature sharpens the softmax towards greedy decoding, a high one flattens it.',
      },
      {
        id: 'cold-random',
        text: 'At 0.1 it writes random characters; at 2 it repeats the most likely ones.',
        feedback:
          'That is the wrong way round: dividing the logits by a small $T$ makes the largest one dominate.',
      },
      {
        id: 'better-model',
        text: 'At 0.1 the model has a lower perplexity, so its sample is better in every way.',
        feedback:
          'Temperature changes only how samples are drawn; the model and its perplexity are the same at any $T$.',
      },
      {
        id: 'no-change',
        text: 'Both look the same: temperature only matters during training.',
        feedback:
          'Temperature plays no part in training; it reshapes the distribution each sample is drawn from.',
      },
    ],
    answer: 'cold-loops',
    hint: 'Write the softmax of $z / T$ for a small and a large $T$.',
    explanation:
      'Sampling draws from $p_T(c) \\propto e^{z_c / T}$. As $T \\to 0$ this becomes greedy decoding, which loops; as $T$ grows it tends to the uniform distribution. The trained weights do not change (lesson 6).',
  },
  {
    id: 'final-lm-training-generation',
    kind: 'multiple',
    prompt:
      'Which statements about training and generating with a character-level language model are true? Select all that apply.',
    choices: [
      {
        id: 'teacher-forcing',
        text: 'With teacher forcing, the input at each training step is the true previous character.',
        feedback: 'True (Williams and Zipser, 1989).',
      },
      {
        id: 'free-running',
        text: 'When it generates, the model reads its own sampled characters, so it can meet states it never trained on.',
        feedback: 'True: that mismatch is what the term exposure bias names (Ranzato et al., 2016).',
      },
      {
        id: 'second-layer-v',
        text: 'In a stacked network, every layer reads the one-hot characters directly.',
        feedback:
          'False: only the first layer does; each layer above reads the hidden states of the layer below.',
      },
      {
        id: 'bigram-below',
        text: 'A held-out perplexity below the bigram baseline shows the model uses more than the last character.',
        feedback: 'True: the bigram already knows everything one character of context can tell.',
      },
    ],
    answers: ['teacher-forcing', 'free-running', 'bigram-below'],
    hint: 'Ask, for each case, what the network reads as its input.',
    explanation:
      'Training feeds the true text (teacher forcing), generation feeds back the samples (free running); a stacked layer reads the layer below; and the counting baselines say how much of the score any model could get from frequencies or from one character of context (lesson 6).',
  },
];
