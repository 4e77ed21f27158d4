import { useEffect, useMemo, useRef, useState } from 'react';
import { useRuns } from '../live/useRuns';
import { useStopOnUnmount } from '../live/useStopOnUnmount';
import { useStore } from '../store';
import type { RunState } from '../store/runsSlice';
import { type PoolRun, type PoolRuns, poolProgress, poolStarts, poolWorkers } from './runPool';

export type PoolPhase = 'idle' | 'running' | 'cancelled' | 'done';

export interface RunPool {
  readonly phase: PoolPhase;
  readonly durationMs: number | null;
  readonly workers: number;
  /** The pool's runs in the store, as the figures see them (redrawn at most every 125 ms). */
  readonly runList: readonly RunState[];
  /** The same runs by slot. */
  readonly runs: PoolRuns;
  /** How many are over, of how many, and which train now. */
  readonly progress: ReturnType<typeof poolProgress>;
  readonly start: () => void;
  readonly cancel: () => void;
}

/**
 * Trains `runs` in their order over a pool of workers sized from the machine's cores: each run starts
 * as soon as a worker is free, and a run that has ended gives its worker back at once. `onDone`, if
 * given, gets the wall time and the runs once all are over. Nothing starts before `start`; `cancel`
 * stops the runs in progress and starts no more; leaving the page stops every run of the pool. Returns
 * the runs as they stand and the pool's progress, for the widget to draw.
 */
export function useRunPool(
  runs: readonly PoolRun[],
  onDone?: (durationMs: number, runs: PoolRuns) => void,
): RunPool {
  const [phase, setPhase] = useState<PoolPhase>('idle');
  const [durationMs, setDurationMs] = useState<number | null>(null);
  const startedAt = useRef(0);
  // Runs started (and workers ended) in this pass, so that each is done once: starting a run changes
  // the store at once, which re-enters `advance`.
  const startsSent = useRef(new Set<string>());
  const released = useRef(new Set<string>());
  const workers = poolWorkers(typeof navigator === 'undefined' ? undefined : navigator.hardwareConcurrency);
  const latestDone = useRef(onDone);
  latestDone.current = onDone;
  const slots = useMemo(() => runs.map((run) => run.slot), [runs]);
  const runList = useRuns(slots);
  const bySlot = useMemo<PoolRuns>(
    () => Object.fromEntries(runList.map((run) => [run.slot, run])),
    [runList],
  );
  useStopOnUnmount(slots);

  useEffect(() => {
    if (phase !== 'running') return;
    let finished = false;
    const order = runs.map((run) => run.slot);
    const advance = () => {
      if (finished) return;
      const { runs: current, startRun, releaseRun } = useStore.getState();
      // A run that has ended keeps its results in the store; its worker is no longer needed.
      for (const slot of order) {
        const runPhase = current[slot]?.phase;
        if (runPhase && runPhase !== 'starting' && runPhase !== 'running' && runPhase !== 'paused') {
          if (released.current.has(slot)) continue;
          released.current.add(slot);
          releaseRun(slot);
        }
      }
      const { done, total } = poolProgress(order, current);
      if (done === total) {
        finished = true;
        const duration = performance.now() - startedAt.current;
        setPhase('done');
        setDurationMs(duration);
        latestDone.current?.(duration, current);
        return;
      }
      for (const slot of poolStarts(order, current, workers)) {
        if (startsSent.current.has(slot)) continue;
        startsSent.current.add(slot);
        const run = runs.find((one) => one.slot === slot)!;
        startRun(slot, run.config, run.options);
      }
    };
    const unsubscribe = useStore.subscribe(advance);
    advance();
    return () => {
      finished = true;
      unsubscribe();
    };
  }, [phase, runs, workers]);

  const start = () => {
    const { clearRun } = useStore.getState();
    for (const run of runs) clearRun(run.slot);
    startsSent.current.clear();
    released.current.clear();
    startedAt.current = performance.now();
    setDurationMs(null);
    setPhase('running');
  };
  const cancel = () => {
    setPhase('cancelled');
    const { runs: current, stopRun } = useStore.getState();
    for (const busy of poolProgress(slots, current).busy) stopRun(busy.slot);
  };
  return {
    phase,
    durationMs,
    workers,
    runList,
    runs: bySlot,
    progress: poolProgress(slots, bySlot),
    start,
    cancel,
  };
}
