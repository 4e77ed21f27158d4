import '../styles/quiz.css';
import { type ReactNode, Suspense, useEffect } from 'react';
import { Link } from 'wouter';
import { lazyPage } from '../components/lazyPage';
import { useProgressiveCount } from '../components/useProgressiveCount';
import { type LessonEntry, paths, QUIZ_SECTION_ID } from '../course';
import { afterNextPaint } from '../shared/afterNextPaint';
import { useStore } from '../store';
import { EMPTY_LESSON } from '../store/progressFormat';
import { describeQuiz, summarizeQuiz } from './summary';
import { useQuiz } from './useQuiz';

/**
 * A question's card, downloaded with KaTeX (which typesets its formulas) only once the questions are
 * wanted: a lesson's text then shows without waiting for either on a slow link.
 */
const QuestionCard = lazyPage(() => import('./QuestionCard').then((module) => module.QuestionCard));

export interface QuizSectionProps {
  readonly lesson: LessonEntry;
  /** The section's heading; the lesson page's is "Check yourself", the final quiz page's its own. */
  readonly title?: string;
  readonly headingLevel?: 2 | 3;
  readonly headingId?: string;
  /** Shown when the lesson has no quiz (the lesson page shows nothing). */
  readonly empty?: ReactNode;
}

/** A lesson's quiz: its heading (the quiz's anchor), the learner's score so far, and every question. */
export function QuizSection({
  lesson,
  title = 'Check yourself',
  headingLevel = 2,
  headingId = QUIZ_SECTION_ID,
  empty = null,
}: QuizSectionProps) {
  const quiz = useQuiz(lesson);
  // Asked for (with KaTeX, 78 KB compressed) once the page around it has been painted, not in front of it.
  useEffect(() => afterNextPaint(() => QuestionCard.preload()), []);
  const progress = useStore((state) => state.progress.lessons[lesson.slug] ?? EMPTY_LESSON);
  // Questions render their formulas with KaTeX as they mount: a few at a time keeps a phone responsive.
  const shown = useProgressiveCount(quiz.status === 'ready' ? quiz.questions.length : 0, 2, 2);
  if (quiz.status === 'none') return empty;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const ids = quiz.status === 'ready' ? quiz.questions.map((question) => question.id) : [];
  const summary = summarizeQuiz(ids, progress);
  return (
    <section className="quiz" aria-labelledby={headingId}>
      <Heading id={headingId} tabIndex={-1} className="quiz-title">
        {title}
      </Heading>
      {quiz.status === 'loading' && <p className="muted">Loading the questions…</p>}
      {quiz.status === 'error' && (
        <p className="error-box">The questions of this lesson could not be loaded ({quiz.message}).</p>
      )}
      {quiz.status === 'ready' && (
        <>
          <div className="quiz-intro">
            <p>
              Answer in any order, as often as you like: each answer gets feedback at once, and your best
              score is saved in this browser.
            </p>
            <p className="quiz-score">
              <span className="quiz-score-label">Your score:</span> {describeQuiz(summary)}
              {summary.answered === summary.total && summary.total > 0 && ' · all answered'}
            </p>
          </div>
          <Suspense fallback={<p className="muted">Loading the questions…</p>}>
            <ol className="question-list">
              {quiz.questions.slice(0, shown).map((question, index) => (
                <QuestionCard
                  key={question.id}
                  lessonSlug={lesson.slug}
                  question={question}
                  number={index + 1}
                  quizQuestionIds={ids}
                />
              ))}
            </ol>
          </Suspense>
          <p className="quiz-footer muted">
            See every lesson's score on <Link href={paths.progress}>your progress page</Link>.
          </p>
        </>
      )}
    </section>
  );
}
