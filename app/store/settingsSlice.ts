import type { StateCreator } from 'zustand';
import { load, parseSaved, save, type VersionedFormat } from './storage';

export type ThemeChoice = 'system' | 'light' | 'dark';

export interface Settings {
  readonly theme: ThemeChoice;
}

export const settingsFormat: VersionedFormat<Settings> = {
  key: 'unroll.settings',
  version: 1,
  fallback: { theme: 'system' },
  migrate: () => null,
  validate: (data) => {
    if (typeof data !== 'object' || data === null) return null;
    const theme = (data as { theme?: unknown }).theme;
    return theme === 'system' || theme === 'light' || theme === 'dark' ? { theme } : null;
  },
};

export interface SettingsSlice {
  settings: Settings;
  /** A sentence to show when saved settings were unusable or could not be written; null when all is well. */
  storageNotice: string | null;
  /** Reads saved settings; called once by app/main.tsx so that importing the store has no side effect. */
  hydrateSettings: () => void;
  /** Follows another tab's theme choice (the `storage` event). */
  followSettings: (event: Pick<StorageEvent, 'key' | 'newValue'>) => void;
  setTheme: (theme: ThemeChoice) => void;
  dismissStorageNotice: () => void;
}

export const createSettingsSlice: StateCreator<SettingsSlice, [], [], SettingsSlice> = (set, get) => {
  return {
    settings: settingsFormat.fallback,
    storageNotice: null,
    hydrateSettings: () => {
      const saved = load(settingsFormat);
      if (saved.status === 'damaged') {
        // Only the theme is saved here, so the default replaces it at once and the note is said once.
        save(settingsFormat, settingsFormat.fallback);
        set({
          settings: saved.value,
          storageNotice:
            'The saved theme choice could not be read, so Unroll follows the system theme again.',
        });
      } else {
        // A newer version's settings are read as far as they can be and left as they are, quietly.
        set({ settings: saved.value, storageNotice: saved.status === 'newer' ? null : saved.notice });
      }
    },
    followSettings: (event) => {
      if (event.key !== settingsFormat.key) return;
      const saved = parseSaved(settingsFormat, event.newValue);
      if (saved.status === 'ok' || saved.status === 'newer') set({ settings: saved.value });
    },
    setTheme: (theme) => {
      const settings = { ...get().settings, theme };
      const notice = save(settingsFormat, settings);
      set({ settings, storageNotice: notice ?? get().storageNotice });
    },
    dismissStorageNotice: () => set({ storageNotice: null }),
  };
};
