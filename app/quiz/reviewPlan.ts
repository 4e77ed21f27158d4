/**
 * Which questions the Review page asks, as pure functions of the lessons' quizzes, the saved progress
 * and the time: every answered question whose review card is due, oldest due first. Predict-then-run
 * questions are left out (their answer is a live experiment's outcome; they stay in their lessons).
 */
import type { LessonEntry } from '../course';
import type { Question } from '../lessonTypes';
import type { Progress, QuestionProgress } from '../store/progressFormat';
import {
  cardFromAnswer,
  isDue,
  REVIEW_INTERVAL_DAYS,
  type ReviewBox,
  type ReviewCard,
} from '../store/review';
import type { QuizState } from './useQuiz';

export interface ReviewItem {
  readonly lesson: LessonEntry;
  readonly question: Question;
  readonly card: ReviewCard;
}

export interface ReviewPlan {
  /** False while a lesson's quiz is still loading. */
  readonly ready: boolean;
  readonly due: readonly ReviewItem[];
  /** Every question with a card that is not due yet, soonest first. */
  readonly later: readonly ReviewItem[];
  /** Predict-then-run questions answered in the lessons, which review does not ask. */
  readonly predictAnswered: number;
}

/** Whether review can ask the question: every kind but predict-then-run. */
export const isReviewable = (question: Question): boolean => question.kind !== 'predict';

/** A question's review card: the saved one, or one seeded from its answer when it has none yet. */
export function cardOf(saved: QuestionProgress | undefined): ReviewCard | null {
  if (!saved) return null;
  return saved.review ?? cardFromAnswer(saved);
}

const byDue = (a: ReviewItem, b: ReviewItem) => Date.parse(a.card.dueAt) - Date.parse(b.card.dueAt);

/** What is due at `now` and what comes later, in course order among cards due at the same time. */
export function planReview(
  lessons: readonly LessonEntry[],
  quizzes: Readonly<Record<string, QuizState>>,
  progress: Progress,
  now: Date,
): ReviewPlan {
  const due: ReviewItem[] = [];
  const later: ReviewItem[] = [];
  let predictAnswered = 0;
  let ready = true;
  for (const lesson of lessons) {
    const quiz = quizzes[lesson.slug];
    if (quiz === undefined || quiz.status === 'loading') ready = false;
    if (quiz?.status !== 'ready') continue;
    const saved = progress.lessons[lesson.slug]?.questions ?? {};
    for (const question of quiz.questions) {
      const record = saved[question.id];
      if (!isReviewable(question)) {
        if (record && record.attempts > 0) predictAnswered++;
        continue;
      }
      const card = cardOf(record);
      if (card) (isDue(card, now) ? due : later).push({ lesson, question, card });
    }
  }
  // Array.prototype.sort is stable, so course order holds among equal due times.
  return { ready, due: due.sort(byDue), later: later.sort(byDue), predictAnswered };
}

const sameDay = (a: Date, b: Date) =>
  a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();

/** When a card falls due, in words for "next review …": "today at 14:05", "tomorrow", "on Friday 6 March". */
export function describeDue(dueAt: string, now: Date): string {
  const due = new Date(dueAt);
  if (due.getTime() <= now.getTime()) return 'now';
  if (sameDay(due, now))
    return `today at ${due.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })}`;
  const tomorrow = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  if (sameDay(due, tomorrow)) return 'tomorrow';
  return `on ${due.toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long' })}`;
}

/** What a review answer did to the card, e.g. "Moved up to box 2: it comes back in 3 days." */
export function describeMove(before: ReviewBox, after: ReviewBox): string {
  const days = REVIEW_INTERVAL_DAYS[after];
  const back = days === 1 ? 'it comes back tomorrow' : `it comes back in ${days} days`;
  if (after > before) return `Moved up to box ${after}: ${back}.`;
  if (after === before) return `Stays in box ${after}: ${back}.`;
  return `Back to box ${after}: ${back}.`;
}
