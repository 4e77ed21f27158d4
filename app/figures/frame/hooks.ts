import { type RefObject, useEffect, useState, useSyncExternalStore } from 'react';
import { useFigureScale } from './figureScale';

/** The width of an element in CSS pixels, following resizes (phone rotation, projector). */
export function useElementWidth(ref: RefObject<HTMLElement | null>, initial = 640): number {
  const [width, setWidth] = useState(initial);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setWidth(Math.max(200, Math.floor(element.getBoundingClientRect().width)));
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

/** Whether a media query matches now, following changes; false where there is no matchMedia (tests, SSR). */
function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      if (typeof matchMedia !== 'function') return () => {};
      const list = matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    () => (typeof matchMedia === 'function' ? matchMedia(query).matches : false),
    () => false,
  );
}

const reducedMotionQuery = '(prefers-reduced-motion: reduce)';

/** True when the person asked their system for less motion: figures then jump instead of animating. */
export function usePrefersReducedMotion(): boolean {
  return useMediaQuery(reducedMotionQuery);
}

/** The same question asked once, now: for an effect that must not re-render its component to know. */
export function prefersReducedMotionNow(): boolean {
  return typeof matchMedia === 'function' && matchMedia(reducedMotionQuery).matches;
}

/**
 * The font size (px) of chart labels: global.css raises it from 12 to 15 on a projector-wide screen,
 * presenter mode to what its slide provides, and margins must leave room for the larger text.
 */
export function useChartFontSize(): number {
  const wide = useMediaQuery('(min-width: 1800px)');
  return useFigureScale()?.fontSize ?? (wide ? 15 : 12);
}
