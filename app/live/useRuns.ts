import { startTransition, useEffect, useState } from 'react';
import { useStore } from '../store';
import type { RunState } from '../store/runsSlice';

/** Figures redraw at most this often while runs stream: smooth to the eye, light on the main thread. */
const REDRAW_INTERVAL_MS = 125;

function pick(slots: readonly string[]): RunState[] {
  const runs = useStore.getState().runs;
  return slots.map((slot) => runs[slot]).filter((run): run is RunState => run !== undefined);
}

function same(a: readonly RunState[], b: readonly RunState[]): boolean {
  return a.length === b.length && a.every((run, index) => run === b[index]);
}

/**
 * The runs in these slots (missing ones are skipped). Snapshots arrive up to 30 times a second per
 * run; components using this hook re-render at most every 125 ms, with the newest state.
 */
export function useRuns(slots: readonly string[]): RunState[] {
  const key = slots.join('\n');
  const [runs, setRuns] = useState(() => pick(slots));
  useEffect(() => {
    const list = key === '' ? [] : key.split('\n');
    let latest = pick(list);
    let shownAt = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    setRuns(latest);
    // A transition: React renders the figures in slices and lets the browser paint in between, so a
    // redraw of many figures never blocks the page for long.
    const show = () => {
      timer = null;
      shownAt = Date.now();
      startTransition(() => setRuns(latest));
    };
    const unsubscribe = useStore.subscribe(() => {
      const next = pick(list);
      if (same(next, latest)) return;
      latest = next;
      const wait = REDRAW_INTERVAL_MS - (Date.now() - shownAt);
      if (wait <= 0) show();
      else timer ??= setTimeout(show, wait);
    });
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    };
  }, [key]);
  return runs;
}
