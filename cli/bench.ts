/**
 * `bench`: training throughput of our engine beside tfjs (cpu and wasm backends) on the standard workload
 * (cli/benchWorkload.ts: input 8, hidden 32, sequence 50, batch 16, 10-class softmax head at the
 * last step; one step = forward + BPTT + SGD update), for the LSTM, GRU and RNN, plus the latency of one
 * LSTM step at hidden 64, sequence 200, batch 1, and the char-LM workload (cli/benchCharLm.ts: a 2-layer LSTM
 * of 128 over a vocabulary of 64, the head at every step, Adam).
 *
 * The machine is shared, so measurements are interleaved: each round times every engine on every cell for
 * a slice of the budget, and each figure is the median over the rounds. Each round also times the
 * WebAssembly module's f64x2 ceiling loop, and the table gives every GFLOP/s figure as a share of it. The tfjs peer is
 * cli/tfjsPeer.ts, loaded only when a tfjs engine is asked for.
 */
import { arch, cpus, loadavg } from 'node:os';
import type { DenseKernels } from '../engine/recurrent.ts';
import type { CellKind } from '../engine/types.ts';
import {
  dense32KernelAvailable,
  PEAK_FLOPS_PER_ROUND,
  PEAK32_FLOPS_PER_ROUND,
  type SimdPeak,
  simdPeak32Kernel,
  simdPeakKernel,
} from '../engine/wasm/dense.ts';
import { type FlagSpec, helpText, numberFlag, parseFlags, UsageError } from './args.ts';
import { type CharLmResult, runCharLm } from './benchCharLm.ts';
import {
  CHAR_LM_WORKLOAD,
  createEngineWorkload,
  STANDARD_WORKLOAD,
  type WorkloadSizes,
} from './benchWorkload.ts';
import { CHAR_LM_FLOP_FORMULA, FLOP_FORMULA, gflops } from './flops.ts';

/** Our engine on the chosen kernels ('unroll') or on the opt-in float32 ones ('unroll-f32'), and tfjs. */
export type BenchEngine = 'unroll' | 'unroll-f32' | 'tfjs-cpu' | 'tfjs-wasm';

/** True for our engine's rows. */
const isOurs = (engine: BenchEngine) => engine === 'unroll' || engine === 'unroll-f32';

/** One row of the result. */
export interface BenchResult {
  readonly engine: BenchEngine;
  readonly cell: CellKind;
  readonly seqPerSec: number;
  readonly gflops: number;
}

/** The workloads `bench` can time: the standard one (every cell) and the char-LM. */
export type BenchWorkload = 'standard' | 'char-lm';

/**
 * The result line of `bench --json`: `results` and `latency` for the standard workload (empty and absent
 * without it), `charLm` one row per engine when the char-LM ran.
 */
export interface BenchSummary {
  readonly results: BenchResult[];
  readonly latency?: { readonly lstm_h64_t200_b1_ms: number };
  readonly charLm?: CharLmResult[];
}

/** A run's results and, where WebAssembly loads, the machine's f64x2 ceiling measured among them. */
export interface BenchRun extends BenchSummary {
  readonly ceilingGflops: number | null;
  /** The float32 module's f32x4 ceiling, measured once at the end, when unroll-f32 ran. */
  readonly ceiling32Gflops?: number | null;
}

const CELLS: readonly CellKind[] = ['lstm', 'gru', 'rnn'];
const ENGINES: readonly BenchEngine[] = ['unroll', 'unroll-f32', 'tfjs-wasm', 'tfjs-cpu'];
const WORKLOADS: readonly BenchWorkload[] = ['standard', 'char-lm'];
const LATENCY_WORKLOAD: WorkloadSizes = {
  inputSize: 8,
  hiddenSize: 64,
  steps: 200,
  batchSize: 1,
  classes: 10,
};

export const BENCH_FLAGS: readonly FlagSpec[] = [
  { name: 'seconds', kind: 'value', value: 'S', help: 'timed seconds per engine and cell (default 3)' },
  {
    name: 'engines',
    kind: 'value',
    value: 'LIST',
    help: 'comma-separated subset of unroll,unroll-f32,tfjs-wasm,tfjs-cpu (default all; unroll-f32 is our engine with float32 products)',
  },
  {
    name: 'kernels',
    kind: 'value',
    value: 'wasm|js',
    help: "our engine's dense kernels: WebAssembly (default) or the JavaScript fallback",
  },
  {
    name: 'workloads',
    kind: 'value',
    value: 'LIST',
    help: 'comma-separated subset of standard,char-lm (default both)',
  },
  { name: 'json', kind: 'boolean', help: 'print one JSON line with the results on stdout' },
  { name: 'help', kind: 'boolean', help: 'show this help' },
];

