import { useCallback, useEffect, useRef, useState } from 'react';
import type { TrainerConfig } from '../../engine/trainerConfig';
import type { CellKind } from '../../engine/types';
import { buildVocabulary, DEFAULT_VOCABULARY, labTrainerConfig } from '../engine';
import { BUILTIN_TEXTS } from '../engineTexts';
import { useStore } from '../store';
import type { LabProfile } from '../store/labSlice';
import type { RunState } from '../store/runsSlice';
import { labCurveData } from './LabCurves';
import { canAnswer } from './LabSamples';
import { type BuiltinId, type LabChoice, loadSourceText, sourceTextNow, type TextSource } from './labChoice';
import { LAB_FORMAT, LAB_VERSION, loadLab, modelLabel, type SavedLab, storeLab } from './labSaved';

/** How the lab starts runs: open-ended, evaluated every 50 steps (about every 8 s with the defaults). */
export const LAB_START = { maxSteps: 100_000, speed: { kind: 'max' }, checkpointEvery: 50 } as const;
/** While training, the model is saved this often (and whenever it pauses or finishes). */
const SAVE_EVERY_MS = 30_000;
/** Points of the loss curve kept in a saved model. */
const SAVED_POINTS = 2000;

const idle = new Set(['paused', 'finished', 'stopped']);

/**
 * The lab's model is one per tab: the lab page and lesson 6's lab widgets show the same run. What they
 * share about it lives here, not in a component, so that a page arriving finds what the one before it
 * left: how many hold the model now (the last to leave saves it, then ends its worker), which run
 * continues a restored model, which run the lab slice's curves and samples belong to, and the source
 * of each text trained on (to name it when the model is saved).
 */
const shared = {
  holders: 0,
  restoredRun: null as string | null,
  historyRun: null as string | null,
  /** Runs whose worker was ended: they keep their record but their model cannot answer any more. */
  released: new Set<string>(),
  restoring: false,
  sources: new Map<string, TextSource>(),
};

/** Whether a run's model is still in its worker, so a page arriving can go on with it. */
export function isLiveLabModel(run: RunState | undefined): run is RunState {
  return run !== undefined && canAnswer(run) && !shared.released.has(run.runId);
}

/** Training steps a restored model had taken before `run` continued it (0 for any other run). */
export function labStepOffset(run: RunState | undefined): number {
  return run && run.runId === shared.restoredRun ? (useStore.getState().labHistory?.stepOffset ?? 0) : 0;
}

/** The source of a text trained on: one named by a page, or a built-in text with these characters. */
function sourceOf(text: string): TextSource | undefined {
  const known = shared.sources.get(text);
  if (known) return known;
  const id = BUILTIN_TEXTS.map((entry): BuiltinId => entry.id).find(
    // A text not made yet in this tab (the toy code) cannot be the one a model here trained on.
    (one) => sourceTextNow({ kind: 'builtin', id: one }) === text,
  );
  return id === undefined ? undefined : { kind: 'builtin', id };
}

/** The choice that made a run's model, or null when its text is not one this tab knows. */
export function labChoiceOf(config: TrainerConfig): LabChoice | null {
  if (config.task.kind !== 'text') return null;
  const text = sourceOf(config.task.text);
  if (!text) return null;
  const { cell, layers, hiddenSize, seed } = config;
  return { text, cell, layers, hiddenSize, seed };
}

/**
 * A holder left: once nobody holds the model (the next page has not taken it within a moment), it is
 * paused, saved, and its worker ended, so nothing trains unseen and the next page restores it as it was.
 */
function leave(slot: string, save: () => Promise<void>): void {
  setTimeout(() => {
    if (shared.holders > 0) return;
    const state = useStore.getState();
    const run = state.runs[slot];
    if (!run || shared.released.has(run.runId)) return;
    if (run.phase === 'running' || run.phase === 'starting') state.pauseRun(slot);
    void save().finally(() => {
      if (shared.holders > 0) return;
      const now = useStore.getState().runs[slot];
      if (now) shared.released.add(now.runId);
      state.stopRun(slot);
      state.releaseRun(slot);
    });
  }, 0);
}

/** Every k-th entry so that at most `limit` remain (the last one kept). */
function thinned<T>(values: readonly T[], limit: number): T[] {
  if (values.length <= limit) return [...values];
  const every = Math.ceil(values.length / limit);
  return values.filter((_, index) => index % every === 0 || index === values.length - 1);
}

/**
 * Keeps the lab's model: restores the saved one when the page opens, saves it (weights, vocabulary,
 * choice, curves, samples, profiles) while it trains and when it pauses, measures its connectivity
 * profile when it pauses or finishes, and exports and imports it as one file.
 */
