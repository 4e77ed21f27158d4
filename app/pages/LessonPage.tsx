import type { MDXContent } from 'mdx/types';
import { Suspense, useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import { NotFoundPage } from '../components/NotFoundPage';
import { ProgressiveMdx } from '../components/ProgressiveMdx';
import { usePageTitle } from '../components/usePageTitle';
import { downloadedLessonText, findLesson, type LessonEntry, lessons, paths } from '../course';
import { lessonPageComponents, preloadFigures } from '../mdx/lessonPageComponents';
import { QuizSection } from '../quiz/QuizSection';
import { SectionHeading } from '../quiz/SectionHeading';
import { useLessonPosition } from '../quiz/useLessonPosition';
import { whenIdle } from '../shared/whenIdle';
import { LessonHeader } from './LessonHeader';

// Section headings get ids, so that a learner's place can be remembered and linked.
const components = { ...lessonPageComponents, h2: SectionHeading };

/** One lesson: its title, its compiled text (loaded on demand) and links to the lessons beside it. */
export function LessonPage({ slug, section }: { slug: string; section?: string }) {
  const lesson = findLesson(slug);
  usePageTitle(lesson?.title ?? null);
  if (!lesson) return <NotFoundPage />;
  return <LessonView lesson={lesson} section={section} />;
}

/**
 * The lesson's compiled text, or null while it downloads; a failed download is thrown to the page's
 * error boundary. Not React's lazy(): a boundary that has just shown its fallback holds the content
 * back for up to 300 ms when it arrives (React's fallback throttling), and the text, asked for with the
 * page's own code (preloadPageAt), has usually arrived by the page's first render and draws in it.
 */
function useLessonText(lesson: LessonEntry): MDXContent | null {
  const [arrived, setArrived] = useState<{ slug: string; Content?: MDXContent; error?: unknown } | null>(
    null,
  );
  const own = arrived?.slug === lesson.slug ? arrived : null;
  const text = own?.Content ?? downloadedLessonText(lesson.slug) ?? null;
  // Whether this render drew the text: it may arrive between the render and the effect below.
  const drawn = useRef(false);
  drawn.current = text !== null;
  useEffect(() => {
    let live = true;
    let cancelIdle: () => void = () => undefined;
    // The figures' code, once the text is there and the page is idle: ready to print.
    const arrive = (Content: MDXContent) => {
      cancelIdle = whenIdle(() => void preloadFigures().catch(() => undefined), 5000, 200);
      if (!drawn.current) setArrived({ slug: lesson.slug, Content });
    };
    const known = downloadedLessonText(lesson.slug);
    if (known) arrive(known);
    else {
      lesson.load().then(
        ({ default: Content }) => {
          if (live) arrive(Content);
        },
        (error: unknown) => {
          if (live) setArrived({ slug: lesson.slug, error });
        },
      );
    }
    return () => {
      live = false;
      cancelIdle();
    };
  }, [lesson]);
  if (own?.error !== undefined) throw own.error;
  return text;
}

function LessonView({ lesson, section }: { lesson: LessonEntry; section?: string }) {
  const Content = useLessonText(lesson);
  const articleRef = useRef<HTMLElement>(null);
  const missingSection = useLessonPosition(lesson.slug, section, articleRef);
  const index = lessons.indexOf(lesson);
  const previous = lessons[index - 1];
  const next = lessons[index + 1];
  return (
    <article className="page lesson" aria-labelledby="lesson-title" ref={articleRef}>
      <LessonHeader lesson={lesson}>
        {missingSection !== null && (
          <p className="notice" role="status">
            This lesson has no section “{missingSection.slice(0, 60)}”, so it opens at the top.
          </p>
        )}
      </LessonHeader>
      <Suspense fallback={<p className="muted lesson-loading">Loading the lesson…</p>}>
        {Content ? (
          // The text draws a few blocks at a time (ProgressiveMdx), so a long lesson never blocks a phone.
          <ProgressiveMdx Content={Content} components={components} className="prose" />
        ) : (
          <p className="muted lesson-loading">Loading the lesson…</p>
        )}
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
