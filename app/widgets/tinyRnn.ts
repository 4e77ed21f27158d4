/**
 * The small RNN behind the unrolled demo: a real forward and backward pass of the engine's tanh RNN on
 * one word, computed on the main thread (a few hundred multiply-adds, not training). Deterministic under
 * the seed.
 */
import type { Target } from '../../engine/types';
import {
  backward,
  createDenseParams,
  createHeadWorkspace,
  createInitialisedRecurrentParams,
  createRng,
  createWorkspace,
  forward,
  headBackward,
  headForward,
} from '../engine';

export interface UnrolledDemoData {
  /** The word's characters, x₁..x_T. */
  readonly tokens: readonly string[];
  /** The distinct characters in order of first appearance: the one-hot code's channels. */
  readonly alphabet: readonly string[];
  /** [T][H] h₁..h_T. */
  readonly hidden: readonly (readonly number[])[];
  /** [T] ||dL/dh_t|| from backpropagation through time. */
  readonly gradientNorms: readonly number[];
  /** The loss at the last step (nats). */
  readonly loss: number;
  /** What the output layer is asked, at the last step, to name: the word's first character. */
  readonly target: string;
}

/** The longest word the demo steps through; longer ones are cut here. */
export const MAX_WORD_LENGTH = 24;
export const MAX_HIDDEN_SIZE = 16;

/**
 * Runs an untrained RNN (Xavier input weights, orthogonal W_hh, zero biases, from `seed`) over the
 * one-hot characters of `word`, then backpropagates one loss: the cross-entropy, at the last step, of
 * a dense output layer asked which character came first. With one loss at the end, ||dL/dh_t|| is the
 * gradient travelling back alone, so its shrinking is the recurrence's doing.
 */
export function runUnrolledDemo(word: string, hiddenSize: number, seed: number): UnrolledDemoData | null {
  const tokens = Array.from(word).slice(0, MAX_WORD_LENGTH);
  const H = Math.max(1, Math.min(MAX_HIDDEN_SIZE, Math.round(hiddenSize) || 1));
  if (tokens.length === 0) return null;
  const alphabet = [...new Set(tokens)];
  const V = alphabet.length;
  const T = tokens.length;
  const rng = createRng(seed);
  const params = createInitialisedRecurrentParams('rnn', V, H, rng.fork(1), { scheme: 'orthogonal' });
  const head = createDenseParams(H, V, rng.fork(2));
  const x = new Float64Array(T * V);
  tokens.forEach((token, t) => {
    x[t * V + alphabet.indexOf(token)] = 1;
  });
  const workspace = createWorkspace(params, 1, T);
  const { outputs } = forward(
    params,
    { batchSize: 1, steps: T, inputSize: V, x, lengths: Int32Array.of(T) },
    {
      workspace,
    },
  );
  const labels = new Int32Array(T).fill(-1);
  labels[T - 1] = 0; // The first character is channel 0 of the alphabet.
  const target: Target = { kind: 'class', numClasses: V, labels };
  const headWorkspace = createHeadWorkspace(V);
  const { loss } = headForward(head, outputs, target, headWorkspace);
  const dOutputs = new Float64Array(T * H);
  headBackward(head, outputs, target, headWorkspace, dOutputs);
  const { gradNorm } = backward(params, workspace, dOutputs, { inputGradient: false });
  const hidden = tokens.map((_, t) => Array.from(outputs.subarray(t * H, (t + 1) * H)));
  return { tokens, alphabet, hidden, gradientNorms: Array.from(gradNorm), loss, target: tokens[0]! };
}
