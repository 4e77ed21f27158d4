import { useLayoutEffect, useRef } from 'react';
import { type DeckCommand, keyCommand, keyTargetOf, type PresenterRole } from './deck';

/**
 * Listens for presenter keys on the whole window. Keys a widget has already handled, and keys typed
 * into a field or slider inside a slide, are left alone (see {@link keyCommand}). The listener is
 * attached before the slide is painted, so a key pressed the moment the slide appears is not lost.
 */
export function usePresenterKeys(role: PresenterRole, onCommand: (command: DeckCommand) => void): void {
  const handler = useRef(onCommand);
  handler.current = onCommand;
  useLayoutEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const command = keyCommand(event, keyTargetOf(event.target), role);
      if (!command) return;
      event.preventDefault();
      handler.current(command);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [role]);
}