export const BENCH_USAGE =
  'bench [--json] [--seconds S] [--engines unroll,unroll-f32,tfjs-wasm,tfjs-cpu] [--kernels wasm|js] [--workloads standard,char-lm]';

type TfjsBench = (options: {
  backend: 'cpu' | 'wasm';
  cell: CellKind;
  seconds: number;
  warmupSeconds: number;
}) => Promise<{ seqPerSec: number }>;

/**
 * Untimed warm-up before each timed slice, for every engine: at least 3 steps and this share of the
 * slice. Switching between workloads in one process sends V8 back to unoptimised code for a moment
 * (a call site sees a new target, an object a new shape); three steps of ours last a few milliseconds,
 * too little for it to re-optimise, while three of tfjs's last far longer.
 */
const WARMUP_SHARE = 0.25;

/** Loads tfjs and its peer benchmark, with tfjs's "install tfjs-node" banner switched off. */
async function loadTfjs(): Promise<TfjsBench> {
  const tf = await import('@tensorflow/tfjs');
  tf.env().set('PROD', true);
  const peer = await import('./tfjsPeer.ts');
  return peer.benchTfjs;
}

/** Sequences per second of our engine over about `seconds`, after an untimed warm-up. */
function timeEngine(step: () => number, batchSize: number, seconds: number, warmupSeconds: number): number {
  const warmupStart = performance.now();
  for (let k = 0; k < 3 || performance.now() - warmupStart < warmupSeconds * 1000; k++) step();
  let steps = 0;
  let sink = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    sink += step();
    steps++;
    elapsed = (performance.now() - start) / 1000;
  } while (elapsed < seconds);
  if (!Number.isFinite(sink)) throw new Error('The benchmark workload produced a non-finite loss.');
  return (steps * batchSize) / elapsed;
}

/**
 * GFLOP/s of the module's f64x2 ceiling loop (engine/wasm/dense.wat `peak`) over about `seconds`, after a
 * warm-up that lets the engine reach its optimising compiler; timed like the workloads (all the work over
 * all the time), so that on a loaded machine both lose the same share.
 */
function timePeak(peak: SimdPeak, seconds: number, flopsPerRound = PEAK_FLOPS_PER_ROUND): number {
  const rounds = 20_000;
  for (let k = 0; k < 20; k++) peak(rounds, 0.999, 0.001);
  let calls = 0;
  let sink = 0;
  const start = performance.now();
  do {
    sink += peak(rounds, 0.999, 0.001);
    calls++;
  } while (performance.now() - start < seconds * 1000);
  if (!Number.isFinite(sink)) throw new Error('The ceiling loop overflowed.');
  return (calls * rounds * flopsPerRound) / (performance.now() - start) / 1e6;
}

