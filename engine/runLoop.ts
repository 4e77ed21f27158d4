/**
 * The training loop as the worker runs it, written against injected `post`, `now` and `defer` so that it
 * runs the same in a Web Worker and in Node tests. It trains in slices of a few milliseconds, yields so
 * that pause/stop messages are handled at once, and posts at most ~30 snapshots a second.
 */

import { ConfigError } from './optim.ts';
import type { FromWorker, RunId, RunSpeed, RunStatus, Snapshot, ToWorker } from './protocol.ts';
import { estimatedStepMs } from './runCost.ts';
import { takeProbe } from './runProbe.ts';
import { exportStateDict, parseStateDict, stringifyStateDict } from './statedict.ts';
import { createTrainer, type Evaluation, type Trainer } from './trainer.ts';
import { denseKernelAvailable } from './wasm/dense.ts';

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
const EVALUATION_INTERVAL_MS = 700;
/**
 * ...and at least this many times over a run's step budget: a short run on a fast machine finishes in
 * about a second, and two or three held-out points would draw a straight line where the curve bends.
 */
const EVALUATIONS_PER_RUN = 30;
const PROBE_INTERVAL_MS = 250;

interface Pending {
  loss: number[];
  metric: number[];
  gradNorm: number[];
  learningRate: number[];
  clipped: number[];
  paddedShare: number[];
  gradNormByStep: Float64Array;
  firstStep: number;
  trainingMs: number;
}

interface Run {
  readonly id: RunId;
  readonly trainer: Trainer;
  readonly maxSteps: number;
  speed: RunSpeed;
  status: RunStatus;
  /** Steps still to take while single-stepping (then pause). */
  stepBudget: number | null;
  pending: Pending;
  lastSnapshotAt: number;
  lastEvaluationAt: number;
  /** The training step of the last held-out evaluation. */
  lastEvaluationStep: number;
  lastProbeAt: number;
  evaluation: Evaluation | null;
  /** For paced runs: steps owed so far, by the clock. */
  pacedCredit: number;
  pacedSince: number;
}

