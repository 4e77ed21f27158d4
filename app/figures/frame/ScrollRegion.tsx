import { type ReactNode, useEffect, useRef } from 'react';
import './basicFigures.css';

export interface ScrollRegionProps {
  /** Accessible name of the region, e.g. "Unrolled network, scrolls sideways". */
  readonly label: string;
  /** x (in the content's pixels) to bring to the middle of the view when it changes, e.g. the current step. */
  readonly focusX?: number;
  readonly children: ReactNode;
}

/**
 * A graphic wider than its column, in a region that scrolls sideways (reachable by keyboard, as a
 * scrollable region must be), keeping `focusX` in view. Smooth scrolling comes from CSS, which the
 * reduced-motion rule in global.css turns off.
 */
export function ScrollRegion({ label, focusX, children }: ScrollRegionProps) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element || focusX === undefined) return;
    const target = focusX - element.clientWidth / 2;
    const left = Math.max(0, Math.min(target, element.scrollWidth - element.clientWidth));
    if (Math.abs(element.scrollLeft - left) > 1) element.scrollLeft = left;
  }, [focusX]);
  return (
    <>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
      <section ref={ref} className="figure-scroll" tabIndex={0} aria-label={label}>
        {children}
      </section>
      <p className="figure-scroll-hint">Scroll sideways to see every step.</p>
    </>
  );
}
