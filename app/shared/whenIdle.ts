/**
 * Runs `callback` when the main thread is idle, and at the latest `timeout` ms from now; where the browser
 * has no requestIdleCallback (Safari), after `fallbackDelay` ms instead. Returns a cancel.
 */
export function whenIdle(callback: () => void, timeout: number, fallbackDelay = 16): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(() => callback(), { timeout });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(callback, fallbackDelay);
  return () => clearTimeout(id);
}
