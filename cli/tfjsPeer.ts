/**
 * The benchmark's peer: the same training workload as our engine's benchmark, run by tfjs layers on its
 * `cpu` (plain JS) or `wasm` (WebAssembly, SIMD, single-threaded in Node) backend.
 *
 * Workload, one training step: recurrent layer (many-to-one) -> dense(classes, softmax), categorical
 * cross-entropy, SGD(lr 0.1), forward + backprop through time + update on one batch of random sequences
 * (pre-generated and reused). tfjs GRU is Keras's resetAfter=false variant (tfjs cannot do PyTorch's
 * resetAfter=true): the same cost, a slightly different equation.
 *
 * The char-LM workload ({@link benchTfjsCharLm}): two LSTM layers returning sequences over one-hot
 * symbols -> dense(vocabulary, softmax) at every step, categorical cross-entropy, Adam(0.001).
 *
 *   npx tsx cli/tfjsPeer.ts [seconds]     prints all backends x cells, then the char-LM
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';

export type PeerBackend = 'cpu' | 'wasm';
export type PeerCell = 'lstm' | 'gru' | 'rnn';

export interface TfjsBenchOptions {
  backend: PeerBackend;
  cell: PeerCell;
  inputSize?: number;
  hiddenSize?: number;
  steps?: number;
  batch?: number;
  classes?: number;
  /** Wall-clock seconds to time for, after the warm-up. */
  seconds?: number;
  /** Untimed training steps first (kernel compilation, allocator warm-up)... */
  warmupSteps?: number;
  /** ...and at least this many seconds of them, so the JIT has settled (the same rule as our engine's). */
  warmupSeconds?: number;
}

export interface TfjsBenchResult {
  /** Sequences trained per second: timed steps x batch / elapsed seconds. */
  seqPerSec: number;
  /** Training steps inside the timed window. */
  stepsTimed: number;
  elapsedSeconds: number;
  /** Tensors alive after the run that were not before it; 0 unless something leaks. */
  tensorsLeaked: number;
}

/** Points the wasm backend at the .wasm files in node_modules; only possible before it first initialises. */
function locateWasm(): void {
  if ('wasm' in tf.engine().registry) return;
  const entry = createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm');
  setWasmPaths(`${dirname(entry)}/`);
}

function recurrentLayer(
  cell: PeerCell,
  units: number,
  inputShape: [number, number],
  returnSequences = false,
): tf.layers.Layer {
  // Glorot rather than the default orthogonal recurrent init: same cost per step, without the
  // orthogonal initializer's slow QR and its console warning for matrices above 2000 elements.
  const common = {
    units,
    inputShape,
    returnSequences,
    recurrentInitializer: 'glorotUniform' as const,
  };
  if (cell === 'lstm') return tf.layers.lstm({ ...common, recurrentActivation: 'sigmoid' });
  if (cell === 'gru') return tf.layers.gru({ ...common, recurrentActivation: 'sigmoid' });
  return tf.layers.simpleRNN({ ...common, activation: 'tanh' });
}

/**
 * Switches tfjs to `backend` for `run` and restores the previously active backend afterwards; also
 * counts the tensors `run` leaves behind.
 */
async function onBackend(
  backend: PeerBackend,
  run: () => Promise<Omit<TfjsBenchResult, 'tensorsLeaked'>>,
): Promise<TfjsBenchResult> {
  const previousBackend: string | null = tf.engine().backendName ?? null;
  if (backend === 'wasm') locateWasm();
  if (!(await tf.setBackend(backend))) throw new Error(`tfjs backend '${backend}' failed to initialise`);
  await tf.ready();
  const tensorsBefore = tf.memory().numTensors;
  let result: Omit<TfjsBenchResult, 'tensorsLeaked'>;
  try {
    result = await run();
  } finally {
    if (previousBackend !== null && previousBackend !== backend) await tf.setBackend(previousBackend);
  }
  return { ...result, tensorsLeaked: tf.memory().numTensors - tensorsBefore };
}

/** How long to time a compiled model for; see {@link TfjsBenchOptions}. */
interface Timing {
  readonly batch: number;
  readonly seconds: number;
  readonly warmupSteps: number;
  readonly warmupSeconds: number;
}

/**
 * Trains `model` on (xs, ys) for the warm-up, then for about `seconds` (at least one step), and disposes
 * the model, its optimiser and the data.
 */
async function timeTraining(
  model: tf.LayersModel,
  optimizer: tf.Optimizer,
  xs: tf.Tensor,
  ys: tf.Tensor,
  timing: Timing,
): Promise<Omit<TfjsBenchResult, 'tensorsLeaked'>> {
  const { batch, seconds, warmupSteps, warmupSeconds } = timing;
  try {
    // trainOnBatch resolves only after it has read the loss back, so each step has really finished.
    const warmupStart = performance.now();
    for (let k = 0; k < warmupSteps || performance.now() - warmupStart < warmupSeconds * 1000; k++) {
      await model.trainOnBatch(xs, ys);
    }
    let stepsTimed = 0;
    const start = performance.now();
    let elapsed = 0;
    do {
      await model.trainOnBatch(xs, ys);
      stepsTimed++;
      elapsed = (performance.now() - start) / 1000;
    } while (elapsed < seconds);
    return { seqPerSec: (stepsTimed * batch) / elapsed, stepsTimed, elapsedSeconds: elapsed };
  } finally {
    tf.dispose([xs, ys]);
    model.dispose();
    optimizer.dispose();
  }
}

