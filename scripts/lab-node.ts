/**
 * Node measurements of the language lab's defaults (engine/lab/labDefaults.ts), the same engine the
 * worker runs: seconds of training until held-out perplexity beats the bigram baseline on the course
 * prose, the share of words in a temperature-0.5 sample after a time budget that are words of the text,
 * and on the toy code the best |r| of any unit with "inside quotes" and with bracket depth.
 *
 * With --train-steps N it trains N steps whatever the time (the steps the browser reached in its time
 * budget, to compare with it on a machine busier or idler than the browser's was).
 *
 *     nice npx tsx scripts/lab-node.ts [--text course-prose|toy-code] [--seconds 180] [--hidden 128] ...
 */
import { parseArgs } from 'node:util';
import { sampleText } from '../engine/generate.ts';
import { hypothesisSignals } from '../engine/lab/hypotheses.ts';
import { labTrainerConfig } from '../engine/lab/labDefaults.ts';
import { rankUnits } from '../engine/lab/rankUnits.ts';
import { traceText } from '../engine/lab/trace.ts';
import { createRng } from '../engine/rng.ts';
import { builtinText } from '../engine/text/builtins.ts';
import { createTrainer } from '../engine/trainer.ts';
import type { CellKind } from '../engine/types.ts';
import { wordShare } from './labWords.ts';

const { values } = parseArgs({
  options: {
    text: { type: 'string', default: 'course-prose' },
    seconds: { type: 'string', default: '180' },
    'train-steps': { type: 'string' },
    cell: { type: 'string' },
    layers: { type: 'string' },
    hidden: { type: 'string' },
    lr: { type: 'string' },
    batch: { type: 'string' },
    steps: { type: 'string' },
    seed: { type: 'string' },
  },
});
const source = builtinText(values.text);
if (!source) throw new Error(`No built-in text ${values.text}.`);
const text = source.text();
const base = labTrainerConfig(text, {
  ...(values.cell ? { cell: values.cell as CellKind } : {}),
  ...(values.layers ? { layers: Number(values.layers) } : {}),
  ...(values.hidden ? { hiddenSize: Number(values.hidden) } : {}),
  ...(values.seed ? { seed: Number(values.seed) } : {}),
});
const config = {
  ...base,
  ...(values.lr ? { learningRate: Number(values.lr) } : {}),
  ...(values.batch ? { batchSize: Number(values.batch) } : {}),
  task: { ...base.task, ...(values.steps ? { steps: Number(values.steps) } : {}) },
};
const trainer = createTrainer(config);
const bigram = trainer.task.references?.[0]?.value ?? Number.NaN;
const unigram = trainer.task.baseline.value;
const stepBudget = values['train-steps'] ? Number(values['train-steps']) : null;
const budget = stepBudget === null ? Number(values.seconds) * 1000 : Number.POSITIVE_INFINITY;
const start = performance.now();
let beatAt: number | null = null;
let trainMs = 0;
let evalMs = 0;
let lastEval = 0;
while (trainMs + evalMs < budget && trainer.stepCount < (stepBudget ?? Number.POSITIVE_INFINITY)) {
  const t0 = performance.now();
  if (!trainer.trainStep()) break;
  trainMs += performance.now() - t0;
  // The worker evaluates at checkpoints; here every 2 s of training, timed separately.
  if (trainMs - lastEval >= 2000) {
    lastEval = trainMs;
    const t1 = performance.now();
    const evaluation = trainer.evaluate();
    evalMs += performance.now() - t1;
    const seconds = (trainMs + evalMs) / 1000;
    if (beatAt === null && (evaluation.perplexity ?? Infinity) < bigram) beatAt = seconds;
    if (Math.round(seconds) % 10 <= 1)
      console.error(
        `${seconds.toFixed(0)} s step ${trainer.stepCount} ppl ${evaluation.perplexity?.toFixed(2)}`,
      );
  }
}
const final = trainer.evaluate();
const vocabulary = trainer.task.vocabulary!;
// The toy code has no capital T, so its sample starts from the zero state.
const prime = values.text === 'course-prose' ? 'The ' : '';
const sample = sampleText(trainer.model, vocabulary, createRng(7), {
  temperature: 0.5,
  length: 600,
  prime,
});
const result: Record<string, unknown> = {
  text: values.text,
  config: {
    cell: config.cell,
    layers: config.layers,
    hidden: config.hiddenSize,
    lr: config.learningRate,
    batch: config.batchSize,
    steps: config.task.steps,
  },
  unigram,
  bigram,
  secondsToBeatBigram: beatAt,
  steps: trainer.stepCount,
  msPerStep: trainMs / trainer.stepCount,
  heldOutPerplexity: final.perplexity,
  wordShare: wordShare(sample.slice(prime.length), text),
  sample,
  wallSeconds: (performance.now() - start) / 1000,
};
if (values.text === 'toy-code') {
  // A short passage (the text's last 600 characters) and the page's default, the longest it allows
  // (2,000); the page ranks from the first character, as here, over every series.
  for (const length of [600, 2000]) {
    const passage = Array.from(text).slice(-length).join('');
    const trace = traceText(trainer.model, vocabulary.encode(passage));
    const signals = hypothesisSignals(passage);
    const options = { top: 1 };
    result[`bestQuotes${length}`] = rankUnits(trace, signals.insideQuotes, options)[0];
    result[`bestDepth${length}`] = rankUnits(trace, signals.bracketDepth, options)[0];
  }
}
console.log(JSON.stringify(result, null, 1));
