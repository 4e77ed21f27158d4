/**
 * The playground's shareable state: one typed table of URL fields, each with its parser, bounds and
 * place in the training configuration (after tensorflow/playground's `state.ts`). A value that is not
 * allowed falls back to the default with a notice that says why; nothing in a URL can crash the page.
 */
import type { ClipConfig } from '../../engine/clip';
import type { InitScheme } from '../../engine/init';
import type { OptimizerConfig } from '../../engine/optim';
import type { LearningRateSchedule } from '../../engine/schedule';
import type { TaskConfig, TaskKind } from '../../engine/tasks/task';
import type { BatchingConfig, TrainerConfig } from '../../engine/trainerConfig';
import type { CellKind } from '../../engine/types';
import { CELL_KINDS, TASK_SPECS, TRAINER_LIMITS } from '../engine';
import { parseNumber } from '../shared/parseNumber';

/** The sections of the playground's form. */
export type FieldGroup = 'model' | 'task' | 'optimiser' | 'stability' | 'regularisation' | 'batching';

export interface UrlField {
  readonly key: string;
  readonly label: string;
  readonly group: FieldGroup;
  /** For a choice: the allowed values, in order. */
  readonly choices?: readonly string[];
  /** For a number: its bounds in this configuration (a task's sequence length depends on the task). */
  range?(config: TrainerConfig): { readonly min: number; readonly max: number };
  /** The field's value in this configuration, or undefined when it does not apply (e.g. lag for adding). */
  read(config: TrainerConfig): string | undefined;
  /** Applies a raw value (typed or from a URL); the new configuration, or null if it is not allowed. */
  apply(config: TrainerConfig, raw: string): TrainerConfig | null;
  /**
   * Why `apply` refused `raw` in this configuration, as a sentence: the real reason (a value allowed
   * only for some tasks says so), or the question a comma that reads two ways raises. `subject` names
   * the field in the sentence (default its label; a link's notice adds which configuration); the
   * question stands alone unless a subject is given, since a form field's label is beside it.
   */
  explain(config: TrainerConfig, raw: string, subject?: string): string;
  /**
   * For a field that applies only in some configurations (`read` gives undefined otherwise): what it
   * needs, as a phrase ("padding or length buckets"), so a link's value it cannot use is named.
   */
  readonly onlyWith?: string;
}

type Limits = { readonly min: number; readonly max: number };

/**
 * A typed or URL value as a number within [min, max] (whole when `integer`), or null: read by the one
 * parser of the app, so "0,001" is 0.001 here as in a quiz answer.
 */
function readUrlNumber(raw: string, min: number, max: number, integer: boolean): number | null {
  if (raw.length > 32) return null;
  const parsed = parseNumber(raw);
  if (!parsed.ok) return null;
  const value = parsed.value;
  if (value < min || value > max) return null;
  if (integer && !Number.isInteger(value)) return null;
  return value;
}

/** "a whole number from 1 to 512". */
function allowedNumber(limits: Limits, integer: boolean): string {
  return `${integer ? 'a whole number' : 'a number'} from ${limits.min} to ${limits.max}`;
}

/** The parser's question about a comma that reads two ways, or null. */
function commaQuestion(raw: string, subject: string | undefined): string | null {
  const parsed = parseNumber(raw);
  if (parsed.ok || !parsed.readings) return null;
  return subject ? `${subject}: ${parsed.message}` : parsed.message;
}

/** A value quoted in a sentence, cut short: a URL can carry anything. */
export function quoted(raw: string): string {
  return `"${raw.length > 24 ? `${raw.slice(0, 24)}…` : raw}"`;
}

/** A number as the URL carries it: short, and read back to the same value. */
function writeUrlNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
}

function numberField(
  group: FieldGroup,
  key: string,
  label: string,
  limits: Limits | ((config: TrainerConfig) => Limits),
  integer: boolean,
  get: (config: TrainerConfig) => number | undefined,
  set: (config: TrainerConfig, value: number) => TrainerConfig | null,
): UrlField {
  const range = typeof limits === 'function' ? limits : () => limits;
  return {
    key,
    label,
    group,
    range,
    read: (config) => {
      const value = get(config);
      return value === undefined ? undefined : writeUrlNumber(value);
    },
    apply: (config, raw) => {
      const { min, max } = range(config);
      const value = readUrlNumber(raw, min, max, integer);
      return value === null ? null : set(config, value);
    },
    explain: (config, raw, subject) =>
      commaQuestion(raw, subject) ?? `${subject ?? label} must be ${allowedNumber(range(config), integer)}.`,
  };
}

