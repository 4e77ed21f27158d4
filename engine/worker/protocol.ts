/**
 * The messages between the page and a training worker. Both sides import these types (`import type`),
 * so a message the other side does not understand is a type error. Every run has an id; messages of a
 * run that is no longer current are dropped by the receiver.
 */
import type { Connectivity } from '../lab/connectivity.ts';
import type { PostedTrace } from '../lab/trace.ts';
import type { VocabularyReport } from '../text/vocabulary.ts';
import type { Divergence, Evaluation } from '../trainer.ts';
import type { TrainerConfig } from '../trainerConfig.ts';
import type { CellKind } from '../types.ts';

export type RunId = string;

/** How fast a run goes: as fast as the machine allows, or a fixed number of steps per second (for demos). */
export type RunSpeed = { readonly kind: 'max' } | { readonly kind: 'paced'; readonly stepsPerSecond: number };

export type ToWorker =
  | {
      readonly type: 'start';
      readonly runId: RunId;
      readonly config: TrainerConfig;
      /** Stop by itself after this many steps (the run then reports 'finished'). */
      readonly maxSteps: number;
      readonly speed: RunSpeed;
      /** Start paused (for a class demo that the teacher steps through). */
      readonly paused?: boolean;
      /** PyTorch-layout weights to start from instead of the initialisation (JSON text, validated). */
      readonly weights?: string;
      /**
       * Finish at the first checkpoint whose held-out metric meets this (≥ for accuracy, ≤ for MSE), so a
       * sweep stops a run that has nothing left to show at the same step on every machine.
       */
      readonly target?: number;
      /** Steps between checkpoints (held-out evaluations); default {@link checkpointEvery} of maxSteps. */
      readonly checkpointEvery?: number;
    }
  | LabRequest
  | { readonly type: 'pause'; readonly runId: RunId }
  | { readonly type: 'resume'; readonly runId: RunId }
  /** Trains exactly `steps` steps, then pauses (single-stepping). */
  | { readonly type: 'step'; readonly runId: RunId; readonly steps: number }
  | { readonly type: 'speed'; readonly runId: RunId; readonly speed: RunSpeed }
  | { readonly type: 'stop'; readonly runId: RunId }
  | { readonly type: 'exportWeights'; readonly runId: RunId; readonly requestId: number }
  /** Probes from now on look at this recurrent layer (0 = bottom; default the top one); one is sent at once. */
  | { readonly type: 'probeLayer'; readonly runId: RunId; readonly layer: number }
  /** Makes the worker throw, so that tests can check the page survives a crashed worker. */
  | { readonly type: 'crash' };

/**
 * Questions about the current run's model (a language model: the text task), answered between training
 * slices, while paused and after the run ended, with an 'answer' message of the same requestId.
 */
export type LabRequest =
  /** `length` symbols sampled after `prime` at `temperature`, from a generator seeded by `seed`. */
  | {
      readonly type: 'sample';
      readonly runId: RunId;
      readonly requestId: number;
      readonly prime: string;
      readonly temperature: number;
      readonly length: number;
      readonly seed: number;
    }
  /** The `top` most likely next symbols after `prefix`, with their probabilities. */
  | {
      readonly type: 'distribution';
      readonly runId: RunId;
      readonly requestId: number;
      readonly prefix: string;
      readonly top: number;
    }
  /** Every layer's states and gates over `passage` (engine/lab/trace.ts), answered in float32. */
  | { readonly type: 'trace'; readonly runId: RunId; readonly requestId: number; readonly passage: string }
  /** The influence of each character of `passage` up to `position` on the prediction made after it. */
  | {
      readonly type: 'connectivity';
      readonly runId: RunId;
      readonly requestId: number;
      readonly passage: string;
      readonly position: number;
    }
  /** Mean influence by distance over `positions` predictions of a held-out passage, peak 1. */
  | {
      readonly type: 'connectivityProfile';
      readonly runId: RunId;
      readonly requestId: number;
      readonly positions: number;
    };

/** What a {@link LabRequest} gets back; `step` is the training step of the model that answered. */
export type LabAnswer =
  /** `text` is what was sampled after the prime (the prime itself is not repeated). */
  | { readonly kind: 'sample'; readonly step: number; readonly text: string }
  | {
      readonly kind: 'distribution';
      readonly step: number;
      readonly prefix: string;
      /** Most likely first. */
      readonly symbols: readonly string[];
      readonly probabilities: Float64Array;
    }
  /** `passage` as the model read it (characters outside the vocabulary shown as its "other" symbol). */
  | { readonly kind: 'trace'; readonly step: number; readonly passage: string; readonly trace: PostedTrace }
  | {
      readonly kind: 'connectivity';
      readonly step: number;
      readonly passage: string;
      readonly connectivity: Connectivity;
    }
  | {
      readonly kind: 'connectivityProfile';
      readonly step: number;
      readonly cell: CellKind;
      readonly hiddenSize: number;
      readonly layers: number;
      /** Predictions averaged over. */
      readonly positions: number;
      /** [D]: profile[d] is the mean influence of the character d places back (0: the one just read). */
      readonly profile: Float64Array;
    }
  /** The request could not be answered (bad input, not a language model); the sentence says why. */
  | { readonly kind: 'refused'; readonly message: string };

