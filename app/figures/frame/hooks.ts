import { type RefObject, useEffect, useState, useSyncExternalStore } from 'react';

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

const reducedMotionQuery = '(prefers-reduced-motion: reduce)';

/** True when the person asked their system for less motion: figures then jump instead of animating. */
export function usePrefersReducedMotion(): boolean {
  return useSyncExternalStore(
    (onChange) => {
      if (typeof matchMedia !== 'function') return () => {};
      const query = matchMedia(reducedMotionQuery);
      query.addEventListener('change', onChange);
      return () => query.removeEventListener('change', onChange);
    },
    () => (typeof matchMedia === 'function' ? matchMedia(reducedMotionQuery).matches : false),
    () => false,
  );
}
