import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { isLoadFailure } from '../components/loadFailure';
import { NotFoundPage } from '../components/NotFoundPage';
import { usePageTitle } from '../components/usePageTitle';
import { findLesson, type LessonEntry, paths } from '../course';
import type { SlideData } from './slides';
import { useSlides } from './useSlides';
import './present.css';

/**
 * Finds the lesson and loads its slides, saying so in words while they load or if there are none;
 * `children` draws the deck once it is ready.
 */
export function DeckLoader({
  slug,
  children,
}: {
  readonly slug: string;
  readonly children: (
    lesson: LessonEntry,
    slides: readonly SlideData[],
    previews: readonly SlideData[],
  ) => ReactNode;
}) {
  const lesson = findLesson(slug);
  const load = useSlides(slug);
  if (!lesson) return <NotFoundPage />;
  if (load.status === 'ready' && load.slides.length > 0) return children(lesson, load.slides, load.previews);
  return (
    <DeckMessage
      lesson={lesson}
      loading={load.status === 'loading'}
      failure={load.status === 'failed' ? load.message : null}
    />
  );
}

function DeckMessage({
  lesson,
  loading,
  failure,
}: {
  readonly lesson: LessonEntry;
  readonly loading: boolean;
  readonly failure: string | null;
}) {
  usePageTitle(`${lesson.title} (slides)`);
  if (loading) return <p className="page muted">Loading the slides…</p>;
  if (failure && isLoadFailure(failure)) {
    return (
      <div className="page" role="alert">
        <h1>You seem to be offline</h1>
        <p>
          The slides of {lesson.title} have not been saved on this device yet, and they could not be
          downloaded. <Link href={paths.lesson(lesson.slug)}>Open the lesson</Link>, or come back when you are
          online.
        </p>
      </div>
    );
  }
  return (
    <div className="page">
      <h1>{lesson.title}: no slides to show</h1>
      <p>
        {failure
          ? `The slides could not be loaded (${failure}).`
          : 'This lesson has no slides yet; it can still be read as a lesson.'}{' '}
        <Link href={paths.lesson(lesson.slug)}>Open the lesson</Link>.
      </p>
    </div>
  );
}
