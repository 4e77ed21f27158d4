/**
 * The one place in the app that owns Web Workers. Each slot (a place on the page where a model trains)
 * gets its own worker, so three runs side by side use the machine's cores and never block the page.
 * Starting a run in a slot cancels the slot's old run; messages of any run but a slot's current one are
 * dropped here. A worker that throws, dies or falls silent while it should be training is reported and
 * replaced; one that cannot pause or stop within a fraction of a second (inside a long step) is ended.
 */
import type { TrainerConfig } from '../engine/trainerConfig';
import type { FromWorker, LabAnswer, LabRequest, RunId, RunSpeed, ToWorker } from '../engine/worker/protocol';
import { isObject } from './shared/isObject';
import { readWorkerMessage } from './workerMessages';

/** What the bridge tells its listener. Worker messages arrive only for a slot's current run. */
export type BridgeEvent =
  | {
      readonly slot: string;
      readonly kind: 'message';
      readonly message: Exclude<FromWorker, { type: 'ready' }>;
    }
  | {
      readonly slot: string;
      readonly kind: 'crashed';
      readonly runId: RunId | null;
      readonly message: string;
    }
  /** The worker did not act on a pause or stop in time (it was inside a long step) and was ended. */
  | {
      readonly slot: string;
      readonly kind: 'halted';
      readonly runId: RunId;
      readonly action: 'pause' | 'stop';
    };

export interface StartOptions {
  readonly maxSteps: number;
  readonly speed: RunSpeed;
  readonly paused?: boolean;
  readonly weights?: string;
  /** Finish at the first checkpoint whose held-out metric meets this (see the worker's start message). */
  readonly target?: number;
  /** Steps between held-out evaluations (see the worker's start message). */
  readonly checkpointEvery?: number;
}

/** A question about a slot's model, as a page asks it (the bridge adds the run and request ids). */
export type LabQuestion = LabRequest extends infer R
  ? R extends LabRequest
    ? Omit<R, 'runId' | 'requestId'>
    : never
  : never;

interface PendingQuestion {
  readonly slot: string;
  readonly resolve: (answer: LabAnswer | null) => void;
  readonly reject: (error: Error) => void;
}

type WorkerFactory = () => Worker;

const defaultFactory: WorkerFactory = () =>
  new Worker(new URL('../engine/worker/worker.ts', import.meta.url), {
    type: 'module',
    name: 'unroll-training',
  });

/** A training worker sends a snapshot at least every step (ten a second); silence this long is a lost worker. */
const LIVENESS_MS = 5000;
/** How long a pause or stop may wait for the worker to say it acted, before the worker is ended. */
export const HALT_MS = 300;
/** The most a pause or stop waits, however long the worker's steps are. */
export const HALT_LONGEST_MS = 1500;

/**
 * The wait for a pause or stop to be acknowledged, given the longest step the run has taken: a worker
 * acts between steps, so on a slow device (steps of 400 ms on a phone, say) ending it after 300 ms would
 * throw away a model that was about to pause; a step far longer than that is cut short.
 */
export function haltWaitMs(workMs: number): number {
  return Math.min(HALT_LONGEST_MS, Math.max(HALT_MS, 2 * workMs + 50));
}

/** Extra patience while a question about the model waits for its answer (see `expect`). */
const QUESTION_MS = 15_000;

/** A timer that fired this much later than asked means the page itself was busy (drawing, say). */
const LATE_MS = 100;

/**
 * Calls `expire` once `ms` of the page's own time has passed with nothing cancelling it. If the page
 * was too busy to run the timer on time, a worker's answer may be waiting in the queue behind it, so it
 * waits once more instead of blaming the worker.
 */
function patientTimeout(ms: number, expire: () => void): () => void {
  let timer: ReturnType<typeof setTimeout>;
  const arm = () => {
    const due = Date.now() + ms;
    timer = setTimeout(() => (Date.now() - due > LATE_MS ? arm() : expire()), ms);
  };
  arm();
  return () => clearTimeout(timer);
}

