import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { TrainerConfig } from '../../engine/trainerConfig';
import type { RunSpeed } from '../../engine/worker/protocol';
import { formatNumber, formatPercent } from '../shared/format';
import { useStore } from '../store';
import type { RunState } from '../store/runsSlice';
import { useRuns } from './useRuns';
import { useStopOnUnmount } from './useStopOnUnmount';
import './live.css';

export interface RunSpec {
  readonly slot: string;
  readonly config: TrainerConfig;
  readonly label: string;
}

const speeds: readonly { readonly id: string; readonly label: string; readonly speed: RunSpeed }[] = [
  { id: 'max', label: 'As fast as possible', speed: { kind: 'max' } },
  { id: '50', label: '50 steps a second', speed: { kind: 'paced', stepsPerSecond: 50 } },
  { id: '10', label: '10 steps a second', speed: { kind: 'paced', stepsPerSecond: 10 } },
  { id: '2', label: '2 steps a second', speed: { kind: 'paced', stepsPerSecond: 2 } },
];

const idle = new Set(['finished', 'stopped', 'diverged', 'crashed', 'problem']);

/**
 * "held-out accuracy 94%" or "held-out MSE 0.0123", for the headline metric of a run; for a language
 * model, whose accuracy says little, "held-out perplexity 8.43 (cross-entropy 2.13 nats)".
 */
export function formatMetric(run: Pick<RunState, 'evaluations' | 'config'>): string | null {
  const evaluation = run.evaluations[run.evaluations.length - 1];
  if (!evaluation) return null;
  // Every classification run reports a perplexity; only a language model on a text is read by it.
  const text = run.config.task.kind === 'text';
  if (text && evaluation.perplexity !== undefined && Number.isFinite(evaluation.perplexity)) {
    // Perplexity is e to the mean cross-entropy, so the nats are its logarithm.
    return `held-out perplexity ${formatNumber(evaluation.perplexity, 3)} (cross-entropy ${formatNumber(Math.log(evaluation.perplexity), 3)} nats)`;
  }
  if (evaluation.metricName === 'accuracy') return `held-out accuracy ${formatPercent(evaluation.metric, 1)}`;
  return `held-out MSE ${formatNumber(evaluation.metric)}`;
}

function phaseWords(run: RunState | undefined, maxSteps: number): string {
  if (!run) return 'not started';
  switch (run.phase) {
    case 'starting':
      return 'starting…';
    case 'running':
      return `training, step ${run.stepCount} of ${maxSteps}`;
    case 'paused':
      return `paused at step ${run.stepCount}`;
    case 'finished':
      return `finished ${run.stepCount} steps`;
    case 'stopped':
      return `stopped at step ${run.stepCount}`;
    case 'diverged':
      return `diverged at step ${run.divergence?.step ?? run.stepCount}`;
    case 'crashed':
      return 'the worker stopped';
    case 'problem':
      return 'could not start';
  }
}

/**
 * Train, pause, step, reset and speed for one run or several side by side (same buttons drive them
 * all), with a line per run saying where it is. Screen readers hear phase changes, not every step.
 */
