/**
 * The shape check of what a training worker sends the page. The protocol's types hold only if both
 * sides are this build; a worker of another version, a bug or a stray `postMessage(null)` must not
 * throw in the page, so every message is checked before the bridge reads it.
 */

import type { Connectivity } from '../engine/lab/connectivity';
import type { PostedTrace } from '../engine/lab/trace';
import type { Divergence, Evaluation } from '../engine/trainer';
import type { FromWorker, LabAnswer, Probe, RunInfo, RunStatus, Snapshot } from '../engine/worker/protocol';
import { CELL_KINDS } from './engine';
import { isObject } from './shared/isObject';

type Shape = Record<string, unknown>;

const statuses: ReadonlySet<string> = new Set<RunStatus>([
  'running',
  'paused',
  'finished',
  'stopped',
  'diverged',
]);
const cells: ReadonlySet<string> = new Set(CELL_KINDS);

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && !Number.isNaN(value);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/** A held-out evaluation as the engine reports it (also checked for runs relayed between windows). */
export function isEvaluation(value: unknown): value is Evaluation {
  return (
    isObject(value) &&
    isCount(value.step) &&
    isNumber(value.loss) &&
    isNumber(value.metric) &&
    (value.metricName === 'accuracy' || value.metricName === 'mse' || value.metricName === 'perplexity')
  );
}

/** A probe of one of its run's layers, whose gate arrays are as long as its steps × hidden size say. */
export function isProbe(value: unknown): value is Probe {
  if (!isObject(value) || !isCount(value.step) || !isCount(value.steps) || !isCount(value.hiddenSize))
    return false;
  if (!isCount(value.layers) || value.layers < 1 || !isCount(value.layer) || value.layer >= value.layers)
    return false;
  if (typeof value.cell !== 'string' || !cells.has(value.cell)) return false;
  const size = value.steps * value.hiddenSize;
  const gates = value.gates;
  if (!isObject(gates) || Object.keys(gates).length === 0) return false;
  if (!Object.values(gates).every((gate) => gate instanceof Float64Array && gate.length === size))
    return false;
  return (
    Array.isArray(value.inputLabels) &&
    value.inputLabels.every((label) => typeof label === 'string') &&
    value.jacobianNorms instanceof Float64Array
  );
}

/** A divergence report: the step, what overflowed, and the sentence for the person. */
export function isDivergence(value: unknown): value is Divergence {
  return (
    isObject(value) &&
    isCount(value.step) &&
    (value.what === 'loss' || value.what === 'gradient' || value.what === 'weights') &&
    typeof value.message === 'string'
  );
}

function isText(value: unknown): value is string {
  return typeof value === 'string';
}

function isReferences(value: unknown): boolean {
  return (
    Array.isArray(value) &&
    value.every((entry) => isObject(entry) && isNumber(entry.value) && isText(entry.description))
  );
}

function isRunVocabulary(value: unknown): boolean {
  if (!isObject(value) || !Array.isArray(value.symbols) || value.symbols.length < 2) return false;
  if (!value.symbols.every(isText)) return false;
  const report = value.report;
  return (
    report === null ||
    (isObject(report) &&
      isCount(report.distinct) &&
      isCount(report.length) &&
      isCount(report.replaced) &&
      Array.isArray(report.replacedSymbols) &&
      report.replacedSymbols.every(isText))
  );
}

/**
 * A unit trace as the worker posts it: every series a Float32Array [steps][hiddenSize], the
 * probabilities a Float32Array [steps][V].
 */
export function isPostedTrace(value: unknown): value is PostedTrace {
  if (!isObject(value) || typeof value.cell !== 'string' || !cells.has(value.cell)) return false;
  const { steps, hiddenSize, vocabularySize, kinds, layers } = value;
  if (!isCount(steps) || steps < 1 || !isCount(hiddenSize) || !isCount(vocabularySize)) return false;
  if (!Array.isArray(kinds) || kinds.length === 0 || !kinds.every(isText)) return false;
  if (!Array.isArray(layers) || layers.length < 1) return false;
  const size = steps * hiddenSize;
  const seriesOk = layers.every(
    (layer) =>
      isObject(layer) &&
      kinds.every((kind) => layer[kind] instanceof Float32Array && layer[kind].length === size),
  );
  return (
    seriesOk &&
    value.probabilities instanceof Float32Array &&
    value.probabilities.length === steps * vocabularySize
  );
}

