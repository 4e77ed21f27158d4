import { useEffect } from 'react';
import { useStore } from '../store';
import type { ThemeChoice } from '../store/settingsSlice';

const labels: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' };
const order: readonly ThemeChoice[] = ['system', 'light', 'dark'];

/** Applies the chosen theme to <html data-theme>; "system" leaves it to prefers-color-scheme. */
export function useThemeOnDocument(): void {
  const theme = useStore((state) => state.settings.theme);
  useEffect(() => {
    const root = document.documentElement;
    if (theme === 'system') root.removeAttribute('data-theme');
    else root.setAttribute('data-theme', theme);
  }, [theme]);
}

/** A small select-like group of three buttons; the choice is remembered. */
export function ThemeToggle() {
  const theme = useStore((state) => state.settings.theme);
  const setTheme = useStore((state) => state.setTheme);
  return (
    <fieldset className="theme-toggle">
      <legend className="visually-hidden">Colour theme</legend>
      {order.map((choice) => (
        <button
          key={choice}
          type="button"
          aria-pressed={theme === choice}
          onClick={() => setTheme(choice)}
          title={`${labels[choice]} theme`}
        >
          {labels[choice]}
        </button>
      ))}
    </fieldset>
  );
}
