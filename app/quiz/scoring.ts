/**
 * Scoring of every question kind: pure functions from a question and an answer to a score in [0, 1]
 * and a verdict in words. An answer that cannot be scored yet (nothing chosen, text that is not a
 * number, an experiment not run) is not an attempt: it gets a message instead.
 */

import type {
  MultipleChoiceQuestion,
  NumericQuestion,
  OrderingQuestion,
  PredictQuestion,
  Question,
  SingleChoiceQuestion,
} from '../lessonTypes';
import { parseNumber } from '../shared/parseNumber';
import type { Answer, AnswerOf, PredictOutcome } from '../store/answers';
import { itemsInPlace, longestInOrder } from './ordering';

export type Verdict = 'right' | 'partly' | 'wrong';

export interface Result {
  /** 1 for fully right, 0 for wrong, in between for partial credit. */
  readonly score: number;
  readonly verdict: Verdict;
  /** One line for the learner, e.g. 'Right.' or '2 of 3 right, 1 wrong pick.' */
  readonly summary: string;
}

/** Either a scored attempt, or the reason it could not be scored (which does not count as an attempt). */
export type Checked =
  | { readonly ok: true; readonly result: Result }
  | { readonly ok: false; readonly message: string };

const clamp01 = (value: number) => Math.min(1, Math.max(0, value));

function verdictOf(score: number): Verdict {
  return score >= 1 ? 'right' : score <= 0 ? 'wrong' : 'partly';
}

const HEADLINE: Readonly<Record<Verdict, string>> = {
  right: 'Right',
  partly: 'Partly right',
  wrong: 'Not quite',
};

/** A partial or wrong result whose summary starts with its verdict, e.g. 'Partly right: 2 of 3 right.' */
function partial(score: number, detail: string): Result {
  const verdict = verdictOf(score);
  return { score, verdict, summary: `${HEADLINE[verdict]}: ${detail}` };
}

const RIGHT: Result = { score: 1, verdict: 'right', summary: 'Right.' };

export function scoreSingle(question: SingleChoiceQuestion, answer: AnswerOf<SingleChoiceQuestion>): Checked {
  if (!question.choices.some((choice) => choice.id === answer.choice)) {
    return { ok: false, message: 'Choose an answer first.' };
  }
  return {
    ok: true,
    result: answer.choice === question.answer ? RIGHT : { score: 0, verdict: 'wrong', summary: 'Not quite.' },
  };
}

export interface MultipleDetails {
  readonly correctPicks: number;
  readonly wrongPicks: number;
  /** Right answers the learner did not pick. */
  readonly missed: number;
}

/** Counts right picks, wrong picks and missed answers (unknown ids and repeats are ignored). */
export function multipleDetails(
  question: MultipleChoiceQuestion,
  answer: AnswerOf<MultipleChoiceQuestion>,
): MultipleDetails {
  const known = new Set(question.choices.map((choice) => choice.id));
  const picked = new Set(answer.choices.filter((id) => known.has(id)));
  const right = new Set(question.answers);
  let correctPicks = 0;
  for (const id of picked) if (right.has(id)) correctPicks++;
  return { correctPicks, wrongPicks: picked.size - correctPicks, missed: right.size - correctPicks };
}

/**
 * Fully right only for exactly the set of right answers. Partial credit is
 * (right picks − wrong picks) / number of right answers, clamped to [0, 1], so ticking every box earns
 * nothing more than ticking none.
 */
export function scoreMultiple(
  question: MultipleChoiceQuestion,
  answer: AnswerOf<MultipleChoiceQuestion>,
): Checked {
  const { correctPicks, wrongPicks, missed } = multipleDetails(question, answer);
  if (correctPicks + wrongPicks === 0) return { ok: false, message: 'Choose at least one answer first.' };
  const total = question.answers.length;
  if (wrongPicks === 0 && missed === 0) return { ok: true, result: RIGHT };
  const score = total === 0 ? 0 : clamp01((correctPicks - wrongPicks) / total);
  const wrong = wrongPicks === 0 ? '' : `, ${wrongPicks} wrong ${wrongPicks === 1 ? 'pick' : 'picks'}`;
  return { ok: true, result: partial(score, `${correctPicks} of ${total} right${wrong}.`) };
}

/** Accepted when |given − answer| ≤ tolerance, allowing for the rounding of decimal fractions. */
export function withinTolerance(given: number, answer: number, tolerance: number): boolean {
  const slack = 1e-9 * Math.max(1, Math.abs(answer), tolerance);
  return Math.abs(given - answer) <= tolerance + slack;
}

