import { startTransition, useCallback, useEffect, useLayoutEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { whenIdle } from '../shared/whenIdle';

/**
 * How many of `total` items to draw: `first` at once, then `slice` more in each idle moment (inside a
 * transition), so that a long list of costly items (formulas, figures) never blocks the page in one long
 * task on a phone. Everything is drawn at once before printing, since a printout needs all of it, and
 * when `revealAll` is called (a jump to an item not drawn yet); it draws everything before it returns.
 */
export function useProgressiveReveal(
  total: number,
  first: number,
  slice: number,
): { readonly shown: number; readonly revealAll: () => void } {
  const [shown, setShown] = useState(first);
  const done = shown >= total;

  // biome-ignore lint/correctness/useExhaustiveDependencies: each slice drawn schedules the next one.
  useEffect(() => {
    if (done) return;
    return whenIdle(() => startTransition(() => setShown((count) => count + slice)), 500);
  }, [done, shown, slice]);

  const revealAll = useCallback(() => flushSync(() => setShown(Number.POSITIVE_INFINITY)), []);

  // beforeprint lets the page change before it is laid out for paper or a PDF.
  useLayoutEffect(() => {
    window.addEventListener('beforeprint', revealAll);
    return () => window.removeEventListener('beforeprint', revealAll);
  }, [revealAll]);

  return { shown: Math.min(shown, total), revealAll };
}

/** `useProgressiveReveal`'s count alone, for lists nothing jumps into. */
export function useProgressiveCount(total: number, first: number, slice: number): number {
  return useProgressiveReveal(total, first, slice).shown;
}
