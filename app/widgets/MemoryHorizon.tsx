import { useCallback, useMemo } from 'react';
import { FigureNotice } from '../figures/frame/FigureNotice';
import { cellLabels } from '../figures/frame/palette';
import { DEFAULT_HORIZON_PLAN, type HorizonPlan } from './horizonSetup';
import { LagAccuracyChart } from './LagAccuracyChart';
import { lastEvaluation } from './liveRuns';
import { HorizonConfig } from './MemoryHorizonConfig';
import { SavedHorizonLabel, useSavedHorizon } from './MemoryHorizonSaved';
import {
  describeHorizon,
  type HorizonRuns,
  horizonPoolRuns,
  horizonResults,
  horizonUpdate,
} from './memoryHorizonPlan';
import { savedHorizonKey } from './memoryHorizonSaved';
import { PoolControls } from './PoolControls';
import { useRunPool } from './useRunPool';
import './widgets.css';
import { formatPercent } from '../shared/format';

export interface MemoryHorizonProps {
  /** What to notice, for the lesson's point (see FigureNotice). */
  readonly notice: string;
  /** The lags tried, in increasing order (default 2, 5, 10, 20, 40). */
  readonly lags?: readonly number[];
  /** Steps per run at most (default 500); a run stops early at 99% held-out accuracy. */
  readonly maxSteps?: number;
  readonly seed?: number;
  /** Width of the chart in CSS pixels; measured from the page when omitted. */
  readonly width?: number;
}

/**
 * The memory-horizon experiment: RNN, LSTM and GRU trained on recall at growing lags, the costliest
 * runs first over a pool of workers (one per core), and their held-out accuracy plotted against the lag.
 * Nothing trains until the reader presses Run; leaving the page stops every run.
 */
export function MemoryHorizon({ notice, lags, maxSteps, seed, width }: MemoryHorizonProps) {
  const lagKey = (lags ?? DEFAULT_HORIZON_PLAN.lags).join(',');
  const plan = useMemo<HorizonPlan>(
    () => ({
      ...DEFAULT_HORIZON_PLAN,
      lags: lagKey.split(',').map(Number),
      maxSteps: maxSteps ?? DEFAULT_HORIZON_PLAN.maxSteps,
      seed: seed ?? DEFAULT_HORIZON_PLAN.seed,
    }),
    [lagKey, maxSteps, seed],
  );
  const poolRuns = useMemo(() => horizonPoolRuns(plan), [plan]);
  const stored = useSavedHorizon(savedHorizonKey(plan));
  const save = stored.save;
  const onDone = useCallback(
    (durationMs: number, current: HorizonRuns) =>
      save({ format: 1, measuredAt: Date.now(), durationMs, plan, results: horizonResults(plan, current) }),
    [plan, save],
  );
  const pool = useRunPool(poolRuns, onDone);
  const { runs, progress } = pool;
  const sweep = pool.phase;
  const running = sweep === 'running';
  const live = horizonResults(plan, runs);
  // After a reload the store has no runs: the last stored sweep is shown, labelled, until Run.
  const shown = live.length === 0 && !running ? stored.saved : null;
  const results = shown ? shown.results : live;
  const shownPlan = shown ? shown.plan : plan;
  const caption = `${describeHorizon(shownPlan, results)} Each run trained for up to ${shownPlan.maxSteps} steps, stopping early once held-out accuracy reached ${formatPercent(shownPlan.target)}.`;
  return (
    <section className="live-panel" aria-label="Memory horizon experiment">
      <h3>Memory horizon: how far back can each cell recall?</h3>
      <FigureNotice notice={notice} update={horizonUpdate(shown !== null, sweep, progress)} />
      <p className="widget-intro">
        Each network reads one of {plan.symbols} symbols, then a gap of distractors as long as the lag, and
        must then name the symbol. Run trains a fresh RNN, LSTM and GRU at every lag, here in your browser (it
        says how long that took), and plots how often each names it correctly on sequences it never trained
        on.
      </p>
      <PoolControls
        pool={pool}
        startLabel="Run"
        againLabel="Run again"
        busyLabel="Running…"
        stopLabel="Cancel"
        tookLabel="the sweep took"
        stoppedLabel="cancelled"
        hasResults={results.length > 0}
      />
      {shown && <SavedHorizonLabel saved={shown} />}
      {stored.note && (
        <p className="widget-note" role="status">
          {stored.note}
        </p>
      )}
      {running && progress.busy.length > 0 && (
        <ul className="widget-runs">
          {progress.busy.map((busy) => {
            const evaluation = lastEvaluation(busy);
            const lag = busy.config.task.kind === 'recall' ? busy.config.task.lag : 0;
            return (
              <li key={busy.slot}>
                <strong>{cellLabels[busy.config.cell]}</strong> at lag {lag}: step {busy.stepCount} of{' '}
                {plan.maxSteps}
                {evaluation ? ` · held-out accuracy ${formatPercent(evaluation.metric)}` : ''}
              </li>
            );
          })}
        </ul>
      )}
      <LagAccuracyChart
        cells={shownPlan.cells}
        lags={shownPlan.lags}
        results={results}
        chance={1 / shownPlan.symbols}
        description={caption}
        width={width}
        emptyMessage="Press Run: the held-out accuracy of each cell at each lag appears here as its run finishes."
      />
      <HorizonConfig plan={plan} />
    </section>
  );
}
