/**
 * The memory-horizon sweep as data: which runs it makes (one per cell and lag), their configuration, and
 * what to do next given the runs in the store. Pure functions, so the sweep's logic is tested without a
 * worker.
 */
import type { TrainerConfig } from '../../engine/trainerConfig';
import type { CellKind } from '../../engine/types';
import { CELL_KINDS, DEFAULT_FORGET_BIAS } from '../engine';
import type { FigureUpdate } from '../figures/frame/FigureNotice';
import { cellLabels } from '../figures/frame/palette';
import { formatPercent } from '../shared/format';
import type { RunState } from '../store/runsSlice';
import { configFrom } from './experimentConfig';
import { isBusy, isOver, lastEvaluation } from './liveRuns';

export interface HorizonPlan {
  readonly cells: readonly CellKind[];
  readonly lags: readonly number[];
  /** Each run stops here, or earlier once held-out accuracy reaches `target`. */
  readonly maxSteps: number;
  readonly target: number;
  readonly symbols: number;
  readonly distractors: number;
  readonly hiddenSize: number;
  /** The LSTM's forget-gate bias: its forget gates start at σ(bias), nearly open for 3. */
  readonly lstmForgetBias: number;
  readonly seed: number;
}

export const DEFAULT_HORIZON_PLAN: HorizonPlan = {
  cells: CELL_KINDS,
  lags: [2, 5, 10, 20, 40],
  maxSteps: 1500,
  target: 0.99,
  symbols: 8,
  distractors: 2,
  hiddenSize: 32,
  // With bias 1 the LSTM's cell state starts leaking most of its content within a few steps, and this
  // budget is too short for it to learn long lags: the sweep would compare a handicapped LSTM.
  lstmForgetBias: DEFAULT_FORGET_BIAS,
  seed: 1,
};

export function horizonSlot(cell: CellKind, lag: number): string {
  return `memory-horizon-${cell}-${lag}`;
}

/** Recall at this lag; Adam 0.01, global-norm clipping at 1, the plan's forget-gate bias for the LSTM. */
export function horizonConfig(plan: HorizonPlan, cell: CellKind, lag: number): TrainerConfig {
  return configFrom({
    cell,
    task: { kind: 'recall', lag, symbols: plan.symbols, distractors: plan.distractors, heldOutSize: 256 },
    hiddenSize: plan.hiddenSize,
    batchSize: 32,
    optimizer: { kind: 'adam' },
    learningRate: 0.01,
    schedule: { kind: 'constant' },
    clip: { kind: 'norm', maxNorm: 1 },
    init: { scheme: 'pytorch', std: 0.1, forgetBias: cell === 'lstm' ? plan.lstmForgetBias : null },
    seed: plan.seed,
  });
}

export type HorizonRuns = Readonly<Record<string, RunState | undefined>>;

export type SweepAction =
  | { readonly kind: 'start'; readonly cell: CellKind; readonly lag: number }
  /** The run reached the target accuracy: stop it early, it has nothing left to show. */
  | { readonly kind: 'stop'; readonly cell: CellKind; readonly lag: number };

/**
 * What the sweep does next. Each cell works through its lags in order, one run at a time, so at most
 * one run per cell (three in all) trains at once.
 */
export function nextSweepActions(plan: HorizonPlan, runs: HorizonRuns): SweepAction[] {
  const actions: SweepAction[] = [];
  for (const cell of plan.cells) {
    for (const lag of plan.lags) {
      const run = runs[horizonSlot(cell, lag)];
      if (isOver(run)) continue;
      if (run === undefined) actions.push({ kind: 'start', cell, lag });
      else if (run.phase === 'running' && (lastEvaluation(run)?.metric ?? 0) >= plan.target) {
        actions.push({ kind: 'stop', cell, lag });
      }
      break;
    }
  }
  return actions;
}

export interface HorizonResult {
  readonly cell: CellKind;
  readonly lag: number;
  /** Held-out accuracy at the end of the run; null if the run could not train. */
  readonly accuracy: number | null;
  readonly steps: number;
}

