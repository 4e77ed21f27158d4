/**
 * The engine functions app code may call on the main thread, and only these (a layer test checks that
 * every other app file imports engine/ with `import type`, or talks to the worker through
 * app/engineBridge.ts). Each is cheap, bounded and synchronous: it counts, validates, plans, or runs
 * a network of a few units over a few dozen steps, well within a frame. Training never runs here; it
 * runs in the worker.
 */

// The padding and bucketing plans of one batch of lengths (the padding figure).
export { planBucketing, planPadding } from '../engine/batching';
// The unrolled stepper's tiny RNN: its head, forward and backward on one short sequence.
export { createHeadWorkspace, headBackward, headForward } from '../engine/head';
// Weights for the tiny RNN and the vanishing-gradient explorer's curves.
export { createInitialisedRecurrentParams, orthogonalMatrix } from '../engine/init';
// The language lab's look inside: hypothesis signals and ranking units against them over a passage the
// worker already traced (about series × T multiply-adds; the panel ranks 64 units per task, each a few ms).
export { HYPOTHESES, hypothesisSignals, spanSignal } from '../engine/lab/hypotheses';
// The language lab: its built-in texts (made on demand, the toy code from a fixed seed), its default
// model, and what a text's vocabulary cap does (one pass over a text the lab has already size-checked).
export { LAB_DEFAULTS, labTrainerConfig } from '../engine/lab/labDefaults';
export { columnCorrelation, rankUnits } from '../engine/lab/rankUnits';
export { SIGMOID_KINDS } from '../engine/lab/trace';
export { createDenseParams } from '../engine/model';
// Counting parameters gate by gate (the parameter calculator, the GRU-vs-LSTM claim, the step timer).
export { countRecurrentParams, GATE_NAMES } from '../engine/params';
// ‖∂h_T/∂h_t‖ of one short forward pass (the vanishing-gradient explorer).
export { jacobianNorms } from '../engine/probes';
export { backward, createWorkspace, forward } from '../engine/recurrent';
// The seeded generator: figures, widgets and the quiz's shuffles repeat for the same seed.
export { createRng } from '../engine/rng';
// Reading an untrusted state_dict file; never throws.
export { parseStateDict, STATE_DICT_LIMITS } from '../engine/statedict';
// What each task accepts, and a task's input and output sizes (checked against an imported state_dict).
export { recallInputSize } from '../engine/tasks/recall';
export { createTask, TASK_SPECS } from '../engine/tasks/task';
export { ngramBaselines } from '../engine/text/baselines';
// The language-models lesson: sampling a bigram model of a text at a temperature (counting ~100,000
// characters takes a few milliseconds), and the unigram and bigram baselines of a text the reader types.
export {
  bigramDistribution,
  countBigrams,
  distinctShare,
  sampleBigrams,
  withTemperature,
} from '../engine/text/bigramModel';
export { MIN_TEXT_CHARACTERS, textProblems } from '../engine/text/corpus';
export { buildVocabulary, DEFAULT_VOCABULARY, decode, encode, OTHER_SYMBOL } from '../engine/text/vocabulary';
// Checking a configuration before it goes to the worker (the playground's form, quiz experiments).
export {
  DEFAULT_FORGET_BIAS,
  DEFAULT_TRAINER_CONFIG,
  TRAINER_LIMITS,
  validateTrainerConfig,
} from '../engine/trainerConfig';

/**
 * A built-in text of the language lab by id ('course-prose', 'toy-code', 'rivers'), or null. Loaded on
 * demand, so the course prose (about 100 KB) stays out of every page that does not show it.
 */
export function loadBuiltinText(id: string): Promise<string | null> {
  return import('../engine/text/builtins').then((module) => module.builtinText(id)?.text() ?? null);
}
// The cell kinds, in the course's order.
export { CELL_KINDS } from '../engine/types';
