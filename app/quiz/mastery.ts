/**
 * How well a lesson's answers have held, from the review boxes of its questions (app/store/review.ts):
 * New (nothing answered), Learning (some question unanswered or in box 1), Reviewing (every question
 * past its first review, in box 2 or 3), Mastered (every question in box 3: recalled a day and then
 * three days after it was learnt). A wrong review sends a question back to box 1, so mastery can fall.
 * Predict-then-run questions are not reviewed, so they do not count.
 */
import type { Question } from '../lessonTypes';
import type { LessonProgress } from '../store/progressFormat';
import { cardOf, isReviewable } from './reviewPlan';

export type MasteryLevel = 'new' | 'learning' | 'reviewing' | 'mastered';

export const MASTERY_LABEL: Readonly<Record<MasteryLevel, string>> = {
  new: 'New',
  learning: 'Learning',
  reviewing: 'Reviewing',
  mastered: 'Mastered',
};

export interface LessonMastery {
  readonly level: MasteryLevel;
  /** The lesson's reviewable questions. */
  readonly total: number;
  /** Of those, how many are in box 3. */
  readonly mastered: number;
  /** Boxes filled, over three per question, in [0, 1]: the meter beside the words. */
  readonly share: number;
}

/** The mastery of one lesson's quiz, or null when it has no question review can ask. */
export function lessonMastery(questions: readonly Question[], lesson: LessonProgress): LessonMastery | null {
  const reviewable = questions.filter(isReviewable);
  if (reviewable.length === 0) return null;
  const boxes = reviewable.map((question) => cardOf(lesson.questions[question.id])?.box ?? 0);
  const mastered = boxes.filter((box) => box === 3).length;
  const lowest = Math.min(...boxes);
  const level: MasteryLevel = boxes.every((box) => box === 0)
    ? 'new'
    : lowest === 3
      ? 'mastered'
      : lowest === 2
        ? 'reviewing'
        : 'learning';
  const filled = boxes.reduce<number>((sum, box) => sum + box, 0);
  return { level, total: reviewable.length, mastered, share: filled / (3 * reviewable.length) };
}

/** E.g. "Mastery: Reviewing · 2 of 5 mastered". */
export function describeMastery(mastery: LessonMastery): string {
  const label = `Mastery: ${MASTERY_LABEL[mastery.level]}`;
  return mastery.level === 'new' ? label : `${label} · ${mastery.mastered} of ${mastery.total} mastered`;
}
