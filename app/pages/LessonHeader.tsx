import { type ReactNode, useEffect } from 'react';
import type { LessonEntry } from '../course';
import { PresentLink } from '../present/PresentLink';
import { afterNextPaint } from '../shared/afterNextPaint';

/**
 * A lesson's opening, all from its meta.json: eyebrow, title, summary as the lead, and the Present link.
 * Part of the first download, so that the lesson page's fallback draws it while the page's code and the
 * lesson's text download; the page draws the same, with `children` (a notice) after the link.
 */
export function LessonHeader({
  lesson,
  children,
}: {
  readonly lesson: LessonEntry;
  readonly children?: ReactNode;
}) {
  return (
    <header className="lesson-header">
      <p className="eyebrow">
        Lesson {lesson.order} · {lesson.minutes} min read
      </p>
      <h1 id="lesson-title">{lesson.title}</h1>
      <p className="lead">{lesson.summary}</p>
      <PresentLink slug={lesson.slug} title={lesson.title} />
      {children}
    </header>
  );
}

/**
 * What a lesson's page shows while its code downloads: the lesson's opening and a line saying the text
 * is coming. Once that has been painted it asks for the lesson's text, beside the page's code (which
 * lazyPage asks for after the same paint), so neither waits for the other.
 */
export function LessonWhileLoading({ lesson }: { readonly lesson: LessonEntry | undefined }) {
  useEffect(() => {
    if (!lesson) return;
    return afterNextPaint(() => void lesson.load().catch(() => undefined));
  }, [lesson]);
  if (!lesson) return <p className="page muted">Loading…</p>;
  return (
    <article className="page lesson" aria-labelledby="lesson-title">
      <LessonHeader lesson={lesson} />
      <p className="muted lesson-loading">Loading the lesson…</p>
    </article>
  );
}
