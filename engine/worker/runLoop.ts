/**
 * The training loop as the worker runs it, written against injected `post`, `now` and `defer` so that it
 * runs the same in a Web Worker and in Node tests. It trains in slices of a few milliseconds, yields so
 * that pause/stop messages are handled at once, and posts at most ten snapshots a second per run.
 * Held-out evaluations, probes and gradient-heatmap rows are taken at checkpoints counted in training
 * steps, never by the clock, so a fixed-seed run replays the same points on a fast or a busy machine.
 */

import { ConfigError } from '../configProblem.ts';
import { estimatedStepMs } from '../runCost.ts';
import { exportStateDict, stringifyStateDict } from '../statedict.ts';
import { createTrainer, type Evaluation, type Trainer } from '../trainer.ts';
import { denseKernelAvailable } from '../wasm/dense.ts';
import { answerLabRequest, answerTransfers } from './labQueries.ts';
import { loadWeights } from './loadWeights.ts';
import { emptyPending, type PendingSteps, recordStep, takeSnapshot } from './pendingSteps.ts';
import type { FromWorker, RunId, RunSpeed, RunStatus, ToWorker } from './protocol.ts';
import { takeProbe } from './runProbe.ts';

export interface LoopHost {
  /** Sends a message to the page; `transfer` lists buffers to move rather than copy. */
  post(message: FromWorker, transfer: ArrayBuffer[]): void;
  /** Milliseconds, monotonic. */
  now(): number;
  /** Runs `callback` soon, after pending messages have been handled. */
  defer(callback: () => void): void;
  /** Runs `callback` after about `ms` milliseconds (paced runs wait for their next step). */
  later(ms: number, callback: () => void): void;
}

/** Time budget of one slice of training before yielding to messages. */
const SLICE_MS = 12;
/**
 * At most ten snapshots a second per run: the page redraws its figures at most eight times a second,
 * and each message costs the page's main thread work and garbage, three runs at a time.
 */
const SNAPSHOT_INTERVAL_MS = 100;
/**
 * Checkpoints (held-out evaluation, probe, heatmap row) per run's step budget: enough points that the
 * held-out curve bends where the run does, few enough that evaluation costs little beside training.
 */
const CHECKPOINTS_PER_RUN = 30;
/** ...and at least one every this many steps, so a long playground run keeps its curves fresh. */
const MAX_CHECKPOINT_EVERY = 100;

/** The steps between checkpoints of a run of `maxSteps` steps (tests/unit/runLoop.test.ts). */
export function checkpointEvery(maxSteps: number): number {
  return Math.max(1, Math.min(MAX_CHECKPOINT_EVERY, Math.ceil(maxSteps / CHECKPOINTS_PER_RUN)));
}

interface Run {
  readonly id: RunId;
  readonly trainer: Trainer;
  readonly maxSteps: number;
  speed: RunSpeed;
  status: RunStatus;
  /** Steps still to take while single-stepping (then pause). */
  stepBudget: number | null;
  pending: PendingSteps;
  lastSnapshotAt: number;
  /** Steps between checkpoints: see {@link checkpointEvery}. */
  readonly every: number;
  /** Stop ('finished') at the first checkpoint whose held-out metric meets this; null: never. */
  readonly target: number | null;
  /** The layer the probes look at (0 = bottom); null for the top layer. */
  probeLayer: number | null;
  evaluation: Evaluation | null;
  /** For paced runs: steps owed so far, by the clock. */
  pacedCredit: number;
  pacedSince: number;
}

export class RunLoop {
  private run: Run | null = null;
  private scheduled = false;

  constructor(private readonly host: LoopHost) {}

