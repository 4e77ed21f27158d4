/**
 * Runs a lesson's demos and predict questions on seeds 1 to 10 in Node, with the configurations the app
 * builds from them (the demos' through configFrom, the questions' through experimentConfig), evaluating at
 * the run loop's own checkpoints. Each run stops as soon as its outcome is known.
 */

import type { LiveDemo, PredictQuestion, Question } from '../../app/lessonTypes.ts';
import { decideOutcome, experimentConfig, TIE } from '../../app/quiz/outcome.ts';
import { configFrom } from '../../app/widgets/experimentConfig.ts';
import { type HorizonPlan, horizonConfig } from '../../app/widgets/horizonSetup.ts';
import { createTrainer } from '../../engine/trainer.ts';
import type { TrainerConfig } from '../../engine/trainerConfig.ts';
import type { CellKind } from '../../engine/types.ts';
import { checkpointEvery } from '../../engine/worker/runLoop.ts';

export const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

/** The configuration LiveTraining trains for one cell of a demo, on another seed. */
export function demoConfig(demo: LiveDemo, seed: number, cell?: CellKind): TrainerConfig {
  const base = configFrom(demo.config);
  return { ...base, cell: cell ?? base.cell, seed };
}

/**
 * The first checkpoint of a run of `budget` steps (every checkpointEvery(budget) steps, as the worker
 * evaluates) at which held-out accuracy reaches `target`, or null if none does by step `stopAfter`.
 */
export function stepsToAccuracy(
  config: TrainerConfig,
  budget: number,
  target: number,
  stopAfter = budget,
): number | null {
  const trainer = createTrainer(config);
  const every = checkpointEvery(budget);
  const last = Math.min(budget, stopAfter);
  while (trainer.stepCount < last) {
    if (trainer.trainStep() === null) return null;
    if (trainer.stepCount % every === 0 || trainer.stepCount === budget) {
      if (trainer.evaluate().metric >= target) return trainer.stepCount;
    }
  }
  return null;
}

interface FinalResult {
  readonly loss: number;
  readonly metric: number;
  readonly parameters: number;
}

/** Held-out loss and metric after exactly `steps` steps, and the parameter count; null if it diverged. */
export function finalEvaluation(config: TrainerConfig, steps: number): FinalResult | null {
  const trainer = createTrainer(config);
  while (trainer.stepCount < steps) if (trainer.trainStep() === null) return null;
  const { loss, metric } = trainer.evaluate();
  return { loss, metric, parameters: trainer.model.params.reduce((sum, param) => sum + param.w.length, 0) };
}

/** The measures a Node run can take (timings belong to the browser, and no question uses one now). */
const MEASURED: Partial<Record<PredictQuestion['experiment']['measure'], (result: FinalResult) => number>> = {
  heldOutMetric: (result) => result.metric,
  finalLoss: (result) => result.loss,
  parameterCount: (result) => result.parameters,
};

/** The choice a predict question's experiment makes right on `seed` (its runs moved to that seed). */
export function predictWinner(question: PredictQuestion, seed: number): string | null {
  const { experiment } = question;
  // A sampling experiment trains nothing and has no seeds to sweep: its one seed is part of the question.
  if (experiment.kind === 'sampling') throw new Error(`${question.id} samples; it trains nothing`);
  const values = experiment.runs.map((run) => {
    const result = finalEvaluation(experimentConfig({ ...run.config, seed }), experiment.steps);
    const measure = MEASURED[experiment.measure];
    if (measure === undefined)
      throw new Error(`${question.id}: ${experiment.measure} is not measured in Node`);
    const value = result === null ? null : measure(result);
    return { runId: run.id, value };
  });
  const offersTie = question.choices.some((choice) => choice.id === TIE);
  return decideOutcome(experiment, values, offersTie)?.winner ?? null;
}

/** How many entries equal `value`. */
export function count<T>(values: readonly T[], value: T): number {
  return values.filter((entry) => entry === value).length;
}

/** The predict question `id` of a lesson's questions (throws if it is not one, so a renamed id fails loudly). */
export function predictQuestion(questions: readonly Question[], id: string): PredictQuestion {
  const question = questions.find((one) => one.id === id);
  if (question?.kind !== 'predict') throw new Error(`${id} is not a predict question`);
  return question;
}

