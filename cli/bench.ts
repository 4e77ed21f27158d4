/**
 * `bench`: training throughput of our engine beside tfjs (cpu and wasm backends) on the standard workload
 * (cli/benchWorkload.ts: input 8, hidden 32, sequence 50, batch 16, 10-class softmax head at the
 * last step; one step = forward + BPTT + SGD update), for the LSTM, GRU and RNN, plus the latency of one
 * LSTM step at hidden 64, sequence 200, batch 1.
 *
 * The machine is shared, so measurements are interleaved: each round times every engine on every cell for
 * a slice of the budget, and each figure is the median over the rounds. The tfjs peer is
 * cli/tfjsPeer.ts, loaded only when a tfjs engine is asked for.
 */
import { arch, cpus, loadavg } from 'node:os';
import type { CellKind } from '../engine/types.ts';
import { type FlagSpec, helpText, numberFlag, parseFlags, UsageError } from './args.ts';
import { createEngineWorkload, STANDARD_WORKLOAD, type WorkloadSizes } from './benchWorkload.ts';
import { FLOP_FORMULA, gflops } from './flops.ts';

export type BenchEngine = 'unroll' | 'tfjs-cpu' | 'tfjs-wasm';

/** One row of the result. */
export interface BenchResult {
  readonly engine: BenchEngine;
  readonly cell: CellKind;
  readonly seqPerSec: number;
  readonly gflops: number;
}

/** The result line of `bench --json`. */
export interface BenchSummary {
  readonly results: BenchResult[];
  readonly latency: { readonly lstm_h64_t200_b1_ms: number };
}

const CELLS: readonly CellKind[] = ['lstm', 'gru', 'rnn'];
const ENGINES: readonly BenchEngine[] = ['unroll', 'tfjs-wasm', 'tfjs-cpu'];
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
    help: 'comma-separated subset of unroll,tfjs-wasm,tfjs-cpu (default all)',
  },
  { name: 'json', kind: 'boolean', help: 'print one JSON line with the results on stdout' },
  { name: 'help', kind: 'boolean', help: 'show this help' },
];

export const BENCH_USAGE = 'bench [--json] [--seconds S] [--engines unroll,tfjs-wasm,tfjs-cpu]';

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

/** Median of the per-step times of one LSTM step at H 64, T 200, B 1, in ms (at least 20 steps). */
function measureLatency(seconds: number): number {
  const step = createEngineWorkload('lstm', LATENCY_WORKLOAD);
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

function parseEngines(text: string | undefined): BenchEngine[] {
  if (text === undefined) return [...ENGINES];
  const names = text.split(',').map((name) => name.trim());
  for (const name of names) {
    if (!(ENGINES as readonly string[]).includes(name)) {
      throw new UsageError(`--engines takes names from ${ENGINES.join(', ')}; got ${JSON.stringify(name)}.`);
    }
  }
  return ENGINES.filter((engine) => names.includes(engine));
}

/** Runs the benchmark: `rounds` interleaved rounds of `slice` seconds per engine and cell. */
export async function runBenchmark(engines: readonly BenchEngine[], seconds: number): Promise<BenchSummary> {
  const tfjs = engines.some((engine) => engine !== 'unroll') ? await loadTfjs() : null;
  const rounds = seconds >= 1.5 ? 3 : 1;
  const slice = seconds / rounds;
  const samples = new Map<string, number[]>();
  const workloads = new Map(CELLS.map((cell) => [cell, createEngineWorkload(cell, STANDARD_WORKLOAD)]));
  for (let round = 0; round < rounds; round++) {
    for (const cell of CELLS) {
      // Rotating the order spreads any drift in the machine's load over every engine.
      const order = engines.map((_, k) => engines[(k + round) % engines.length]!);
      for (const engine of order) {
        const seqPerSec =
          engine === 'unroll'
            ? timeEngine(workloads.get(cell)!, STANDARD_WORKLOAD.batchSize, slice, slice * WARMUP_SHARE)
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
  const results = CELLS.flatMap((cell) =>
    engines.map((engine) => {
      const seqPerSec = median(samples.get(`${engine} ${cell}`)!);
      return { engine, cell, seqPerSec, gflops: gflops(cell, STANDARD_WORKLOAD, seqPerSec) };
    }),
  );
  return { results, latency: { lstm_h64_t200_b1_ms: measureLatency(Math.max(0.3, seconds)) } };
}

/** The human-readable table, with the workload, the FLOP formula, the machine and its load. */
export function formatBenchmark(summary: BenchSummary, seconds: number, loadAtStart: number): string {
  const { inputSize, hiddenSize, steps, batchSize, classes } = STANDARD_WORKLOAD;
  const rate = (engine: BenchEngine, cell: CellKind) =>
    summary.results.find((row) => row.engine === engine && row.cell === cell)?.seqPerSec;
  const ratio = (cell: CellKind, peer: BenchEngine) => {
    const ours = rate('unroll', cell);
    const theirs = rate(peer, cell);
    return ours !== undefined && theirs !== undefined ? `${(ours / theirs).toFixed(1)}×` : '–';
  };
  const header = ['cell', 'engine', 'seq/s', 'GFLOP/s', 'unroll/tfjs-wasm', 'unroll/tfjs-cpu'];
  const rows = summary.results.map((row) => [
    row.cell,
    row.engine,
    row.seqPerSec.toFixed(1),
    row.gflops.toFixed(3),
    row.engine === 'unroll' ? ratio(row.cell, 'tfjs-wasm') : '',
    row.engine === 'unroll' ? ratio(row.cell, 'tfjs-cpu') : '',
  ]);
  const widths = header.map((title, k) => Math.max(title.length, ...rows.map((row) => row[k]!.length)));
  const line = (cells: readonly string[]) =>
    cells.map((cell, k) => (k < 2 ? cell.padEnd(widths[k]!) : cell.padStart(widths[k]!))).join('  ');
  const cpu = cpus();
  return [
    `Workload: input ${inputSize}, hidden ${hiddenSize}, sequence ${steps}, batch ${batchSize}, dense softmax head ` +
      `(${classes} classes, target at the last step); one step = forward + BPTT + SGD update.`,
    `Machine: ${cpu[0]?.model ?? 'unknown CPU'} (${cpu.length} logical cores, ${arch()}), Node ${process.version}; ` +
      `load average ${loadAtStart.toFixed(1)} at start; ${seconds} s per engine and cell, median of interleaved rounds, each after an untimed warm-up of a quarter as long.`,
    `${FLOP_FORMULA}`,
    '  (matrix products only: forward 2GH(I+H), backward dW_ih, dW_hh and W_hhᵀδ 2GH(I+2H), head, SGD update;',
    '   no dL/dx, which training does not need; gate nonlinearities and softmax not counted)',
    '',
    line(header),
    ...rows.map(line),
    '',
    `LSTM training step, hidden 64, sequence 200, batch 1: ${summary.latency.lstm_h64_t200_b1_ms.toFixed(2)} ms (median)`,
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
  const engines = parseEngines(flags.values.get('engines'));
  // The 1-minute load average when the run began: on a shared machine, the context of every figure.
  const loadAtStart = loadavg()[0]!;
  const summary = await runBenchmark(engines, seconds);
  return flags.switches.has('json')
    ? JSON.stringify(summary)
    : formatBenchmark(summary, seconds, loadAtStart);
}