  handle(message: ToWorker): void {
    if (message.type === 'crash')
      throw new Error('The training worker was asked to crash (a test of recovery).');
    if (message.type === 'start') {
      this.start(message);
      return;
    }
    const run = this.run;
    if (!run || run.id !== message.runId) return; // A message about an old run: nothing to do.
    switch (message.type) {
      case 'sample':
      case 'distribution':
      case 'trace':
      case 'connectivity':
      case 'connectivityProfile': {
        // Answered now, between slices of training, from the model as it stands.
        const answer = answerLabRequest(run.trainer, message);
        const { requestId } = message;
        this.host.post({ type: 'answer', runId: run.id, requestId, answer }, answerTransfers(answer));
        break;
      }
      case 'pause':
        if (run.status === 'running') this.setStatus(run, 'paused');
        break;
      case 'resume':
        if (run.status === 'paused') {
          run.stepBudget = null;
          this.setStatus(run, 'running');
        }
        break;
      case 'step':
        if (run.status === 'paused' || run.status === 'running') {
          run.stepBudget = Math.max(1, Math.min(10_000, Math.floor(message.steps)));
          this.setStatus(run, 'running');
        }
        break;
      case 'speed':
        run.speed = message.speed;
        run.pacedCredit = 0;
        run.pacedSince = this.host.now();
        break;
      case 'stop':
        if (run.status === 'running' || run.status === 'paused') this.setStatus(run, 'stopped');
        break;
      case 'probeLayer':
        // Out-of-range layers are clamped in takeProbe; the next snapshot carries the new layer's probe.
        run.probeLayer = Math.floor(message.layer);
        this.flush(run, true);
        break;
      case 'exportWeights': {
        const { layers, head } = run.trainer.model;
        const json = stringifyStateDict(exportStateDict(layers, head));
        this.host.post({ type: 'weights', runId: run.id, requestId: message.requestId, json }, []);
        break;
      }
    }
  }

  private start(message: Extract<ToWorker, { type: 'start' }>): void {
    let trainer: Trainer;
    try {
      trainer = createTrainer(message.config);
      if (message.weights !== undefined) loadWeights(trainer, message.weights);
    } catch (error) {
      const text =
        error instanceof ConfigError
          ? error.problems.map((problem) => problem.message).join(' ')
          : error instanceof Error
            ? error.message
            : String(error);
      this.host.post({ type: 'problem', runId: message.runId, message: text }, []);
      return;
    }
    const now = this.host.now();
    const maxSteps = Math.max(1, Math.min(1_000_000, Math.floor(message.maxSteps) || 1));
    this.run = {
      id: message.runId,
      trainer,
      maxSteps,
      speed: message.speed,
      status: message.paused ? 'paused' : 'running',
      stepBudget: null,
      pending: emptyPending(1),
      lastSnapshotAt: -Infinity,
      every:
        message.checkpointEvery !== undefined && Number.isInteger(message.checkpointEvery)
          ? Math.max(1, Math.min(10_000, message.checkpointEvery))
          : checkpointEvery(maxSteps),
      target: message.target ?? null,
      probeLayer: null,
      evaluation: null,
      pacedCredit: 0,
      pacedSince: now,
    };
    const { task, model, config } = trainer;
    this.host.post(
      {
        type: 'started',
        runId: message.runId,
        info: {
          cell: config.cell,
          layers: model.layers.length,
          taskTitle: task.config.kind,
          metricName: task.loss === 'cross-entropy' ? 'accuracy' : 'mse',
          inputSize: task.inputSize,
          outputSize: task.outputSize,
          parameterCount: model.params.reduce((sum, param) => sum + param.w.length, 0),
          baseline: { value: task.baseline.value, description: task.baseline.description },
          kernels: denseKernelAvailable() ? 'wasm' : 'js',
          estimatedMsPerStep: estimatedStepMs(config, task, task.heldOut().batchSize),
          ...(task.references
            ? { references: task.references.map(({ value, description }) => ({ value, description })) }
            : {}),
          ...(task.vocabulary
            ? { vocabulary: { symbols: task.vocabulary.symbols, report: task.vocabulary.report ?? null } }
            : {}),
        },
      },
      [],
    );
    this.run.evaluation = trainer.evaluate();
    this.flush(this.run, true);
    this.schedule();
  }