export function scoreNumeric(question: NumericQuestion, answer: AnswerOf<NumericQuestion>): Checked {
  const parsed = parseNumber(answer.text, question.unit);
  if (!parsed.ok) return parsed;
  if (withinTolerance(parsed.value, question.answer, question.tolerance)) return { ok: true, result: RIGHT };
  const direction = parsed.value > question.answer ? 'too high' : 'too low';
  return { ok: true, result: partial(0, `${direction}.`) };
}

export interface OrderingDetails {
  readonly inPlace: number;
  /** The longest set of items already in the right order relative to each other. */
  readonly longestInOrder: number;
  readonly total: number;
}

export function orderingDetails(
  question: OrderingQuestion,
  answer: AnswerOf<OrderingQuestion>,
): OrderingDetails {
  const correct = question.items.map((item) => item.id);
  return {
    inPlace: itemsInPlace(answer.order, correct),
    longestInOrder: longestInOrder(answer.order, correct),
    total: correct.length,
  };
}

/**
 * Fully right when every item is in place. Partial credit comes from the longest subsequence in the
 * right relative order (L of n items): (L − 1) / (n − 1), so one item out of place costs one step and
 * a fully reversed order scores 0. The summary also says how many items sit at their exact place.
 */
export function scoreOrdering(question: OrderingQuestion, answer: AnswerOf<OrderingQuestion>): Checked {
  const correct = question.items.map((item) => item.id);
  const given = new Set(answer.order);
  if (answer.order.length !== correct.length || correct.some((id) => !given.has(id))) {
    return { ok: false, message: 'Put every item in the list before checking.' };
  }
  const { inPlace, longestInOrder: longest, total } = orderingDetails(question, answer);
  if (inPlace === total) return { ok: true, result: RIGHT };
  const score = total < 2 ? 0 : clamp01((longest - 1) / (total - 1));
  return {
    ok: true,
    result: partial(
      score,
      `${inPlace} of ${total} in the right place; the longest run in the right order has ${longest} items.`,
    ),
  };
}

/** Whether the question's explain step applies to this outcome (it is written for one outcome). */
export function explainApplies(question: PredictQuestion, outcome: PredictOutcome): boolean {
  return outcome.winner === question.explain.outcome;
}

/**
 * Predict, observe, explain. The prediction is right when it names the measured winner; unscored until
 * the experiment has run. When the explain step applies, prediction and reason are worth half each, and
 * the attempt scores only its prediction's half until a reason is picked.
 */
export function scorePredict(question: PredictQuestion, answer: AnswerOf<PredictQuestion>): Checked {
  if (!question.choices.some((choice) => choice.id === answer.choice)) {
    return { ok: false, message: 'Choose a prediction first.' };
  }
  if (answer.outcome === null) return { ok: false, message: 'Run the experiment to find out.' };
  const predicted = answer.choice === answer.outcome.winner;
  if (!explainApplies(question, answer.outcome)) {
    return {
      ok: true,
      result: predicted
        ? { score: 1, verdict: 'right', summary: 'Right: your prediction matches the measurement.' }
        : { score: 0, verdict: 'wrong', summary: 'Not quite: the measurement says otherwise.' },
    };
  }
  const { explain } = question;
  if (answer.reason === undefined || !explain.choices.some((choice) => choice.id === answer.reason)) {
    return {
      ok: true,
      result: predicted
        ? {
            score: 0.5,
            verdict: 'partly',
            summary:
              'Your prediction matches the measurement: half the marks. Pick the reason below for the rest.',
          }
        : {
            score: 0,
            verdict: 'wrong',
            summary:
              'Not quite: the measurement says otherwise. Pick the reason below: it is worth half the marks.',
          },
    };
  }
  const reasoned = answer.reason === explain.answer;
  const score = (Number(predicted) + Number(reasoned)) / 2;
  const prediction = predicted ? 'your prediction matches the measurement' : 'the measurement says otherwise';
  if (score >= 1) {
    return {
      ok: true,
      result: { score, verdict: 'right', summary: `Right: ${prediction}, and your reason is the right one.` },
    };
  }
  return {
    ok: true,
    result: partial(
      score,
      `${prediction}, ${reasoned ? 'but your reason is the right one' : `${predicted ? 'but' : 'and'} your reason is not the right one`}.`,
    ),
  };
}

/** Scores any question; an answer of another kind than the question is reported, not thrown. */
export function checkAnswer(question: Question, answer: Answer): Checked {
  if (question.kind === 'single' && answer.kind === 'single') return scoreSingle(question, answer);
  if (question.kind === 'multiple' && answer.kind === 'multiple') return scoreMultiple(question, answer);
  if (question.kind === 'numeric' && answer.kind === 'numeric') return scoreNumeric(question, answer);
  if (question.kind === 'ordering' && answer.kind === 'ordering') return scoreOrdering(question, answer);
  if (question.kind === 'predict' && answer.kind === 'predict') return scorePredict(question, answer);
  return { ok: false, message: 'This answer belongs to another kind of question.' };
}
