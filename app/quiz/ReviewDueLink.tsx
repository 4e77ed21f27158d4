import { useState } from 'react';
import { Link } from 'wouter';
import { lessons, paths } from '../course';
import { plural } from '../shared/format';
import { useStore } from '../store';
import { planReview } from './reviewPlan';
import { useQuizzes } from './useQuiz';

/** On the course map, when questions answered before are due again: how many, and a link to review them. */
export function ReviewDueLink() {
  const progress = useStore((state) => state.progress);
  const quizzes = useQuizzes(lessons);
  const [now] = useState(() => new Date());
  const due = planReview(lessons, quizzes, progress, now).due.length;
  if (due === 0) return null;
  return (
    <p className="review-due-panel">
      <Link href={paths.review}>
        {plural(due, 'question')} from earlier {due === 1 ? 'is' : 'are'} due for review
      </Link>
    </p>
  );
}
