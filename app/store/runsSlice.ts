import type { StateCreator } from 'zustand';
import type { Divergence, Evaluation } from '../../engine/trainer';
import type { TrainerConfig } from '../../engine/trainerConfig';
import type { LabAnswer, Probe, RunInfo, RunSpeed, RunStatus, Snapshot } from '../../engine/worker/protocol';
import type { BridgeEvent, EngineBridge, LabQuestion, StartOptions } from '../engineBridge';

/**
 * Per-step history of a run, as its readers see it. The slice appends to these arrays in place and
 * thins them when they grow long (copying up to 20,000 numbers per series on every snapshot of every
 * run would cost more than drawing them), so they are the same array objects from one update to the
 * next. Readers get them read-only; anything derived from them must be keyed on the RunState (a new
 * object on every update) or its `version`, never on the arrays themselves.
 */
export interface RunHistory {
  readonly steps: readonly number[];
  readonly loss: readonly number[];
  readonly metric: readonly number[];
  readonly gradNorm: readonly number[];
  readonly clipped: readonly boolean[];
  readonly learningRate: readonly number[];
}

/** The same arrays as the slice writes them; only this file appends. */
interface GrowingHistory {
  readonly steps: number[];
  readonly loss: number[];
  readonly metric: number[];
  readonly gradNorm: number[];
  readonly clipped: boolean[];
  readonly learningRate: number[];
}

export type RunPhase = RunStatus | 'starting' | 'crashed' | 'problem';

export interface RunState {
  readonly slot: string;
  readonly runId: string;
  readonly config: TrainerConfig;
  readonly phase: RunPhase;
  readonly info: RunInfo | null;
  readonly stepCount: number;
  readonly history: RunHistory;
  /** Held-out evaluations, appended in place like the history (see RunHistory). */
  readonly evaluations: readonly Evaluation[];
  readonly probe: Probe | null;
  /** ||dL/dh_t|| of the newest batch. */
  readonly gradNormByStep: Float64Array;
  /** Rows of the gradient heatmap: ||dL/dh_t|| at every checkpoint of the run (see Snapshot.checkpoint). */
  readonly gradRows: { step: number; norms: Float64Array }[];
  readonly msPerStep: number;
  readonly paddedShare: number;
  readonly divergence: Divergence | null;
  /** A sentence for the person: a bad configuration, a crashed worker. */
  readonly problem: string | null;
  /** Bumped on every update: the key for anything derived from the history, whose arrays grow in place. */
  readonly version: number;
}

export interface RunsSlice {
  runs: Record<string, RunState>;
  /** Connects the store to the engine (app/main.tsx does this once; tests pass a fake). */
  connectEngine: (bridge: EngineBridge) => void;
  startRun: (slot: string, config: TrainerConfig, options: StartOptions) => void;
  /**
   * Starts a run (paused) from PyTorch weights as JSON text. The worker parses and checks the text, off
   * the page's thread; the promise rejects with its sentence if it refuses, and the slot's current run,
   * if any, goes on as it was. Once the worker accepts, the new run replaces it.
   */
  loadRunWeights: (
    slot: string,
    config: TrainerConfig,
    options: Omit<StartOptions, 'weights'>,
    text: string,
  ) => Promise<void>;
  pauseRun: (slot: string) => void;
  resumeRun: (slot: string) => void;
  stepRun: (slot: string, steps?: number) => void;
  stopRun: (slot: string) => void;
  setRunSpeed: (slot: string, speed: RunSpeed) => void;
  /** Forgets a slot's run (its worker stays for the next start). */
  clearRun: (slot: string) => void;
  /**
   * Ends a slot's worker but keeps what its run recorded (sweeps free their workers; pages free theirs
   * when they unmount); a run still going is marked stopped.
   */
  releaseRun: (slot: string) => void;
  exportRunWeights: (slot: string) => Promise<string>;
  /** Asks a slot's model a question (see EngineBridge.ask); null when a newer distribution replaced it. */
  askRunModel: (slot: string, question: LabQuestion) => Promise<LabAnswer | null>;
  crashRunForTesting: (slot: string) => void;
}

const MAX_HISTORY = 20_000;
const MAX_GRADIENT_ROWS = 300;