function choiceField<V extends string>(
  group: FieldGroup,
  key: string,
  label: string,
  values: readonly V[],
  get: (config: TrainerConfig) => V | undefined,
  set: (config: TrainerConfig, value: V) => TrainerConfig | null,
  /** Why an allowed value cannot be set in this configuration (e.g. it needs another task). */
  whyNot?: (config: TrainerConfig, value: V) => string,
): UrlField {
  const known = (raw: string): raw is V => (values as readonly string[]).includes(raw);
  return {
    key,
    label,
    group,
    choices: values,
    read: get,
    apply: (config, raw) => (known(raw) ? set(config, raw) : null),
    explain: (config, raw, subject = label) =>
      known(raw) && whyNot ? whyNot(config, raw) : `${subject} must be one of ${values.join(', ')}.`,
  };
}

/** The bounds of a task's own field (sequence length differs by task), or the first task's. */
function taskLimits(key: string, kinds: readonly TaskKind[], config: TrainerConfig): Limits {
  const kind = kinds.includes(config.task.kind) ? config.task.kind : kinds[0]!;
  const spec = TASK_SPECS[kind].fields.find((field) => field.key === key)!;
  return { min: spec.min, max: spec.max };
}

/** Changes one field of the task configuration if the task has it. */
function taskNumberField(key: string, label: string, kinds: readonly TaskKind[]): UrlField {
  const spec = TASK_SPECS[kinds[0]!].fields.find((field) => field.key === key)!;
  return only(
    taskPhrase(kinds),
    numberField(
      'task',
      key,
      label,
      (config) => taskLimits(key, kinds, config),
      spec.integer,
      (config) =>
        kinds.includes(config.task.kind)
          ? (config.task as unknown as Record<string, number>)[key]
          : undefined,
      (config, value) =>
        kinds.includes(config.task.kind)
          ? { ...config, task: { ...config.task, [key]: value } as TaskConfig }
          : config,
    ),
  );
}

/** The tasks whose sequences can vary in length, and so be padded or bucketed. */
const VARIABLE_LENGTH_TASKS: readonly TaskKind[] = ['recall', 'adding'];

const L = TRAINER_LIMITS;

function withOptimizer(config: TrainerConfig, change: Partial<Record<string, number>>): TrainerConfig {
  return { ...config, optimizer: { ...config.optimizer, ...change } as OptimizerConfig };
}

function withBatching(config: TrainerConfig, change: Partial<Record<string, number>>): TrainerConfig | null {
  if (config.batching.kind === 'fixed') return config;
  return { ...config, batching: { ...config.batching, ...change } as BatchingConfig };
}

/** A field that applies only in some configurations, saying which (see `UrlField.onlyWith`). */
function only(onlyWith: string, field: UrlField): UrlField {
  return { ...field, onlyWith };
}

/** The tasks a task field belongs to, as a phrase: "the adding, sine and chars tasks". */
function taskPhrase(kinds: readonly TaskKind[]): string {
  if (kinds.length === 1) return `the ${kinds[0]} task`;
  return `the ${kinds.slice(0, -1).join(', ')} and ${kinds[kinds.length - 1]} tasks`;
}

