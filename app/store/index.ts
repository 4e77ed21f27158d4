import { create } from 'zustand';
import { createLabSlice, type LabSlice } from './labSlice';
import { createProgressSlice, type ProgressSlice } from './progressSlice';
import { createRunsSlice, type RunsSlice } from './runsSlice';
import { createSettingsSlice, type SettingsSlice } from './settingsSlice';

/** The one app store, combined from typed slices (zustand's slices pattern). */
export type Store = SettingsSlice & RunsSlice & ProgressSlice & LabSlice;

/** A new store; the app has one (`useStore`), tests make two to play two tabs on one localStorage. */
export const createAppStore = () =>
  create<Store>()((...args) => ({
    ...createSettingsSlice(...args),
    ...createRunsSlice(...args),
    ...createProgressSlice(...args),
    ...createLabSlice(...args),
  }));

export const useStore = createAppStore();

/** Where `storage` events come from: the window, or a stand-in in tests. */
export interface StorageEventSource {
  addEventListener(type: 'storage', listener: (event: StorageEvent) => void): void;
  removeEventListener(type: 'storage', listener: (event: StorageEvent) => void): void;
}

/**
 * Keeps a store in step with other tabs of the app: the browser fires `storage` in every other tab when
 * one writes localStorage. Called once by app/main.tsx; returns the function that stops following.
 */
export function followOtherTabs(
  store: typeof useStore = useStore,
  target: StorageEventSource = window,
): () => void {
  const onStorage = (event: StorageEvent) => {
    if (event.storageArea !== null && event.storageArea !== globalThis.localStorage) return;
    store.getState().followSettings(event);
    store.getState().followProgress(event);
  };
  target.addEventListener('storage', onStorage);
  return () => target.removeEventListener('storage', onStorage);
}