export function RunControls({
  runs: specs,
  maxSteps,
  title,
  blocked,
  checkpointEvery,
  keepOnUnmount = false,
}: {
  runs: readonly RunSpec[];
  maxSteps: number;
  title?: string;
  /** Why Train cannot start (settings on screen that are not in use); Train and Step wait for it. */
  blocked?: ReactNode;
  /** Steps between held-out evaluations, when the page wants them denser than the default. */
  checkpointEvery?: number;
  /**
   * Leaves the runs' workers alone when the controls unmount: for a model that outlives one page (the
   * language lab's, which its keeper saves and then ends, see app/lab/useLabKeep.ts).
   */
  keepOnUnmount?: boolean;
}) {
  const runs = useRuns(specs.map((spec) => spec.slot));
  // Every page with these controls (lessons, slides, the playground) ends its runs' workers on leaving.
  useStopOnUnmount(keepOnUnmount ? [] : specs.map((spec) => spec.slot));
  const { startRun, pauseRun, resumeRun, stepRun, clearRun, setRunSpeed } = useStore(
    useShallow((state) => ({
      startRun: state.startRun,
      pauseRun: state.pauseRun,
      resumeRun: state.resumeRun,
      stepRun: state.stepRun,
      clearRun: state.clearRun,
      setRunSpeed: state.setRunSpeed,
    })),
  );
  const [speedId, setSpeedId] = useState('max');
  const speed = speeds.find((entry) => entry.id === speedId)!.speed;
  const speedLabel = useId();
  const blockedId = useId();
  const bySlot = new Map(runs.map((run) => [run.slot, run]));
  const current = specs.map((spec) => bySlot.get(spec.slot));
  const anyRunning = current.some((run) => run?.phase === 'running' || run?.phase === 'starting');
  const allPaused = current.every((run) => run?.phase === 'paused');
  const notStarted = current.some((run) => run === undefined || idle.has(run.phase));

  const start = (paused: boolean) => {
    const every = checkpointEvery === undefined ? {} : { checkpointEvery };
    for (const spec of specs) startRun(spec.slot, spec.config, { maxSteps, speed, paused, ...every });
  };
  const train = () => {
    if (notStarted) start(false);
    else for (const spec of specs) resumeRun(spec.slot);
  };
  const pause = () => {
    for (const spec of specs) pauseRun(spec.slot);
  };
  const step = () => {
    if (notStarted) start(true);
    for (const spec of specs) stepRun(spec.slot, 1);
  };
  const reset = () => {
    for (const spec of specs) clearRun(spec.slot);
  };
  const changeSpeed = (id: string) => {
    setSpeedId(id);
    const next = speeds.find((entry) => entry.id === id)!.speed;
    for (const spec of specs) setRunSpeed(spec.slot, next);
  };

  const announcement = useAnnouncement(specs, current, maxSteps);
  const problems = current.flatMap((run) =>
    run?.divergence ? [run.divergence.message] : run?.problem ? [run.problem] : [],
  );

  return (
    <fieldset className="run-controls">
      <legend className="visually-hidden">
        {title ? `Training controls: ${title}` : 'Training controls'}
      </legend>
      <div className="run-buttons">
        {anyRunning ? (
          <button type="button" className="primary" onClick={pause}>
            Pause
          </button>
        ) : (
          <button
            type="button"
            className="primary"
            onClick={train}
            disabled={blocked !== undefined}
            aria-describedby={blocked !== undefined ? blockedId : undefined}
          >
            {allPaused && !notStarted
              ? 'Resume'
              : notStarted && current.some((run) => run)
                ? 'Train again'
                : 'Train'}
          </button>
        )}
        <button
          type="button"
          onClick={step}
          disabled={anyRunning || blocked !== undefined}
          title="Train one step, then pause"
        >
          Step
        </button>
        <button type="button" onClick={reset} disabled={current.every((run) => run === undefined)}>
          Reset
        </button>
        <label className="run-speed">
          <span id={speedLabel}>Speed</span>
          <select
            aria-labelledby={speedLabel}
            value={speedId}
            onChange={(event) => changeSpeed(event.target.value)}
          >
            {speeds.map((entry) => (
              <option key={entry.id} value={entry.id}>
                {entry.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {blocked !== undefined && (
        <div id={blockedId} className="run-blocked">
          {blocked}
        </div>
      )}
      <ul className="run-status">
        {specs.map((spec, index) => {
          const run = current[index];
          const metric = run ? formatMetric(run) : null;
          return (
            <li key={spec.slot}>
              <strong>{spec.label}</strong>: {phaseWords(run, maxSteps)}
              {run && run.msPerStep > 0 && <> · {formatNumber(run.msPerStep, 2)} ms per step</>}
              {metric && <> · {metric}</>}
            </li>
          );
        })}
      </ul>
      {problems.map((problem) => (
        <p key={problem} role="alert" className="run-problem">
          {problem}
        </p>
      ))}
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </fieldset>
  );
}

/** A sentence when a run's phase changes (started, paused, finished, diverged), for screen readers. */
function useAnnouncement(
  specs: readonly RunSpec[],
  runs: readonly (RunState | undefined)[],
  maxSteps: number,
): string {
  const [text, setText] = useState('');
  const previous = useRef<string>('');
  const phases = runs.map((run) => run?.phase ?? 'none').join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: announce only when a phase changes.
  useEffect(() => {
    if (phases === previous.current) return;
    previous.current = phases;
    setText(specs.map((spec, index) => `${spec.label} ${phaseWords(runs[index], maxSteps)}`).join('; '));
  }, [phases]);
  return text;
}
