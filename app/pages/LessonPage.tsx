import { lazy, Suspense, useMemo } from 'react';
import { Link } from 'wouter';
import { lessonComponents } from '../components/lessonComponents';
import { usePageTitle } from '../components/usePageTitle';
import { findLesson, type LessonEntry, lessons, paths } from '../course';
import { NotFoundPage } from './NotFoundPage';

/** One lesson: its title, its compiled text (loaded on demand) and links to the lessons beside it. */
export function LessonPage({ slug }: { slug: string }) {
  const lesson = findLesson(slug);
  usePageTitle(lesson?.title ?? null);
  if (!lesson) return <NotFoundPage />;
  return <LessonView lesson={lesson} />;
}

function LessonView({ lesson }: { lesson: LessonEntry }) {
  const Body = useMemo(() => lazy(lesson.load), [lesson]);
  const index = lessons.indexOf(lesson);
  const previous = lessons[index - 1];
  const next = lessons[index + 1];
  return (
    <article className="page lesson" aria-labelledby="lesson-title">
      <header className="lesson-header">
        <p className="eyebrow">
          Lesson {lesson.order} · {lesson.minutes} min read
        </p>
        <h1 id="lesson-title">{lesson.title}</h1>
        <p className="lead">{lesson.summary}</p>
      </header>
      <Suspense fallback={<p className="muted">Loading the lesson…</p>}>
        <div className="prose">
          <Body components={lessonComponents} />
        </div>
      </Suspense>
      <nav className="lesson-pager" aria-label="Lessons">
        {previous ? (
          <Link href={paths.lesson(previous.slug)} className="pager-link">
            <span className="pager-direction">Previous</span> {previous.title}
          </Link>
        ) : (
          <Link href={paths.home} className="pager-link">
            <span className="pager-direction">Back to</span> the course map
          </Link>
        )}
        {next && (
          <Link href={paths.lesson(next.slug)} className="pager-link pager-next">
            <span className="pager-direction">Next</span> {next.title}
          </Link>
        )}
      </nav>
    </article>
  );
}
