import type { StateCreator } from 'zustand';
import type { CellKind } from '../../engine/types';

/**
 * The language lab's own state beside its run (the run itself is in the runs slice): the samples
 * timeline, the latest connectivity profile of each cell kind (so RNN, LSTM and GRU can be compared),
 * and the history of a model restored from storage, which its new run continues.
 */

/** One sample of the timeline, labelled by the training step of the model that wrote it. */
export interface LabSample {
  readonly id: number;
  readonly step: number;
  readonly temperature: number;
  readonly prime: string;
  readonly text: string;
}

/** A connectivity profile: mean influence by distance (peak 1) of one model, and what it was. */
export interface LabProfile {
  readonly cell: CellKind;
  /** "LSTM, 128 units, step 3,000" */
  readonly label: string;
  readonly profile: Float64Array;
  /** When it was measured (ISO time). */
  readonly measuredAt: string;
}

/** What a model restored from storage had recorded before this page's run continued it. */
export interface LabHistory {
  /** Training steps the restored model had already taken: the new run's step 1 is this + 1. */
  readonly stepOffset: number;
  readonly steps: readonly number[];
  readonly loss: readonly number[];
  readonly evaluations: readonly { readonly step: number; readonly perplexity: number }[];
}

/** The most samples the timeline keeps (the oldest go first). */
export const MAX_SAMPLES = 40;

export interface LabSlice {
  labSamples: readonly LabSample[];
  labProfiles: Readonly<Partial<Record<CellKind, LabProfile>>>;
  labHistory: LabHistory | null;
  addLabSample: (sample: Omit<LabSample, 'id'>) => void;
  setLabSamples: (samples: readonly LabSample[]) => void;
  setLabProfile: (profile: LabProfile) => void;
  setLabProfiles: (profiles: Readonly<Partial<Record<CellKind, LabProfile>>>) => void;
  setLabHistory: (history: LabHistory | null) => void;
}

export const createLabSlice: StateCreator<LabSlice, [], [], LabSlice> = (set, get) => {
  let nextId = 1;
  return {
    labSamples: [],
    labProfiles: {},
    labHistory: null,
    addLabSample: (sample) =>
      set({ labSamples: [{ ...sample, id: nextId++ }, ...get().labSamples].slice(0, MAX_SAMPLES) }),
    setLabSamples: (samples) => {
      nextId = Math.max(nextId, ...samples.map((sample) => sample.id + 1));
      set({ labSamples: samples.slice(0, MAX_SAMPLES) });
    },
    setLabProfile: (profile) => set({ labProfiles: { ...get().labProfiles, [profile.cell]: profile } }),
    setLabProfiles: (profiles) => set({ labProfiles: profiles }),
    setLabHistory: (history) => set({ labHistory: history }),
  };
};
