import { Link } from 'wouter';
import { lessons } from '../course';
import { useStore } from '../store';
import { EMPTY_LESSON } from '../store/progressFormat';
import { continueTarget, lessonStatus } from './summary';
import { knownQuizzes, type QuizState } from './useQuiz';

/**
 * The progress page's opening: how many lessons are done and a link on to the next, then the date and
 * a name line on paper. Part of the first download, so that the page's fallback draws it while the rest
 * of the page's code downloads (with the quizzes known so far, as the page's own first render has them).
 */
export function ProgressHeader({
  quizzes,
  today,
}: {
  readonly quizzes: Readonly<Record<string, QuizState>>;
  readonly today: Date;
}) {
  const progress = useStore((state) => state.progress);
  const done = lessons.filter(
    (lesson) => lessonStatus(quizzes[lesson.slug], progress.lessons[lesson.slug] ?? EMPTY_LESSON) === 'done',
  ).length;
  const next = continueTarget(lessons, progress, quizzes);
  return (
    <header>
      <p className="eyebrow">Unroll · progress summary</p>
      <h1>Your progress</h1>
      <p className="lead">
        {done} of {lessons.length} {lessons.length === 1 ? 'lesson' : 'lessons'} done.
        {next && (
          <>
            {' '}
            <Link href={next.href} className="progress-continue">
              {next.kind === 'start' ? 'Start' : 'Continue with'} lesson {next.lesson.order},{' '}
              {next.lesson.title}
            </Link>
          </>
        )}
      </p>
      <p className="print-only">Printed on {today.toLocaleDateString('en-GB', { dateStyle: 'long' })}.</p>
      {/* On paper the learner writes their name: the course keeps no name of its own. */}
      <p className="print-only progress-name-line">Name:</p>
    </header>
  );
}

/** What the progress page shows while its code downloads: its opening, then a line saying more is coming. */
export function ProgressWhileLoading() {
  return (
    <div className="page progress-page">
      <ProgressHeader quizzes={knownQuizzes(lessons)} today={new Date()} />
      <p className="muted">Loading…</p>
    </div>
  );
}