interface Slot {
  worker: Worker;
  runId: RunId | null;
  /** The run should be sending messages (it is starting or training), so silence means trouble. */
  expecting: boolean;
  /** The longest piece of work this run may do without a word: its estimate, or the slowest step seen. */
  workMs: number;
  /** Cancels the silence timer. */
  watchdog: (() => void) | null;
  /** A pause or stop waiting to be acknowledged, and how to cancel its timer. */
  halt: { readonly action: 'pause' | 'stop'; readonly cancel: () => void } | null;
  /**
   * While a start with weights is being checked by the worker: the run it would replace, which goes on
   * (and is heard) until the worker accepts the weights, and comes back if it refuses them.
   */
  fallback: { readonly runId: RunId; readonly expecting: boolean } | null;
  /** The distribution request the worker is answering, and the newest one waiting for it (latest wins). */
  distribution: {
    inFlight: number | null;
    waiting: { readonly question: LabQuestion; readonly pending: PendingQuestion } | null;
  };
}

export class EngineBridge {
  private readonly slots = new Map<string, Slot>();
  private readonly listeners = new Set<(event: BridgeEvent) => void>();
  private readonly weightRequests = new Map<
    number,
    { slot: string; resolve: (json: string) => void; reject: (error: Error) => void }
  >();
  private readonly questions = new Map<number, PendingQuestion>();
  private nextRun = 1;
  private nextRequest = 1;
  private warnedAboutMessage = false;

  constructor(private readonly createWorker: WorkerFactory = defaultFactory) {}

