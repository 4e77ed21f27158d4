import type { LessonEntry } from '../course';
import { EMPTY_LESSON, PROGRESS_VERSION, type Progress } from '../store/progressFormat';
import { lessonStatus, summarizeQuiz } from './summary';
import type { QuizState } from './useQuiz';

/** The learner's progress as a JSON document: the saved data with its schema version, and a readable summary. */
export function progressDocument(
  lessons: readonly LessonEntry[],
  progress: Progress,
  quizzes: Readonly<Record<string, QuizState>>,
  exportedAt: Date,
): string {
  const summary = lessons.map((lesson) => {
    const entry = progress.lessons[lesson.slug] ?? EMPTY_LESSON;
    const quiz = quizzes[lesson.slug];
    const ids = quiz?.status === 'ready' ? quiz.questions.map((question) => question.id) : [];
    const { total, answered, right, score } = summarizeQuiz(ids, entry);
    return {
      slug: lesson.slug,
      title: lesson.title,
      status: lessonStatus(quiz, entry),
      questions: total,
      answered,
      right,
      score,
    };
  });
  return JSON.stringify(
    {
      app: 'Unroll',
      kind: 'progress',
      schemaVersion: PROGRESS_VERSION,
      exportedAt: exportedAt.toISOString(),
      summary,
      progress,
    },
    null,
    2,
  );
}
