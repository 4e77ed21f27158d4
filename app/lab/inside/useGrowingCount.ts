import { startTransition, useEffect, useLayoutEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { whenIdle } from '../../shared/whenIdle';

/**
 * How many of the `total` items of `source` to draw: `slice` at once, then `slice` more each time the
 * page is free, each in a commit of its own. A passage of 2,000 characters committed at once cost one
 * task of 300-700 ms (styling, laying out and painting 6,000 elements); in slices of a few hundred
 * each task is a fraction of that. A new `source` starts again from one slice; printing draws all.
 */
export function useGrowingCount(source: unknown, total: number, slice: number): number {
  const [state, setState] = useState({ source, shown: slice });
  const shown = state.source === source ? state.shown : slice;
  const done = shown >= total;

  useEffect(() => {
    if (done) return;
    return whenIdle(() => startTransition(() => setState({ source, shown: shown + slice })), 100);
  }, [done, shown, slice, source]);

  // beforeprint lets the page change before it is laid out for paper or a PDF.
  useLayoutEffect(() => {
    const everything = () => flushSync(() => setState({ source, shown: Number.POSITIVE_INFINITY }));
    window.addEventListener('beforeprint', everything);
    return () => window.removeEventListener('beforeprint', everything);
  }, [source]);

  return Math.min(shown, total);
}
