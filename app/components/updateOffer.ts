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
