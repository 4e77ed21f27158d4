/**
 * Learning-rate schedules, in the closed form of PyTorch's per-step schedulers: the rate for update
 * number `step` (0 for the first update) given the base rate. Invalid configurations are reported the
 * same way as in optim.ts: `validateSchedule` lists the problems, `learningRateAt` throws a ConfigError.
 */
import { ConfigError, type ConfigProblem } from './configProblem.ts';
import { validateLearningRate } from './optim.ts';

/** How the learning rate changes with the step number. */
export type LearningRateSchedule =
  | {
      /** lr(step) = baseLr. */
      readonly kind: 'constant';
    }
  | {
      /** lr(step) = baseLr · γ^⌊step / stepSize⌋, like `torch.optim.lr_scheduler.StepLR` stepped per update. */
      readonly kind: 'step';
      /** Updates between decays: a whole number ≥ 1. */
      readonly stepSize: number;
      /** Factor applied every `stepSize` updates: a finite number > 0. */
      readonly gamma: number;
    }
  | {
      /** lr(step) = baseLr · γ^step, like `torch.optim.lr_scheduler.ExponentialLR` stepped per update. */
      readonly kind: 'exponential';
      /** Factor applied every update: a finite number > 0 (below 1 decays; above 1 grows). */
      readonly gamma: number;
    };

/** The kinds of schedule, for menus. */
export type ScheduleKind = LearningRateSchedule['kind'];

function isPositiveFinite(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

/**
 * Lists what is wrong with a schedule (empty when it is valid): an unknown kind, a γ that is not a
 * finite number > 0, or a stepSize that is not a whole number ≥ 1.
 */
export function validateSchedule(schedule: LearningRateSchedule): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const kind: unknown = schedule?.kind;
  if (kind !== 'constant' && kind !== 'step' && kind !== 'exponential') {
    problems.push({
      field: 'kind',
      message: `Unknown schedule "${String(kind)}"; use constant, step or exponential.`,
    });
    return problems;
  }
  if (schedule.kind === 'constant') return problems;
  if (!isPositiveFinite(schedule.gamma)) {
    problems.push({
      field: 'gamma',
      message: `γ must be a finite number > 0; got ${String(schedule.gamma)}.`,
    });
  }
  if (schedule.kind === 'step' && !(Number.isInteger(schedule.stepSize) && schedule.stepSize >= 1)) {
    problems.push({
      field: 'stepSize',
      message: `The step size must be a whole number ≥ 1; got ${String(schedule.stepSize)}.`,
    });
  }
  return problems;
}

/**
 * The learning rate for update number `step` (0-based: the first update uses `baseLr` under every
 * schedule). Throws ConfigError for an invalid schedule or base rate (see {@link validateSchedule} and
 * `validateLearningRate`), and RangeError for a step that is not a whole number ≥ 0.
 * The result is never negative or NaN, but after very many steps it may underflow to 0 (γ < 1) or
 * overflow to Infinity (γ > 1), which the optimiser's `step` then rejects.
 */
export function learningRateAt(schedule: LearningRateSchedule, baseLr: number, step: number): number {
  const problems = [...validateLearningRate(baseLr), ...validateSchedule(schedule)];
  if (problems.length > 0) throw new ConfigError('learning-rate schedule', problems);
  if (!Number.isInteger(step) || step < 0) {
    throw new RangeError(`The step number must be a whole number ≥ 0; got ${step}.`);
  }
  switch (schedule.kind) {
    case 'constant':
      return baseLr;
    case 'step':
      return baseLr * schedule.gamma ** Math.floor(step / schedule.stepSize);
    case 'exponential':
      return baseLr * schedule.gamma ** step;
  }
}