/**
 * Trains the peer model for about `seconds` and reports its throughput. Switches tfjs to `backend`
 * and restores the previously active backend afterwards; disposes everything it created.
 */
export async function benchTfjs(options: TfjsBenchOptions): Promise<TfjsBenchResult> {
  const {
    backend,
    cell,
    inputSize = 8,
    hiddenSize = 32,
    steps = 50,
    batch = 16,
    classes = 10,
    seconds = 3,
    warmupSteps = 3,
    warmupSeconds = 0,
  } = options;
  return onBackend(backend, () => {
    const model = tf.sequential({
      layers: [
        recurrentLayer(cell, hiddenSize, [steps, inputSize]),
        tf.layers.dense({ units: classes, activation: 'softmax' }),
      ],
    });
    const optimizer = tf.train.sgd(0.1);
    model.compile({ optimizer, loss: 'categoricalCrossentropy' });
    const xs = tf.randomNormal([batch, steps, inputSize], 0, 1, 'float32', 1);
    const ys = tf.tidy(() =>
      tf.oneHot(tf.randomUniform([batch], 0, classes, 'int32', 2) as tf.Tensor1D, classes),
    );
    return timeTraining(model, optimizer, xs, ys, { batch, seconds, warmupSteps, warmupSeconds });
  });
}

/** Options of {@link benchTfjsCharLm}: the sizes of cli/benchWorkload.ts's CHAR_LM_WORKLOAD and the timing. */
export interface TfjsCharLmOptions {
  backend: PeerBackend;
  vocabulary: number;
  hiddenSize: number;
  layers: number;
  steps: number;
  batch: number;
  learningRate: number;
  seconds: number;
  warmupSteps: number;
  warmupSeconds: number;
}

/**
 * The char-LM workload in tfjs: `layers` LSTMs returning sequences, over one-hot symbols, then
 * dense(vocabulary, softmax) at every step (tfjs's dense reads the last axis of a [B][T][H] input),
 * categorical cross-entropy, Adam; a random symbol sequence per row, the label at t the symbol at t + 1.
 */
export async function benchTfjsCharLm(options: TfjsCharLmOptions): Promise<TfjsBenchResult> {
  const { backend, vocabulary: V, hiddenSize: H, layers, steps: T, batch: B, learningRate } = options;
  return onBackend(backend, () => {
    const model = tf.sequential({
      layers: [
        ...Array.from({ length: layers }, (_, k) => recurrentLayer('lstm', H, [T, k === 0 ? V : H], true)),
        tf.layers.dense({ units: V, activation: 'softmax' }),
      ],
    });
    const optimizer = tf.train.adam(learningRate);
    model.compile({ optimizer, loss: 'categoricalCrossentropy' });
    const [xs, ys] = tf.tidy(() => {
      const symbols = tf.randomUniform([B, T + 1], 0, V, 'int32', 3);
      const now = symbols.slice([0, 0], [B, T]) as tf.Tensor2D;
      const next = symbols.slice([0, 1], [B, T]) as tf.Tensor2D;
      return [tf.oneHot(now, V), tf.oneHot(next, V)];
    });
    const { seconds, warmupSteps, warmupSeconds } = options;
    return timeTraining(model, optimizer, xs!, ys!, { batch: B, seconds, warmupSteps, warmupSeconds });
  });
}

async function main(): Promise<void> {
  const seconds = Number(process.argv[2] ?? 3);
  for (const backend of ['cpu', 'wasm'] as const) {
    for (const cell of ['lstm', 'gru', 'rnn'] as const) {
      const result = await benchTfjs({ backend, cell, seconds });
      console.log(
        `tfjs-${backend} ${cell}: ${result.seqPerSec.toFixed(1)} seq/s ` +
          `(${result.stepsTimed} steps in ${result.elapsedSeconds.toFixed(2)} s, tensors leaked ${result.tensorsLeaked})`,
      );
    }
    const { CHAR_LM_WORKLOAD: sizes, CHAR_LM_LEARNING_RATE } = await import('./benchWorkload.ts');
    const result = await benchTfjsCharLm({
      backend,
      vocabulary: sizes.inputSize,
      hiddenSize: sizes.hiddenSize,
      layers: sizes.layers,
      steps: sizes.steps,
      batch: sizes.batchSize,
      learningRate: CHAR_LM_LEARNING_RATE,
      seconds,
      warmupSteps: 1,
      warmupSeconds: 0,
    });
    console.log(
      `tfjs-${backend} char-LM: ${result.seqPerSec.toFixed(2)} seq/s ` +
        `(${result.stepsTimed} steps in ${result.elapsedSeconds.toFixed(2)} s, tensors leaked ${result.tensorsLeaked})`,
    );
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