function emptyPending(firstStep: number): Pending {
  return {
    loss: [],
    metric: [],
    gradNorm: [],
    learningRate: [],
    clipped: [],
    paddedShare: [],
    gradNormByStep: new Float64Array(0),
    firstStep,
    trainingMs: 0,
  };
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
      case 'exportWeights': {
        const { recurrent, head } = run.trainer.model;
        const json = stringifyStateDict(exportStateDict(recurrent, head));
        this.host.post({ type: 'weights', runId: run.id, requestId: message.requestId, json }, []);
        break;
      }
    }
  }

  private start(message: Extract<ToWorker, { type: 'start' }>): void {
    let trainer: Trainer;
    try {
      trainer = createTrainer(message.config);
      if (message.weights !== undefined) this.loadWeights(trainer, message.weights);
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
    this.run = {
      id: message.runId,
      trainer,
      maxSteps: Math.max(1, Math.min(1_000_000, Math.floor(message.maxSteps) || 1)),
      speed: message.speed,
      status: message.paused ? 'paused' : 'running',
      stepBudget: null,
      pending: emptyPending(1),
      lastSnapshotAt: -Infinity,
      lastEvaluationAt: now,
      lastEvaluationStep: 0,
      lastProbeAt: -Infinity,
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
          taskTitle: task.config.kind,
          metricName: task.loss === 'cross-entropy' ? 'accuracy' : 'mse',
          inputSize: task.inputSize,
          outputSize: task.outputSize,
          parameterCount: model.params.reduce((sum, param) => sum + param.w.length, 0),
          baseline: { value: task.baseline.value, description: task.baseline.description },
          kernels: denseKernelAvailable() ? 'wasm' : 'js',
          estimatedMsPerStep: estimatedStepMs(config, task, task.heldOut().batchSize),
        },
      },
      [],
    );
    this.run.evaluation = trainer.evaluate();
    this.flush(this.run, true);
    this.schedule();
  }

  private loadWeights(trainer: Trainer, text: string): void {
    const result = parseStateDict(text, trainer.config.cell);
    if (!result.ok) throw new Error(`These weights cannot be loaded: ${result.errors.join(' ')}`);
    const { recurrent, head } = result.value;
    const target = trainer.model;
    const pairs = [
      [recurrent.Wih, target.recurrent.Wih],
      [recurrent.Whh, target.recurrent.Whh],
      [recurrent.bih, target.recurrent.bih],
      [recurrent.bhh, target.recurrent.bhh],
      [head.W, target.head.W],
      [head.b, target.head.b],
    ] as const;
    for (const [from, to] of pairs) {
      if (from.w.length !== to.w.length) {
        throw new Error(
          `These weights are for input ${recurrent.inputSize}, hidden ${recurrent.hiddenSize}, output ${head.outputSize}; ` +
            `this run needs input ${target.recurrent.inputSize}, hidden ${target.recurrent.hiddenSize}, output ${target.head.outputSize}.`,
        );
      }
    }
    for (const [from, to] of pairs) to.w.set(from.w);
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
    if (!run || run.status !== 'running') return;
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
      const pending = run.pending;
      pending.trainingMs += this.host.now() - before;
      pending.loss.push(report.loss);
      pending.metric.push(report.metric);
      pending.gradNorm.push(report.gradNorm);
      pending.learningRate.push(report.learningRate);
      pending.clipped.push(report.clipped ? 1 : 0);
      pending.paddedShare.push(report.paddedShare);
      pending.gradNormByStep = report.gradNormByStep;
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
    }
    const now = this.host.now();
    const statusChanged = run.status !== 'running';
    const stepsSince = run.trainer.stepCount - run.lastEvaluationStep;
    const stepsDue = run.maxSteps / EVALUATIONS_PER_RUN;
    const evaluate =
      statusChanged || now - run.lastEvaluationAt >= EVALUATION_INTERVAL_MS || stepsSince >= stepsDue;
    if (evaluate) {
      run.evaluation = run.trainer.evaluate();
      run.lastEvaluationAt = now;
      run.lastEvaluationStep = run.trainer.stepCount;
    }
    // A snapshot carries only the newest evaluation, so each one is sent before the next replaces it.
    if (statusChanged || evaluate || now - run.lastSnapshotAt >= SNAPSHOT_INTERVAL_MS) {
      this.flush(run, statusChanged);
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

  /** Posts the pending steps (and, when due or forced, a probe) as one snapshot. */
  private flush(run: Run, force: boolean): void {
    const now = this.host.now();
    const pending = run.pending;
    const count = pending.loss.length;
    if (!force && count === 0) return;
    const probeDue = force || now - run.lastProbeAt >= PROBE_INTERVAL_MS;
    const probe = probeDue ? takeProbe(run.trainer) : null;
    if (probeDue) run.lastProbeAt = now;
    const snapshot: Snapshot = {
      status: run.status,
      stepCount: run.trainer.stepCount,
      firstStep: pending.firstStep,
      loss: Float64Array.from(pending.loss),
      metric: Float64Array.from(pending.metric),
      gradNorm: Float64Array.from(pending.gradNorm),
      learningRate: Float64Array.from(pending.learningRate),
      clipped: Uint8Array.from(pending.clipped),
      paddedShare: Float64Array.from(pending.paddedShare),
      gradNormByStep: pending.gradNormByStep.slice(),
      msPerStep: count > 0 ? pending.trainingMs / count : 0,
      evaluation: run.evaluation,
      probe,
    };
    const transfer: ArrayBuffer[] = [
      snapshot.loss.buffer,
      snapshot.metric.buffer,
      snapshot.gradNorm.buffer,
      snapshot.learningRate.buffer,
      snapshot.clipped.buffer,
      snapshot.paddedShare.buffer,
      snapshot.gradNormByStep.buffer,
    ] as ArrayBuffer[];
    if (probe) {
      for (const values of Object.values(probe.gates)) transfer.push(values.buffer as ArrayBuffer);
      transfer.push(probe.jacobianNorms.buffer as ArrayBuffer);
    }
    this.host.post({ type: 'snapshot', runId: run.id, snapshot }, transfer);
    run.pending = emptyPending(run.trainer.stepCount + 1);
    run.lastSnapshotAt = now;
  }
}
