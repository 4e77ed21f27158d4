import { lazy, Suspense, useMemo, useRef } from 'react';
import { Link } from 'wouter';
import { NotFoundPage } from '../components/NotFoundPage';
import { ProgressiveMdx } from '../components/ProgressiveMdx';
import { usePageTitle } from '../components/usePageTitle';
import { findLesson, type LessonEntry, lessons, paths } from '../course';
import { lessonPageComponents, preloadFigures } from '../mdx/lessonPageComponents';
import { PresentLink } from '../present/PresentLink';
import { QuizSection } from '../quiz/QuizSection';
import { SectionHeading } from '../quiz/SectionHeading';
import { useLessonPosition } from '../quiz/useLessonPosition';
import { whenIdle } from '../shared/whenIdle';

// Section headings get ids, so that a learner's place can be remembered and linked.
const components = { ...lessonPageComponents, h2: SectionHeading };

/** One lesson: its title, its compiled text (loaded on demand) and links to the lessons beside it. */
export function LessonPage({ slug, section }: { slug: string; section?: string }) {
  const lesson = findLesson(slug);
  usePageTitle(lesson?.title ?? null);
  if (!lesson) return <NotFoundPage />;
  return <LessonView lesson={lesson} section={section} />;
}

function LessonView({ lesson, section }: { lesson: LessonEntry; section?: string }) {
  // The text draws a few blocks at a time (ProgressiveMdx), so a long lesson never blocks a phone.
  const Body = useMemo(
    () =>
      lazy(() =>
        lesson.load().then(({ default: Content }) => {
          // The figures' code, once the text is on its way and the page is idle: ready to print.
          whenIdle(() => void preloadFigures().catch(() => undefined), 5000, 200);
          return {
            default: () => <ProgressiveMdx Content={Content} components={components} className="prose" />,
          };
        }),
      ),
    [lesson],
  );
  const articleRef = useRef<HTMLElement>(null);
  const missingSection = useLessonPosition(lesson.slug, section, articleRef);
  const index = lessons.indexOf(lesson);
  const previous = lessons[index - 1];
  const next = lessons[index + 1];
  return (
    <article className="page lesson" aria-labelledby="lesson-title" ref={articleRef}>
      <header className="lesson-header">
        <p className="eyebrow">
          Lesson {lesson.order} · {lesson.minutes} min read
        </p>
        <h1 id="lesson-title">{lesson.title}</h1>
        <p className="lead">{lesson.summary}</p>
        <PresentLink slug={lesson.slug} title={lesson.title} />
        {missingSection !== null && (
          <p className="notice" role="status">
            This lesson has no section “{missingSection.slice(0, 60)}”, so it opens at the top.
          </p>
        )}
      </header>
      <Suspense fallback={<p className="muted lesson-loading">Loading the lesson…</p>}>
        <Body />
        <QuizSection lesson={lesson} />
        {lesson.loadQuiz && (
          <p className="answer-key-link">
            <Link href={paths.answers(lesson.slug)}>Answer key for this lesson’s quiz (for teachers)</Link>
          </p>
        )}
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
