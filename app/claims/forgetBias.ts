/**
 * The forget-bias measurement as data: the same LSTM on the same recall task as lesson 5's live pair,
 * trained with forget-gate bias 1 and bias 0 on several seeds, and what the runs say once they end.
 * Pure functions of run state, tested without a worker.
 */
import type { TrainerConfig } from '../../engine/trainerConfig';
import type { DotGroup } from '../figures/charts/SeedDotPlot';
import { okabeIto } from '../figures/frame/palette';
import { formatPercent } from '../shared/format';
import type { RunState } from '../store/runsSlice';
import { configFrom } from '../widgets/experimentConfig';
import { isOver, lastEvaluation } from '../widgets/liveRuns';

export const FORGET_BIAS_SETUP = {
  lag: 15,
  symbols: 8,
  distractors: 2,
  hiddenSize: 32,
  steps: 500,
  /** One seed is one sample: each seed gives both biases the same initial weights and batches. */
  seeds: [1, 2, 3],
  biases: [1, 0],
} as const;

export type ForgetBias = (typeof FORGET_BIAS_SETUP.biases)[number];

export function forgetBiasSlot(bias: number, seed: number): string {
  return `claims-forget-bias-${bias}-seed-${seed}`;
}

export const FORGET_BIAS_SLOTS: readonly string[] = FORGET_BIAS_SETUP.biases.flatMap((bias) =>
  FORGET_BIAS_SETUP.seeds.map((seed) => forgetBiasSlot(bias, seed)),
);

/** Lesson 5's configuration (recall at lag 15, 32 hidden units) with this forget bias and seed. */
export function forgetBiasConfig(bias: number, seed: number): TrainerConfig {
  const { lag, symbols, distractors, hiddenSize } = FORGET_BIAS_SETUP;
  return configFrom({
    cell: 'lstm',
    task: { kind: 'recall', lag, symbols, distractors, heldOutSize: 256 },
    hiddenSize,
    init: { scheme: 'pytorch', std: 0.1, forgetBias: bias },
    seed,
  });
}

/** One finished run's held-out accuracy, or null while it trains (or if it could not finish). */
export interface BiasResult {
  readonly bias: number;
  readonly seed: number;
  readonly accuracy: number | null;
  /** First evaluation step at which held-out accuracy reached 90%, or null if it never did. */
  readonly reached90: number | null;
  readonly over: boolean;
}

export function biasResult(bias: number, seed: number, run: RunState | undefined): BiasResult {
  const evaluation = lastEvaluation(run);
  const reached = run?.evaluations.find((entry) => entry.metric >= 0.9);
  return {
    bias,
    seed,
    accuracy: evaluation ? evaluation.metric : null,
    reached90: reached ? reached.step : null,
    over: isOver(run),
  };
}

/** Held-out accuracy at `step`, read linearly between the run's evaluations (which come on a timer). */
function accuracyAt(run: RunState, step: number): number {
  const points = run.evaluations;
  const after = points.findIndex((entry) => entry.step >= step);
  if (after === -1) return points[points.length - 1]!.metric;
  if (after === 0) return points[0]!.metric;
  const a = points[after - 1]!;
  const b = points[after]!;
  return a.metric + ((b.metric - a.metric) * (step - a.step)) / (b.step - a.step);
}

/**
 * Mean held-out accuracy over the seeds, every `every` steps up to the last step all runs have been
 * evaluated at. Evaluations come on a timer, so each run's curve is read between its own points.
 */
export function meanAccuracyCurve(
  runs: readonly (RunState | undefined)[],
  every = 10,
): { step: number; value: number }[] {
  const present = runs.filter((run): run is RunState => run !== undefined && run.evaluations.length > 0);
  if (present.length === 0 || present.length < runs.length) return [];
  const first = Math.max(...present.map((run) => run.evaluations[0]!.step));
  const last = Math.min(...present.map((run) => run.evaluations[run.evaluations.length - 1]!.step));
  if (first > last) return [];
  const steps: number[] = [];
  for (let step = first; step < last; step += every) steps.push(step);
  steps.push(last);
  return steps.map((step) => ({
    step,
    value: present.reduce((sum, run) => sum + accuracyAt(run, step), 0) / present.length,
  }));
}

/** Colours of the two biases, in the dots and the mean curves. */
export const biasColors: Readonly<Record<number, string>> = { 1: okabeIto.blue, 0: okabeIto.vermillion };

/** The dot plot's groups: one per bias, a dot per seed at its final held-out accuracy (%), once it ended. */
export function forgetBiasDotGroups(results: readonly BiasResult[]): DotGroup[] {
  return FORGET_BIAS_SETUP.biases.map((bias) => ({
    id: String(bias),
    label: `forget bias ${bias}`,
    columns: [
      {
        id: `bias-${bias}`,
        label: `bias ${bias}`,
        color: biasColors[bias]!,
        values: FORGET_BIAS_SETUP.seeds.map((seed) => {
          const result = results.find((one) => one.bias === bias && one.seed === seed);
          if (!result?.over || result.accuracy === null) return { seed, value: null };
          return { seed, value: result.accuracy * 100, text: percent(result.accuracy) };
        }),
      },
    ],
  }));
}

/** Accuracy as the claims page states it: one decimal ("75.0%"). */
const percent = (share: number) => formatPercent(share, 1);

/**
 * The result in a sentence once every run has ended: on how many seeds bias 1 ended higher, and the
 * mean held-out accuracy of each bias. Null until then.
 */
export function forgetBiasVerdict(results: readonly BiasResult[]): string | null {
  if (results.length === 0 || results.some((result) => !result.over || result.accuracy === null)) return null;
  const { seeds } = FORGET_BIAS_SETUP;
  const accuracy = (bias: number, seed: number) =>
    results.find((result) => result.bias === bias && result.seed === seed)?.accuracy ?? 0;
  const higher = seeds.filter((seed) => accuracy(1, seed) > accuracy(0, seed)).length;
  const mean = (bias: number) => seeds.reduce((sum, seed) => sum + accuracy(bias, seed), 0) / seeds.length;
  return (
    `Forget bias 1 ended with the higher held-out accuracy on ${higher} of ${seeds.length} seeds. ` +
    `Mean held-out accuracy: ${percent(mean(1))} with bias 1 against ${percent(mean(0))} with bias 0 ` +
    `(chance is ${percent(1 / FORGET_BIAS_SETUP.symbols)}).`
  );
}

export { percent as formatAccuracy };
