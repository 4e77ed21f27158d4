import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { findLesson, paths } from '../course';
import type { ClaimEntry } from './claims';

/** One claim: what the course says, where it says it, how the page checks it, and the measurement. */
export function ClaimCard({
  claim,
  current,
  children,
}: {
  readonly claim: ClaimEntry;
  /** The claim the address points at (`#/claims#<id>`): it is marked. */
  readonly current: boolean;
  readonly children: ReactNode;
}) {
  const titleId = `${claim.id}-title`;
  const lessons = claim.lessons.flatMap((slug) => {
    const lesson = findLesson(slug);
    return lesson ? [lesson] : [];
  });
  return (
    <section
      id={claim.id}
      className="claim-card"
      aria-labelledby={titleId}
      tabIndex={-1}
      data-current={current || undefined}
    >
      <h2 id={titleId}>{claim.title}</h2>
      <blockquote className="claim-statement">
        <p>{claim.statement}</p>
      </blockquote>
      {lessons.length > 0 && (
        <p className="claim-lessons">
          Stated in{' '}
          {lessons.map((lesson, index) => (
            <span key={lesson.slug}>
              {index > 0 && (index === lessons.length - 1 ? ' and ' : ', ')}
              <Link href={paths.lesson(lesson.slug)}>
                lesson {lesson.order}, {lesson.title}
              </Link>
            </span>
          ))}
          .
        </p>
      )}
      <p className="claim-method">
        <strong>Measured here:</strong> {claim.method}
      </p>
      {children}
    </section>
  );
}
