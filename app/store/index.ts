import { create } from 'zustand';
import { createProgressSlice, type ProgressSlice } from './progressSlice';
import { createRunsSlice, type RunsSlice } from './runsSlice';
import { createSettingsSlice, type SettingsSlice } from './settingsSlice';

/** The one app store, combined from typed slices (zustand's slices pattern). */
export type Store = SettingsSlice & RunsSlice & ProgressSlice;

export const useStore = create<Store>()((...args) => ({
  ...createSettingsSlice(...args),
  ...createRunsSlice(...args),
  ...createProgressSlice(...args),
}));
