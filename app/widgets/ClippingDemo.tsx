import { useState } from 'react';
import { ClippingChart } from '../figures/charts/ClippingChart';
import { LossChart, type LossScale } from '../figures/charts/LossChart';
import { FigureNotice } from '../figures/frame/FigureNotice';
import { clipPoints, clippedShare, clipThreshold, lossSeries } from '../live/runData';
import { runsUpdate } from '../live/runUpdate';
import { useRuns } from '../live/useRuns';
import { useStopOnUnmount } from '../live/useStopOnUnmount';
import { formatNumber, formatPercent } from '../shared/format';
import { useStore } from '../store';
import type { RunState } from '../store/runsSlice';
import {
  CLIP_VARIANTS,
  CLIPPING_SETUP,
  type ClipVariant,
  clippingConfig,
  clippingSlot,
  clipVariantLabels,
} from './clippingConfig';
import { isBusy, lastEvaluation } from './liveRuns';
import './widgets.css';

const slots = CLIP_VARIANTS.map(clippingSlot);

/** What became of one run, in a sentence: diverged (and why), or finished with its score and clip count. */
export function clipOutcome(variant: ClipVariant, run: RunState | undefined): string | null {
  if (!run) return null;
  const name = clipVariantLabels[variant];
  if (run.phase === 'diverged' && run.divergence) return `${name}: ${run.divergence.message}`;
  if (run.phase === 'problem' || run.phase === 'crashed')
    return `${name}: ${run.problem ?? 'the run could not train.'}`;
  const evaluation = lastEvaluation(run);
  const score = evaluation ? `held-out MSE ${formatNumber(evaluation.metric, 2)}` : null;
  const baseline = run.info
    ? ` (the baseline, “${run.info.baseline.description}”, scores ${formatNumber(run.info.baseline.value, 2)})`
    : '';
  const clipped = run.history.clipped.filter(Boolean).length;
  const count = run.history.clipped.length;
  const clipping =
    variant === 'clipped' && count > 0
      ? `; clipping fired on ${clipped} of ${count} steps (${formatPercent(clippedShare(run), 1)})`
      : '';
  const where = isBusy(run) ? `step ${run.stepCount}` : `finished ${run.stepCount} steps`;
  return `${name}: ${where}${score ? `, ${score}${baseline}` : ''}${clipping}.`;
}

/**
 * The same exploding configuration trained twice side by side, without clipping and with the global
 * gradient norm clipped at 1: the gradient norm of every step with clip events marked, and both losses.
 */
export function ClippingDemo({
  notice,
  width,
}: {
  /** What to notice, for the lesson's point (see FigureNotice). */
  readonly notice: string;
  readonly width?: number;
}) {
  const runs = useRuns(slots);
  const [scale, setScale] = useState<LossScale>('log');
  const [withUnclipped, setWithUnclipped] = useState(true);
  useStopOnUnmount(slots);
  const byVariant = (variant: ClipVariant) => runs.find((run) => run.slot === clippingSlot(variant));
  const anyBusy = runs.some(isBusy);
  const run = () => {
    const { startRun } = useStore.getState();
    for (const variant of CLIP_VARIANTS) {
      startRun(clippingSlot(variant), clippingConfig(variant), {
        maxSteps: CLIPPING_SETUP.steps,
        speed: { kind: 'max' },
      });
    }
  };
  const stop = () => {
    for (const slot of slots) useStore.getState().stopRun(slot);
  };
  // Training loss only: the outcome lines above give each run's held-out score.
  const labelled = CLIP_VARIANTS.flatMap((variant) => {
    const one = byVariant(variant);
    return one && (variant !== 'none' || withUnclipped)
      ? [{ run: one, label: variant === 'none' ? 'unclipped' : 'clipped' }]
      : [];
  });
  const trainingLoss = lossSeries(labelled).filter((series) => !series.heldOut);

  const { learningRate, hiddenSize, batchSize, sequenceLength, threshold, seed, steps } = CLIPPING_SETUP;

  return (
    <section className="live-panel" aria-label="Gradient clipping experiment">
      <h3>The same run, with and without clipping</h3>
      <FigureNotice notice={notice} update={runsUpdate(runs)} />
      <p className="widget-intro">
        Both runs start from the same weights and see the same batches. The only difference: the second
        rescales any gradient whose global norm exceeds {threshold}, keeping its direction.
      </p>
      <div className="widget-buttons">
        <button type="button" className="primary" onClick={run} disabled={anyBusy}>
          {anyBusy ? 'Training…' : runs.length > 0 ? 'Train again' : 'Train'}
        </button>
        <button type="button" onClick={stop} disabled={!anyBusy}>
          Stop
        </button>
      </div>
      <div aria-live="polite">
        {CLIP_VARIANTS.map((variant) => {
          const outcome = clipOutcome(variant, byVariant(variant));
          return outcome ? (
            <p
              key={variant}
              className="widget-result"
              data-tone={byVariant(variant)?.phase === 'diverged' ? 'bad' : undefined}
            >
              {outcome}
            </p>
          ) : null;
        })}
      </div>
      <div className="widget-pair">
        {CLIP_VARIANTS.map((variant) => {
          const one = byVariant(variant);
          return (
            <ClippingChart
              key={variant}
              title={`Gradient norm: ${clipVariantLabels[variant].toLowerCase()}`}
              points={one ? clipPoints(one) : []}
              threshold={one ? clipThreshold(one) : variant === 'none' ? null : threshold}
              width={width === undefined ? undefined : Math.floor(width / 2)}
              emptyMessage="Press Train: the gradient norm of every step appears here."
              exportName={`clipping-${variant}`}
            />
          );
        })}
      </div>
      <LossChart
        title="Training loss"
        series={trainingLoss}
        yLabel="Mean squared error"
        quantity="loss"
        scale={scale}
        onScaleChange={setScale}
        controls={
          <label className="widget-checkbox">
            <input
              type="checkbox"
              checked={withUnclipped}
              onChange={(event) => setWithUnclipped(event.target.checked)}
            />
            Include the run without clipping
          </label>
        }
        width={width}
        emptyMessage="Press Train: the loss of each run appears here."
        exportName="clipping-loss"
      />
      <p className="widget-config">
        Configuration: a tanh RNN with {hiddenSize} hidden units predicting the next value of a sum of three
        sines ({sequenceLength} steps per sequence); plain SGD at learning rate {learningRate}, batch{' '}
        {batchSize}, orthogonal W_hh, up to {steps} steps, seed {seed}. Only the clipping differs.
      </p>
    </section>
  );
}
