/** The step-time measurement as data: its configuration, and the words and numbers of its result. */
import type { TrainerConfig } from '../../engine/trainerConfig';
import type { CellKind } from '../../engine/types';
import { CELL_KINDS, countRecurrentParams, DEFAULT_FORGET_BIAS, recallInputSize } from '../engine';
import { cellLabels } from '../figures/frame/palette';
import { configFrom } from './experimentConfig';

export const STEP_TIMER_CELLS: readonly CellKind[] = CELL_KINDS;

export const STEP_TIMER_SETUP = {
  lag: 20,
  symbols: 8,
  distractors: 2,
  hiddenSize: 64,
  batchSize: 32,
  /**
   * The cells take turns, round after round, so that a slowdown of the machine (another tab, a
   * background task) falls on all three alike rather than on whichever cell ran during it.
   */
  rounds: 3,
  /** Steps trained before timing starts in the first round: the JavaScript engine compiles the hot loops. */
  firstWarmupSteps: 20,
  /** Later rounds reuse the compiled code (each cell keeps its worker) and need only a short warm-up. */
  warmupSteps: 5,
  measuredStepsPerRound: 50,
  seed: 1,
} as const;

/** One run of the measurement: which cell, in which round, and how many of its first steps are warm-up. */
export interface TimedRun {
  readonly cell: CellKind;
  readonly round: number;
  readonly warmupSteps: number;
  readonly totalSteps: number;
}

/** RNN, LSTM, GRU, then again, for every round. */
export const STEP_TIMER_SCHEDULE: readonly TimedRun[] = Array.from(
  { length: STEP_TIMER_SETUP.rounds },
  (_, round) =>
    STEP_TIMER_CELLS.map((cell) => {
      const warmupSteps = round === 0 ? STEP_TIMER_SETUP.firstWarmupSteps : STEP_TIMER_SETUP.warmupSteps;
      return { cell, round, warmupSteps, totalSteps: warmupSteps + STEP_TIMER_SETUP.measuredStepsPerRound };
    }),
).flat();

/** Steps timed per cell over all rounds. */
export const MEASURED_STEPS = STEP_TIMER_SETUP.rounds * STEP_TIMER_SETUP.measuredStepsPerRound;

export function stepTimerSlot(cell: CellKind): string {
  return `step-timer-${cell}`;
}

/** The same configuration for every cell: recall at lag 20, hidden 64, batch 32, Adam. */
export function stepTimerConfig(cell: CellKind): TrainerConfig {
  const { lag, symbols, distractors, hiddenSize, batchSize, seed } = STEP_TIMER_SETUP;
  return configFrom({
    cell,
    task: { kind: 'recall', lag, symbols, distractors, heldOutSize: 256 },
    hiddenSize,
    batchSize,
    optimizer: { kind: 'adam' },
    learningRate: 0.01,
    clip: { kind: 'norm', maxNorm: 1 },
    init: { scheme: 'pytorch', std: 0.1, forgetBias: cell === 'lstm' ? DEFAULT_FORGET_BIAS : null },
    seed,
  });
}

/** Parameters of the recurrent layer each cell trains here (the output layer is the same for all). */
export function stepTimerParameters(cell: CellKind): number {
  const { symbols, distractors, hiddenSize } = STEP_TIMER_SETUP;
  return countRecurrentParams(cell, recallInputSize(symbols, distractors), hiddenSize).total;
}

/** Training time summed over the measured steps. */
export interface StepTiming {
  readonly totalMs: number;
  readonly steps: number;
}

export const msPerStep = (timing: StepTiming) => timing.totalMs / timing.steps;

const ms = (value: number) => `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;

/** "The GRU took 0.81 times the LSTM's time per step (it has 0.75 times its parameters)." */
export function ratioSentence(timings: Partial<Record<CellKind, StepTiming>>): string | null {
  const gru = timings.gru;
  const lstm = timings.lstm;
  if (!gru || !lstm) return null;
  const ratio = msPerStep(gru) / msPerStep(lstm);
  const parameters = stepTimerParameters('gru') / stepTimerParameters('lstm');
  return `GRU ÷ LSTM time per step: ${ratio.toFixed(2)} (their parameter counts: ${parameters.toFixed(2)}).`;
}

/** The caption: what was measured, where, and with what configuration, then the numbers. */
export function describeTimings(timings: Partial<Record<CellKind, StepTiming>>): string {
  const { lag, hiddenSize, batchSize, rounds, seed } = STEP_TIMER_SETUP;
  const measured = STEP_TIMER_CELLS.filter((cell) => timings[cell]);
  const what =
    `Training time per step (forward pass, backpropagation through time and the Adam update) on this machine, ` +
    `in the page's training worker, one cell at a time, taking turns in ${rounds} rounds: the mean over about ` +
    `${MEASURED_STEPS} steps per cell, each round after a few untimed warm-up steps. Configuration: recall at lag ${lag} (${lag + 1} steps per sequence), ${hiddenSize} hidden units, ` +
    `batch ${batchSize}, seed ${seed}.`;
  if (measured.length === 0) return `Nothing measured yet. Press Measure. ${what}`;
  const numbers = measured.map((cell) => `${cellLabels[cell]} ${ms(msPerStep(timings[cell]!))}`).join(', ');
  return [`Measured: ${numbers}.`, ratioSentence(timings), what].filter(Boolean).join(' ');
}

export { ms as formatMs };
