/**
 * Checks a lesson's quiz data before a learner meets it: every problem in words, naming the lesson and
 * the question. A test runs it over every lesson's quiz.ts, so a malformed question fails the suite.
 */
import katex from 'katex';
import { validateTrainerConfig } from '../engine';
import type { GlossaryTerm, Question } from '../lessonTypes';
import { isObject } from '../shared/isObject';
import { experimentConfig, MAX_EXPERIMENT_STEPS, TIE } from './experiment';
import { splitInline } from './inline';

const KINDS = ['single', 'multiple', 'numeric', 'ordering', 'predict'];
const MEASURES = [
  'heldOutMetric',
  'finalLoss',
  'msPerStep',
  'clippedShare',
  'earlyGradientShare',
  'parameterCount',
];

type Data = Record<string, unknown>;

const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/** Problems with inline markup: unbalanced dollars, or TeX that KaTeX cannot read. */
function textProblems(field: string, value: unknown): string[] {
  if (!isText(value)) return [`${field} must be a non-empty string.`];
  const dollars = value.replace(/\\\$/g, '').split('$').length - 1;
  if (dollars % 2 === 1) return [`${field} has an unmatched $ (write \\$ for a dollar sign).`];
  const problems: string[] = [];
  for (const piece of splitInline(value)) {
    if (piece.kind !== 'tex') continue;
    try {
      katex.renderToString(piece.tex, { throwOnError: true });
    } catch (error) {
      problems.push(`${field} has TeX KaTeX cannot read ($${piece.tex}$): ${(error as Error).message}`);
    }
  }
  return problems;
}

function choiceProblems(choices: unknown, minimum: number): { problems: string[]; ids: string[] } {
  if (!Array.isArray(choices)) return { problems: ['choices must be a list.'], ids: [] };
  const problems: string[] = [];
  const ids: string[] = [];
  if (choices.length < minimum) problems.push(`needs at least ${minimum} choices; has ${choices.length}.`);
  choices.forEach((choice: unknown, index) => {
    if (!isObject(choice) || !isText(choice.id)) {
      problems.push(`choice ${index + 1} needs an id.`);
      return;
    }
    if (ids.includes(choice.id)) problems.push(`choice id "${choice.id}" is used twice.`);
    ids.push(choice.id);
    problems.push(...textProblems(`choice "${choice.id}" text`, choice.text));
    problems.push(...textProblems(`choice "${choice.id}" feedback`, choice.feedback));
  });
  return { problems, ids };
}

/** The runs' ids against the choices, and tieWithin: what every kind of experiment shares. */
function runChoiceProblems(
  experiment: Data,
  runIds: readonly string[],
  choiceIds: readonly string[],
): string[] {
  const problems: string[] = [];
  for (const id of choiceIds) {
    if (id !== TIE && !runIds.includes(id)) problems.push(`choice "${id}" is neither a run id nor "${TIE}".`);
  }
  for (const id of runIds) {
    if (!choiceIds.includes(id)) problems.push(`run "${id}" has no choice to predict it.`);
  }
  const tieWithin = experiment.tieWithin;
  if (tieWithin !== undefined && (typeof tieWithin !== 'number' || !(tieWithin >= 0 && tieWithin < 1))) {
    problems.push(`tieWithin must be a relative difference from 0 to below 1; got ${String(tieWithin)}.`);
  }
  if (choiceIds.includes(TIE) && tieWithin === undefined) {
    problems.push(`a "${TIE}" choice needs experiment.tieWithin (how close counts as about the same).`);
  }
  return problems;
}

const SAMPLING_TEXTS = ['course-prose', 'toy-code', 'rivers'];
/** Longer samples than this would no longer fit a frame's budget on the page's thread. */
const MAX_SAMPLE_LENGTH = 2000;

