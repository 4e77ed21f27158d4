/**
 * The one place in the app that owns Web Workers. Each slot (a place on the page where a model trains)
 * gets its own worker, so three runs side by side use the machine's cores and never block the page.
 * Starting a run in a slot cancels the slot's old run; messages of any run but a slot's current one are
 * dropped here. A worker that throws or dies is reported and replaced.
 */

import type { TrainerConfig } from '../engine/trainerConfig';
import type { FromWorker, RunId, RunSpeed, ToWorker } from '../engine/worker/protocol';

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
    };

export interface StartOptions {
  readonly maxSteps: number;
  readonly speed: RunSpeed;
  readonly paused?: boolean;
  readonly weights?: string;
  /** Finish at the first checkpoint whose held-out metric meets this (see the worker's start message). */
  readonly target?: number;
}

type WorkerFactory = () => Worker;

const defaultFactory: WorkerFactory = () =>
  new Worker(new URL('../engine/worker/worker.ts', import.meta.url), {
    type: 'module',
    name: 'unroll-training',
  });

interface Slot {
  worker: Worker;
  runId: RunId | null;
}

export class EngineBridge {
  private readonly slots = new Map<string, Slot>();
  private readonly listeners = new Set<(event: BridgeEvent) => void>();
  private readonly weightRequests = new Map<
    number,
    { resolve: (json: string) => void; reject: (error: Error) => void }
  >();
  private nextRun = 1;
  private nextRequest = 1;

  constructor(private readonly createWorker: WorkerFactory = defaultFactory) {}

  subscribe(listener: (event: BridgeEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Starts a run in `slot`, cancelling whatever ran there; returns the new run's id. */
  start(slot: string, config: TrainerConfig, options: StartOptions): RunId {
    const runId = `${slot}#${this.nextRun++}`;
    const entry = this.slotFor(slot);
    entry.runId = runId;
    this.send(entry, { type: 'start', runId, config, ...options });
    return runId;
  }

  pause(slot: string): void {
    this.command(slot, (runId) => ({ type: 'pause', runId }));
  }

  resume(slot: string): void {
    this.command(slot, (runId) => ({ type: 'resume', runId }));
  }

  step(slot: string, steps = 1): void {
    this.command(slot, (runId) => ({ type: 'step', runId, steps }));
  }

  setSpeed(slot: string, speed: RunSpeed): void {
    this.command(slot, (runId) => ({ type: 'speed', runId, speed }));
  }

  stop(slot: string): void {
    this.command(slot, (runId) => ({ type: 'stop', runId }));
  }

  /** The current run's weights as PyTorch state_dict JSON. */
  exportWeights(slot: string): Promise<string> {
    const entry = this.slots.get(slot);
    if (!entry?.runId) return Promise.reject(new Error('There is no model here yet: press Train first.'));
    const requestId = this.nextRequest++;
    const promise = new Promise<string>((resolve, reject) =>
      this.weightRequests.set(requestId, { resolve, reject }),
    );
    this.send(entry, { type: 'exportWeights', runId: entry.runId, requestId });
    return promise;
  }

  /** Stops a slot's run and ends its worker (a page that no longer shows it). */
  release(slot: string): void {
    const entry = this.slots.get(slot);
    if (!entry) return;
    entry.worker.terminate();
    this.slots.delete(slot);
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
    const entry: Slot = { worker, runId: null };
    worker.onmessage = (event: MessageEvent<FromWorker>) => this.receive(slot, entry, event.data);
    const crashed = (message: string) => {
      if (this.slots.get(slot) !== entry) return;
      entry.worker.terminate();
      this.slots.delete(slot); // The next start in this slot gets a fresh worker.
      for (const [id, request] of this.weightRequests) {
        request.reject(new Error('The training worker stopped before sending the weights.'));
        this.weightRequests.delete(id);
      }
      this.emit({ slot, kind: 'crashed', runId: entry.runId, message });
    };
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      crashed(event.message || 'The training worker stopped with an error.');
    };
    worker.onmessageerror = () => crashed('A message from the training worker could not be read.');
    this.slots.set(slot, entry);
    return entry;
  }

  private receive(slot: string, entry: Slot, message: FromWorker): void {
    if (message.type === 'ready') return;
    if (message.runId !== entry.runId || this.slots.get(slot) !== entry) return; // A stale run's message.
    if (message.type === 'weights') {
      const request = this.weightRequests.get(message.requestId);
      this.weightRequests.delete(message.requestId);
      request?.resolve(message.json);
      return;
    }
    this.emit({ slot, kind: 'message', message });
  }
}