/** The seed a predict question's experiment runs on in the page (its runs share one). */
export function questionSeed(question: PredictQuestion): number {
  const { experiment } = question;
  if (experiment.kind === 'sampling') return experiment.seed;
  return experimentConfig(experiment.runs[0]!.config).seed;
}

/** The winner on the question's own seed, from winners measured over SEEDS. */
export function ownSeedWinner(question: PredictQuestion, winners: readonly (string | null)[]): string | null {
  const index = SEEDS.indexOf(questionSeed(question) as (typeof SEEDS)[number]);
  if (index < 0)
    throw new Error(`${question.id} runs on seed ${questionSeed(question)}, outside ${SEEDS.join(', ')}`);
  return winners[index] ?? null;
}

/**
 * The first checkpoint of a run of `budget` steps at which the held-out loss is below `target`, or null if
 * none is by step `stopAfter` (or the run diverged).
 */
export function stepsToLoss(
  config: TrainerConfig,
  budget: number,
  target: number,
  stopAfter = budget,
): number | null {
  const trainer = createTrainer(config);
  const every = checkpointEvery(budget);
  const last = Math.min(budget, stopAfter);
  while (trainer.stepCount < last) {
    if (trainer.trainStep() === null) return null;
    if (trainer.stepCount % every === 0 || trainer.stepCount === budget) {
      if (trainer.evaluate().loss < target) return trainer.stepCount;
    }
  }
  return null;
}

/** What a run of `budget` steps shows at its end, as the page's loss figure draws it. */
export interface RunSummary {
  /** The mean training loss over the last `window` steps (dropout runs measure it under their masks). */
  readonly recentTrainingLoss: number;
  /** The held-out loss at the last checkpoint. */
  readonly finalHeldOutLoss: number;
  /** The lowest held-out loss at any checkpoint, and its step. */
  readonly bestHeldOutLoss: number;
  readonly bestStep: number;
}

/**
 * Trains `budget` steps, evaluating at the worker's checkpoints, and summarises the end of the run; null if
 * it diverged.
 */
export function runSummary(config: TrainerConfig, budget: number, window = 100): RunSummary | null {
  const trainer = createTrainer(config);
  const every = checkpointEvery(budget);
  const recent: number[] = [];
  let bestHeldOutLoss = Number.POSITIVE_INFINITY;
  let bestStep = 0;
  let finalHeldOutLoss = Number.NaN;
  while (trainer.stepCount < budget) {
    const report = trainer.trainStep();
    if (report === null) return null;
    if (trainer.stepCount > budget - window) recent.push(report.loss);
    if (trainer.stepCount % every === 0 || trainer.stepCount === budget) {
      finalHeldOutLoss = trainer.evaluate().loss;
      if (finalHeldOutLoss < bestHeldOutLoss) {
        bestHeldOutLoss = finalHeldOutLoss;
        bestStep = trainer.stepCount;
      }
    }
  }
  const recentTrainingLoss = recent.reduce((sum, loss) => sum + loss, 0) / recent.length;
  return { recentTrainingLoss, finalHeldOutLoss, bestHeldOutLoss, bestStep };
}

/**
 * One run of the memory-horizon sweep as its worker trains it: held-out accuracy at every
 * `plan.checkpointEvery` steps and at `plan.maxSteps`, stopping at the first checkpoint that meets
 * `plan.target`. Accuracy is the last evaluation's (null if the run diverged), steps where it ended.
 */
export function horizonRun(
  plan: HorizonPlan,
  cell: CellKind,
  lag: number,
): { readonly accuracy: number | null; readonly steps: number } {
  const trainer = createTrainer(horizonConfig(plan, cell, lag));
  let accuracy = trainer.evaluate().metric;
  while (trainer.stepCount < plan.maxSteps) {
    if (trainer.trainStep() === null) return { accuracy: null, steps: trainer.stepCount };
    if (trainer.stepCount % plan.checkpointEvery === 0 || trainer.stepCount === plan.maxSteps) {
      accuracy = trainer.evaluate().metric;
      if (accuracy >= plan.target) break;
    }
  }
  return { accuracy, steps: trainer.stepCount };
}