/** Every field, in the order they are parsed (a field that depends on another comes after it). */
export const URL_FIELDS: readonly UrlField[] = [
  choiceField<CellKind>(
    'model',
    'cell',
    'Cell',
    CELL_KINDS,
    (c) => c.cell,
    (c, cell) => ({ ...c, cell }),
  ),
  choiceField<TaskKind>(
    'task',
    'task',
    'Task',
    ['recall', 'adding', 'sine', 'chars'],
    (c) => c.task.kind,
    (c, kind) => {
      if (kind === c.task.kind) return c;
      const task = TASK_SPECS[kind].defaults as TaskConfig;
      // Padding and buckets need sequences of varying length; a task of one length batches them fixed.
      const batching = VARIABLE_LENGTH_TASKS.includes(kind) ? c.batching : { kind: 'fixed' as const };
      return { ...c, task, batching };
    },
  ),
  taskNumberField('lag', 'Lag', ['recall']),
  taskNumberField('symbols', 'Symbols', ['recall']),
  taskNumberField('distractors', 'Distractor symbols', ['recall']),
  taskNumberField('steps', 'Sequence length', ['adding', 'sine', 'chars']),
  taskNumberField('components', 'Sine components', ['sine']),
  numberField(
    'model',
    'hidden',
    'Hidden size',
    L.hiddenSize,
    true,
    (c) => c.hiddenSize,
    (c, hiddenSize) => ({ ...c, hiddenSize }),
  ),
  numberField(
    'model',
    'layers',
    'Stacked layers',
    L.layers,
    true,
    (c) => c.layers,
    (c, layers) => ({ ...c, layers }),
  ),
  numberField(
    'optimiser',
    'batch',
    'Batch size',
    L.batchSize,
    true,
    (c) => c.batchSize,
    (c, batchSize) => ({ ...c, batchSize }),
  ),
  choiceField<OptimizerConfig['kind']>(
    'optimiser',
    'opt',
    'Optimiser',
    ['sgd', 'momentum', 'adam'],
    (c) => c.optimizer.kind,
    (c, kind) =>
      kind === c.optimizer.kind
        ? c
        : { ...c, optimizer: { kind, weightDecay: c.optimizer.weightDecay ?? 0 } },
  ),
  numberField(
    'optimiser',
    'lr',
    'Learning rate',
    L.learningRate,
    false,
    (c) => c.learningRate,
    (c, learningRate) => ({ ...c, learningRate }),
  ),
  only(
    'the momentum optimiser',
    numberField(
      'optimiser',
      'momentum',
      'Momentum',
      { min: 0, max: 0.999 },
      false,
      (c) => (c.optimizer.kind === 'momentum' ? (c.optimizer.momentum ?? 0.9) : undefined),
      (c, momentum) => (c.optimizer.kind === 'momentum' ? withOptimizer(c, { momentum }) : c),
    ),
  ),
  numberField(
    'regularisation',
    'wd',
    'Weight decay',
    { min: 0, max: 1 },
    false,
    (c) => c.optimizer.weightDecay ?? 0,
    (c, weightDecay) => withOptimizer(c, { weightDecay }),
  ),
  choiceField<LearningRateSchedule['kind']>(
    'optimiser',
    'sched',
    'Schedule',
    ['constant', 'step', 'exponential'],
    (c) => c.schedule.kind,
    (c, kind) => {
      if (kind === c.schedule.kind) return c;
      const schedule: LearningRateSchedule =
        kind === 'constant'
          ? { kind }
          : kind === 'step'
            ? { kind, stepSize: 200, gamma: 0.5 }
            : { kind, gamma: 0.999 };
      return { ...c, schedule };
    },
  ),
  only(
    'a step or exponential schedule',
    numberField(
      'optimiser',
      'gamma',
      'Decay factor γ',
      { min: 0.01, max: 1 },
      false,
      (c) => (c.schedule.kind === 'constant' ? undefined : c.schedule.gamma),
      (c, gamma) => (c.schedule.kind === 'constant' ? c : { ...c, schedule: { ...c.schedule, gamma } }),
    ),
  ),
  only(
    'a step schedule',
    numberField(
      'optimiser',
      'every',
      'Decay every (steps)',
      { min: 1, max: 100_000 },
      true,
      (c) => (c.schedule.kind === 'step' ? c.schedule.stepSize : undefined),
      (c, stepSize) => (c.schedule.kind === 'step' ? { ...c, schedule: { ...c.schedule, stepSize } } : c),
    ),
  ),
  choiceField<ClipConfig['kind']>(
    'stability',
    'clip',
    'Clipping',
    ['none', 'norm', 'value'],
    (c) => c.clip.kind,
    (c, kind) => {
      if (kind === c.clip.kind) return c;
      const clip: ClipConfig =
        kind === 'none' ? { kind } : kind === 'norm' ? { kind, maxNorm: 1 } : { kind, maxValue: 0.5 };
      return { ...c, clip };
    },
  ),
  only(
    'clipping by norm or by value',
    numberField(
      'stability',
      'clipAt',
      'Clipping threshold',
      { min: 0.001, max: 1000 },
      false,
      (c) =>
        c.clip.kind === 'norm' ? c.clip.maxNorm : c.clip.kind === 'value' ? c.clip.maxValue : undefined,
      (c, at) =>
        c.clip.kind === 'norm'
          ? { ...c, clip: { kind: 'norm', maxNorm: at } }
          : c.clip.kind === 'value'
            ? { ...c, clip: { kind: 'value', maxValue: at } }
            : c,
    ),
  ),
  choiceField<InitScheme>(
    'model',
    'init',
    'Initialisation',
    ['pytorch', 'xavier', 'orthogonal', 'gaussian'],
    (c) => c.init.scheme,
    (c, scheme) => ({ ...c, init: { ...c.init, scheme } }),
  ),
  only(
    'Gaussian initialisation',
    numberField(
      'model',
      'std',
      'Gaussian standard deviation',
      L.std,
      false,
      (c) => (c.init.scheme === 'gaussian' ? c.init.std : undefined),
      (c, std) => ({ ...c, init: { ...c.init, std } }),
    ),
  ),
  {
    key: 'fbias',
    label: 'Forget-gate bias',
    onlyWith: 'an LSTM cell',
    group: 'model',
    range: () => L.forgetBias,
    read: (c) =>
      c.cell !== 'lstm' ? undefined : c.init.forgetBias === null ? 'off' : writeUrlNumber(c.init.forgetBias),
    apply: (c, raw) => {
      if (raw === 'off') return { ...c, init: { ...c.init, forgetBias: null } };
      const value = readUrlNumber(raw, L.forgetBias.min, L.forgetBias.max, false);
      return value === null ? null : { ...c, init: { ...c.init, forgetBias: value } };
    },
    explain: (_c, raw, subject) =>
      commaQuestion(raw, subject) ??
      `${subject ?? 'Forget-gate bias'} must be "off" or ${allowedNumber(L.forgetBias, false)}.`,
  },
  numberField(
    'regularisation',
    'din',
    'Input dropout',
    L.dropout,
    false,
    (c) => c.dropout.input,
    (c, input) => ({ ...c, dropout: { ...c.dropout, input } }),
  ),
  numberField(
    'regularisation',
    'dout',
    'Output dropout',
    L.dropout,
    false,
    (c) => c.dropout.output,
    (c, output) => ({ ...c, dropout: { ...c.dropout, output } }),
  ),
  numberField(
    'regularisation',
    'drec',
    'Recurrent dropout',
    L.dropout,
    false,
    (c) => c.dropout.recurrent,
    (c, recurrent) => ({ ...c, dropout: { ...c.dropout, recurrent } }),
  ),
  only(
    'two or more stacked layers',
    numberField(
      'regularisation',
      'dlayer',
      'Dropout between layers',
      L.dropout,
      false,
      (c) => (c.layers > 1 ? c.dropout.layer : undefined),
      (c, layer) => ({ ...c, dropout: { ...c.dropout, layer } }),
    ),
  ),
  numberField(
    'stability',
    'tbptt',
    'Truncated BPTT window (0 = full)',
    { min: 0, max: L.truncation.max },
    true,
    (c) => c.truncation ?? 0,
    (c, window) => ({ ...c, truncation: window === 0 ? null : window }),
  ),
  choiceField<BatchingConfig['kind']>(
    'batching',
    'batching',
    'Batching',
    ['fixed', 'padding', 'buckets'],
    (c) => c.batching.kind,
    (c, kind) => {
      if (kind === c.batching.kind) return c;
      if (kind === 'fixed') return { ...c, batching: { kind } };
      if (!VARIABLE_LENGTH_TASKS.includes(c.task.kind)) return null;
      const previous = c.batching.kind === 'fixed' ? { minSteps: 5, maxSteps: 40, buckets: 4 } : c.batching;
      return {
        ...c,
        batching: {
          kind,
          minSteps: previous.minSteps,
          maxSteps: previous.maxSteps,
          buckets: previous.buckets,
        },
      };
    },
    (c, kind) =>
      `${kind === 'padding' ? 'Padding' : 'Length buckets'} need sequences of varying length, which only the recall and adding tasks have; the ${TASK_SPECS[c.task.kind].title.toLowerCase()} task batches its sequences at one length.`,
  ),
  only(
    'padding or length buckets',
    numberField(
      'batching',
      'minlen',
      'Shortest sequence',
      L.steps,
      true,
      (c) => (c.batching.kind === 'fixed' ? undefined : c.batching.minSteps),
      (c, minSteps) => withBatching(c, { minSteps }),
    ),
  ),
  only(
    'padding or length buckets',
    numberField(
      'batching',
      'maxlen',
      'Longest sequence',
      L.steps,
      true,
      (c) => (c.batching.kind === 'fixed' ? undefined : c.batching.maxSteps),
      (c, maxSteps) => withBatching(c, { maxSteps }),
    ),
  ),
  only(
    'length buckets',
    numberField(
      'batching',
      'buckets',
      'Buckets',
      L.buckets,
      true,
      (c) => (c.batching.kind === 'buckets' ? c.batching.buckets : undefined),
      (c, buckets) => withBatching(c, { buckets }),
    ),
  ),
  numberField(
    'model',
    'seed',
    'Seed',
    L.seed,
    true,
    (c) => c.seed,
    (c, seed) => ({ ...c, seed }),
  ),
];