export type RunStatus = 'running' | 'paused' | 'finished' | 'stopped' | 'diverged';

/** What the page needs to know about a run once, when it starts. */
export interface RunInfo {
  readonly cell: CellKind;
  /** Stacked recurrent layers, 1..3. */
  readonly layers: number;
  readonly taskTitle: string;
  readonly metricName: Evaluation['metricName'];
  readonly inputSize: number;
  readonly outputSize: number;
  readonly parameterCount: number;
  /** What a trivial predictor scores on the headline metric, for a reference line. */
  readonly baseline: { readonly value: number; readonly description: string };
  /** Where the dense products run: WebAssembly SIMD, or JavaScript where the module cannot load. */
  readonly kernels: 'wasm' | 'js';
  /**
   * The engine's estimate of the run's longest work between two messages (a step or an evaluation),
   * in ms, erring long: the page waits about three times this before it calls a silent worker lost.
   */
  readonly estimatedMsPerStep: number;
  /** Further reference scores on the same held-out set (the text task's bigram perplexity). */
  readonly references?: readonly { readonly value: number; readonly description: string }[];
  /** For a language model: its symbols in class order, and what the vocabulary's cap did to the text. */
  readonly vocabulary?: { readonly symbols: readonly string[]; readonly report: VocabularyReport | null };
}

/**
 * Inside a run, at one moment: one layer's gates and states for one held-out sequence, and its Jacobian
 * norms (the top layer unless a 'probeLayer' message chose another).
 */
export interface Probe {
  readonly step: number;
  readonly cell: CellKind;
  /** Which recurrent layer the gates, states and Jacobian norms are of (0 = bottom), of `layers`. */
  readonly layer: number;
  readonly layers: number;
  readonly steps: number;
  readonly hiddenSize: number;
  /** Each gate's activations [T][H] for the probed sequence: lstm i, f, g, o, c, h; gru r, z, n, h; rnn h. */
  readonly gates: Readonly<Record<string, Float64Array>>;
  /** What was fed at each step, for axis labels (a character, a symbol name, or a value). */
  readonly inputLabels: readonly string[];
  /** ||dh_T/dh_t||_F for t = 0..T−1 (index = t), for the probed sequence. */
  readonly jacobianNorms: Float64Array;
}

/**
 * Everything that happened since the last snapshot. The arrays hold one entry per training step in
 * `firstStep .. firstStep + count − 1` and travel as transferables.
 */
export interface Snapshot {
  readonly status: RunStatus;
  readonly stepCount: number;
  readonly firstStep: number;
  readonly loss: Float64Array;
  readonly metric: Float64Array;
  readonly gradNorm: Float64Array;
  readonly learningRate: Float64Array;
  /** 1 where clipping fired at that step. */
  readonly clipped: Uint8Array;
  readonly paddedShare: Float64Array;
  /** ||dL/dh_t|| per time step of the newest batch. */
  readonly gradNormByStep: Float64Array;
  /** Milliseconds per training step, averaged over this snapshot's steps (0 if none). */
  readonly msPerStep: number;
  readonly evaluation: Evaluation | null;
  readonly probe: Probe | null;
  /**
   * True when `stepCount` is a checkpoint (counted in steps, see runLoop.ts's checkpointEvery) or the run's
   * last step: `evaluation`, `probe` and `gradNormByStep` are then of that step, the same on every replay.
   */
  readonly checkpoint: boolean;
}

export type FromWorker =
  | { readonly type: 'ready' }
  | { readonly type: 'started'; readonly runId: RunId; readonly info: RunInfo }
  | { readonly type: 'snapshot'; readonly runId: RunId; readonly snapshot: Snapshot }
  | { readonly type: 'diverged'; readonly runId: RunId; readonly divergence: Divergence }
  | { readonly type: 'weights'; readonly runId: RunId; readonly requestId: number; readonly json: string }
  | { readonly type: 'answer'; readonly runId: RunId; readonly requestId: number; readonly answer: LabAnswer }
  /** A problem the person should read (bad configuration, bad weights file); the worker itself is fine. */
  | { readonly type: 'problem'; readonly runId: RunId; readonly message: string };