/** The finished runs' results, cell by cell in lag order. */
export function horizonResults(plan: HorizonPlan, runs: HorizonRuns): HorizonResult[] {
  const results: HorizonResult[] = [];
  for (const cell of plan.cells) {
    for (const lag of plan.lags) {
      const run = runs[horizonSlot(cell, lag)];
      if (!isOver(run)) continue;
      const evaluation = lastEvaluation(run);
      const accuracy =
        run!.phase === 'crashed' || run!.phase === 'problem' ? null : (evaluation?.metric ?? null);
      results.push({ cell, lag, accuracy, steps: run!.stepCount });
    }
  }
  return results;
}

/** How many runs of the sweep are over, and which are training now. */
export function sweepProgress(
  plan: HorizonPlan,
  runs: HorizonRuns,
): { done: number; total: number; busy: RunState[] } {
  let done = 0;
  const busy: RunState[] = [];
  for (const cell of plan.cells) {
    for (const lag of plan.lags) {
      const run = runs[horizonSlot(cell, lag)];
      if (isOver(run)) done++;
      else if (isBusy(run)) busy.push(run!);
    }
  }
  return { done, total: plan.cells.length * plan.lags.length, busy };
}

/**
 * The caption: the longest lag each cell learned, and every cell's accuracy at the longest lag they all
 * finished. "At lag 40, held-out accuracy was 42% for the RNN, 13% for the LSTM and 12% for the GRU;
 * guessing scores 12.5%."
 */
export function describeHorizon(plan: HorizonPlan, results: readonly HorizonResult[]): string {
  if (results.length === 0) {
    return 'No runs yet. Press Run: each cell is trained on recall at every lag, and its held-out accuracy is plotted here.';
  }
  const chance = 1 / plan.symbols;
  const sentences: string[] = [];
  const byLag = (lag: number) => results.filter((result) => result.lag === lag && result.accuracy !== null);
  const complete = [...plan.lags].reverse().find((lag) => byLag(lag).length === plan.cells.length);
  if (complete !== undefined) {
    const clauses = plan.cells.map((cell) => {
      const result = byLag(complete).find((one) => one.cell === cell)!;
      return `${formatPercent(result.accuracy!)} for the ${cellLabels[cell]}`;
    });
    const list =
      clauses.length > 1
        ? `${clauses.slice(0, -1).join(', ')} and ${clauses[clauses.length - 1]}`
        : clauses[0];
    sentences.push(
      `At lag ${complete}, held-out accuracy was ${list}; guessing scores ${Math.round(chance * 1000) / 10}%.`,
    );
  }
  const learned = plan.cells.flatMap((cell) => {
    const own = results.filter((result) => result.cell === cell);
    if (own.length === 0) return [];
    const good = own.filter((result) => (result.accuracy ?? 0) >= 0.9).map((result) => String(result.lag));
    const name = `the ${cellLabels[cell]}`;
    if (good.length === 0) return [`${name} at none of its ${own.length} lags so far`];
    if (good.length === 1) return [`${name} at lag ${good[0]}`];
    return [`${name} at lags ${good.slice(0, -1).join(', ')} and ${good[good.length - 1]}`];
  });
  if (learned.length > 0) {
    sentences.push(`Reached 90% or more: ${learned.join('; ')}.`);
  }
  const failed = results.filter((result) => result.accuracy === null).length;
  if (failed > 0)
    sentences.push(
      `${failed} run${failed === 1 ? '' : 's'} could not train and ${failed === 1 ? 'is' : 'are'} left out.`,
    );
  return sentences.join(' ');
}

/**
 * The sweep's update cue: it changes as each run finishes, and says how many have; a sweep read back
 * from storage says so instead.
 */
export function horizonUpdate(
  saved: boolean,
  sweep: string,
  progress: { readonly done: number; readonly total: number },
): FigureUpdate {
  if (saved) return { key: 'saved', label: 'Showing your last saved run' };
  const label =
    progress.done === 0 && sweep !== 'running'
      ? 'Not run yet'
      : `Updated: ${progress.done} of ${progress.total} runs done`;
  return { key: `${sweep}:${progress.done}`, label };
}