function samplingProblems(experiment: Data, choiceIds: readonly string[]): string[] {
  const problems: string[] = [];
  if (!isText(experiment.description)) problems.push('the experiment needs a description.');
  if (!SAMPLING_TEXTS.includes(experiment.text as string)) {
    problems.push(`the text must be one of ${SAMPLING_TEXTS.join(', ')}; got ${String(experiment.text)}.`);
  }
  if (typeof experiment.primer !== 'string' || Array.from(experiment.primer).length !== 1) {
    problems.push('the primer must be one character.');
  }
  const { length, seed } = experiment;
  if (typeof length !== 'number' || !Number.isInteger(length) || length < 4 || length > MAX_SAMPLE_LENGTH) {
    problems.push(
      `the sample length must be a whole number from 4 to ${MAX_SAMPLE_LENGTH}; got ${String(length)}.`,
    );
  }
  if (typeof seed !== 'number' || !Number.isInteger(seed)) problems.push('the seed must be a whole number.');
  if (experiment.measure !== 'distinctFourGrams') {
    problems.push(`a sampling experiment measures 'distinctFourGrams'; got ${String(experiment.measure)}.`);
  }
  if (experiment.winner !== 'highest' && experiment.winner !== 'lowest') {
    problems.push(`the winner must be 'highest' or 'lowest'; got ${String(experiment.winner)}.`);
  }
  const runs = Array.isArray(experiment.runs) ? experiment.runs : [];
  if (runs.length < 2) problems.push('the experiment needs at least two runs to compare.');
  const runIds: string[] = [];
  runs.forEach((run: unknown, index) => {
    if (!isObject(run) || !isText(run.id) || !isText(run.label)) {
      problems.push(`run ${index + 1} needs an id, a label and a temperature.`);
      return;
    }
    if (runIds.includes(run.id)) problems.push(`run id "${run.id}" is used twice.`);
    if (run.id === TIE) problems.push(`"${TIE}" cannot be a run id.`);
    runIds.push(run.id);
    const { temperature } = run;
    if (typeof temperature !== 'number' || !(temperature >= 0.05 && temperature <= 5)) {
      problems.push(`run "${run.id}": the temperature must be from 0.05 to 5; got ${String(temperature)}.`);
    }
  });
  return [...problems, ...runChoiceProblems(experiment, runIds, choiceIds)];
}

function experimentProblems(question: Data, choiceIds: readonly string[]): string[] {
  const experiment = question.experiment;
  if (!isObject(experiment)) return ['a predict question needs an experiment.'];
  if (experiment.kind === 'sampling') return samplingProblems(experiment, choiceIds);
  const problems: string[] = [];
  if (experiment.kind !== undefined && experiment.kind !== 'training') {
    problems.push(`the experiment kind must be 'training' or 'sampling'; got ${String(experiment.kind)}.`);
  }
  if (!isText(experiment.description)) problems.push('the experiment needs a description.');
  const steps = experiment.steps;
  if (typeof steps !== 'number' || !Number.isInteger(steps) || steps < 1 || steps > MAX_EXPERIMENT_STEPS) {
    problems.push(
      `experiment steps must be a whole number from 1 to ${MAX_EXPERIMENT_STEPS}; got ${String(steps)}.`,
    );
  }
  if (!MEASURES.includes(experiment.measure as string)) {
    problems.push(`the measure must be one of ${MEASURES.join(', ')}; got ${String(experiment.measure)}.`);
  }
  if (experiment.winner !== 'highest' && experiment.winner !== 'lowest') {
    problems.push(`the winner must be 'highest' or 'lowest'; got ${String(experiment.winner)}.`);
  }
  const runs = Array.isArray(experiment.runs) ? experiment.runs : [];
  if (runs.length < 2) problems.push('the experiment needs at least two runs to compare.');
  const runIds: string[] = [];
  runs.forEach((run: unknown, index) => {
    if (!isObject(run) || !isText(run.id) || !isText(run.label) || !isObject(run.config)) {
      problems.push(`run ${index + 1} needs an id, a label and a config.`);
      return;
    }
    if (runIds.includes(run.id)) problems.push(`run id "${run.id}" is used twice.`);
    if (run.id === TIE) problems.push(`"${TIE}" cannot be a run id.`);
    runIds.push(run.id);
    for (const problem of validateTrainerConfig(experimentConfig(run.config))) {
      problems.push(`run "${run.id}": ${problem.message}`);
    }
  });
  return [...problems, ...runChoiceProblems(experiment, runIds, choiceIds)];
}

/** The explain step of a predict question: its outcome among the choices, its reasons, its answer. */
function explainProblems(explain: unknown, outcomeIds: readonly string[]): string[] {
  if (!isObject(explain)) return ['needs an explain step (the reason for the outcome).'];
  const found = [...textProblems('the explain prompt', explain.prompt)];
  if (!outcomeIds.includes(explain.outcome as string))
    found.push(`the explained outcome "${String(explain.outcome)}" is not among the choices.`);
  const { problems, ids } = choiceProblems(explain.choices, 3);
  found.push(...problems.map((problem) => `explain: ${problem}`));
  if (!ids.includes(explain.answer as string))
    found.push(`the explain answer "${String(explain.answer)}" is not among its choices.`);
  return found;
}

