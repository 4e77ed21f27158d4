/**
 * Turns the runs in the store into the plain data the figures take. Pure functions of run state:
 * the figures stay pure, and these are tested from fixtures. Each call reads the history afresh and
 * returns new arrays: the store grows the history in place (see RunHistory), so nothing here may be
 * cached on the history's arrays, only on the RunState or its version.
 */

import type { ClipPoint } from '../figures/charts/ClippingChart';
import type { LossSeries } from '../figures/charts/LossChart';
import type { GradientCurve } from '../figures/charts/VanishingChart';
import { cellColors, cellLabels } from '../figures/frame/palette';
import type { RunState } from '../store/runsSlice';

/** How many points of a long history go to a chart (it keeps min/max per pixel column itself). */
const CHART_POINTS = 1500;

function stride(length: number): number {
  return Math.max(1, Math.ceil(length / CHART_POINTS));
}

export interface LabelledRun {
  readonly run: RunState;
  readonly label: string;
}

/** A run's default label: its cell, e.g. "LSTM". */
export function runLabel(run: RunState): string {
  return cellLabels[run.config.cell];
}

/** Runs of different cells take their cell's colour everywhere; otherwise charts pick series colours. */
function colorOf(runs: readonly LabelledRun[], run: RunState): string | undefined {
  const distinctCells = new Set(runs.map((entry) => entry.run.config.cell)).size === runs.length;
  return runs.length > 1 && distinctCells ? cellColors[run.config.cell] : undefined;
}

/** Training loss (solid) and held-out loss (dashed) of each run. */
export function lossSeries(runs: readonly LabelledRun[]): LossSeries[] {
  return runs.flatMap(({ run, label }) => {
    const { steps, loss } = run.history;
    const every = stride(steps.length);
    const points = [];
    for (let i = 0; i < steps.length; i += every) points.push({ step: steps[i]!, value: loss[i]! });
    const color = colorOf(runs, run);
    const training: LossSeries = { id: `${run.slot}-train`, label, points, ...(color ? { color } : {}) };
    const heldOut: LossSeries = {
      id: `${run.slot}-held-out`,
      label: `${label} held-out`,
      heldOut: true,
      points: run.evaluations.map((evaluation) => ({ step: evaluation.step, value: evaluation.loss })),
      ...(color ? { color } : {}),
    };
    return heldOut.points.length > 0 ? [training, heldOut] : [training];
  });
}

/** The held-out headline metric of each run over training (accuracy or MSE). */
export function metricSeries(runs: readonly LabelledRun[]): LossSeries[] {
  return runs.map(({ run, label }) => {
    const color = colorOf(runs, run);
    return {
      id: `${run.slot}-metric`,
      label,
      points: run.evaluations.map((evaluation) => ({ step: evaluation.step, value: evaluation.metric })),
      ...(color ? { color } : {}),
    };
  });
}

/** The gradient norm before clipping at every step, and whether clipping fired. */
export function clipPoints(run: RunState): ClipPoint[] {
  const { steps, gradNorm, clipped } = run.history;
  const every = stride(steps.length);
  const points: ClipPoint[] = [];
  for (let i = 0; i < steps.length; i += every) {
    // Keep a clipped step visible even when thinning the history for the chart.
    let fired = false;
    for (let j = i; j < Math.min(i + every, steps.length); j++) fired ||= clipped[j]!;
    points.push({ step: steps[i]!, normBefore: gradNorm[i]!, clipped: fired });
  }
  return points;
}

export function clipThreshold(run: RunState): number | null {
  const clip = run.config.clip;
  return clip.kind === 'norm' ? clip.maxNorm : null;
}

/**
 * ||dh_T/dh_t|| against the distance T − t from the newest probe: values[d] for d = 0..T, with
 * values[0] = ||I||_F = √H (the state's derivative with respect to itself).
 */
export function vanishingCurve(run: RunState, label: string): GradientCurve | null {
  const probe = run.probe;
  if (!probe) return null;
  const norms = probe.jacobianNorms;
  const values = [Math.sqrt(probe.hiddenSize)];
  for (let distance = 1; distance <= norms.length; distance++) values.push(norms[norms.length - distance]!);
  return { id: run.slot, label, color: cellColors[run.config.cell], values };
}

/** Share of steps at which clipping fired. */
export function clippedShare(run: RunState): number {
  const clipped = run.history.clipped;
  if (clipped.length === 0) return 0;
  let count = 0;
  for (const fired of clipped) if (fired) count++;
  return count / clipped.length;
}
