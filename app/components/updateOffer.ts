import { useSyncExternalStore } from 'react';

/**
 * Whether a newer version of the site is installed and waiting, and how to switch to it. app/main.tsx
 * feeds this from the service worker; the prompt reads it. Kept apart from the service worker module so
 * that the prompt can be drawn (and tested) without one.
 */
type Apply = () => void;

let waiting: Apply | null = null;
const listeners = new Set<() => void>();

function publish(next: Apply | null) {
  waiting = next;
  for (const listener of listeners) listener();
}

/** Called when a new version is waiting: `apply` activates it and reloads the page. */
export function offerUpdate(apply: Apply): void {
  publish(apply);
}

/** The reader said "not now": the new version keeps waiting until every tab of the site is closed. */
export function declineUpdate(): void {
  publish(null);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The waiting version's switch, or null when the running version is the newest. */
export function useUpdateOffer(): Apply | null {
  return useSyncExternalStore(
    subscribe,
    () => waiting,
    () => null,
  );
}

/**
 * Asks the waiting version to take over (`ask`; the page reloads once it has), and if it still waits
 * after `patience` ms, reloads the page anyway. Chromium now and then leaves a waiting service worker
 * waiting after skipWaiting() (seen when the active one restarts at that moment) and ignores a second
 * request, so the Reload button did nothing; a new load lets it take over. Returns a cancel.
 */
export function takeOverOrReload(
  waiting: () => ServiceWorker | null | undefined,
  ask: () => void,
  reload: () => void,
  patience = 3000,
): () => void {
  ask();
  const timer = setTimeout(() => {
    if (waiting()) reload();
  }, patience);
  return () => clearTimeout(timer);
}
