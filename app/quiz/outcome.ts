/**
 * The pure half of predict questions: each run's full configuration and which choice the measurements
 * make right. No store and no worker, so Node tests (tests/unit/demoSeeds.*.test.ts) run the same
 * configurations and verdicts on many seeds.
 */
import type { TrainerConfig } from '../../engine/trainerConfig';
import type { Experiment, ExperimentConfig } from '../lessonTypes';
import { PLAYGROUND_DEFAULT } from '../playground/urlState';
import type { PredictOutcome } from '../store/answers';

/** The id of the choice "about the same". */
export const TIE = 'tie';
/** Experiments longer than this would keep a learner waiting for minutes on a slow machine. */
export const MAX_EXPERIMENT_STEPS = 5000;
/** Used when a question offers 'tie' without saying how close counts as a tie. */
export const DEFAULT_TIE_WITHIN = 0.05;

/** A run's configuration: the playground's default with the question's overrides on top. */
export function experimentConfig(config: ExperimentConfig): TrainerConfig {
  return { ...PLAYGROUND_DEFAULT, ...config };
}

/** |a − b| relative to the larger of the two in size; 0 when both are 0. */
function relativeDifference(a: number, b: number): number {
  const scale = Math.max(Math.abs(a), Math.abs(b));
  return scale === 0 ? 0 : Math.abs(a - b) / scale;
}

/**
 * Which choice the measurements make right: the run with the highest (or lowest) value, or 'tie' when
 * the question offers it and the best two are within `tieWithin` of each other. A run without a value
 * ranks last. Returns null when no run has a value (nothing can be decided).
 */
export function decideOutcome(
  experiment: Pick<Experiment, 'winner' | 'tieWithin'>,
  values: readonly { readonly runId: string; readonly value: number | null }[],
  offersTie: boolean,
): PredictOutcome | null {
  const measured = values.filter((entry): entry is { runId: string; value: number } => entry.value !== null);
  if (measured.length === 0) return null;
  const sign = experiment.winner === 'highest' ? -1 : 1;
  const ranked = [...measured].sort((a, b) => sign * (a.value - b.value));
  const best = ranked[0]!;
  const second = ranked[1];
  const tieWithin = experiment.tieWithin ?? DEFAULT_TIE_WITHIN;
  const everyRunMeasured = measured.length === values.length;
  if (
    offersTie &&
    second !== undefined &&
    everyRunMeasured &&
    relativeDifference(best.value, second.value) <= tieWithin
  ) {
    return { values, winner: TIE };
  }
  return { values, winner: best.runId };
}
