import type { Question } from '../lessonTypes';
import type { Answer, AnswerOf } from '../store/answers';
import { startingOrder } from './ordering';

/** A fresh, unanswered answer of the question's kind (an ordering starts shuffled). */
export function emptyAnswer<Q extends Question>(question: Q): AnswerOf<Q>;
export function emptyAnswer(question: Question): Answer {
  switch (question.kind) {
    case 'single':
      return { kind: 'single', choice: '' };
    case 'multiple':
      return { kind: 'multiple', choices: [] };
    case 'numeric':
      return { kind: 'numeric', text: '' };
    case 'ordering':
      return {
        kind: 'ordering',
        order: startingOrder(
          question.id,
          question.items.map((item) => item.id),
        ),
      };
    case 'predict':
      return { kind: 'predict', choice: '', outcome: null };
  }
}

/**
 * A saved answer if it still fits the question (same kind; for an ordering, the same items), else
 * null: questions can be edited after a learner answered them.
 */
export function fittingAnswer<Q extends Question>(
  question: Q,
  saved: Answer | null | undefined,
): AnswerOf<Q> | null;
export function fittingAnswer(question: Question, saved: Answer | null | undefined): Answer | null {
  if (!saved || saved.kind !== question.kind) return null;
  if (saved.kind === 'ordering' && question.kind === 'ordering') {
    const ids = question.items.map((item) => item.id);
    const same = saved.order.length === ids.length && ids.every((id) => saved.order.includes(id));
    return same ? saved : null;
  }
  return saved;
}
