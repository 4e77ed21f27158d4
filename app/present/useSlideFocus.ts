import { type RefObject, useLayoutEffect } from 'react';

/**
 * Keeps the keyboard somewhere sensible as slides change: when the focused element has gone with the
 * old slide (or nothing has focus), the new slide's region takes it, so screen readers start reading
 * there and the next key press still reaches the page. Focus on a button of the presenter bar stays.
 * Done before paint, so the slide is never shown without the keyboard on it.
 */
export function useSlideFocus(region: RefObject<HTMLElement | null>, index: number): void {
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs for each slide shown.
  useLayoutEffect(() => {
    const active = document.activeElement;
    const lost = !active || active === document.body || !active.isConnected || active.id === 'main';
    if (lost) region.current?.focus({ preventScroll: true });
  }, [index, region]);
}
