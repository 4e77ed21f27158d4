/**
 * The shape check of every message on the presenter channel. Any page of the site, or a window of
 * another version of it, can post there; a message this window does not understand is ignored, so it
 * can never stop the deck, blank a figure or start workers. Run configurations are checked with the
 * engine's own validator, and relayed starts are bounded to the runs a slide really trains at once.
 */
import type { TrainerConfig } from '../../engine/trainerConfig';
import type { RunSpeed } from '../../engine/worker/protocol';
import { validateTrainerConfig } from '../engine';
import type { StartOptions } from '../engineBridge';
import { isObject } from '../shared/isObject';
import type { RunHistory, RunPhase, RunState } from '../store/runsSlice';
import { isDivergence, isEvaluation, isProbe, isRunInfo } from '../workerMessages';
import type { Position, PresentMessage, RunCommand } from './sync';

/**
 * The most runs a slide trains at once: three cells side by side, or the memory-horizon sweep's one
 * per cell. A relayed start beyond it would only start another worker.
 */
export const MAX_DECK_BUSY_RUNS = 3;
/**
 * The most runs one report may carry: after a hello it carries every run the audience window holds,
 * and a tour of all six decks leaves a few dozen (the sweep alone has 15).
 */
const MAX_REPORTED_RUNS = 256;
/** Slot names are short ids (`l3-slides-rnn-vs-lstm-lstm`); a long one is not ours. */
const MAX_SLOT_LENGTH = 120;
/** The playground's own step limit; no slide asks for more. */
const MAX_STEPS = 100_000;

function isString(value: unknown, max = 1000): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= max;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** A slot name as the deck's widgets make them. */
export function isSlot(value: unknown): value is string {
  return isString(value, MAX_SLOT_LENGTH);
}

/** A configuration the engine accepts (its validator reads nested fields, so a wrong shape throws). */
export function isTrainerConfig(value: unknown): value is TrainerConfig {
  if (!isObject(value)) return false;
  try {
    return validateTrainerConfig(value as unknown as TrainerConfig).length === 0;
  } catch {
    return false;
  }
}

function isPosition(value: unknown): value is Position {
  return (
    isObject(value) &&
    isString(value.slug, 200) &&
    isCount(value.index) &&
    typeof value.blank === 'boolean' &&
    isFiniteNumber(value.at)
  );
}

function isSpeed(value: unknown): value is RunSpeed {
  if (!isObject(value)) return false;
  if (value.kind === 'max') return true;
  return (
    value.kind === 'paced' &&
    isFiniteNumber(value.stepsPerSecond) &&
    value.stepsPerSecond > 0 &&
    value.stepsPerSecond <= 1000
  );
}

function isStartOptions(value: unknown): value is StartOptions {
  return (
    isObject(value) &&
    isCount(value.maxSteps) &&
    value.maxSteps >= 1 &&
    value.maxSteps <= MAX_STEPS &&
    isSpeed(value.speed) &&
    (value.paused === undefined || typeof value.paused === 'boolean') &&
    // Slides never load weights; a command that carries some is not from this deck.
    value.weights === undefined
  );
}

function isRunCommand(value: unknown): value is RunCommand {
  if (!isObject(value) || !isSlot(value.slot)) return false;
  switch (value.action) {
    case 'start':
      return isTrainerConfig(value.config) && isStartOptions(value.options);
    case 'pause':
    case 'resume':
    case 'stop':
    case 'clear':
      return true;
    case 'step':
      return isCount(value.steps) && value.steps >= 1 && value.steps <= 10_000;
    case 'speed':
      return isSpeed(value.speed);
    default:
      return false;
  }
}

const phases: ReadonlySet<string> = new Set<RunPhase>([
  'running',
  'paused',
  'finished',
  'stopped',
  'diverged',
  'starting',
  'crashed',
  'problem',
]);

function isHistory(value: unknown): value is RunHistory {
  if (!isObject(value) || !Array.isArray(value.steps)) return false;
  const length = value.steps.length;
  const numeric = [value.steps, value.loss, value.metric, value.gradNorm, value.learningRate];
  return (
    numeric.every(
      (series) =>
        Array.isArray(series) &&
        series.length === length &&
        series.every((entry) => typeof entry === 'number'),
    ) &&
    Array.isArray(value.clipped) &&
    value.clipped.length === length &&
    value.clipped.every((entry) => typeof entry === 'boolean')
  );
}

/** A run as the audience window reports it: everything the speaker's figures read, of the right kind. */
export function isRunState(value: unknown): value is RunState {
  return (
    isObject(value) &&
    isSlot(value.slot) &&
    isString(value.runId, 200) &&
    isTrainerConfig(value.config) &&
    typeof value.phase === 'string' &&
    phases.has(value.phase) &&
    (value.info === null || isRunInfo(value.info)) &&
    isCount(value.stepCount) &&
    isHistory(value.history) &&
    Array.isArray(value.evaluations) &&
    value.evaluations.every(isEvaluation) &&
    (value.probe === null || isProbe(value.probe)) &&
    value.gradNormByStep instanceof Float64Array &&
    Array.isArray(value.gradRows) &&
    value.gradRows.every((row) => isObject(row) && isCount(row.step) && row.norms instanceof Float64Array) &&
    typeof value.msPerStep === 'number' &&
    typeof value.paddedShare === 'number' &&
    (value.divergence === null || isDivergence(value.divergence)) &&
    (value.problem === null || typeof value.problem === 'string') &&
    isCount(value.version)
  );
}

/** The message if this window understands it, otherwise null. */
export function readPresentMessage(data: unknown): PresentMessage | null {
  if (!isObject(data) || !isString(data.sender, 200)) return null;
  if (data.role !== 'audience' && data.role !== 'speaker') return null;
  const ok = (() => {
    switch (data.kind) {
      case 'hello':
      case 'position':
        return isPosition(data.position);
      case 'welcome':
      case 'bye':
        return true;
      case 'run-command':
        return isString(data.slug, 200) && isRunCommand(data.command);
      case 'runs':
        return (
          isString(data.slug, 200) &&
          Array.isArray(data.runs) &&
          data.runs.length <= MAX_REPORTED_RUNS &&
          data.runs.every(isRunState) &&
          Array.isArray(data.slots) &&
          data.slots.length <= MAX_REPORTED_RUNS &&
          data.slots.every(isSlot)
        );
      default:
        return false;
    }
  })();
  return ok ? (data as unknown as PresentMessage) : null;
}

/**
 * Whether the audience window carries out a relayed start: only while fewer runs than a slide uses
 * train in other slots (a new start in a slot replaces that slot's run).
 */
export function startFits(runs: Readonly<Record<string, RunState>>, slot: string): boolean {
  const busy = Object.values(runs).filter(
    (run) =>
      run.slot !== slot && (run.phase === 'starting' || run.phase === 'running' || run.phase === 'paused'),
  );
  return busy.length < MAX_DECK_BUSY_RUNS;
}
