/**
 * The held-out evaluation of a run: loss and metrics on the task's fixed held-out set, a chunk of sequences
 * at a time so that it needs a small workspace whatever the set's size, and the sums that several windows or
 * chunks of one batch combine into.
 */

import { createHeadWorkspace, type HeadLossResult, headForward } from './head.ts';
import type { Model } from './model.ts';
import { EVAL_CHUNK } from './runCost.ts';
import { ensureStackWorkspace, type StackWorkspace, stackForward } from './stack.ts';
import type { Task } from './tasks/task.ts';
import type { MetricName } from './tasks/types.ts';
import type { SequenceBatch } from './types.ts';

export interface Evaluation {
  readonly step: number;
  readonly loss: number;
  readonly metricName: MetricName;
  /** The headline metric on the held-out set. */
  readonly metric: number;
  readonly accuracy?: number;
  readonly mse?: number;
  readonly perplexity?: number;
}

/** The headline metric, as the issue and the lessons use it: accuracy for classes, MSE for values. */
export function headlineMetric(task: Task): MetricName {
  return task.loss === 'cross-entropy' ? 'accuracy' : 'mse';
}

export function metricOf(result: HeadLossResult, outputSize: number, name: MetricName): number {
  if (result.positions === 0) return 0;
  if (name === 'accuracy') return result.correct / result.positions;
  if (name === 'mse') return result.sumSquaredError / (result.positions * outputSize);
  return Math.exp(result.sumNll / result.positions);
}

/** Sequences from..to−1 of a batch-first batch, as views (no copy). */
function sliceSequences(batch: SequenceBatch, from: number, to: number): SequenceBatch {
  const { steps: T, inputSize: I, target } = batch;
  const sliced: SequenceBatch['target'] =
    target.kind === 'class'
      ? { ...target, labels: target.labels.subarray(from * T, to * T) }
      : {
          ...target,
          values: target.values.subarray(from * T * target.size, to * T * target.size),
          weight: target.weight.subarray(from * T, to * T),
        };
  return {
    batchSize: to - from,
    steps: T,
    inputSize: I,
    x: batch.x.subarray(from * T * I, to * T * I),
    lengths: batch.lengths.subarray(from, to),
    target: sliced,
  };
}

/** The loss and counts of several windows of one batch as one result: the loss averaged over positions. */
export function combineResults(parts: readonly HeadLossResult[]): HeadLossResult {
  let lossSum = 0;
  let positions = 0;
  let denominator = 0;
  let correct = 0;
  let sumNll = 0;
  let sumSquaredError = 0;
  for (const part of parts) {
    lossSum += part.loss * part.denominator;
    positions += part.positions;
    denominator += part.denominator;
    correct += part.correct;
    sumNll += part.sumNll;
    sumSquaredError += part.sumSquaredError;
  }
  return {
    kind: parts[0]!.kind,
    loss: denominator > 0 ? lossSum / denominator : 0,
    positions,
    denominator,
    correct,
    sumNll,
    sumSquaredError,
  };
}

/** Evaluates a model on its task's held-out set; reuses its workspaces from one call to the next. */
export interface HeldOutEvaluator {
  /** The held-out loss and metrics now, labelled with training step `step`; changes nothing but workspaces. */
  evaluate(step: number): Evaluation;
}

export function createHeldOutEvaluator(model: Model, task: Task): HeldOutEvaluator {
  const headWorkspace = createHeadWorkspace(task.outputSize);
  const metricName = headlineMetric(task);
  let workspace: StackWorkspace | undefined;
  return {
    evaluate(step) {
      const heldOut: SequenceBatch = task.heldOut();
      // A chunk of sequences at a time (the set is batch-first, so a chunk is a run of each array).
      const chunk = Math.min(EVAL_CHUNK, heldOut.batchSize);
      workspace = ensureStackWorkspace(workspace, model.layers, chunk, heldOut.steps, false);
      let positions = 0;
      let denominator = 0;
      let correct = 0;
      let sumNll = 0;
      let sumSquaredError = 0;
      for (let from = 0; from < heldOut.batchSize; from += chunk) {
        const part = sliceSequences(heldOut, from, Math.min(from + chunk, heldOut.batchSize));
        const { outputs } = stackForward(model.layers, part, { workspace });
        const partResult = headForward(model.head, outputs, part.target, headWorkspace);
        positions += partResult.positions;
        denominator += partResult.denominator;
        correct += partResult.correct;
        sumNll += partResult.sumNll;
        sumSquaredError += partResult.sumSquaredError;
      }
      const classes = task.loss === 'cross-entropy';
      const result: HeadLossResult = {
        kind: classes ? 'crossEntropy' : 'meanSquaredError',
        loss: denominator > 0 ? (classes ? sumNll : sumSquaredError) / denominator : 0,
        positions,
        denominator,
        correct,
        sumNll,
        sumSquaredError,
      };
      const O = model.head.outputSize;
      const scores = classes
        ? { accuracy: metricOf(result, O, 'accuracy'), perplexity: metricOf(result, O, 'perplexity') }
        : { mse: metricOf(result, O, 'mse') };
      return { step, loss: result.loss, metricName, metric: metricOf(result, O, metricName), ...scores };
    },
  };
}
