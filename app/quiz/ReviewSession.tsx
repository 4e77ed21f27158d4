import '../styles/quiz.css';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import { paths } from '../course';
import { useStore } from '../store';
import { QuestionCard } from './QuestionCard';
import { describeMove, type ReviewItem } from './reviewPlan';

export interface ReviewSessionProps {
  /** The questions due when the page opened, asked in this order. */
  readonly items: readonly ReviewItem[];
  /** Called after the last question, with how many were answered fully right. */
  readonly onFinished: (right: number) => void;
}

/**
 * The due questions one at a time, with the lessons' own question cards: Check gives the feedback and
 * moves the question's review card; the same button then goes on to the next question.
 */
export function ReviewSession({ items, onFinished }: ReviewSessionProps) {
  const recordReview = useStore((state) => state.recordReview);
  const [index, setIndex] = useState(0);
  const [moved, setMoved] = useState<string | null>(null);
  const right = useRef(0);
  const listRef = useRef<HTMLOListElement>(null);
  const [refocus, setRefocus] = useState(false);
  useEffect(() => {
    if (!refocus) return;
    setRefocus(false);
    // The new question's first input, so a keyboard or screen-reader user starts in its fieldset.
    listRef.current?.querySelector<HTMLElement>('input:not(:disabled), button:not(:disabled)')?.focus();
  }, [refocus]);
  const item = items[index];
  if (!item) return null;
  const { lesson, question, card } = item;
  const last = index === items.length - 1;
  const next = () => {
    if (last) onFinished(right.current);
    else {
      setRefocus(true);
      setMoved(null);
      setIndex(index + 1);
    }
  };
  return (
    <section className="review-session" aria-label="Questions due">
      <p className="review-source">
        Lesson {lesson.order}, {lesson.title} · box {card.box} of 3 ·{' '}
        <Link href={paths.lessonSection(lesson.slug, `question-${question.id}`)}>
          Open this question in its lesson
        </Link>
      </p>
      <ol className="question-list" ref={listRef}>
        <QuestionCard
          key={`${lesson.slug}/${question.id}`}
          lessonSlug={lesson.slug}
          question={question}
          number={index + 1}
          // Only counted for "Question n of total": in review, the total is the questions due.
          quizQuestionIds={items.map((due) => due.question.id)}
          review={{
            onChecked: (isRight) => {
              if (isRight) right.current++;
              recordReview(lesson.slug, question.id, isRight);
              const after = useStore.getState().progress.lessons[lesson.slug]?.questions[question.id]?.review;
              if (after) setMoved(describeMove(card.box, after.box));
            },
            onNext: next,
            nextLabel: last ? 'Finish the review' : 'Next question',
          }}
        />
      </ol>
      <p className="review-moved" aria-live="polite">
        {moved}
      </p>
    </section>
  );
}
