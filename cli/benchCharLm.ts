/**
 * `bench`'s char-LM workload (cli/benchWorkload.ts CHAR_LM_WORKLOAD: 2 LSTM layers of 128 over one-hot
 * symbols of a vocabulary of 64, the softmax head at every step, T 64, B 32, Adam) on our engine and on the
 * tfjs peer (cli/tfjsPeer.ts benchTfjsCharLm). A step takes seconds on tfjs (tens of seconds on its cpu
 * backend), so each engine is timed once, for the run's budget and at least one step, rather than in
 * interleaved rounds; every engine but tfjs-cpu first trains one untimed step. tfjs-cpu has no untimed
 * step: one of its steps lasts far longer than any JIT warm-up, and a second would double the run.
 */
import type { DenseKernels } from '../engine/recurrent.ts';
import type { BenchEngine } from './bench.ts';
import { CHAR_LM_LEARNING_RATE, CHAR_LM_WORKLOAD, createCharLmWorkload } from './benchWorkload.ts';
import { charLmFlopsPerStep } from './flops.ts';

/** One char-LM row of the result. */
export interface CharLmResult {
  readonly engine: BenchEngine;
  readonly seqPerSec: number;
  readonly gflops: number;
}

/** Sequences per second of our engine's char-LM step over about `seconds` (at least one step). */
function timeOurs(kernels: DenseKernels, seconds: number): number {
  const step = createCharLmWorkload(CHAR_LM_WORKLOAD, 1, kernels);
  step();
  let steps = 0;
  let sink = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    sink += step();
    steps++;
    elapsed = (performance.now() - start) / 1000;
  } while (elapsed < seconds);
  if (!Number.isFinite(sink)) throw new Error('The char-LM workload produced a non-finite loss.');
  return (steps * CHAR_LM_WORKLOAD.batchSize) / elapsed;
}

/** Times the char-LM on each engine in turn, ours on `kernels`, each for about `seconds`. */
export async function runCharLm(
  engines: readonly BenchEngine[],
  seconds: number,
  kernels: DenseKernels,
): Promise<CharLmResult[]> {
  const sizes = CHAR_LM_WORKLOAD;
  const results: CharLmResult[] = [];
  for (const engine of engines) {
    let seqPerSec: number;
    if (engine === 'unroll') seqPerSec = timeOurs(kernels, seconds);
    else if (engine === 'unroll-f32') seqPerSec = timeOurs('wasm-f32', seconds);
    else {
      const { benchTfjsCharLm } = await import('./tfjsPeer.ts');
      const backend = engine === 'tfjs-cpu' ? 'cpu' : 'wasm';
      const run = await benchTfjsCharLm({
        backend,
        vocabulary: sizes.inputSize,
        hiddenSize: sizes.hiddenSize,
        layers: sizes.layers,
        steps: sizes.steps,
        batch: sizes.batchSize,
        learningRate: CHAR_LM_LEARNING_RATE,
        seconds,
        warmupSteps: backend === 'cpu' ? 0 : 1,
        warmupSeconds: 0,
      });
      seqPerSec = run.seqPerSec;
    }
    const gflops = (charLmFlopsPerStep(sizes) * (seqPerSec / sizes.batchSize)) / 1e9;
    results.push({ engine, seqPerSec, gflops });
  }
  return results;
}
