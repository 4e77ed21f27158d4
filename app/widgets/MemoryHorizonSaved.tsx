import { useCallback, useEffect, useState } from 'react';
import type { HorizonPlan } from './horizonSetup';
import { formatDuration } from './liveRuns';
import {
  loadSavedHorizon,
  measuredLabel,
  type SavedHorizon,
  type SavedRead,
  storeSavedHorizon,
} from './memoryHorizonSaved';

export interface SavedHorizonState {
  /** The last stored result, once read (null while reading, or when there is none). */
  readonly saved: SavedHorizon | null;
  /** A quiet sentence about the store: an unreadable value ignored, or a result that could not be kept. */
  readonly note: string | null;
  /** Keeps a finished sweep's result in place of the last one. */
  readonly save: (saved: SavedHorizon) => void;
}

const UNREADABLE =
  'A result stored earlier in this browser could not be read, so it is not shown; the next run replaces it.';
const NOT_KEPT = 'This result could not be stored in this browser, so it will not be here after a reload.';

/** The sweep's stored result under `key`: read once on mount, replaced by `save`. */
export function useSavedHorizon(key: string): SavedHorizonState {
  const [read, setRead] = useState<SavedRead | null>(null);
  const [note, setNote] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setRead(null);
    setNote(null);
    void loadSavedHorizon(key).then((result) => {
      if (!live) return;
      setRead(result);
      if (result.kind === 'unreadable') setNote(UNREADABLE);
    });
    return () => {
      live = false;
    };
  }, [key]);
  const save = useCallback(
    (saved: SavedHorizon) => {
      setRead({ kind: 'saved', saved });
      setNote(null);
      void storeSavedHorizon(key, saved).then((kept) => {
        if (!kept) setNote(NOT_KEPT);
      });
    },
    [key],
  );
  return { saved: read?.kind === 'saved' ? read.saved : null, note, save };
}

/** What the chart shows when it shows a stored result: when, with which seed, and with which settings. */
export function SavedHorizonLabel({ saved }: { saved: SavedHorizon }) {
  const plan: HorizonPlan = saved.plan;
  return (
    <p className="widget-status" data-testid="horizon-saved">
      Last result, {measuredLabel(saved)}: {plan.hiddenSize} hidden units, lags {plan.lags.join(', ')}, up to{' '}
      {plan.maxSteps} steps per run, LSTM forget-gate bias {plan.lstmForgetBias}
      {saved.durationMs !== null ? `; the sweep took ${formatDuration(saved.durationMs)}` : ''}.
    </p>
  );
}
