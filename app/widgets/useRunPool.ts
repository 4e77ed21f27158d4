import { useEffect, useRef, useState } from 'react';
import { useStore } from '../store';
import { type PoolRun, type PoolRuns, poolProgress, poolStarts, poolWorkers } from './runPool';

export type PoolPhase = 'idle' | 'running' | 'cancelled' | 'done';

/**
 * Trains `runs` in their order over a pool of workers sized from the machine's cores: each run starts
 * as soon as a worker is free, and a run that has ended gives its worker back at once. `onDone` gets
 * the wall time and the runs once all are over. Nothing starts before `start`; `cancel` stops the runs
 * in progress and starts no more.
 */
export function useRunPool(
  runs: readonly PoolRun[],
  onDone: (durationMs: number, runs: PoolRuns) => void,
): { phase: PoolPhase; durationMs: number | null; workers: number; start: () => void; cancel: () => void } {
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
        latestDone.current(duration, current);
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
    for (const busy of poolProgress(
      runs.map((run) => run.slot),
      current,
    ).busy)
      stopRun(busy.slot);
  };
  return { phase, durationMs, workers, start, cancel };
}
