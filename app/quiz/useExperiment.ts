import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { PredictQuestion } from '../lessonTypes';
import { useStore } from '../store';
import type { PredictOutcome } from '../store/answers';
import type { RunState } from '../store/runsSlice';
import { runSamplingExperiment } from './bigramSampling';
import { decideOutcome, experimentConfig, experimentSlot, isRunOver, measureRun, TIE } from './experiment';

export type ExperimentState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'running' }
  | { readonly phase: 'done'; readonly outcome: PredictOutcome }
  | { readonly phase: 'failed'; readonly message: string };

export interface ExperimentControl {
  readonly state: ExperimentState;
  /** Each run's live state (undefined before it starts), in the experiment's order. */
  readonly runs: readonly (RunState | undefined)[];
  readonly start: () => void;
  readonly stop: () => void;
  /** Forgets the last outcome, for a new attempt. */
  readonly reset: () => void;
}

/**
 * Runs a predict question's experiment through the store's engine: one slot per run
 * (`quiz-<questionId>-<runId>`), at full speed, for `experiment.steps` steps. Runs go side by side,
 * except when time per step is measured: then one after another, so they do not share the processor.
 * A sampling experiment trains nothing: it samples a bigram model on this thread, in milliseconds.
 */
export function useExperiment(question: PredictQuestion): ExperimentControl {
  const experiment = question.experiment.kind === 'sampling' ? null : question.experiment;
  const sampling = question.experiment.kind === 'sampling' ? question.experiment : null;
  const slots = useMemo(
    () => (experiment ? experiment.runs.map((run) => experimentSlot(question.id, run.id)) : []),
    [experiment, question.id],
  );
  const runs = useStore(useShallow((store) => slots.map((slot) => store.runs[slot])));
  const [state, setState] = useState<ExperimentState>({ phase: 'idle' });
  // The run ids this attempt started, so that a stale run left in the store is never mistaken for it.
  const started = useRef(new Map<string, string>());
  // Counts sampling attempts, so that a result arriving after Stop or Try again is dropped.
  const attempt = useRef(0);
  const sequential = experiment?.measure === 'msPerStep';

  const launch = useCallback(
    (index: number) => {
      if (!experiment) return;
      const run = experiment.runs[index]!;
      const slot = slots[index]!;
      const store = useStore.getState();
      store.startRun(slot, experimentConfig(run.config), {
        maxSteps: experiment.steps,
        speed: { kind: 'max' },
      });
      const runId = useStore.getState().runs[slot]?.runId;
      if (runId) started.current.set(slot, runId);
    },
    [experiment, slots],
  );

  const start = useCallback(() => {
    started.current.clear();
    if (sampling) {
      const mine = ++attempt.current;
      setState({ phase: 'running' });
      const offersTie = question.choices.some((choice) => choice.id === TIE);
      runSamplingExperiment(sampling, offersTie)
        .then((outcome) => {
          if (mine !== attempt.current) return;
          setState(
            outcome
              ? { phase: 'done', outcome }
              : { phase: 'failed', message: 'The samples gave no measurement.' },
          );
        })
        .catch((error: unknown) => {
          if (mine !== attempt.current) return;
          setState({
            phase: 'failed',
            message: `The experiment could not run: ${error instanceof Error ? error.message : String(error)}`,
          });
        });
      return;
    }
    if (!experiment) return;
    try {
      const count = sequential ? 1 : experiment.runs.length;
      for (let index = 0; index < count; index++) launch(index);
      setState({ phase: 'running' });
    } catch (error) {
      setState({
        phase: 'failed',
        message: `The experiment could not start: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  }, [experiment, sampling, question.choices, launch, sequential]);

  const stop = useCallback(() => {
    attempt.current++;
    for (const slot of slots) if (started.current.has(slot)) useStore.getState().stopRun(slot);
    started.current.clear();
    setState({ phase: 'idle' });
  }, [slots]);

  // Watches the runs: starts the next one in sequence, and decides the outcome once all are over.
  useEffect(() => {
    if (state.phase !== 'running' || !experiment) return;
    const ours = runs.map((run, index) =>
      run && started.current.get(slots[index]!) === run.runId ? run : undefined,
    );
    const failed = ours.find((run) => run?.phase === 'crashed' || run?.phase === 'problem');
    if (failed) {
      setState({ phase: 'failed', message: failed.problem ?? 'A run of the experiment failed.' });
      return;
    }
    if (ours.some((run) => run?.phase === 'stopped')) {
      setState({ phase: 'idle' });
      return;
    }
    const next = ours.indexOf(undefined);
    if (next >= 0) {
      if (sequential && ours.slice(0, next).every(isRunOver)) {
        try {
          launch(next);
        } catch (error) {
          setState({ phase: 'failed', message: String(error) });
        }
      }
      return;
    }
    if (!ours.every(isRunOver)) return;
    const values = experiment.runs.map((run, index) => ({
      runId: run.id,
      value: measureRun(experiment.measure, ours[index]!),
    }));
    const offersTie = question.choices.some((choice) => choice.id === TIE);
    const decided = decideOutcome(experiment, values, offersTie);
    const metricName = ours
      .map((run) => run?.evaluations[run.evaluations.length - 1]?.metricName ?? run?.info?.metricName)
      .find((name) => name !== undefined);
    setState(
      decided
        ? { phase: 'done', outcome: metricName ? { ...decided, metricName } : decided }
        : { phase: 'failed', message: 'No run of the experiment gave a measurement (every one diverged).' },
    );
  }, [runs, state.phase, slots, experiment, question.choices, launch, sequential]);

  // Leaving the page stops the runs, frees their memory and ends their workers.
  useEffect(
    () => () => {
      for (const slot of slots) {
        if (useStore.getState().runs[slot]) useStore.getState().clearRun(slot);
        useStore.getState().releaseRun(slot);
      }
    },
    [slots],
  );

  const reset = useCallback(() => {
    attempt.current++;
    setState({ phase: 'idle' });
  }, []);

  return { state, runs, start, stop, reset };
}
