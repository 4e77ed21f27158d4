import { type BridgeEvent, EngineBridge, type StartOptions } from '../../../app/engineBridge';
import type { TrainerConfig } from '../../../engine/trainerConfig';
import type { RunInfo, RunStatus, Snapshot } from '../../../engine/worker/protocol';

export interface StartCall {
  readonly slot: string;
  readonly runId: string;
  readonly config: TrainerConfig;
  readonly options: StartOptions;
}

const info: RunInfo = {
  cell: 'lstm',
  layers: 1,
  taskTitle: 'recall',
  metricName: 'accuracy',
  inputSize: 10,
  outputSize: 8,
  parameterCount: 1000,
  baseline: { value: 0.125, description: 'guessing' },
  kernels: 'wasm',
  estimatedMsPerStep: 10,
};

/**
 * An engine without workers: it records what the page asks for, and the test plays the worker's part
 * by emitting 'started' and 'snapshot' events for a slot's current run.
 */
export class FakeEngine extends EngineBridge {
  readonly starts: StartCall[] = [];
  readonly stops: string[] = [];
  private readonly fakeListeners = new Set<(event: BridgeEvent) => void>();
  private readonly current = new Map<string, string>();
  private runs = 0;

  override subscribe(listener: (event: BridgeEvent) => void): () => void {
    this.fakeListeners.add(listener);
    return () => this.fakeListeners.delete(listener);
  }

  override start(slot: string, config: TrainerConfig, options: StartOptions): string {
    const runId = `${slot}#${++this.runs}`;
    this.current.set(slot, runId);
    this.starts.push({ slot, runId, config, options });
    return runId;
  }

  override stop(slot: string): void {
    this.stops.push(slot);
  }
  override pause(): void {}
  override resume(): void {}
  override step(): void {}
  override setSpeed(): void {}
  override release(): void {}

  private emitMessage(slot: string, message: Extract<BridgeEvent, { kind: 'message' }>['message']) {
    for (const listener of this.fakeListeners) listener({ slot, kind: 'message', message });
  }

  private runIdOf(slot: string): string {
    const runId = this.current.get(slot);
    if (!runId) throw new Error(`nothing was started in ${slot}`);
    return runId;
  }

  started(slot: string): void {
    this.emitMessage(slot, { type: 'started', runId: this.runIdOf(slot), info });
  }

  /** A snapshot after `stepCount` steps; 'finished' carries the held-out evaluation. */
  snapshot(
    slot: string,
    stepCount: number,
    status: RunStatus,
    measured: { metric?: number; loss?: number; msPerStep?: number; clipped?: number[] } = {},
  ): void {
    const count = measured.clipped?.length ?? 1;
    const snapshot: Snapshot = {
      status,
      stepCount,
      firstStep: stepCount - count + 1,
      loss: new Float64Array(count).fill(measured.loss ?? 1),
      metric: new Float64Array(count).fill(measured.metric ?? 0.5),
      gradNorm: new Float64Array(count).fill(1),
      learningRate: new Float64Array(count).fill(0.01),
      clipped: Uint8Array.from(measured.clipped ?? [0]),
      paddedShare: new Float64Array(count),
      gradNormByStep: Float64Array.from([0.1, 0.5, 1]),
      msPerStep: measured.msPerStep ?? 2,
      evaluation:
        measured.metric === undefined
          ? null
          : { step: stepCount, loss: measured.loss ?? 1, metricName: 'accuracy', metric: measured.metric },
      probe: null,
      checkpoint: status === 'finished',
    };
    this.emitMessage(slot, { type: 'snapshot', runId: this.runIdOf(slot), snapshot });
  }

  problem(slot: string, message: string): void {
    this.emitMessage(slot, { type: 'problem', runId: this.runIdOf(slot), message });
  }
}
