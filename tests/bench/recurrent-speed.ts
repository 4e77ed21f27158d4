/**
 * Speed of one recurrent layer's training step (forward + BPTT + plain SGD update, no head), in Node:
 *   npx tsx tests/bench/recurrent-speed.ts
 * Reports sequences/s for I=8, H=32, T=50, B=16 (RNN, LSTM, GRU) and ms per step for an LSTM with
 * H=64, T=200, B=1, each with dL/dx computed and skipped (`inputGradient: false`, as a model's first layer
 * can). The machine running the tests is shared, so it prints the fastest step ("best", what the code
 * costs when it has a core to itself), the median wall-clock step, and the CPU time per step.
 */
import { createInitialisedRecurrentParams } from '../../engine/init.ts';
import { recurrentParamList, zeroRecurrentGradients } from '../../engine/params.ts';
import { backward, createWorkspace, forward } from '../../engine/recurrent.ts';
import { createRng } from '../../engine/rng.ts';
import type { CellKind } from '../../engine/types.ts';

interface Timing {
  readonly best: number;
  readonly median: number;
  readonly cpu: number;
}

function measure(cell: CellKind, I: number, H: number, T: number, B: number, inputGradient: boolean): Timing {
  const rng = createRng(1);
  const params = createInitialisedRecurrentParams(cell, I, H, rng, { scheme: 'pytorch' });
  const x = Float64Array.from({ length: B * T * I }, () => rng.normal());
  const lengths = new Int32Array(B).fill(T);
  const input = { batchSize: B, steps: T, inputSize: I, x, lengths };
  const dOutputs = Float64Array.from({ length: B * T * H }, () => rng.normal() * 0.01);
  const workspace = createWorkspace(params, B, T);
  const list = recurrentParamList(params);
  const trainStep = () => {
    zeroRecurrentGradients(params);
    forward(params, input, { workspace });
    backward(params, workspace, dOutputs, { inputGradient });
    for (const p of list) for (let k = 0; k < p.w.length; k++) p.w[k] -= 1e-3 * p.dw[k];
  };
  for (let warm = performance.now(); performance.now() - warm < 500; ) trainStep();
  const times: number[] = [];
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  while (performance.now() - start < 3000) {
    const before = performance.now();
    trainStep();
    times.push(performance.now() - before);
  }
  const cpu = process.cpuUsage(cpuStart);
  times.sort((a, b) => a - b);
  return {
    best: times[0],
    median: times[Math.floor(times.length / 2)],
    cpu: (cpu.user + cpu.system) / 1000 / times.length,
  };
}

const summarise = (t: Timing, perSecond: (ms: number) => string) =>
  `best ${perSecond(t.best)}, median ${perSecond(t.median)}, cpu ${perSecond(t.cpu)}`;
const sequencesPerSecond = (ms: number) => `${Math.round(16 / (ms / 1000))}/s`;
const milliseconds = (ms: number) => `${ms.toFixed(2)} ms`;

for (const inputGradient of [true, false]) {
  const label = inputGradient ? 'with dx' : 'without dx';
  for (const cell of ['lstm', 'gru', 'rnn'] as const) {
    const timing = measure(cell, 8, 32, 50, 16, inputGradient);
    console.log(`${cell} I=8 H=32 T=50 B=16 ${label}: ${summarise(timing, sequencesPerSecond)}`);
  }
  const long = measure('lstm', 8, 64, 200, 1, inputGradient);
  console.log(`lstm I=8 H=64 T=200 B=1 ${label}: ${summarise(long, milliseconds)}`);
}
