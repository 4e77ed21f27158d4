import { useEffect, useState } from 'react';
import type { CellKind } from '../../engine/types';
import { AtWidth } from '../figures/charts/LineChartFigure';
import { FigureFrame } from '../figures/frame/FigureFrame';
import type { FigureUpdate } from '../figures/frame/FigureNotice';
import { formatCount } from '../figures/frame/figureText';
import { cellLabels } from '../figures/frame/palette';
import { useRuns } from '../live/useRuns';
import { useStopOnUnmount } from '../live/useStopOnUnmount';
import { useStore } from '../store';
import { isOver } from './liveRuns';
import {
  describeTimings,
  msPerStep,
  ratioSentence,
  STEP_TIMER_CELLS,
  STEP_TIMER_SCHEDULE,
  STEP_TIMER_SETUP,
  type StepTiming,
  stepTimerConfig,
  stepTimerParameters,
  stepTimerSlot,
} from './stepTiming';
import { TimerBars, type Timings } from './TimerBars';
import './widgets.css';

type Phase = 'idle' | 'measuring' | 'done' | 'cancelled';

const slots = STEP_TIMER_CELLS.map(stepTimerSlot);

/** Adds one run's timing to a cell's total; a run that did not finish spoils the cell's measurement. */
function addTiming(current: Timings, cell: CellKind, result: StepTiming | 'failed'): Timings {
  const before = current[cell];
  if (result === 'failed' || before === 'failed') return { ...current, [cell]: 'failed' };
  const total = before
    ? { totalMs: before.totalMs + result.totalMs, steps: before.steps + result.steps }
    : result;
  return { ...current, [cell]: total };
}

/**
 * Times a training step of RNN, LSTM and GRU on the reader's machine, one cell at a time in the training
 * worker (so they never compete for a core), taking turns over a few rounds, with each cell's parameter
 * count beside its bar.
 */
export function StepTimer({
  notice,
  width,
}: {
  /** What to notice, for the lesson's point (see FigureNotice). */
  readonly notice: string;
  readonly width?: number;
}) {
  const [phase, setPhase] = useState<Phase>('idle');
  const [position, setPosition] = useState(0);
  const [timings, setTimings] = useState<Timings>({});
  const runs = useRuns(slots);
  useStopOnUnmount(slots);
  const now = STEP_TIMER_SCHEDULE[Math.min(position, STEP_TIMER_SCHEDULE.length - 1)]!;

  // Sums each snapshot's training time once the warm-up is over. A store subscription (not a render)
  // sees every snapshot, even when React draws several of them at once.
  useEffect(() => {
    if (phase !== 'measuring') return;
    const { cell, warmupSteps, totalSteps } = STEP_TIMER_SCHEDULE[position]!;
    const slot = stepTimerSlot(cell);
    let previousStep = 0;
    let totalMs = 0;
    let steps = 0;
    let over = false;
    const unsubscribe = useStore.subscribe((state) => {
      const run = state.runs[slot];
      if (!run || over) return;
      if (run.stepCount > previousStep) {
        const taken = run.stepCount - previousStep;
        if (previousStep >= warmupSteps) {
          totalMs += run.msPerStep * taken;
          steps += taken;
        }
        previousStep = run.stepCount;
      }
      if (!isOver(run)) return;
      over = true;
      const result = run.phase === 'finished' && steps > 0 ? { totalMs, steps } : 'failed';
      setTimings((current) => addTiming(current, cell, result));
      if (position + 1 < STEP_TIMER_SCHEDULE.length) setPosition(position + 1);
      else setPhase('done');
    });
    useStore
      .getState()
      .startRun(slot, stepTimerConfig(cell), { maxSteps: totalSteps, speed: { kind: 'max' } });
    return unsubscribe;
  }, [phase, position]);

  const measure = () => {
    for (const slot of slots) useStore.getState().clearRun(slot);
    setTimings({});
    setPosition(0);
    setPhase('measuring');
  };
  const cancel = () => {
    setPhase('cancelled');
    useStore.getState().stopRun(stepTimerSlot(now.cell));
  };
  const measured = Object.fromEntries(
    Object.entries(timings).filter((entry): entry is [CellKind, StepTiming] => entry[1] !== 'failed'),
  ) as Partial<Record<CellKind, StepTiming>>;
  const current =
    phase === 'measuring' ? runs.find((run) => run.slot === stepTimerSlot(now.cell)) : undefined;
  const ratio = ratioSentence(measured);
  const kernels = runs.find((run) => run.info)?.info?.kernels;
  const { rounds, measuredStepsPerRound } = STEP_TIMER_SETUP;
  const timed = phase === 'done' ? STEP_TIMER_SCHEDULE.length : position;
  const update: FigureUpdate = {
    key: `${phase}:${timed}`,
    label:
      phase === 'idle'
        ? 'Not measured yet'
        : `Updated: ${timed} of ${STEP_TIMER_SCHEDULE.length} timings done`,
  };

  return (
    <section className="live-panel" aria-label="Step timer">
      <h3>How long does one training step take?</h3>
      <p className="widget-intro">
        Measure trains an RNN, an LSTM and a GRU of the same sizes on the same task, one at a time, taking
        turns over {rounds} rounds, and times {measuredStepsPerRound} steps of each per round after a short
        warm-up. The numbers are your machine’s, measured now.
      </p>
      <div className="widget-buttons">
        <button type="button" className="primary" onClick={measure} disabled={phase === 'measuring'}>
          {phase === 'measuring' ? 'Measuring…' : phase === 'idle' ? 'Measure' : 'Measure again'}
        </button>
        <button type="button" onClick={cancel} disabled={phase !== 'measuring'}>
          Cancel
        </button>
      </div>
      <p className="widget-status">
        <span aria-live="polite">
          {phase === 'measuring'
            ? `Round ${now.round + 1} of ${rounds}: measuring the ${cellLabels[now.cell]}`
            : phase === 'done'
              ? 'Done: all three cells measured.'
              : phase === 'cancelled'
                ? 'Cancelled.'
                : 'Not measured yet.'}
        </span>
        {current ? ` · step ${current.stepCount} of ${now.totalSteps}` : ''}
      </p>
      <FigureFrame
        title="Time per training step"
        description={describeTimings(measured)}
        table={{
          caption: 'Mean training time per step and parameters of the recurrent layer.',
          columns: ['Cell', 'ms per step', 'Steps timed', 'Parameters'],
          rows: STEP_TIMER_CELLS.map((cell) => {
            const timing = timings[cell];
            return [
              cellLabels[cell],
              timing === undefined
                ? '–'
                : timing === 'failed'
                  ? 'failed'
                  : Number(msPerStep(timing).toPrecision(3)),
              timing === undefined || timing === 'failed' ? '–' : timing.steps,
              formatCount(stepTimerParameters(cell)),
            ];
          }),
        }}
        exportName="step-time"
        notice={notice}
        update={update}
      >
        <AtWidth width={width}>
          {(available) => (
            <TimerBars
              width={available}
              timings={timings}
              measuring={phase === 'measuring' ? now.cell : null}
            />
          )}
        </AtWidth>
        {ratio && <p className="widget-result">{ratio}</p>}
        {kernels && (
          <p className="widget-note">
            {kernels === 'wasm'
              ? 'The matrix products and gate functions ran in WebAssembly with SIMD.'
              : 'This browser could not run the WebAssembly kernel, so the matrix products and gate functions ran in plain JavaScript (slower).'}
          </p>
        )}
      </FigureFrame>
    </section>
  );
}
