/**
 * A stand-in for the engine bridge in component tests: it records what the page asks for (starts,
 * stops, pauses) and lets a test play the worker's side by emitting 'started', 'snapshot' and
 * 'diverged' events for a slot's current run.
 */

import type { BridgeEvent, EngineBridge, StartOptions } from '../../../app/engineBridge';
import { useStore } from '../../../app/store';
import type { Divergence, Evaluation } from '../../../engine/trainer';
import type { TrainerConfig } from '../../../engine/trainerConfig';
import type { Probe, RunInfo, Snapshot } from '../../../engine/worker/protocol';

export interface StartCall {
  readonly slot: string;
  readonly runId: string;
  readonly config: TrainerConfig;
  readonly options: StartOptions;
}

export interface SnapshotPart {
  readonly status?: Snapshot['status'];
  /** Steps this snapshot covers (the first is the step after the run's last). */
  readonly steps?: number;
  readonly loss?: number;
  readonly gradNorm?: number;
  readonly clipped?: boolean;
  readonly msPerStep?: number;
  readonly evaluation?: Partial<Evaluation> | null;
  readonly probe?: Probe | null;
  /** Whether the snapshot ends at a checkpoint (default: whenever it has steps). */
  readonly checkpoint?: boolean;
}

export class FakeBridge {
  readonly starts: StartCall[] = [];
  readonly commands: { readonly kind: string; readonly slot: string }[] = [];
  /** Slots whose worker the page ended, in order. */
  readonly released: string[] = [];
  private readonly listeners = new Set<(event: BridgeEvent) => void>();
  private readonly current = new Map<string, { runId: string; steps: number }>();
  private nextRun = 1;

  /** `runIds` starts every run's id, so runs of several fakes in one test file never share one. */
  constructor(private readonly runIds = '') {}

  subscribe(listener: (event: BridgeEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(slot: string, config: TrainerConfig, options: StartOptions): string {
    const runId = `${this.runIds}${slot}#${this.nextRun++}`;
    this.current.set(slot, { runId, steps: 0 });
    this.starts.push({ slot, runId, config, options });
    return runId;
  }

  pause(slot: string): void {
    this.commands.push({ kind: 'pause', slot });
  }
  resume(slot: string): void {
    this.commands.push({ kind: 'resume', slot });
  }
  step(slot: string): void {
    this.commands.push({ kind: 'step', slot });
  }
  setSpeed(slot: string): void {
    this.commands.push({ kind: 'speed', slot });
  }
  stop(slot: string): void {
    if (this.current.has(slot)) this.commands.push({ kind: 'stop', slot });
  }
  exportWeights(): Promise<string> {
    return Promise.reject(new Error('The fake bridge has no weights.'));
  }
  release(slot: string): void {
    this.released.push(slot);
  }
  crashForTesting(): void {}
  dispose(): void {
    this.listeners.clear();
  }

  /** Slots whose run was asked to stop, in order (stopping an empty slot is not counted). */
  stopped(): string[] {
    return this.commands.filter((command) => command.kind === 'stop').map((command) => command.slot);
  }

  /** The worker's 'started' message for the slot's current run. */
  started(slot: string, info: Partial<RunInfo> = {}): void {
    const config = this.starts.filter((start) => start.slot === slot).at(-1)!.config;
    this.send(slot, {
      type: 'started',
      runId: this.runId(slot),
      info: {
        cell: config.cell,
        layers: config.layers,
        taskTitle: config.task.kind,
        metricName: config.task.kind === 'sine' || config.task.kind === 'adding' ? 'mse' : 'accuracy',
        inputSize: 11,
        outputSize: 8,
        parameterCount: 1000,
        baseline: { value: 0.125, description: 'guess one of 8 symbols at random' },
        kernels: 'wasm',
        estimatedMsPerStep: 10,
        ...info,
      },
    });
  }

  /** A snapshot of `steps` more steps for the slot's current run. */
  snapshot(slot: string, part: SnapshotPart = {}): void {
    const run = this.current.get(slot)!;
    const count = part.steps ?? 0;
    const firstStep = run.steps + 1;
    run.steps += count;
    const filled = (value: number) => new Float64Array(count).fill(value);
    const evaluation: Evaluation | null =
      part.evaluation === null || part.evaluation === undefined
        ? null
        : { step: run.steps, loss: 0.5, metricName: 'accuracy', metric: 0.5, ...part.evaluation };
    this.send(slot, {
      type: 'snapshot',
      runId: run.runId,
      snapshot: {
        status: part.status ?? 'running',
        stepCount: run.steps,
        firstStep,
        loss: filled(part.loss ?? 1),
        metric: filled(0.5),
        gradNorm: filled(part.gradNorm ?? 0.5),
        learningRate: filled(0.01),
        clipped: new Uint8Array(count).fill(part.clipped ? 1 : 0),
        paddedShare: filled(0),
        gradNormByStep: new Float64Array(count > 0 ? 5 : 0).fill(0.1),
        msPerStep: count > 0 ? (part.msPerStep ?? 1) : 0,
        evaluation,
        probe: part.probe ?? null,
        checkpoint: part.checkpoint ?? count > 0,
      },
    });
  }

  /** The worker's 'problem' message (a refused configuration or weights file) for the slot's current run. */
  problem(slot: string, message: string): void {
    this.send(slot, { type: 'problem', runId: this.runId(slot), message });
  }

  diverged(slot: string, divergence: Divergence): void {
    this.send(slot, { type: 'diverged', runId: this.runId(slot), divergence });
  }

  private runId(slot: string): string {
    return this.current.get(slot)!.runId;
  }

  private send(slot: string, message: Extract<BridgeEvent, { kind: 'message' }>['message']): void {
    for (const listener of this.listeners) listener({ slot, kind: 'message', message });
  }
}

/** A fresh store with no runs, connected to a new fake bridge. */
export function connectFakeBridge(): FakeBridge {
  const bridge = new FakeBridge();
  useStore.setState({ runs: {} });
  // The store takes the bridge's public surface; the fake provides it without a Worker.
  useStore.getState().connectEngine(bridge as unknown as EngineBridge);
  return bridge;
}