  private setStatus(run: Run, status: RunStatus): void {
    run.status = status;
    if (status === 'running') {
      run.pacedCredit = 0;
      run.pacedSince = this.host.now();
    }
    this.flush(run, true);
    if (status === 'running') this.schedule();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.host.defer(() => {
      this.scheduled = false;
      this.tick();
    });
  }

  private stepsAllowedNow(run: Run, now: number): number {
    if (run.speed.kind === 'max') return Number.POSITIVE_INFINITY;
    const elapsed = now - run.pacedSince;
    const owed = Math.floor((elapsed / 1000) * run.speed.stepsPerSecond) - run.pacedCredit;
    return Math.max(0, owed);
  }

  private tick(): void {
    const run = this.run;
    if (run?.status !== 'running') return;
    const start = this.host.now();
    let allowed = this.stepsAllowedNow(run, start);
    while (allowed > 0 && this.host.now() - start < SLICE_MS) {
      const before = this.host.now();
      const report = run.trainer.trainStep();
      if (!report) {
        this.flush(run, true);
        run.status = 'diverged';
        this.host.post({ type: 'diverged', runId: run.id, divergence: run.trainer.divergence! }, []);
        this.flush(run, true);
        return;
      }
      recordStep(run.pending, report, this.host.now() - before);
      allowed--;
      run.pacedCredit++;
      if (run.stepBudget !== null) {
        run.stepBudget--;
        if (run.stepBudget <= 0) {
          run.stepBudget = null;
          run.status = 'paused';
          break;
        }
      }
      if (run.trainer.stepCount >= run.maxSteps) {
        run.status = 'finished';
        break;
      }
      // A checkpoint ends the slice, so its evaluation and probe are of exactly this step.
      if (run.trainer.stepCount % run.every === 0) break;
    }
    const now = this.host.now();
    const checkpoint = run.trainer.stepCount % run.every === 0 || run.status === 'finished';
    if (checkpoint || run.status !== 'running') {
      run.evaluation = run.trainer.evaluate();
      if (checkpoint && run.status === 'running' && this.reached(run, run.evaluation))
        run.status = 'finished';
    }
    const statusChanged = run.status !== 'running';
    // A snapshot carries only the newest evaluation, so each one is sent before the next replaces it.
    if (statusChanged || checkpoint || now - run.lastSnapshotAt >= SNAPSHOT_INTERVAL_MS) {
      this.flush(run, statusChanged || checkpoint, checkpoint);
    }
    if (run.status === 'running') {
      if (run.speed.kind === 'max') this.schedule();
      else this.scheduleLater(1000 / run.speed.stepsPerSecond);
    }
  }

  /** Paced runs wait for their next step to fall due instead of spinning the CPU. */
  private scheduleLater(ms: number): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.host.later(Math.max(1, Math.min(1000, ms)), () => {
      this.scheduled = false;
      this.tick();
    });
  }

  /** Whether a held-out evaluation meets the run's target (≥ for accuracy, ≤ for MSE). */
  private reached(run: Run, evaluation: Evaluation): boolean {
    if (run.target === null) return false;
    return evaluation.metricName === 'accuracy'
      ? evaluation.metric >= run.target
      : evaluation.metric <= run.target;
  }

  /**
   * Posts the pending steps as one snapshot, with a probe when forced (start, a status change, a
   * checkpoint, a new probe layer). `checkpoint` marks the snapshot whose step is a checkpoint.
   */
  private flush(run: Run, force: boolean, checkpoint = false): void {
    const now = this.host.now();
    const pending = run.pending;
    if (!force && pending.loss.length === 0) return;
    const probe = force ? takeProbe(run.trainer, run.probeLayer ?? undefined) : null;
    const { snapshot, transfer } = takeSnapshot(pending, {
      status: run.status,
      stepCount: run.trainer.stepCount,
      evaluation: run.evaluation,
      probe,
      checkpoint,
    });
    this.host.post({ type: 'snapshot', runId: run.id, snapshot }, transfer);
    run.pending = emptyPending(run.trainer.stepCount + 1);
    run.lastSnapshotAt = now;
  }
}