function emptyHistory(): GrowingHistory {
  return { steps: [], loss: [], metric: [], gradNorm: [], clipped: [], learningRate: [] };
}

/** Keeps every other entry of each series: long runs keep their shape at half the memory. */
function thin(history: GrowingHistory): void {
  for (const series of Object.values(history) as unknown[][]) {
    let kept = 0;
    for (let i = 0; i < series.length; i += 2) series[kept++] = series[i];
    series.length = kept;
  }
}

function appendSnapshot(run: RunState, snapshot: Snapshot): RunState {
  // Every history in the store was made by emptyHistory(), so it is the slice's own to grow.
  const history = run.history as GrowingHistory;
  const count = snapshot.loss.length;
  for (let i = 0; i < count; i++) {
    history.steps.push(snapshot.firstStep + i);
    history.loss.push(snapshot.loss[i]!);
    history.metric.push(snapshot.metric[i]!);
    history.gradNorm.push(snapshot.gradNorm[i]!);
    history.clipped.push(snapshot.clipped[i] === 1);
    history.learningRate.push(snapshot.learningRate[i]!);
  }
  if (history.steps.length > MAX_HISTORY) thin(history);
  // A new array (it is short) so that figures memoised on it redraw.
  let gradRows = run.gradRows;
  // Rows only at checkpoints (counted in steps), so a fixed-seed run replays the same rows on any machine.
  if (snapshot.checkpoint && snapshot.gradNormByStep.length > 0) {
    gradRows = [...gradRows, { step: snapshot.stepCount, norms: snapshot.gradNormByStep }];
    if (gradRows.length > MAX_GRADIENT_ROWS) gradRows = gradRows.filter((_, index) => index % 2 === 0);
  }
  const evaluations = run.evaluations as Evaluation[];
  const evaluation = snapshot.evaluation;
  if (evaluation && evaluations[evaluations.length - 1]?.step !== evaluation.step)
    evaluations.push(evaluation);
  return {
    ...run,
    phase: snapshot.status,
    stepCount: snapshot.stepCount,
    gradNormByStep: count > 0 ? snapshot.gradNormByStep : run.gradNormByStep,
    gradRows,
    probe: snapshot.probe ?? run.probe,
    msPerStep: count > 0 ? snapshot.msPerStep : run.msPerStep,
    paddedShare: count > 0 ? snapshot.paddedShare[count - 1]! : run.paddedShare,
    version: run.version + 1,
  };
}

function newRun(slot: string, runId: string, config: TrainerConfig): RunState {
  return {
    slot,
    runId,
    config,
    phase: 'starting',
    info: null,
    stepCount: 0,
    history: emptyHistory(),
    evaluations: [],
    probe: null,
    gradNormByStep: new Float64Array(0),
    gradRows: [],
    msPerStep: 0,
    paddedShare: 0,
    divergence: null,
    problem: null,
    version: 0,
  };
}

