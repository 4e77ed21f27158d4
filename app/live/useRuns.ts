import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../store';
import type { RunState } from '../store/runsSlice';

/** The runs in these slots (missing ones are skipped), re-rendering only when one of them changes. */
export function useRuns(slots: readonly string[]): RunState[] {
  return useStore(
    useShallow((state) =>
      slots.map((slot) => state.runs[slot]).filter((run): run is RunState => run !== undefined),
    ),
  );
}
