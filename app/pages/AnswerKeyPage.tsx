import { Link } from 'wouter';
import { usePageTitle } from '../components/usePageTitle';
import { FINAL_ANSWERS, finalQuizLesson, findLesson, paths } from '../course';
import { AnswerKey } from '../quiz/AnswerKey';
import { useQuiz } from '../quiz/useQuiz';

/**
 * A teacher's answer key, `#/answers/<slug>` or `#/answers/final`: every question of the quiz with its
 * right answer and explanation, built from the quiz data, to print.
 */
export function AnswerKeyPage({ slug }: { slug: string }) {
  const final = slug === FINAL_ANSWERS;
  const lesson = final ? finalQuizLesson() : findLesson(slug);
  const title = final ? 'Answer key: final quiz' : `Answer key: ${lesson?.title ?? 'unknown lesson'}`;
  usePageTitle(title);
  const quiz = useQuiz(lesson);
  return (
    <div className="page answer-key-page">
      <header className="lesson-header">
        <p className="eyebrow">For teachers</p>
        <h1>{title}</h1>
        {lesson && (
          <p className="muted">
            {final ? 'The final quiz' : `Lesson ${lesson.order}`}:{' '}
            <Link href={final ? paths.finalQuiz : paths.lessonQuiz(lesson.slug)}>
              the questions as students see them
            </Link>
            .
          </p>
        )}
        <button type="button" className="answer-key-print" onClick={() => window.print()}>
          Print
        </button>
      </header>
      {!lesson && (
        <p className="notice" role="alert">
          There is no lesson “{slug}”: pick a lesson's answer key from <Link href="/">the course map</Link>.
        </p>
      )}
      {quiz.status === 'loading' && <p className="muted">Loading the questions…</p>}
      {quiz.status === 'none' && lesson && <p>This lesson has no quiz.</p>}
      {quiz.status === 'error' && (
        <p className="notice" role="alert">
          The questions could not be loaded: {quiz.message}
        </p>
      )}
      {quiz.status === 'ready' && <AnswerKey questions={quiz.questions} />}
    </div>
  );
}
