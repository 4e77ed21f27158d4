/**
 * Merges two copies of the progress, so that two tabs writing the same localStorage key keep each
 * other's answers instead of the last writer winning.
 *
 * Per question: the most attempts and the best score of either copy (both counted real attempts), and
 * the last answer of whichever copy answered later, and the review card changed later (a review moves a
 * card without a new answer in the lesson). Per lesson: visited if either says so, and the
 * reading position of whichever copy was there later. A reset wins: the copy that has not seen the
 * newest reset keeps only what it recorded after it.
 */
import type { LessonProgress, Progress, QuestionProgress } from './progressFormat';
import { laterCard } from './review';

const time = (iso: string | null | undefined): number => (iso ? Date.parse(iso) : Number.NEGATIVE_INFINITY);
const later = (a: string | null, b: string | null) => (time(b) > time(a) ? b : a);

function mergeQuestion(a: QuestionProgress, b: QuestionProgress): QuestionProgress {
  const last =
    time(b.answeredAt) > time(a.answeredAt) ||
    (time(b.answeredAt) === time(a.answeredAt) && b.attempts > a.attempts)
      ? b
      : a;
  const merged = {
    attempts: Math.max(a.attempts, b.attempts),
    bestScore: Math.max(a.bestScore, b.bestScore),
    lastScore: last.lastScore,
    lastAnswer: last.lastAnswer,
    completed: a.completed || b.completed,
    answeredAt: last.answeredAt,
  };
  const review = laterCard(a.review, b.review);
  return review ? { ...merged, review } : merged;
}

function mergeLesson(a: LessonProgress, b: LessonProgress): LessonProgress {
  const questions: Record<string, QuestionProgress> = { ...a.questions };
  for (const [id, question] of Object.entries(b.questions)) {
    const mine = questions[id];
    questions[id] = mine ? mergeQuestion(mine, question) : question;
  }
  const bLater = time(b.lastVisitedAt) > time(a.lastVisitedAt);
  return {
    visited: a.visited || b.visited,
    lastVisitedAt: later(a.lastVisitedAt, b.lastVisitedAt),
    position: (bLater ? b.position : a.position) ?? (bLater ? a.position : b.position),
    completed: a.completed || b.completed,
    questions,
  };
}

/** What a copy recorded after `resetAt`: answers given and lessons visited later; everything else goes. */
function after(progress: Progress, resetAt: string): Progress {
  const cut = time(resetAt);
  const lessons: Record<string, LessonProgress> = {};
  for (const [slug, lesson] of Object.entries(progress.lessons)) {
    const kept = Object.entries(lesson.questions).filter(([, question]) => time(question.answeredAt) > cut);
    const fresh = time(lesson.lastVisitedAt) > cut;
    if (!fresh && kept.length === 0) continue;
    const whole = kept.length === Object.keys(lesson.questions).length;
    lessons[slug] = {
      visited: true,
      lastVisitedAt: fresh ? lesson.lastVisitedAt : null,
      position: fresh ? lesson.position : null,
      // "Every question answered" may have counted answers the reset removed.
      completed: whole && lesson.completed,
      questions: Object.fromEntries(kept),
    };
  }
  return { lessons, resetAt };
}

/** Both copies' progress in one; `a` wins exact ties. See the module comment for the rules. */
export function mergeProgress(a: Progress, b: Progress): Progress {
  const resetAt = later(a.resetAt ?? null, b.resetAt ?? null);
  const first = resetAt !== null && a.resetAt !== resetAt ? after(a, resetAt) : a;
  const second = resetAt !== null && b.resetAt !== resetAt ? after(b, resetAt) : b;
  const lessons: Record<string, LessonProgress> = { ...first.lessons };
  for (const [slug, lesson] of Object.entries(second.lessons)) {
    const mine = lessons[slug];
    lessons[slug] = mine ? mergeLesson(mine, lesson) : lesson;
  }
  return resetAt === null ? { lessons } : { lessons, resetAt };
}
