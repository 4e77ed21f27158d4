/**
 * The live side of predict questions: each run's full configuration, its slot in the store, what is
 * measured at the end, and which choice the measurements make right. Pure functions over store data.
 */
import type { Experiment } from '../lessonTypes';
import { formatNumber, formatPercent } from '../shared/format';
import type { RunState } from '../store/runsSlice';

// The pure half (configurations, the verdict) is in outcome.ts, which Node tests import without the store.
export { DEFAULT_TIE_WITHIN, decideOutcome, experimentConfig, MAX_EXPERIMENT_STEPS, TIE } from './outcome';

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
    case 'parameterCount':
      return run.info ? run.info.parameterCount : null;
  }
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
    case 'parameterCount':
      return `${value.toLocaleString('en-GB')} parameters`;
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
    case 'parameterCount':
      return 'Trainable parameters';
  }
}
