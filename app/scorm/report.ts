/**
 * What the course reports to an LMS, as a pure function of the progress and the quizzes:
 * - `cmi.core.lesson_status`: 'incomplete' until every question of every lesson's quiz has been answered
 *   at least once; then 'passed' or 'failed' by the final quiz's score against the mastery score
 *   (the manifest's adlcp:masteryscore, MASTERY_SCORE here). Without a final quiz, 'completed'.
 * - `cmi.core.score.raw` (min 0, max 100): the final quiz's score, the percentage of its questions answered
 *   right counting each question's best attempt and an unanswered question as 0; null before its first answer.
 */
import { summarizeQuiz } from '../quiz/summary';
import { EMPTY_LESSON, type Progress } from '../store/progressFormat';
import { MASTERY_SCORE } from './mastery';

export type LessonStatus12 = 'incomplete' | 'completed' | 'passed' | 'failed';

export interface ScormReport {
  readonly status: LessonStatus12;
  /** 0-100, rounded; null before the final quiz's first answer. */
  readonly score: number | null;
}

/**
 * `quizzes` holds every lesson's quiz question ids (lessons without a quiz are left out); `finalSlug`
 * names the lesson whose quiz is the final quiz, or null.
 */
export function scormReport(
  progress: Progress,
  quizzes: Readonly<Record<string, readonly string[]>>,
  finalSlug: string | null,
  masteryScore = MASTERY_SCORE,
): ScormReport {
  const lesson = (slug: string) => progress.lessons[slug] ?? EMPTY_LESSON;
  const allAnswered = Object.entries(quizzes).every(([slug, ids]) => {
    const summary = summarizeQuiz(ids, lesson(slug));
    return summary.answered === summary.total;
  });
  const finalIds = finalSlug ? quizzes[finalSlug] : undefined;
  let score: number | null = null;
  if (finalSlug && finalIds && finalIds.length > 0) {
    const summary = summarizeQuiz(finalIds, lesson(finalSlug));
    if (summary.answered > 0)
      score = Math.round((100 * (summary.score ?? 0) * summary.answered) / summary.total);
  }
  if (!allAnswered) return { status: 'incomplete', score };
  if (score === null) return { status: 'completed', score };
  return { status: score >= masteryScore ? 'passed' : 'failed', score };
}
