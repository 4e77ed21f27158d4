/** Small helpers the live widgets share: which runs are over, their last evaluation, durations. */
import type { Evaluation } from '../../engine/trainer';
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

/** "1 min 4 s", "42 s", "0.8 s": a duration for people. */
export function formatDuration(ms: number): string {
  const seconds = ms / 1000;
  if (seconds < 10) return `${seconds.toFixed(1)} s`;
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${Math.round(seconds - minutes * 60)} s`;
}
