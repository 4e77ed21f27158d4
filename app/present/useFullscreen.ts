import { useCallback, useSyncExternalStore } from 'react';

function subscribe(onChange: () => void): () => void {
  document.addEventListener('fullscreenchange', onChange);
  return () => document.removeEventListener('fullscreenchange', onChange);
}

const isFullscreen = () => typeof document !== 'undefined' && document.fullscreenElement !== null;

/**
 * Whether the page fills the screen, and a toggle through the Fullscreen API. A browser that refuses
 * (no permission, an embedded frame, no API) leaves the page as it is, without an error.
 */
export function useFullscreen(): {
  readonly active: boolean;
  readonly toggle: () => void;
  readonly supported: boolean;
} {
  const active = useSyncExternalStore(subscribe, isFullscreen, () => false);
  const supported =
    typeof document !== 'undefined' && typeof document.documentElement.requestFullscreen === 'function';
  const toggle = useCallback(() => {
    try {
      const request = document.fullscreenElement
        ? document.exitFullscreen()
        : document.documentElement.requestFullscreen();
      request?.catch(() => {});
    } catch {
      // No Fullscreen API here: the button stays a no-op.
    }
  }, []);
  return { active, toggle, supported };
}
