import { create } from 'zustand';
import { createSettingsSlice, type SettingsSlice } from './settingsSlice';

/** The one app store, combined from typed slices (zustand's slices pattern). */
export type Store = SettingsSlice;

export const useStore = create<Store>()((...args) => ({
  ...createSettingsSlice(...args),
}));