  subscribe(listener: (event: BridgeEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Starts a run in `slot`, cancelling whatever ran there; returns the new run's id. */
  start(slot: string, config: TrainerConfig, options: StartOptions): RunId {
    const runId = `${slot}#${this.nextRun++}`;
    // A worker still inside a step it was asked to leave would start the new run only after it: end it.
    if (this.slots.get(slot)?.halt) this.end(slot);
    const entry = this.slotFor(slot);
    entry.fallback =
      options.weights !== undefined && entry.runId !== null
        ? { runId: entry.fallback?.runId ?? entry.runId, expecting: entry.expecting }
        : null;
    entry.runId = runId;
    entry.workMs = 0;
    // Questions were about the model being replaced; their answers would describe another model.
    this.dropQuestions(slot, 'A new run started before the model answered.');
    this.send(entry, { type: 'start', runId, config, ...options });
    this.expect(slot, entry, true);
    return runId;
  }

  pause(slot: string): void {
    this.halt(slot, 'pause');
  }

  resume(slot: string): void {
    this.command(slot, (runId) => ({ type: 'resume', runId }));
    this.expectIn(slot);
  }

  step(slot: string, steps = 1): void {
    this.command(slot, (runId) => ({ type: 'step', runId, steps }));
    this.expectIn(slot);
  }

  setSpeed(slot: string, speed: RunSpeed): void {
    this.command(slot, (runId) => ({ type: 'speed', runId, speed }));
  }

  stop(slot: string): void {
    this.halt(slot, 'stop');
  }

  /** The current run's weights as PyTorch state_dict JSON. */
  exportWeights(slot: string): Promise<string> {
    const entry = this.slots.get(slot);
    if (!entry?.runId) return Promise.reject(new Error('There is no model here yet: press Train first.'));
    const requestId = this.nextRequest++;
    const promise = new Promise<string>((resolve, reject) =>
      this.weightRequests.set(requestId, { slot, resolve, reject }),
    );
    this.send(entry, { type: 'exportWeights', runId: entry.runId, requestId });
    return promise;
  }

  /**
   * Asks the slot's current model a question (a sample, the next-character distribution, a trace,
   * connectivity): answered between training steps, while paused and after the run ended. Distribution
   * questions are latest-wins: while one is being answered, only the newest waits, and the ones it
   * replaced resolve to null, so fast typing never queues work. Rejects when there is no model.
   */
  ask(slot: string, question: LabQuestion): Promise<LabAnswer | null> {
    const entry = this.slots.get(slot);
    if (!entry?.runId) return Promise.reject(new Error('There is no model here yet: press Train first.'));
    return new Promise<LabAnswer | null>((resolve, reject) => {
      const pending: PendingQuestion = { slot, resolve, reject };
      if (question.type === 'distribution' && entry.distribution.inFlight !== null) {
        entry.distribution.waiting?.pending.resolve(null);
        entry.distribution.waiting = { question, pending };
        return;
      }
      this.sendQuestion(entry, question, pending);
    });
  }

  private sendQuestion(entry: Slot, question: LabQuestion, pending: PendingQuestion): void {
    if (!entry.runId) {
      pending.reject(new Error('There is no model here yet: press Train first.'));
      return;
    }
    const requestId = this.nextRequest++;
    this.questions.set(requestId, pending);
    if (question.type === 'distribution') entry.distribution.inFlight = requestId;
    this.send(entry, { ...question, runId: entry.runId, requestId } as LabRequest);
    if (entry.expecting) this.expect(pending.slot, entry, true);
  }

  private dropQuestions(slot: string, reason: string): void {
    const entry = this.slots.get(slot);
    if (entry) {
      entry.distribution.waiting?.pending.reject(new Error(reason));
      entry.distribution = { inFlight: null, waiting: null };
    }
    for (const [id, pending] of this.questions) {
      if (pending.slot !== slot) continue;
      this.questions.delete(id);
      pending.reject(new Error(reason));
    }
  }

  private answered(entry: Slot, requestId: number, answer: LabAnswer): void {
    const pending = this.questions.get(requestId);
    if (!pending) return;
    this.questions.delete(requestId);
    pending.resolve(answer);
    // The worker is alive: it answered.
    if (entry.expecting) this.expect(pending.slot, entry, true);
    if (entry.distribution.inFlight === requestId) {
      entry.distribution.inFlight = null;
      const waiting = entry.distribution.waiting;
      entry.distribution.waiting = null;
      if (waiting) this.sendQuestion(entry, waiting.question, waiting.pending);
    }
  }

  /** Stops a slot's run and ends its worker (a page that no longer shows it). */
  release(slot: string): void {
    if (this.slots.has(slot)) this.end(slot);
  }

  /** Makes a slot's worker throw, to show (and test) that the page survives it. */
  crashForTesting(slot: string): void {
    const entry = this.slots.get(slot);
    if (entry) this.send(entry, { type: 'crash' });
  }

  dispose(): void {
    for (const slot of [...this.slots.keys()]) this.release(slot);
    this.listeners.clear();
  }

  private command(slot: string, make: (runId: RunId) => ToWorker): void {
    const entry = this.slots.get(slot);
    if (entry?.runId) this.send(entry, make(entry.runId));
  }

  /**
   * Pause and stop must act at once. A training worker acknowledges within one short step; one that
   * does not is inside a long step, so it is ended (its run's history stays on the page).
   */
  private halt(slot: string, action: 'pause' | 'stop'): void {
    const entry = this.slots.get(slot);
    if (!entry?.runId) return;
    this.send(entry, { type: action, runId: entry.runId });
    if (!entry.expecting || entry.halt) return;
    const runId = entry.runId;
    const halt = {
      action,
      cancel: patientTimeout(haltWaitMs(entry.workMs), () => {
        if (this.slots.get(slot) !== entry || entry.halt !== halt) return;
        this.end(slot, 'The training worker was ended before sending the weights.');
        this.emit({ slot, kind: 'halted', runId, action });
      }),
    };
    entry.halt = halt;
  }

  private expectIn(slot: string): void {
    const entry = this.slots.get(slot);
    if (entry?.runId) this.expect(slot, entry, true);
  }

  /** Whether the slot's run should be sending messages; while it should, silence is watched. */
  private expect(slot: string, entry: Slot, expecting: boolean): void {
    entry.expecting = expecting;
    entry.watchdog?.();
    entry.watchdog = null;
    if (!expecting) return;
    // A question (a sample, a profile) is answered between steps and may keep a busy machine's worker
    // quiet for a few seconds more: it is not silence while one is waited for.
    const asking = [...this.questions.values()].some((pending) => pending.slot === slot);
    const silence = Math.max(LIVENESS_MS, 3 * entry.workMs + 1000) + (asking ? QUESTION_MS : 0);
    entry.watchdog = patientTimeout(silence, () => {
      if (this.slots.get(slot) !== entry) return;
      this.lose(slot, entry, `it sent nothing for ${Math.round(silence / 1000)} s while training`);
    });
  }

  /** Ends a slot's worker and forgets the slot (the next start gets a fresh worker). */
  private end(slot: string, requestError = 'The training worker stopped before sending the weights.'): void {
    const entry = this.slots.get(slot);
    if (!entry) return;
    this.dropQuestions(slot, 'The training worker stopped before the model answered.');
    entry.worker.terminate();
    entry.watchdog?.();
    entry.halt?.cancel();
    this.slots.delete(slot);
    for (const [id, request] of this.weightRequests) {
      if (request.slot !== slot) continue;
      request.reject(new Error(requestError));
      this.weightRequests.delete(id);
    }
  }

  private lose(slot: string, entry: Slot, message: string): void {
    if (this.slots.get(slot) !== entry) return;
    this.end(slot);
    this.emit({ slot, kind: 'crashed', runId: entry.runId, message });
  }

  private send(entry: Slot, message: ToWorker): void {
    entry.worker.postMessage(message);
  }

  private emit(event: BridgeEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  private slotFor(slot: string): Slot {
    const existing = this.slots.get(slot);
    if (existing) return existing;
    const worker = this.createWorker();
    const entry: Slot = {
      worker,
      runId: null,
      expecting: false,
      workMs: 0,
      watchdog: null,
      halt: null,
      fallback: null,
      distribution: { inFlight: null, waiting: null },
    };
    worker.onmessage = (event: MessageEvent<unknown>) => {
      const message = readWorkerMessage(event.data);
      if (message) this.receive(slot, entry, message);
      else {
        this.warnOnce(event.data);
        // An unreadable answer still settles its question, so nothing waits for it forever.
        const data = event.data;
        if (isObject(data) && data.type === 'answer' && typeof data.requestId === 'number') {
          this.answered(entry, data.requestId, {
            kind: 'refused',
            message: 'The training worker sent an answer this page cannot read.',
          });
        }
      }
    };
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      this.lose(slot, entry, event.message || 'The training worker stopped with an error.');
    };
    worker.onmessageerror = () =>
      this.lose(slot, entry, 'A message from the training worker could not be read.');
    this.slots.set(slot, entry);
    return entry;
  }

  /** A message this page does not understand (another version's worker, a bug) is ignored, said once. */
  private warnOnce(data: unknown): void {
    if (this.warnedAboutMessage) return;
    this.warnedAboutMessage = true;
    console.warn('Ignored a message from the training worker that this page does not understand:', data);
  }

  private receive(slot: string, entry: Slot, message: FromWorker): void {
    if (message.type === 'ready' || this.slots.get(slot) !== entry) return;
    if (message.type === 'answer') {
      // Request ids are unique, and questions about a replaced run were dropped: any answer still waited for is current.
      this.answered(entry, message.requestId, message.answer);
      return;
    }
    if (entry.fallback && message.runId === entry.fallback.runId) {
      // The run that goes on while the worker checks the weights.
      this.emit({ slot, kind: 'message', message });
      return;
    }
    if (message.runId !== entry.runId) return; // A stale run's message.
    if (entry.fallback) {
      const fallback = entry.fallback;
      if (message.type === 'problem') {
        // The worker refused the weights and kept the old run: it is the slot's run again.
        entry.fallback = null;
        entry.runId = fallback.runId;
        this.expect(slot, entry, fallback.expecting);
        this.emit({ slot, kind: 'message', message });
        return;
      }
      if (message.type === 'started') entry.fallback = null;
    }
    this.track(slot, entry, message);
    if (message.type === 'weights') {
      const request = this.weightRequests.get(message.requestId);
      this.weightRequests.delete(message.requestId);
      request?.resolve(message.json);
      return;
    }

    this.emit({ slot, kind: 'message', message });
  }

  /** What a message says about the worker's health: it is alive, and whether the run goes on. */
  private track(slot: string, entry: Slot, message: Exclude<FromWorker, { type: 'ready' }>): void {
    let going = entry.expecting;
    if (message.type === 'started') {
      entry.workMs = Math.max(entry.workMs, message.info.estimatedMsPerStep);
    } else if (message.type === 'snapshot') {
      entry.workMs = Math.max(entry.workMs, message.snapshot.msPerStep);
      going = message.snapshot.status === 'running';
    } else if (message.type === 'diverged' || message.type === 'problem') {
      going = false;
    }
    if (!going && entry.halt) {
      entry.halt.cancel();
      entry.halt = null;
    }
    this.expect(slot, entry, going);
  }
}
