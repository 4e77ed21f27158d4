import { create } from 'zustand';
import { createRunsSlice, type RunsSlice } from './runsSlice';
import { createSettingsSlice, type SettingsSlice } from './settingsSlice';

/** The one app store, combined from typed slices (zustand's slices pattern). */
export type Store = SettingsSlice & RunsSlice;

export const useStore = create<Store>()((...args) => ({
  ...createSettingsSlice(...args),
  ...createRunsSlice(...args),
}));
