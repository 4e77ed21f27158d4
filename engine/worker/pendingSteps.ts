/**
 * The training steps a run has taken since its last snapshot, collected step by step and then sent as one
 * snapshot of typed arrays whose buffers are transferred, not copied, to the page.
 */
import type { StepReport } from '../trainer.ts';
import type { Snapshot } from './protocol.ts';

/** Per-step numbers not yet posted, and the training time they took. */
export interface PendingSteps {
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

/** Nothing pending yet; the next recorded step is `firstStep`. */
export function emptyPending(firstStep: number): PendingSteps {
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

/** Adds one training step that took `ms` milliseconds. */
export function recordStep(pending: PendingSteps, report: StepReport, ms: number): void {
  pending.trainingMs += ms;
  pending.loss.push(report.loss);
  pending.metric.push(report.metric);
  pending.gradNorm.push(report.gradNorm);
  pending.learningRate.push(report.learningRate);
  pending.clipped.push(report.clipped ? 1 : 0);
  pending.paddedShare.push(report.paddedShare);
  pending.gradNormByStep = report.gradNormByStep;
}

/** The run's state that a snapshot carries beside its steps. */
type RunState = Pick<Snapshot, 'status' | 'stepCount' | 'evaluation' | 'probe' | 'checkpoint'>;

/** The pending steps as a snapshot, with every buffer it owns listed for transfer (the probe's too). */
export function takeSnapshot(
  pending: PendingSteps,
  run: RunState,
): { snapshot: Snapshot; transfer: ArrayBuffer[] } {
  const count = pending.loss.length;
  const snapshot: Snapshot = {
    status: run.status,
    stepCount: run.stepCount,
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
    probe: run.probe,
    checkpoint: run.checkpoint,
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
  if (run.probe) {
    for (const values of Object.values(run.probe.gates)) transfer.push(values.buffer as ArrayBuffer);
    transfer.push(run.probe.jacobianNorms.buffer as ArrayBuffer);
  }
  return { snapshot, transfer };
}
