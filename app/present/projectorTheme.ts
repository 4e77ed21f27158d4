/**
 * The projector theme: near-black on white, or white on near-black, whatever the site's own theme.
 * Remembered in the browser (with a schema version, like every saved setting) and shared by the
 * audience window and the speaker view through the storage event.
 */
import { useCallback, useEffect, useState } from 'react';
import { load, save, type VersionedFormat } from '../store/storage';

export type ProjectorTheme = 'light' | 'dark';

export const projectorThemeFormat: VersionedFormat<{ readonly theme: ProjectorTheme }> = {
  key: 'unroll.presenter',
  version: 1,
  fallback: { theme: 'light' },
  migrate: () => null,
  validate: (data) => {
    const theme = typeof data === 'object' && data !== null ? (data as { theme?: unknown }).theme : null;
    return theme === 'light' || theme === 'dark' ? { theme } : null;
  },
};

/** The remembered projector theme and a setter that saves it. */
export function useProjectorTheme(): [ProjectorTheme, (theme: ProjectorTheme) => void] {
  const [theme, setThemeState] = useState<ProjectorTheme>(() => load(projectorThemeFormat).value.theme);
  useEffect(() => {
    const onStorage = (event: StorageEvent) => {
      if (event.key === projectorThemeFormat.key) setThemeState(load(projectorThemeFormat).value.theme);
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);
  const setTheme = useCallback((next: ProjectorTheme) => {
    setThemeState(next);
    // A browser that refuses to save still switches; the choice lasts until the tab closes.
    save(projectorThemeFormat, { theme: next });
  }, []);
  return [theme, setTheme];
}
