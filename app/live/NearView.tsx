import { type ReactNode, type RefObject, useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';

/** How far beyond the window a figure counts as near: half a screen, so it is current before it shows. */
const NEAR_MARGIN = '50% 0px';

/**
 * Whether an element is on screen or within half a screen of it, following scrolling and resizes.
 * True until the browser has said otherwise, and always true where there is no IntersectionObserver.
 * True as well while the page prints: paper shows every figure as it is now, not as it was last seen.
 */
export function useNearViewport(ref: RefObject<Element | null>): boolean {
  const [near, setNear] = useState(true);
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    // Printing lays the page out as soon as the event returns: render before that, not in a later task.
    const start = () => flushSync(() => setPrinting(true));
    const end = () => setPrinting(false);
    window.addEventListener('beforeprint', start);
    window.addEventListener('afterprint', end);
    return () => {
      window.removeEventListener('beforeprint', start);
      window.removeEventListener('afterprint', end);
    };
  }, []);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        const latest = entries[entries.length - 1];
        if (latest) setNear(latest.isIntersecting);
      },
      { rootMargin: NEAR_MARGIN },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return near || printing;
}

/**
 * Shows a live figure, but lets it keep its last drawing while it is scrolled far out of view: a page
 * of live figures then costs the main thread only what a person can see, and a figure catches up with
 * the newest data as it comes within half a screen. Its own state (a toggle, a picked unit) still
 * redraws it at once. (Letting far figures catch up in turns, one every 250 ms, cost 5 frames a second
 * in `npm run bench:ui`: every such redraw repaints the page's whole layer.)
 */
export function WhileNearView({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const near = useNearViewport(ref);
  // The same element object as last time makes React skip the subtree: that is the freeze.
  // biome-ignore lint/correctness/useExhaustiveDependencies: children count only while near.
  const shown = useMemo(() => children, [near, near ? children : null]);
  return (
    <div ref={ref} className="live-figure">
      {shown}
    </div>
  );
}