/** Median of the per-step times of one LSTM step at H 64, T 200, B 1, in ms (at least 20 steps). */
function measureLatency(seconds: number, kernels: DenseKernels): number {
  const step = createEngineWorkload('lstm', LATENCY_WORKLOAD, 1, kernels);
  for (let k = 0; k < 5; k++) step();
  const times: number[] = [];
  const start = performance.now();
  while (times.length < 20 || performance.now() - start < seconds * 1000) {
    const before = performance.now();
    step();
    times.push(performance.now() - before);
  }
  return median(times);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The names of a comma-separated flag, in `known`'s order; all of them when the flag is absent. */
function parseList<T extends string>(text: string | undefined, known: readonly T[], flag: string): T[] {
  if (text === undefined) return [...known];
  const names = text.split(',').map((name) => name.trim());
  for (const name of names) {
    if (!(known as readonly string[]).includes(name)) {
      throw new UsageError(`--${flag} takes names from ${known.join(', ')}; got ${JSON.stringify(name)}.`);
    }
  }
  return known.filter((entry) => names.includes(entry));
}

/**
 * Runs the benchmark: for the standard workload `rounds` interleaved rounds of `slice` seconds per engine
 * and cell, then the char-LM once per engine; our engine on the given dense kernels.
 */
export async function runBenchmark(
  requested: readonly BenchEngine[],
  seconds: number,
  kernels: DenseKernels = 'wasm',
  workloads: readonly BenchWorkload[] = WORKLOADS,
): Promise<BenchRun> {
  // The float32 row only where its module loads.
  const engines = requested.filter((engine) => engine !== 'unroll-f32' || dense32KernelAvailable());
  const tfjs = engines.some((engine) => !isOurs(engine)) ? await loadTfjs() : null;
  const standard = workloads.includes('standard');
  const rounds = standard ? (seconds >= 1.5 ? 3 : 1) : 0;
  const slice = seconds / rounds;
  const samples = new Map<string, number[]>();
  const peak = simdPeakKernel();
  const ceilings: number[] = [];
  const steppers = new Map(
    (standard ? CELLS : []).flatMap((cell) => [
      [`unroll ${cell}`, createEngineWorkload(cell, STANDARD_WORKLOAD, 1, kernels)],
      ...(engines.includes('unroll-f32')
        ? [[`unroll-f32 ${cell}`, createEngineWorkload(cell, STANDARD_WORKLOAD, 1, 'wasm-f32')] as const]
        : []),
    ]),
  );
  for (let round = 0; round < rounds; round++) {
    // The ceiling is timed in every round too, so that it sees the same load as the workloads.
    if (peak) ceilings.push(timePeak(peak, Math.min(0.5, slice)));
    for (const cell of CELLS) {
      // Rotating the order spreads any drift in the machine's load over every engine.
      const order = engines.map((_, k) => engines[(k + round) % engines.length]!);
      for (const engine of order) {
        const seqPerSec = isOurs(engine)
          ? timeEngine(
              steppers.get(`${engine} ${cell}`)!,
              STANDARD_WORKLOAD.batchSize,
              slice,
              slice * WARMUP_SHARE,
            )
          : (
              await tfjs!({
                backend: engine === 'tfjs-cpu' ? 'cpu' : 'wasm',
                cell,
                seconds: slice,
                warmupSeconds: slice * WARMUP_SHARE,
              })
            ).seqPerSec;
        const key = `${engine} ${cell}`;
        samples.set(key, [...(samples.get(key) ?? []), seqPerSec]);
      }
    }
  }
  const results = (standard ? CELLS : []).flatMap((cell) =>
    engines.map((engine) => {
      const seqPerSec = median(samples.get(`${engine} ${cell}`)!);
      return { engine, cell, seqPerSec, gflops: gflops(cell, STANDARD_WORKLOAD, seqPerSec) };
    }),
  );
  const latency = standard ? { lstm_h64_t200_b1_ms: measureLatency(Math.max(0.3, seconds), kernels) } : null;
  const charLm = workloads.includes('char-lm') ? await runCharLm(engines, seconds, kernels) : null;
  // The ceiling once more after the char-LM, so that it too has a measurement near it.
  if (peak && (charLm || ceilings.length === 0)) ceilings.push(timePeak(peak, 0.5));
  const peak32 = engines.includes('unroll-f32') ? simdPeak32Kernel() : null;
  const ceiling32Gflops = peak32 ? timePeak(peak32, 0.5, PEAK32_FLOPS_PER_ROUND) : null;
  return {
    ceiling32Gflops,
    results,
    ...(latency ? { latency } : {}),
    ...(charLm ? { charLm } : {}),
    ceilingGflops: ceilings.length > 0 ? median(ceilings) : null,
  };
}

/** The human-readable table, with the workload, the FLOP formula, the machine and its load. */
export function formatBenchmark(
  summary: BenchRun,
  seconds: number,
  loadAtStart: number,
  kernels: DenseKernels = 'wasm',
): string {
  const { inputSize, hiddenSize, steps, batchSize, classes } = STANDARD_WORKLOAD;
  // Every row as (workload, engine, seq/s, GFLOP/s): the standard workload's cells, then the char-LM.
  const all = [
    ...summary.results.map((row) => ({ ...row, workload: row.cell as string })),
    ...(summary.charLm ?? []).map((row) => ({ ...row, workload: 'char-lm' })),
  ];
  const ratio = (workload: string, engine: BenchEngine, peer: BenchEngine) => {
    const ours = all.find((row) => row.engine === engine && row.workload === workload)?.seqPerSec;
    const theirs = all.find((row) => row.engine === peer && row.workload === workload)?.seqPerSec;
    return ours !== undefined && theirs !== undefined ? `${(ours / theirs).toFixed(1)}×` : '–';
  };
  const ceiling = summary.ceilingGflops;
  const header = [
    'workload',
    'engine',
    'seq/s',
    'GFLOP/s',
    'of ceiling',
    'unroll/tfjs-wasm',
    'unroll/tfjs-cpu',
  ];
  const rows = all.map((row) => [
    row.workload,
    row.engine,
    row.seqPerSec.toFixed(row.seqPerSec < 10 ? 2 : 1),
    row.gflops.toFixed(3),
    ceiling ? `${((100 * row.gflops) / ceiling).toFixed(1)}%` : '–',
    isOurs(row.engine) ? ratio(row.workload, row.engine, 'tfjs-wasm') : '',
    isOurs(row.engine) ? ratio(row.workload, row.engine, 'tfjs-cpu') : '',
  ]);
  const widths = header.map((title, k) => Math.max(title.length, ...rows.map((row) => row[k]!.length)));
  const line = (cells: readonly string[]) =>
    cells.map((cell, k) => (k < 2 ? cell.padEnd(widths[k]!) : cell.padStart(widths[k]!))).join('  ');
  const cpu = cpus();
  const lm = CHAR_LM_WORKLOAD;
  return [
    `Workloads: lstm, gru, rnn: input ${inputSize}, hidden ${hiddenSize}, sequence ${steps}, batch ${batchSize}, dense softmax head ` +
      `(${classes} classes, target at the last step); one step = forward + BPTT + SGD update.`,
    `  char-lm: ${lm.layers}-layer LSTM, vocabulary ${lm.inputSize} (one-hot input, softmax head at every step), hidden ` +
      `${lm.hiddenSize}, sequence ${lm.steps}, batch ${lm.batchSize}; one step = forward + BPTT + Adam update.`,
    `  unroll on its ${kernels === 'wasm' ? 'WebAssembly' : 'JavaScript'} kernels (float64); unroll-f32 with the products, ` +
      'gates and LSTM cell update in float32 (kernels wasm-f32; states, gradients and update float64).',
    `Machine: ${cpu[0]?.model ?? 'unknown CPU'} (${cpu.length} logical cores, ${arch()}), Node ${process.version}; ` +
      `load average ${loadAtStart.toFixed(1)} at start; ${seconds} s per engine and cell, median of interleaved rounds, each after an untimed warm-up of a quarter as long;`,
    '  char-lm: once per engine for as long (at least one step), after one untimed step (none on tfjs-cpu).',
    `${FLOP_FORMULA}`,
    `${CHAR_LM_FLOP_FORMULA}`,
    '  (matrix products only: forward 2GH(I+H), backward dW_ih, dW_hh and W_hhᵀδ 2GH(I+2H), head, update 2 per',
    '   parameter; dL/dx only where a layer below needs it; gate nonlinearities and softmax not counted)',
    '',
    line(header),
    ...rows.map(line),
    '',
    ...(summary.latency
      ? [
          `LSTM training step, hidden 64, sequence 200, batch 1: ${summary.latency.lstm_h64_t200_b1_ms.toFixed(2)} ms (median)`,
        ]
      : []),
    ceiling
      ? `WebAssembly SIMD f64x2 ceiling: ${ceiling.toFixed(2)} GFLOP/s (independent multiply-adds in registers, ` +
        'engine/wasm/dense.wat `peak`; median over the rounds); "of ceiling" is GFLOP/s against it.'
      : 'WebAssembly SIMD f64x2 ceiling: not measured (the module does not load here).',
    ...(summary.ceiling32Gflops
      ? [
          `WebAssembly SIMD f32x4 ceiling: ${summary.ceiling32Gflops.toFixed(2)} GFLOP/s (engine/wasm/dense32.wat \`peak32\`, once); ` +
            'the unroll-f32 rows are still given as a share of the f64x2 one.',
        ]
      : []),
  ].join('\n');
}

/** The `bench` command; returns what to print on stdout. */
export async function benchCommand(argv: readonly string[]): Promise<string> {
  const flags = parseFlags(argv, BENCH_FLAGS, 'bench');
  if (flags.switches.has('help')) {
    return `${helpText(BENCH_USAGE, BENCH_FLAGS)}\n\n${FLOP_FORMULA}`;
  }
  if (flags.positionals.length > 0)
    throw new UsageError(`bench takes only options; got ${flags.positionals[0]}.`);
  const seconds = numberFlag(flags, 'seconds') ?? 3;
  if (!(Number.isFinite(seconds) && seconds >= 0.05 && seconds <= 600)) {
    throw new UsageError(`--seconds must be a number from 0.05 to 600; got ${seconds}.`);
  }
  const engines = parseList(flags.values.get('engines'), ENGINES, 'engines');
  const workloads = parseList(flags.values.get('workloads'), WORKLOADS, 'workloads');
  const kernels = flags.values.get('kernels') ?? 'wasm';
  if (kernels !== 'wasm' && kernels !== 'js') {
    throw new UsageError(`--kernels takes wasm or js; got ${JSON.stringify(kernels)}.`);
  }
  // The 1-minute load average when the run began: on a shared machine, the context of every figure.
  const loadAtStart = loadavg()[0]!;
  const summary = await runBenchmark(engines, seconds, kernels, workloads);
  const { ceilingGflops: _, ceiling32Gflops: __, ...results } = summary;
  return flags.switches.has('json')
    ? JSON.stringify(results)
    : formatBenchmark(summary, seconds, loadAtStart, kernels);
}