export const createRunsSlice: StateCreator<RunsSlice, [], [], RunsSlice> = (set, get) => {
  let bridge: EngineBridge | null = null;
  let unsubscribe: (() => void) | null = null;
  /** Runs from weights the worker is still checking, by run id. */
  const loading = new Map<
    string,
    { slot: string; config: TrainerConfig; resolve: () => void; reject: (error: Error) => void }
  >();
  const abandonLoading = (slot: string) => {
    for (const [runId, pending] of loading) {
      if (pending.slot !== slot) continue;
      loading.delete(runId);
      pending.reject(new Error('A new run started before the weights were read.'));
    }
  };

  /** A message or crash about a run from weights not yet accepted; true if it was one. */
  const settleLoading = (event: BridgeEvent): boolean => {
    const runId = event.kind === 'message' ? event.message.runId : event.runId;
    const pending = runId === null ? undefined : loading.get(runId);
    if (!pending || runId === null) return false;
    if (event.kind === 'message' && event.message.type === 'started') {
      loading.delete(runId);
      const run = { ...newRun(event.slot, runId, pending.config), info: event.message.info };
      set({ runs: { ...get().runs, [event.slot]: run } });
      pending.resolve();
    } else if (event.kind === 'message' && event.message.type === 'problem') {
      loading.delete(runId);
      pending.reject(new Error(event.message.message));
    } else if (event.kind !== 'message') {
      loading.delete(runId);
      pending.reject(new Error('The training worker stopped while it read the weights.'));
    }
    return true;
  };

  const update = (slot: string, change: (run: RunState) => RunState) => {
    const run = get().runs[slot];
    if (run) set({ runs: { ...get().runs, [slot]: change(run) } });
  };

  const onEvent = (event: BridgeEvent) => {
    if (settleLoading(event)) return;
    const run = get().runs[event.slot];
    if (event.kind === 'crashed') {
      if (!run || (event.runId !== null && event.runId !== run.runId)) return;
      update(event.slot, (current) => ({
        ...current,
        phase: 'crashed',
        problem: `The training worker stopped unexpectedly (${event.message}). It has been replaced: press Train to start again.`,
        version: current.version + 1,
      }));
      return;
    }
    if (event.kind === 'halted') {
      if (!run || event.runId !== run.runId) return;
      const asked = event.action === 'pause' ? 'Pause' : 'Stop';
      update(event.slot, (current) => ({
        ...current,
        phase: 'stopped',
        problem:
          `One step of this run takes longer than the page waits, so ${asked} ended its worker instead: the run ` +
          `stopped at step ${current.stepCount}, and what it recorded stays here. Press Train to start again ` +
          '(smaller batch, shorter sequences or fewer units make steps quicker).',
        version: current.version + 1,
      }));
      return;
    }
    const message = event.message;
    if (!run || message.runId !== run.runId) return;
    switch (message.type) {
      case 'started':
        update(event.slot, (current) => ({ ...current, info: message.info, version: current.version + 1 }));
        break;
      case 'snapshot':
        update(event.slot, (current) => appendSnapshot(current, message.snapshot));
        break;
      case 'diverged':
        update(event.slot, (current) => ({
          ...current,
          phase: 'diverged',
          divergence: message.divergence,
          version: current.version + 1,
        }));
        break;
      case 'problem':
        update(event.slot, (current) => ({
          ...current,
          phase: 'problem',
          problem: message.message,
          version: current.version + 1,
        }));
        break;
      case 'weights':
        break;
    }
  };

  const need = (): EngineBridge => {
    if (!bridge) throw new Error('The training engine is not connected.');
    return bridge;
  };

  return {
    runs: {},
    connectEngine: (next) => {
      unsubscribe?.();
      bridge = next;
      unsubscribe = next.subscribe(onEvent);
    },
    startRun: (slot, config, options) => {
      abandonLoading(slot);
      const runId = need().start(slot, config, options);
      set({ runs: { ...get().runs, [slot]: newRun(slot, runId, config) } });
    },
    loadRunWeights: (slot, config, options, text) =>
      new Promise<void>((resolve, reject) => {
        abandonLoading(slot);
        const runId = need().start(slot, config, { ...options, weights: text });
        loading.set(runId, { slot, config, resolve, reject });
      }),
    // Commands to a run that cannot exist (no engine connected) have nothing to act on.
    pauseRun: (slot) => bridge?.pause(slot),
    resumeRun: (slot) => bridge?.resume(slot),
    stepRun: (slot, steps = 1) => bridge?.step(slot, steps),
    stopRun: (slot) => bridge?.stop(slot),
    setRunSpeed: (slot, speed) => bridge?.setSpeed(slot, speed),
    clearRun: (slot) => {
      bridge?.stop(slot);
      const { [slot]: _removed, ...rest } = get().runs;
      set({ runs: rest });
    },
    releaseRun: (slot) => {
      bridge?.release(slot);
      // The worker is gone: a run it was still training ends here, with what it recorded.
      const phase = get().runs[slot]?.phase;
      if (phase === 'starting' || phase === 'running' || phase === 'paused') {
        update(slot, (run) => ({ ...run, phase: 'stopped', version: run.version + 1 }));
      }
    },
    exportRunWeights: (slot) => need().exportWeights(slot),
    askRunModel: (slot, question) => {
      try {
        return need().ask(slot, question);
      } catch (error) {
        return Promise.reject(error);
      }
    },
    crashRunForTesting: (slot) => need().crashForTesting(slot),
  };
};
