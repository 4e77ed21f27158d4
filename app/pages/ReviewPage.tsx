import '../styles/quiz.css';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import { usePageTitle } from '../components/usePageTitle';
import { lessons, paths } from '../course';
import { ReviewSession } from '../quiz/ReviewSession';
import { describeDue, planReview, type ReviewItem } from '../quiz/reviewPlan';
import { useQuizzes } from '../quiz/useQuiz';
import { plural } from '../shared/format';
import { useStore } from '../store';
import { IntroText, pageIntros } from './pageIntros';

/**
 * Spaced review: the questions answered before that are due today, asked one at a time, then when the
 * next ones fall due. The schedule's rules are in app/store/review.ts.
 */
export function ReviewPage() {
  usePageTitle('Review');
  const progress = useStore((state) => state.progress);
  const quizzes = useQuizzes(lessons);
  const [openedAt] = useState(() => new Date());
  const plan = planReview(lessons, quizzes, progress, openedAt);
  // The questions due when the page opened: answering one moves its card, but it stays in this session.
  const session = useRef<readonly ReviewItem[] | null>(null);
  if (session.current === null && plan.ready) session.current = plan.due;
  const [finished, setFinished] = useState<number | null>(null);
  const doneRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (finished !== null) doneRef.current?.focus();
  }, [finished]);

  const items = session.current;
  // Cards answered in this session are due after the page opened, so they are among `later` too.
  const upcoming = plan.later[0];
  const when = upcoming ? describeDue(upcoming.card.dueAt, new Date()) : null;
  return (
    <div className={pageIntros.review.className}>
      <IntroText intro={pageIntros.review} />
      {items === null ? (
        <p className="muted">Loading the questions…</p>
      ) : finished !== null ? (
        <section aria-labelledby="review-done-heading" className="review-done">
          <h2 id="review-done-heading" tabIndex={-1} ref={doneRef}>
            Review done
          </h2>
          <p>
            You answered {finished} of {plural(items.length, 'question')} right.
            {when && ` Next review ${when}.`}{' '}
            <Link href={paths.home}>See each lesson’s mastery on the course map</Link>.
          </p>
        </section>
      ) : items.length > 0 ? (
        <>
          <p className="review-count">{plural(items.length, 'question')} due now.</p>
          <ReviewSession items={items} onFinished={setFinished} />
        </>
      ) : when ? (
        <p className="review-empty">Nothing due — next review {when}.</p>
      ) : (
        <p className="review-empty">
          Nothing to review yet: questions you answer in a lesson come back here a day later.{' '}
          <Link href={paths.lesson(lessons[0]?.slug ?? '')}>Start with the first lesson</Link>.
        </p>
      )}
      <ReviewRules predictAnswered={plan.predictAnswered} />
    </div>
  );
}

function ReviewRules({ predictAnswered }: { predictAnswered: number }) {
  return (
    <section aria-labelledby="review-rules-heading" className="review-rules">
      <h2 id="review-rules-heading">How review works</h2>
      <ul>
        <li>
          Each question you answer in a lesson goes into box 1 and is due a day later. Answering it again in
          the lesson does not move it.
        </li>
        <li>
          Right here, it moves up a box: box 2 comes back after 3 days, box 3 after 7 days, and box 3 stays at
          7 days. A wrong answer sends it back to box 1.
        </li>
        <li>
          A lesson is <strong>Mastered</strong> on the course map when all its questions are in box 3.
        </li>
        <li>
          Predict-then-run questions are not asked here: their answer is what a network trained live in the
          lesson did, so they stay in their lessons
          {predictAnswered > 0 && ` (you have answered ${predictAnswered} of them there)`}.
        </li>
      </ul>
      <p className="muted">After Karpicke and Roediger (2007), and Leitner’s boxes (1972).</p>
    </section>
  );
}
