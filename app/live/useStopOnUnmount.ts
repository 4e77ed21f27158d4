import { useEffect, useRef } from 'react';
import { useStore } from '../store';

/**
 * When the component leaves the page, stops the runs of every slot it ever showed and ends their
 * workers, so that nothing trains unseen and no worker outlives its page. What the runs recorded stays
 * in the store (a run cut short reads "stopped"), so a page visited again shows it.
 */
export function useStopOnUnmount(slots: readonly string[]): void {
  const seen = useRef(new Set<string>());
  const key = slots.join('\n');
  useEffect(() => {
    if (key !== '') for (const slot of key.split('\n')) seen.current.add(slot);
  }, [key]);
  useEffect(
    () => () => {
      // The store's actions at the time of leaving (the speaker view swaps in remote ones).
      const { stopRun, releaseRun } = useStore.getState();
      for (const slot of seen.current) {
        stopRun(slot);
        releaseRun(slot);
      }
    },
    [],
  );
}
