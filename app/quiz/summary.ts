/**
 * What the course map and the progress page say about a learner's progress, as pure functions of the
 * saved progress and the lessons' quizzes.
 */
import type { LessonEntry } from '../course';
import { paths, QUIZ_SECTION_ID } from '../course';
import { formatPercent } from '../shared/format';
import { EMPTY_LESSON, type LessonProgress, type Progress } from '../store/progressFormat';
import type { QuizState } from './useQuiz';

export interface QuizSummary {
  readonly total: number;
  readonly answered: number;
  /** Questions answered fully right at least once. */
  readonly right: number;
  /** Mean best score over the answered questions, in [0, 1]; null before any answer. */
  readonly score: number | null;
}

export function summarizeQuiz(questionIds: readonly string[], lesson: LessonProgress): QuizSummary {
  let answered = 0;
  let right = 0;
  let sum = 0;
  for (const id of questionIds) {
    const question = lesson.questions[id];
    if (!question || question.attempts === 0) continue;
    answered++;
    sum += question.bestScore;
    if (question.completed) right++;
  }
  return { total: questionIds.length, answered, right, score: answered === 0 ? null : sum / answered };
}

/** E.g. "4 of 6 answered · 83%", or "6 questions" before the first answer. */
export function describeQuiz(summary: QuizSummary): string {
  if (summary.answered === 0) return `${summary.total} ${summary.total === 1 ? 'question' : 'questions'}`;
  return `${summary.answered} of ${summary.total} answered · ${formatPercent(summary.score ?? 0)}`;
}

export type LessonStatus = 'not-started' | 'reading' | 'quiz' | 'done';

/**
 * Where a learner stands in a lesson: not opened, reading, quiz begun, or done (every question answered,
 * or for a lesson without a quiz, opened).
 */
export function lessonStatus(quiz: QuizState | undefined, lesson: LessonProgress): LessonStatus {
  const ids = quiz?.status === 'ready' ? quiz.questions.map((question) => question.id) : null;
  if (ids) {
    const summary = summarizeQuiz(ids, lesson);
    if (summary.answered === summary.total) return 'done';
    if (summary.answered > 0) return 'quiz';
  } else if (quiz?.status === 'none' && lesson.visited) return 'done';
  else if (lesson.completed) return 'done';
  return lesson.visited ? 'reading' : 'not-started';
}

export const STATUS_LABEL: Readonly<Record<LessonStatus, string>> = {
  'not-started': 'Not started',
  reading: 'Reading',
  quiz: 'Quiz begun',
  done: 'Done',
};

export interface ContinueTarget {
  readonly lesson: LessonEntry;
  readonly href: string;
  /** Where in the lesson the link leads, e.g. '“A network with a loop”' or 'its quiz'; '' for its start. */
  readonly where: string;
  readonly kind: 'start' | 'resume' | 'quiz';
}

/**
 * The next place to go: the most recently opened lesson that is not done (at its last section, or its
 * quiz once reached), else the first lesson not yet opened. Null when every lesson is done.
 */
export function continueTarget(
  lessons: readonly LessonEntry[],
  progress: Progress,
  quizzes: Readonly<Record<string, QuizState>>,
): ContinueTarget | null {
  const entry = (lesson: LessonEntry) => progress.lessons[lesson.slug] ?? EMPTY_LESSON;
  const unfinished = lessons.filter((lesson) => lessonStatus(quizzes[lesson.slug], entry(lesson)) !== 'done');
  const opened = unfinished
    .filter((lesson) => entry(lesson).visited)
    .sort((a, b) => (entry(b).lastVisitedAt ?? '').localeCompare(entry(a).lastVisitedAt ?? ''));
  const recent = opened[0];
  if (recent) {
    const state = entry(recent);
    const status = lessonStatus(quizzes[recent.slug], state);
    if (status === 'quiz' || state.position?.id === QUIZ_SECTION_ID) {
      return { lesson: recent, href: paths.lessonQuiz(recent.slug), where: 'its quiz', kind: 'quiz' };
    }
    if (state.position) {
      return {
        lesson: recent,
        href: paths.lessonSection(recent.slug, state.position.id),
        where: `“${state.position.title}”`,
        kind: 'resume',
      };
    }
    return { lesson: recent, href: paths.lesson(recent.slug), where: '', kind: 'resume' };
  }
  const next = unfinished[0];
  return next ? { lesson: next, href: paths.lesson(next.slug), where: '', kind: 'start' } : null;
}

export type QuestionOutcome = 'right' | 'partly' | 'wrong' | 'not-yet';

/**
 * How a learner stands on one question: answered fully right at least once, partly right at best (a
 * multiple-choice or ordering answer with some of it right), only wrong answers so far, or not answered.
 */
export function questionOutcome(lesson: LessonProgress, questionId: string): QuestionOutcome {
  const question = lesson.questions[questionId];
  if (!question || question.attempts === 0) return 'not-yet';
  if (question.completed) return 'right';
  return question.bestScore > 0 ? 'partly' : 'wrong';
}

export const OUTCOME_LABEL: Readonly<Record<QuestionOutcome, string>> = {
  right: 'Right',
  partly: 'Partly right',
  wrong: 'Wrong',
  'not-yet': 'Not yet answered',
};
