/** Small helpers the live widgets share: which runs are over, their last evaluation, stopping on unmount. */
import { useEffect, useRef } from 'react';
import type { Evaluation } from '../../engine/trainer';
import { useStore } from '../store';
import type { RunPhase, RunState } from '../store/runsSlice';

const over: ReadonlySet<RunPhase> = new Set(['finished', 'stopped', 'diverged', 'crashed', 'problem']);

/** The run has ended, one way or another (finished, stopped, diverged, or could not run). */
export function isOver(run: RunState | undefined): boolean {
  return run !== undefined && over.has(run.phase);
}

/** The run exists and has not ended. */
export function isBusy(run: RunState | undefined): boolean {
  return run !== undefined && !over.has(run.phase);
}

export function lastEvaluation(run: RunState | undefined): Evaluation | null {
  return run?.evaluations[run.evaluations.length - 1] ?? null;
}

/**
 * When the component leaves the page, stops the runs of every slot it ever showed and ends their
 * workers, so that nothing trains unseen and no worker outlives its page. What the runs recorded stays
 * in the store (a run cut short reads "stopped"), so a page visited again shows it.
 */
export function useStopOnUnmount(slots: readonly string[]): void {
  const seen = useRef(new Set<string>());
  const key = slots.join('\n');
  useEffect(() => {
    if (key !== '') for (const slot of key.split('\n')) seen.current.add(slot);
  }, [key]);
  useEffect(
    () => () => {
      // The store's actions at the time of leaving (the speaker view swaps in remote ones).
      const { stopRun, releaseRun } = useStore.getState();
      for (const slot of seen.current) {
        stopRun(slot);
        releaseRun(slot);
      }
    },
    [],
  );
}

/** "1 min 4 s", "42 s", "0.8 s": a duration for people. */
export function formatDuration(ms: number): string {
  const seconds = ms / 1000;
  if (seconds < 10) return `${seconds.toFixed(1)} s`;
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${Math.round(seconds - minutes * 60)} s`;
}

export function formatPercentage(share: number): string {
  return `${Math.round(share * 100)}%`;
}