export function useLabKeep(
  slot: string,
  run: RunState | undefined,
  choice: LabChoice,
  apply: (choice: LabChoice) => void,
) {
  const [status, setStatus] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const chosen = sourceTextNow(choice.text);
  if (chosen !== null) shared.sources.set(chosen, choice.text);

  const restore = useCallback(
    async (saved: SavedLab, origin: string) => {
      const text = await loadSourceText(saved.choice.text);
      const symbols = buildVocabulary(text, DEFAULT_VOCABULARY).vocabulary.symbols;
      if (
        symbols.length !== saved.vocabulary.length ||
        symbols.some((symbol, i) => symbol !== saved.vocabulary[i])
      ) {
        setProblem(
          `${origin} cannot be used: its vocabulary is not the one of its text (it was made by another version).`,
        );
        return;
      }
      const state = useStore.getState();
      try {
        await state.loadRunWeights(
          slot,
          labTrainerConfig(text, saved.choice),
          { ...LAB_START, paused: true },
          saved.weights,
        );
      } catch (error) {
        setProblem(`${origin} cannot be used: ${error instanceof Error ? error.message : String(error)}`);
        return;
      }
      shared.restoredRun = useStore.getState().runs[slot]?.runId ?? null;
      shared.historyRun = shared.restoredRun;
      shared.sources.set(text, saved.choice.text);
      apply(saved.choice);
      state.setLabHistory({ ...saved.history, stepOffset: saved.step });
      state.setLabSamples(saved.samples);
      const profiles: Partial<Record<CellKind, LabProfile>> = {};
      for (const profile of saved.profiles) profiles[profile.cell] = profile;
      state.setLabProfiles(profiles);
      setProblem(null);
      setStatus(
        `${origin} is back: trained ${saved.step.toLocaleString('en-US')} steps, saved ${new Date(saved.savedAt).toLocaleString()}. Press Resume to train it further.`,
      );
    },
    [slot, apply],
  );

  // On arrival: go on with the model a page before this one left in its worker, or else restore the
  // saved one (once: a second holder arriving while it loads waits for the same restore).
  const saveRef = useRef(async () => {});
  // biome-ignore lint/correctness/useExhaustiveDependencies: hold and restore only on arrival.
  useEffect(() => {
    shared.holders++;
    const current = useStore.getState().runs[slot];
    if (isLiveLabModel(current)) {
      const adopted = labChoiceOf(current.config);
      if (adopted) apply(adopted);
    } else if (!shared.restoring) {
      shared.restoring = true;
      void loadLab()
        .then(async (read) => {
          if (read === null) return;
          if (read.ok) await restore(read.saved, 'Your saved model');
          else setProblem(`${read.message} It was left as it is; training a new model will replace it.`);
        })
        .finally(() => {
          shared.restoring = false;
        });
    }
    return () => {
      shared.holders--;
      leave(slot, () => saveRef.current());
    };
  }, []);

  // A run that is not the restored one starts its own curves and samples (once, when it starts).
  const runId = run?.runId;
  useEffect(() => {
    if (runId === undefined || runId === shared.historyRun) return;
    shared.historyRun = runId;
    const state = useStore.getState();
    if (state.labHistory !== null) state.setLabHistory(null);
    if (state.labSamples.length > 0) state.setLabSamples([]);
  }, [runId]);

  const offset = labStepOffset(run);

  /** The record of the current model, or null when there is none. */
  const record = useCallback(async (): Promise<SavedLab | null> => {
    const state = useStore.getState();
    const current = state.runs[slot];
    if (!canAnswer(current) || !current) return null;
    const config = current.config;
    if (config.task.kind !== 'text' || !current.info?.vocabulary) return null;
    const text = sourceOf(config.task.text);
    if (!text) return null;
    const json = await state.exportRunWeights(slot);
    const history = current.runId === shared.restoredRun ? state.labHistory : null;
    const data = labCurveData(current, history);
    const step = (history?.stepOffset ?? 0) + current.stepCount;
    return {
      format: LAB_FORMAT,
      version: LAB_VERSION,
      savedAt: new Date().toISOString(),
      choice: {
        text,
        cell: config.cell,
        layers: config.layers,
        hiddenSize: config.hiddenSize,
        seed: config.seed,
      },
      step,
      weights: json,
      vocabulary: current.info.vocabulary.symbols,
      history: {
        stepOffset: step,
        steps: thinned(data.loss, SAVED_POINTS).map((point) => point.step),
        loss: thinned(data.loss, SAVED_POINTS).map((point) => point.value),
        evaluations: data.perplexity.map((point) => ({ step: point.step, perplexity: point.value })),
      },
      samples: state.labSamples,
      profiles: Object.values(state.labProfiles),
    };
  }, [slot]);

  const save = useCallback(async () => {
    try {
      const saved = await record();
      if (!saved) return;
      const refused = await storeLab(saved);
      setStatus(
        refused ??
          `Saved in this browser at ${new Date(saved.savedAt).toLocaleTimeString()} (step ${saved.step.toLocaleString('en-US')}).`,
      );
    } catch {
      // The worker went away (the page is closing, or it was replaced): the last save stands.
    }
  }, [record]);
  saveRef.current = save;

  // Saved when it pauses or finishes, and every half minute while it trains; profiled when it stops.
  const phase = run?.phase;
  // biome-ignore lint/correctness/useExhaustiveDependencies: act on phase changes of this run.
  useEffect(() => {
    if (!run || !phase) return;
    if (phase === 'running') {
      const timer = setInterval(() => void save(), SAVE_EVERY_MS);
      return () => clearInterval(timer);
    }
    if (!idle.has(phase) || run.stepCount === 0) return;
    const state = useStore.getState();
    const step = offset + run.stepCount;
    state.askRunModel(slot, { type: 'connectivityProfile', positions: 16 }).then(
      (answer) => {
        if (answer?.kind === 'connectivityProfile') {
          state.setLabProfile({
            cell: answer.cell,
            label: modelLabel(answer.cell, answer.hiddenSize, answer.layers, step),
            profile: answer.profile,
            measuredAt: new Date().toISOString(),
          });
        }
        void save();
      },
      () => void save(),
    );
  }, [phase, run?.runId]);

  return { status, problem, offset, record, restore, setProblem };
}
