/**
 * `train`: one run of engine/trainer.ts from command-line flags (cli/trainFlags.ts). Evaluates on
 * the held-out set every `evalEvery` steps and stops early once the target is met; shows a progress bar
 * on a terminal; with --json prints exactly one line:
 *
 *     {"steps","loss","metric","metricName","heldOut":{"loss","metric"[,"perplexity"]}[,"baselines"],"diverged","ms"}
 *
 * plus "sample" (the --prime text and the sampled continuation) with --sample N.
 *
 * steps = steps actually run; loss and metric = the last training step's (null if none succeeded);
 * heldOut = trainer.evaluate() at the end (null values if the weights are no longer finite), with the
 * held-out perplexity for language models; baselines = the text task's unigram and bigram perplexities
 * on the same held-out characters;
 * diverged = false or the trainer's divergence message; ms = wall-clock time of the run.
 */

import { sampleText } from '../engine/generate.ts';
import { createRng } from '../engine/rng.ts';
import type { Task } from '../engine/tasks/task.ts';
import type { Evaluation, StepReport } from '../engine/trainer.ts';
import { createTrainer } from '../engine/trainer.ts';
import type { TrainerConfig } from '../engine/trainerConfig.ts';
import { clock, createProgressBar } from './progress.ts';
import { checkSampleFlags } from './sampleFlags.ts';
import { parseTrainFlags, TRAIN_USAGE, type TrainRunOptions, trainHelp } from './trainFlags.ts';

export { TRAIN_USAGE };

/** The result line of `train --json`. */
export interface TrainSummary {
  readonly steps: number;
  readonly loss: number | null;
  readonly metric: number | null;
  readonly metricName: string;
  readonly heldOut: {
    readonly loss: number | null;
    readonly metric: number | null;
    readonly perplexity?: number | null;
  };
  readonly baselines?: { readonly unigram: number; readonly bigram: number };
  readonly diverged: false | string;
  readonly ms: number;
  /** With --sample: the prime followed by the sampled symbols. */
  readonly sample?: string;
}

/** The fork of the seed's generator that sampling draws from (the trainer uses forks 1 to 3). */
const SAMPLE_STREAM = 0x5a4d;

const finiteOrNull = (value: number | undefined): number | null =>
  value !== undefined && Number.isFinite(value) ? value : null;

/** Whether `metric` meets `target`: accuracy counts up, MSE and perplexity count down. */
function meets(metricName: string, metric: number, target: number): boolean {
  return metricName === 'accuracy' ? metric >= target : metric <= target;
}

function metTarget(evaluation: Evaluation, target: number | null): boolean {
  if (target === null || !Number.isFinite(evaluation.metric)) return false;
  return meets(evaluation.metricName, evaluation.metric, target);
}

function describeRun(config: TrainerConfig): string {
  const task = config.task;
  const detail = task.kind === 'recall' ? `lag ${task.lag}` : `length ${task.steps}`;
  const layers = config.layers > 1 ? ` × ${config.layers} layers` : '';
  return `${config.cell} ${config.hiddenSize}${layers} on ${task.kind} (${detail})`;
}

/** The unigram and bigram held-out perplexities of a text task, to print beside the network's. */
function textBaselines(task: Task): Pick<TrainSummary, 'baselines'> {
  const bigram = task.references?.[0];
  if (task.config.kind !== 'text' || bigram === undefined) return {};
  return { baselines: { unigram: task.baseline.value, bigram: bigram.value } };
}

/** Trains until the step budget, the target or divergence; reports progress to `stderr` if it is a TTY. */
export function runTraining(config: TrainerConfig, run: TrainRunOptions): TrainSummary {
  const start = performance.now();
  const trainer = createTrainer(config);
  const vocabulary = run.sample && checkSampleFlags(run.sample, trainer.task.vocabulary, config.task.kind);
  const bar = createProgressBar(process.stderr, run.maxSteps);
  let report: StepReport | null = null;
  let evaluation: Evaluation | null = null;
  let heldOut = '';
  try {
    while (trainer.stepCount < run.maxSteps) {
      const next = trainer.trainStep();
      if (next === null) break;
      report = next;
      const step = trainer.stepCount;
      const evaluate = step % run.evalEvery === 0 || step === run.maxSteps;
      if (evaluate) {
        evaluation = trainer.evaluate();
        heldOut = `held-out ${evaluation.metricName} ${evaluation.metric.toFixed(4)}`;
      }
      bar.update({ step, loss: next.loss, heldOut }, evaluate);
      if (evaluate && !run.json) bar.log(`step ${step}  loss ${next.loss.toFixed(4)}  ${heldOut}`);
      if (evaluation !== null && evaluation.step === step && metTarget(evaluation, run.target)) break;
    }
  } finally {
    bar.done();
  }
  if (evaluation === null || evaluation.step !== trainer.stepCount) evaluation = trainer.evaluate();
  return {
    steps: trainer.stepCount,
    loss: finiteOrNull(report?.loss),
    metric: finiteOrNull(report?.metric),
    metricName: evaluation.metricName,
    heldOut: {
      loss: finiteOrNull(evaluation.loss),
      metric: finiteOrNull(evaluation.metric),
      ...(trainer.task.metrics.includes('perplexity')
        ? { perplexity: finiteOrNull(evaluation.perplexity) }
        : {}),
    },
    ...textBaselines(trainer.task),
    diverged: trainer.divergence === null ? false : trainer.divergence.message,
    ms: Math.round(performance.now() - start),
    ...(run.sample && vocabulary
      ? {
          sample: sampleText(
            trainer.model,
            vocabulary,
            createRng(config.seed).fork(SAMPLE_STREAM),
            run.sample,
          ),
        }
      : {}),
  };
}

/** The `train` command; returns what to print on stdout. */
export async function trainCommand(argv: readonly string[]): Promise<string> {
  const parsed = parseTrainFlags(argv);
  if (parsed === null) return trainHelp();
  const { config, run } = parsed;
  const summary = runTraining(config, run);
  if (run.json) return JSON.stringify(summary);
  const held = summary.heldOut.metric === null ? 'not finite' : summary.heldOut.metric.toFixed(4);
  const reached =
    run.target !== null && summary.heldOut.metric !== null && summary.diverged === false
      ? meets(summary.metricName, summary.heldOut.metric, run.target)
      : false;
  const lines = [
    `${describeRun(config)}: ${summary.steps} steps in ${clock(summary.ms / 1000)}, held-out ${summary.metricName} ${held}` +
      (run.target === null
        ? ''
        : reached
          ? ` (target ${run.target} reached)`
          : ` (target ${run.target} not reached)`),
  ];
  if (summary.heldOut.perplexity !== undefined && summary.baselines !== undefined) {
    const perplexity = summary.heldOut.perplexity;
    lines.push(
      `held-out perplexity ${perplexity === null ? 'not finite' : perplexity.toFixed(3)}; unigram ${summary.baselines.unigram.toFixed(3)}, bigram ${summary.baselines.bigram.toFixed(3)}`,
    );
  }
  if (summary.diverged !== false) lines.push(summary.diverged);
  if (summary.sample !== undefined) lines.push(`sample: ${summary.sample}`);
  return lines.join('\n');
}
