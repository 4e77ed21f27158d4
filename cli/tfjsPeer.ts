/**
 * The benchmark's peer: the same training workload as our engine's benchmark, run by tfjs layers on its
 * `cpu` (plain JS) or `wasm` (WebAssembly, SIMD, single-threaded in Node) backend.
 *
 * Workload, one training step: recurrent layer (many-to-one) -> dense(classes, softmax), categorical
 * cross-entropy, SGD(lr 0.1), forward + backprop through time + update on one batch of random sequences
 * (pre-generated and reused). tfjs GRU is Keras's resetAfter=false variant (tfjs cannot do PyTorch's
 * resetAfter=true): the same cost, a slightly different equation.
 *
 *   npx tsx cli/tfjsPeer.ts [seconds]     prints all backends x cells
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

function recurrentLayer(cell: PeerCell, units: number, inputShape: [number, number]): tf.layers.Layer {
  // Glorot rather than the default orthogonal recurrent init: same cost per step, without the
  // orthogonal initializer's slow QR and its console warning for matrices above 2000 elements.
  const common = {
    units,
    inputShape,
    returnSequences: false,
    recurrentInitializer: 'glorotUniform' as const,
  };
  if (cell === 'lstm') return tf.layers.lstm({ ...common, recurrentActivation: 'sigmoid' });
  if (cell === 'gru') return tf.layers.gru({ ...common, recurrentActivation: 'sigmoid' });
  return tf.layers.simpleRNN({ ...common, activation: 'tanh' });
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
  const previousBackend: string | null = tf.engine().backendName ?? null;
  if (backend === 'wasm') locateWasm();
  if (!(await tf.setBackend(backend))) throw new Error(`tfjs backend '${backend}' failed to initialise`);
  await tf.ready();
  const tensorsBefore = tf.memory().numTensors;

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

  let result: Omit<TfjsBenchResult, 'tensorsLeaked'>;
  let tensorsLeaked = 0;
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
    result = { seqPerSec: (stepsTimed * batch) / elapsed, stepsTimed, elapsedSeconds: elapsed };
  } finally {
    tf.dispose([xs, ys]);
    model.dispose();
    optimizer.dispose();
    tensorsLeaked = tf.memory().numTensors - tensorsBefore;
    if (previousBackend !== null && previousBackend !== backend) await tf.setBackend(previousBackend);
  }
  return { ...result, tensorsLeaked };
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
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
