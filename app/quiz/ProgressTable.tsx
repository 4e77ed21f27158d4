import { Link } from 'wouter';
import { type LessonEntry, paths } from '../course';
import { formatPercent } from '../shared/format';
import { EMPTY_LESSON, type Progress } from '../store/progressFormat';
import { lessonMastery, MASTERY_LABEL } from './mastery';
import { lessonStatus, STATUS_LABEL, summarizeQuiz } from './summary';
import type { QuizState } from './useQuiz';

/** One row per lesson: where the learner is, how much of its quiz is answered, the score and the mastery. */
export function ProgressTable({
  lessons,
  progress,
  quizzes,
  caption,
}: {
  readonly lessons: readonly LessonEntry[];
  readonly progress: Progress;
  readonly quizzes: Readonly<Record<string, QuizState>>;
  readonly caption: string;
}) {
  return (
    <div className="progress-table-wrapper">
      <table className="progress-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Lesson</th>
            <th scope="col">Status</th>
            <th scope="col">Quiz</th>
            <th scope="col">Score</th>
            <th scope="col">Mastery</th>
          </tr>
        </thead>
        <tbody>
          {lessons.map((lesson) => {
            const entry = progress.lessons[lesson.slug] ?? EMPTY_LESSON;
            const quiz = quizzes[lesson.slug];
            const status = lessonStatus(quiz, entry);
            const ids = quiz?.status === 'ready' ? quiz.questions.map((question) => question.id) : null;
            const summary = ids ? summarizeQuiz(ids, entry) : null;
            const mastery = quiz?.status === 'ready' ? lessonMastery(quiz.questions, entry) : null;
            return (
              <tr key={lesson.slug} className={`status-${status}`}>
                <th scope="row">
                  <Link href={paths.lesson(lesson.slug)}>
                    {lesson.order}. {lesson.title}
                  </Link>
                </th>
                <td>
                  {STATUS_LABEL[status]}
                  {status === 'reading' && entry.position && (
                    <span className="progress-position"> at “{entry.position.title}”</span>
                  )}
                </td>
                <td>
                  {summary ? (
                    <Link
                      href={paths.lessonQuiz(lesson.slug)}
                      aria-label={`Quiz of lesson ${lesson.order}: ${summary.answered} of ${summary.total} answered`}
                    >
                      {summary.answered} of {summary.total} answered
                    </Link>
                  ) : quiz?.status === 'loading' ? (
                    '…'
                  ) : (
                    'no quiz yet'
                  )}
                </td>
                <td className="progress-score">
                  {summary?.score == null ? '—' : formatPercent(summary.score)}
                </td>
                <td>
                  {mastery
                    ? `${MASTERY_LABEL[mastery.level]}${mastery.level === 'new' ? '' : ` (${mastery.mastered} of ${mastery.total})`}`
                    : '—'}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
