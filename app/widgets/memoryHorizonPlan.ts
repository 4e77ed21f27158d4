/**
 * The memory-horizon sweep as data: the order its runs (one per cell and lag, configured in
 * horizonSetup.ts) start in over a pool of workers, their results read from the store, and the caption.
 * Pure functions, so the sweep's logic is tested without a worker.
 */
import type { CellKind } from '../../engine/types';
import type { FigureUpdate } from '../figures/frame/FigureNotice';
import { cellLabels } from '../figures/frame/palette';
import { formatPercent } from '../shared/format';
import type { RunState } from '../store/runsSlice';
import { type HorizonPlan, horizonConfig, horizonSlot, LEARNED } from './horizonSetup';
import { isOver, lastEvaluation } from './liveRuns';
import type { PoolRun } from './runPool';

export type HorizonRuns = Readonly<Record<string, RunState | undefined>>;

/** Gate blocks per cell: a step's work grows with them (and with the lag, the sequence's length). */
const GATES: Readonly<Record<CellKind, number>> = { rnn: 1, lstm: 4, gru: 3 };

/**
 * Every run of the sweep, the costliest first: the longest lag first (more steps per sequence, and more
 * training steps to learn it), and at one lag the LSTM, then the GRU, then the RNN (four, three and one
 * gate blocks). Started in this order over a pool of workers, the long runs never wait behind short
 * ones and the last to start are the ones that end soonest, so the workers finish close together.
 */
export function sweepOrder(plan: HorizonPlan): { cell: CellKind; lag: number }[] {
  const runs = plan.cells.flatMap((cell) => plan.lags.map((lag) => ({ cell, lag })));
  return runs.sort((a, b) => b.lag - a.lag || GATES[b.cell] - GATES[a.cell]);
}

/**
 * The sweep's runs for a pool of workers, in {@link sweepOrder}. The worker stops each run itself at
 * the first checkpoint that meets the target: no steps are trained while a stop message travels, and a
 * run ends at the same step on any machine.
 */
export function horizonPoolRuns(
  plan: HorizonPlan,
  slot: (cell: CellKind, lag: number) => string = horizonSlot,
): PoolRun[] {
  return sweepOrder(plan).map(({ cell, lag }) => ({
    slot: slot(cell, lag),
    config: horizonConfig(plan, cell, lag),
    options: {
      maxSteps: plan.maxSteps,
      speed: { kind: 'max' },
      target: plan.target,
      checkpointEvery: plan.checkpointEvery,
    },
  }));
}

export interface HorizonResult {
  readonly cell: CellKind;
  readonly lag: number;
  /** Held-out accuracy at the end of the run; null if the run could not train. */
  readonly accuracy: number | null;
  readonly steps: number;
}

/** The finished runs' results, cell by cell in lag order (`slot` names each run's place in the store). */
export function horizonResults(
  plan: HorizonPlan,
  runs: HorizonRuns,
  slot: (cell: CellKind, lag: number) => string = horizonSlot,
): HorizonResult[] {
  const results: HorizonResult[] = [];
  for (const cell of plan.cells) {
    for (const lag of plan.lags) {
      const run = runs[slot(cell, lag)];
      if (!isOver(run)) continue;
      const evaluation = lastEvaluation(run);
      const accuracy =
        run!.phase === 'crashed' || run!.phase === 'problem' ? null : (evaluation?.metric ?? null);
      results.push({ cell, lag, accuracy, steps: run!.stepCount });
    }
  }
  return results;
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
    const good = own
      .filter((result) => (result.accuracy ?? 0) >= LEARNED)
      .map((result) => String(result.lag));
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