function kindProblems(question: Data): string[] {
  switch (question.kind) {
    case 'single': {
      const { problems, ids } = choiceProblems(question.choices, 2);
      if (!ids.includes(question.answer as string)) {
        problems.push(`the answer "${String(question.answer)}" is not among the choices.`);
      }
      return problems;
    }
    case 'multiple': {
      const { problems, ids } = choiceProblems(question.choices, 2);
      const answers = question.answers;
      if (!Array.isArray(answers) || answers.length === 0)
        problems.push('answers must list at least one choice.');
      else {
        for (const answer of answers) {
          if (!ids.includes(answer))
            problems.push(`the answer "${String(answer)}" is not among the choices.`);
        }
        if (new Set(answers).size !== answers.length) problems.push('answers lists a choice twice.');
      }
      return problems;
    }
    case 'numeric': {
      const problems: string[] = [];
      if (typeof question.answer !== 'number' || !Number.isFinite(question.answer)) {
        problems.push(`the answer must be a finite number; got ${String(question.answer)}.`);
      }
      const tolerance = question.tolerance;
      if (typeof tolerance !== 'number' || !Number.isFinite(tolerance) || tolerance < 0) {
        problems.push(`the tolerance must be a finite number ≥ 0; got ${String(tolerance)}.`);
      }
      if (question.unit !== undefined && typeof question.unit !== 'string')
        problems.push('the unit must be text.');
      return problems;
    }
    case 'ordering': {
      const items = Array.isArray(question.items) ? question.items : [];
      const problems: string[] = [];
      if (items.length < 3) problems.push(`an ordering needs at least 3 items; has ${items.length}.`);
      const ids: string[] = [];
      items.forEach((item: unknown, index) => {
        if (!isObject(item) || !isText(item.id)) {
          problems.push(`item ${index + 1} needs an id.`);
          return;
        }
        if (ids.includes(item.id)) problems.push(`item id "${item.id}" is used twice.`);
        ids.push(item.id);
        problems.push(...textProblems(`item "${item.id}" text`, item.text));
      });
      return problems;
    }
    case 'predict': {
      const { problems, ids } = choiceProblems(question.choices, 2);
      return [...problems, ...experimentProblems(question, ids), ...explainProblems(question.explain, ids)];
    }
    default:
      return [`the kind must be one of ${KINDS.join(', ')}; got ${String(question.kind)}.`];
  }
}

/** Every problem with a lesson's questions, each naming the file and the question; empty when all is well. */
export function validateQuestions(lessonSlug: string, questions: readonly Question[]): string[] {
  const where = `lessons/${lessonSlug}/quiz.ts`;
  if (!Array.isArray(questions)) return [`${where}: must export questions as a list.`];
  const problems: string[] = [];
  const seen = new Set<string>();
  questions.forEach((value: unknown, index) => {
    if (!isObject(value)) {
      problems.push(`${where}, question ${index + 1}: is not an object.`);
      return;
    }
    const name = isText(value.id) ? `question "${value.id}"` : `question ${index + 1}`;
    const found: string[] = [];
    if (!isText(value.id)) found.push('needs an id.');
    else if (seen.has(value.id)) found.push('the id is used by an earlier question.');
    else seen.add(value.id);
    for (const field of ['prompt', 'hint', 'explanation'] as const)
      found.push(...textProblems(field, value[field]));
    found.push(...kindProblems(value));
    for (const problem of found) problems.push(`${where}, ${name}: ${problem}`);
  });
  return problems;
}

/** Every problem with a lesson's glossary terms: empty text, unreadable TeX, a term defined twice. */
export function validateGlossary(lessonSlug: string, terms: readonly GlossaryTerm[]): string[] {
  const where = `lessons/${lessonSlug}/glossary.ts`;
  if (!Array.isArray(terms)) return [`${where}: must export glossary as a list.`];
  const problems: string[] = [];
  const seen = new Set<string>();
  terms.forEach((value: unknown, index) => {
    if (!isObject(value) || !isText(value.term)) {
      problems.push(`${where}, term ${index + 1}: needs a term.`);
      return;
    }
    const key = value.term.trim().toLowerCase();
    if (seen.has(key)) problems.push(`${where}, "${value.term}": is defined twice.`);
    seen.add(key);
    for (const problem of textProblems('the definition', value.definition)) {
      problems.push(`${where}, "${value.term}": ${problem}`);
    }
  });
  return problems;
}
