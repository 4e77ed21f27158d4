import '../styles/quiz.css';
import { Link } from 'wouter';
import { type LessonEntry, lessons, paths } from '../course';
import { useStore } from '../store';
import { EMPTY_LESSON } from '../store/progressFormat';
import { describeMastery, lessonMastery } from './mastery';
import { continueTarget, describeQuiz, lessonStatus, summarizeQuiz } from './summary';
import { useQuiz, useQuizzes } from './useQuiz';

/** On the course map: a link to the next unfinished lesson, or to where the learner left off. */
export function ContinueLink() {
  const progress = useStore((state) => state.progress);
  const quizzes = useQuizzes(lessons);
  const anyVisited = Object.values(progress.lessons).some((lesson) => lesson.visited);
  const target = continueTarget(lessons, progress, quizzes);
  if (!target) {
    return (
      <p className="continue-panel">
        You have been through every lesson. <Link href={paths.progress}>See your progress and scores</Link>.
      </p>
    );
  }
  const { lesson } = target;
  return (
    <p className="continue-panel">
      <Link href={target.href} className="continue-link">
        <span className="continue-label">
          {anyVisited ? 'Continue where you left off' : 'Start the course'}
        </span>
        <span className="continue-target">
          Lesson {lesson.order}, {lesson.title}
          {target.where && <span className="continue-where"> · {target.where}</span>}
        </span>
      </Link>
    </p>
  );
}

/**
 * On a course card: where the learner stands in the lesson, e.g. "4 of 6 answered · 83%", and once
 * something is answered, how well it has held in review ("Mastery: Learning · 1 of 5 mastered").
 */
export function CardProgress({ lesson }: { lesson: LessonEntry }) {
  const entry = useStore((state) => state.progress.lessons[lesson.slug] ?? EMPTY_LESSON);
  const quiz = useQuiz(lesson);
  const status = lessonStatus(quiz, entry);
  const ids = quiz.status === 'ready' ? quiz.questions.map((question) => question.id) : null;
  const summary = ids ? summarizeQuiz(ids, entry) : null;
  if (status === 'not-started' && !summary) return null;
  const parts: string[] = [];
  if (status === 'done') parts.push('Done');
  else if (status === 'reading') parts.push('Started');
  if (summary) parts.push(describeQuiz(summary));
  const share = summary && summary.total > 0 ? summary.answered / summary.total : status === 'done' ? 1 : 0;
  const mastery = quiz.status === 'ready' ? lessonMastery(quiz.questions, entry) : null;
  return (
    <span className={`course-card-progress status-${status}`}>
      {status === 'done' && (
        <span aria-hidden="true" className="course-card-check">
          ✓{' '}
        </span>
      )}
      {parts.join(' · ')}
      {share > 0 && (
        <span className="course-card-meter" aria-hidden="true">
          <span style={{ width: `${Math.round(share * 100)}%` }} />
        </span>
      )}
      {/* Said in words; the meter beside them only repeats it. */}
      {mastery && mastery.level !== 'new' && (
        <span className={`course-card-mastery mastery-${mastery.level}`}>
          {describeMastery(mastery)}
          <span className="course-card-meter mastery-meter" aria-hidden="true">
            <span style={{ width: `${Math.round(mastery.share * 100)}%` }} />
          </span>
        </span>
      )}
    </span>
  );
}
