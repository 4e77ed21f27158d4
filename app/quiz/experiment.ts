/**
 * The live side of predict questions: each run's full configuration, its slot in the store, what is
 * measured at the end, and which choice the measurements make right. Pure functions over store data.
 */
import type { TrainerConfig } from '../../engine/trainerConfig';
import type { Experiment, ExperimentConfig } from '../lessonTypes';
import { PLAYGROUND_DEFAULT } from '../playground/urlState';
import { formatNumber, formatPercent } from '../shared/format';
import type { PredictOutcome } from '../store/answers';
import type { RunState } from '../store/runsSlice';

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

/** The store slot of one run of one question. */
export function experimentSlot(questionId: string, runId: string): string {
  return `quiz-${questionId}-${runId}`;
}

/** Phases after which a run changes no more. */
export function isRunOver(run: RunState | undefined): boolean {
  return (
    run !== undefined &&
    (run.phase === 'finished' ||
      run.phase === 'diverged' ||
      run.phase === 'stopped' ||
      run.phase === 'crashed' ||
      run.phase === 'problem')
  );
}

/**
 * The experiment's measure of one finished run, or null when the run has none (a diverged run has
 * no meaningful held-out metric or final loss; a run with no steps has no timing).
 */
export function measureRun(measure: Experiment['measure'], run: RunState): number | null {
  const last = run.evaluations[run.evaluations.length - 1];
  const finite = (value: number | undefined) =>
    value !== undefined && Number.isFinite(value) ? value : null;
  switch (measure) {
    case 'heldOutMetric':
      return run.divergence ? null : finite(last?.metric);
    case 'finalLoss':
      return run.divergence ? null : finite(last?.loss);
    case 'msPerStep':
      return run.msPerStep > 0 ? finite(run.msPerStep) : null;
    case 'clippedShare': {
      const clipped = run.history.clipped;
      if (clipped.length === 0) return null;
      return clipped.filter(Boolean).length / clipped.length;
    }
    case 'earlyGradientShare': {
      const norms = run.gradNormByStep;
      if (norms.length === 0) return null;
      let largest = 0;
      for (const norm of norms) largest = Math.max(largest, norm);
      return largest > 0 ? finite(norms[0]! / largest) : null;
    }
  }
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
  experiment: Experiment,
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

/** A measured value in words, e.g. '93.8%' or '1.42 ms per step'. */
export function formatMeasure(
  measure: Experiment['measure'],
  value: number | null,
  metricName?: string,
): string {
  if (value === null) return 'no value';
  const significant = (x: number) => formatNumber(x);
  switch (measure) {
    case 'heldOutMetric':
      return metricName === 'accuracy' ? formatPercent(value, 1) : significant(value);
    case 'finalLoss':
      return significant(value);
    case 'msPerStep':
      return `${significant(value)} ms per step`;
    case 'clippedShare':
      return `${formatPercent(value, 1)} of steps`;
    case 'earlyGradientShare':
      return value >= 0.001
        ? `${significant(value * 100)}% of the largest`
        : `${formatNumber(value, 2)} of the largest`;
  }
}

/** What the measure is, for a table heading. */
export function measureLabel(measure: Experiment['measure'], metricName?: string): string {
  switch (measure) {
    case 'heldOutMetric':
      return metricName ? `Held-out ${metricName}` : 'Held-out metric';
    case 'finalLoss':
      return 'Final held-out loss';
    case 'msPerStep':
      return 'Time per training step';
    case 'clippedShare':
      return 'Share of steps clipped';
    case 'earlyGradientShare':
      return 'Gradient at the first step';
  }
}