/** Connectivity of one prediction: an influence per character up to the position. */
export function isConnectivity(value: unknown): value is Connectivity {
  return (
    isObject(value) &&
    isCount(value.position) &&
    isCount(value.target) &&
    isNumber(value.logProbability) &&
    value.influence instanceof Float64Array &&
    value.influence.length === value.position + 1 &&
    value.gradient instanceof Float64Array &&
    value.gradient.length % (value.position + 1) === 0
  );
}

/** An answer about a run's model, of any kind the lab asks for. */
export function isLabAnswer(value: unknown): value is LabAnswer {
  if (!isObject(value) || typeof value.kind !== 'string') return false;
  if (value.kind === 'refused') return isText(value.message);
  if (!isCount(value.step)) return false;
  switch (value.kind) {
    case 'sample':
      return isText(value.text);
    case 'distribution':
      return (
        isText(value.prefix) &&
        Array.isArray(value.symbols) &&
        value.symbols.every(isText) &&
        value.probabilities instanceof Float64Array &&
        value.probabilities.length === value.symbols.length
      );
    case 'trace':
      return (
        isText(value.passage) &&
        isPostedTrace(value.trace) &&
        Array.from(value.passage).length === value.trace.steps
      );
    case 'connectivity':
      return isText(value.passage) && isConnectivity(value.connectivity);
    case 'connectivityProfile':
      return (
        typeof value.cell === 'string' &&
        cells.has(value.cell) &&
        isCount(value.hiddenSize) &&
        isCount(value.layers) &&
        isCount(value.positions) &&
        value.profile instanceof Float64Array &&
        value.profile.length > 0
      );
    default:
      return false;
  }
}

/** What a run is, reported once when it starts. */
export function isRunInfo(value: unknown): value is RunInfo {
  return (
    isObject(value) &&
    typeof value.cell === 'string' &&
    cells.has(value.cell) &&
    isCount(value.layers) &&
    value.layers >= 1 &&
    typeof value.taskTitle === 'string' &&
    (value.metricName === 'accuracy' || value.metricName === 'mse' || value.metricName === 'perplexity') &&
    isCount(value.inputSize) &&
    isCount(value.outputSize) &&
    isCount(value.parameterCount) &&
    isObject(value.baseline) &&
    isNumber(value.baseline.value) &&
    typeof value.baseline.description === 'string' &&
    (value.kernels === 'wasm' || value.kernels === 'js') &&
    isNumber(value.estimatedMsPerStep) &&
    value.estimatedMsPerStep >= 0 &&
    (value.references === undefined || isReferences(value.references)) &&
    (value.vocabulary === undefined || isRunVocabulary(value.vocabulary))
  );
}

function isSnapshot(value: unknown): value is Snapshot {
  if (!isObject(value)) return false;
  if (typeof value.status !== 'string' || !statuses.has(value.status)) return false;
  if (!isCount(value.stepCount) || !isCount(value.firstStep) || !isNumber(value.msPerStep)) return false;
  if (typeof value.checkpoint !== 'boolean') return false;
  const loss = value.loss;
  if (!(loss instanceof Float64Array)) return false;
  const series = [value.metric, value.gradNorm, value.learningRate, value.paddedShare];
  if (!series.every((values) => values instanceof Float64Array && values.length === loss.length))
    return false;
  if (!(value.clipped instanceof Uint8Array) || value.clipped.length !== loss.length) return false;
  if (!(value.gradNormByStep instanceof Float64Array)) return false;
  if (value.evaluation !== null && !isEvaluation(value.evaluation)) return false;
  return value.probe === null || isProbe(value.probe);
}

/** The message if it is one this page understands, otherwise null. */
export function readWorkerMessage(data: unknown): FromWorker | null {
  if (!isObject(data) || typeof data.type !== 'string') return null;
  if (data.type === 'ready') return { type: 'ready' };
  if (typeof data.runId !== 'string') return null;
  const message = data as Shape & { runId: string };
  switch (message.type) {
    case 'started':
      return isRunInfo(message.info) ? (message as unknown as FromWorker) : null;
    case 'snapshot':
      return isSnapshot(message.snapshot) ? (message as unknown as FromWorker) : null;
    case 'diverged':
      return isDivergence(message.divergence) ? (message as unknown as FromWorker) : null;
    case 'weights':
      return isCount(message.requestId) && typeof message.json === 'string'
        ? (message as unknown as FromWorker)
        : null;
    case 'answer':
      return isCount(message.requestId) && isLabAnswer(message.answer)
        ? (message as unknown as FromWorker)
        : null;
    case 'problem':
      return typeof message.message === 'string' ? (message as unknown as FromWorker) : null;
    default:
      return null;
  }
}
