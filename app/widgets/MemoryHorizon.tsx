import { useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { FigureNotice } from '../figures/frame/FigureNotice';
import { cellLabels } from '../figures/frame/palette';
import { useRuns } from '../live/useRuns';
import { useStopOnUnmount } from '../live/useStopOnUnmount';
import { useStore } from '../store';
import { LagAccuracyChart } from './LagAccuracyChart';
import { formatDuration, lastEvaluation } from './liveRuns';
import { HorizonConfig } from './MemoryHorizonConfig';
import { SavedHorizonLabel, useSavedHorizon } from './MemoryHorizonSaved';
import {
  DEFAULT_HORIZON_PLAN,
  describeHorizon,
  type HorizonPlan,
  horizonConfig,
  horizonResults,
  horizonSlot,
  horizonUpdate,
  nextSweepActions,
  sweepProgress,
} from './memoryHorizonPlan';
import { savedHorizonKey } from './memoryHorizonSaved';
import './widgets.css';
import { formatPercent } from '../shared/format';

export interface MemoryHorizonProps {
  /** What to notice, for the lesson's point (see FigureNotice). */
  readonly notice: string;
  /** The lags tried, in increasing order (default 2, 5, 10, 20, 40). */
  readonly lags?: readonly number[];
  /** Steps per run at most (default 1500); a run stops early at 99% held-out accuracy. */
  readonly maxSteps?: number;
  readonly seed?: number;
  /** Width of the chart in CSS pixels; measured from the page when omitted. */
  readonly width?: number;
}

type SweepState = 'idle' | 'running' | 'cancelled' | 'done';

/**
 * The memory-horizon experiment: RNN, LSTM and GRU trained on recall at growing lags in the worker, one
 * run per cell at a time, and their held-out accuracy plotted against the lag. Nothing trains until the
 * reader presses Run; leaving the page stops every run.
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
  const slots = useMemo(
    () => plan.cells.flatMap((cell) => plan.lags.map((lag) => horizonSlot(cell, lag))),
    [plan],
  );
  const runList = useRuns(slots);
  const runs = useMemo(() => Object.fromEntries(runList.map((run) => [run.slot, run])), [runList]);
  const { startRun, stopRun, clearRun, releaseRun } = useStore(
    useShallow((state) => ({
      startRun: state.startRun,
      stopRun: state.stopRun,
      clearRun: state.clearRun,
      releaseRun: state.releaseRun,
    })),
  );
  const [sweep, setSweep] = useState<SweepState>('idle');
  const [duration, setDuration] = useState<number | null>(null);
  const startedAt = useRef(0);
  // Commands already sent in this sweep, so that each run is started (and stopped early) once.
  const startsSent = useRef(new Set<string>());
  const stopsSent = useRef(new Set<string>());
  const released = useRef(new Set<string>());
  useStopOnUnmount(slots);
  const stored = useSavedHorizon(savedHorizonKey(plan));
  const save = stored.save;

  // The sweep advances from a store subscription, which sees every change as it happens; starting a run
  // changes the store at once, so `advance` may be re-entered, and the sets above keep that harmless.
  useEffect(() => {
    if (sweep !== 'running') return;
    let finished = false;
    const advance = () => {
      if (finished) return;
      const current = useStore.getState().runs;
      // A run that has ended keeps its results in the store; its worker is no longer needed.
      for (const slot of slots) {
        const phase = current[slot]?.phase;
        if (
          phase &&
          phase !== 'starting' &&
          phase !== 'running' &&
          phase !== 'paused' &&
          !released.current.has(slot)
        ) {
          released.current.add(slot);
          releaseRun(slot);
        }
      }
      const { done, total } = sweepProgress(plan, current);
      if (done === total) {
        finished = true;
        const durationMs = performance.now() - startedAt.current;
        setSweep('done');
        setDuration(durationMs);
        save({ format: 1, measuredAt: Date.now(), durationMs, plan, results: horizonResults(plan, current) });
        return;
      }
      for (const action of nextSweepActions(plan, current)) {
        const slot = horizonSlot(action.cell, action.lag);
        if (action.kind === 'start') {
          if (startsSent.current.has(slot)) continue;
          startsSent.current.add(slot);
          startRun(slot, horizonConfig(plan, action.cell, action.lag), {
            maxSteps: plan.maxSteps,
            speed: { kind: 'max' },
          });
        } else if (!stopsSent.current.has(slot)) {
          stopsSent.current.add(slot);
          stopRun(slot);
        }
      }
    };
    const unsubscribe = useStore.subscribe(advance);
    advance();
    return () => {
      finished = true;
      unsubscribe();
    };
  }, [sweep, plan, slots, startRun, stopRun, releaseRun, save]);

  const run = () => {
    for (const slot of slots) clearRun(slot);
    startsSent.current.clear();
    stopsSent.current.clear();
    released.current.clear();
    startedAt.current = performance.now();
    setDuration(null);
    setSweep('running');
  };
  const cancel = () => {
    setSweep('cancelled');
    const current = useStore.getState().runs;
    for (const busy of sweepProgress(plan, current).busy) stopRun(busy.slot);
  };

  const progress = sweepProgress(plan, runs);
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
        must then name the symbol. Run trains a fresh RNN, LSTM and GRU at every lag, here in your browser
        (about a minute), and plots how often each names it correctly on sequences it never trained on.
      </p>
      <div className="widget-buttons">
        <button type="button" className="primary" onClick={run} disabled={running}>
          {running ? 'Running…' : results.length > 0 ? 'Run again' : 'Run'}
        </button>
        <button type="button" onClick={cancel} disabled={!running}>
          Cancel
        </button>
      </div>
      <p className="widget-status" aria-live="polite">
        {progress.done} of {progress.total} runs done
        {sweep === 'done' && duration !== null
          ? ` · the sweep took ${formatDuration(duration)} on this machine`
          : ''}
        {sweep === 'cancelled' ? ' · cancelled' : ''}
      </p>
      <progress className="widget-progress" value={progress.done} max={progress.total} aria-hidden="true" />
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
