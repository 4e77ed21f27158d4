import type { MDXContent } from 'mdx/types';
import type { GlossaryTerm, Question } from './lessonTypes';

/** What each lesson folder declares in its meta.json, beside lesson.mdx. */
export interface LessonMeta {
  readonly title: string;
  readonly summary: string;
  readonly order: number;
  readonly minutes: number;
}

export interface LessonEntry extends LessonMeta {
  /** The folder name, e.g. `01-what-is-a-recurrent-network`: the lesson's address in the app. */
  readonly slug: string;
  /** Loads the compiled lesson text on demand, so the home page does not carry every lesson. */
  readonly load: () => Promise<{ default: MDXContent }>;
  /** Loads the lesson's quiz (lessons/<slug>/quiz.ts), or null when the lesson has none. */
  readonly loadQuiz: (() => Promise<readonly Question[]>) | null;
  /** Loads the lesson's glossary terms (lessons/<slug>/glossary.ts), or null when the lesson has none. */
  readonly loadGlossary: (() => Promise<readonly GlossaryTerm[]>) | null;
}

// Lessons are discovered from the folders: adding lessons/<nn>-<slug>/ with meta.json and lesson.mdx
// adds a lesson to the course. Only the small meta.json files are bundled with the app; each lesson's
// text is a chunk of its own, loaded when the lesson is opened.
const metas = import.meta.glob<LessonMeta>('../lessons/*/meta.json', { import: 'default', eager: true });
const loaders = import.meta.glob<{ default: MDXContent }>('../lessons/*/lesson.mdx');
// A lesson's quiz and glossary are optional, and chunks of their own like its text.
const quizLoaders = import.meta.glob<readonly Question[]>('../lessons/*/quiz.ts', { import: 'questions' });
const glossaryLoaders = import.meta.glob<readonly GlossaryTerm[]>('../lessons/*/glossary.ts', {
  import: 'glossary',
});

function slugOf(path: string): string {
  const parts = path.split('/');
  return parts[parts.length - 2] ?? path;
}

/** Each lesson's text once downloaded, by slug. */
const downloadedTexts = new Map<string, MDXContent>();

/**
 * A lesson's text if it has already been downloaded (asked for with the page's code, say), so that the
 * lesson page can draw it in its first render; otherwise undefined.
 */
export function downloadedLessonText(slug: string): MDXContent | undefined {
  return downloadedTexts.get(slug);
}

/**
 * Every lesson, in course order. Throws at start-up if a lesson's metadata is malformed, naming the folder.
 * A folder without lesson.mdx yet is a lesson still being written: it stays out of the course until then.
 */
export const lessons: readonly LessonEntry[] = Object.entries(metas)
  .map(([path, meta]): LessonEntry | null => {
    const slug = slugOf(path);
    if (
      !meta ||
      typeof meta.title !== 'string' ||
      typeof meta.summary !== 'string' ||
      !Number.isFinite(meta.order) ||
      !Number.isFinite(meta.minutes)
    ) {
      throw new Error(`lessons/${slug}/meta.json needs { "title", "summary", "order", "minutes" }`);
    }
    const download = loaders[path.replace(/meta\.json$/, 'lesson.mdx')];
    if (!download) return null;
    const load = () =>
      download().then((module) => {
        downloadedTexts.set(slug, module.default);
        return module;
      });
    const folder = path.replace(/meta\.json$/, '');
    const loadQuiz = quizLoaders[`${folder}quiz.ts`] ?? null;
    const loadGlossary = glossaryLoaders[`${folder}glossary.ts`] ?? null;
    return { ...meta, slug, load, loadQuiz, loadGlossary };
  })
  .filter((lesson): lesson is LessonEntry => lesson !== null)
  .sort((a, b) => a.order - b.order);

export function findLesson(slug: string): LessonEntry | undefined {
  return lessons.find((lesson) => lesson.slug === slug);
}

/** The syllabus's lesson 7, the summary, carries the course's final quiz. */
export const FINAL_QUIZ_LESSON_ORDER = 7;

/** The lesson whose quiz is the course's final quiz, once that lesson exists. */
export function finalQuizLesson(): LessonEntry | undefined {
  return lessons.find((lesson) => lesson.order === FINAL_QUIZ_LESSON_ORDER);
}

/** The id of the "Check yourself" heading on every lesson page: the quiz's anchor. */
export const QUIZ_SECTION_ID = 'check-yourself';

// A lesson's slides (lessons/<slug>/slides.mdx) are optional: presenter mode loads them on demand.
const slideLoaders = import.meta.glob<{ default: MDXContent }>('../lessons/*/slides.mdx');

/** Loads the compiled slides of a lesson, or null when the lesson has no slides.mdx. */
export function slidesLoader(slug: string): (() => Promise<{ default: MDXContent }>) | null {
  return slideLoaders[`../lessons/${slug}/slides.mdx`] ?? null;
}

/** Where each page lives; the one place that knows the app's addresses. */
export const paths = {
  home: '/',
  lesson: (slug: string) => `/lessons/${slug}`,
  playground: '/playground',
  /** The language lab; its optional query is read by app/lab/labQuery.ts. */
  lab: '/lab',
  /** A lesson opened at one of its sections (a heading id), e.g. its quiz. */
  lessonSection: (slug: string, section: string) => `/lessons/${slug}/${section}`,
  lessonQuiz: (slug: string) => `/lessons/${slug}/${QUIZ_SECTION_ID}`,
  finalQuiz: '/quiz/final',
  glossary: '/glossary',
  progress: '/progress',
  /** Spaced review of questions answered before, when they fall due. */
  review: '/review',
  /** A lesson as slides, one at a time; `slide` counts from 1. */
  present: (slug: string, slide = 1) => `/present/${slug}/${slide}`,
  /** The speaker view of a presented lesson (notes, next slide, clock), in a second window. */
  speaker: (slug: string, slide = 1) => `/speaker/${slug}/${slide}`,
  claims: '/claims',
  /** A teacher's answer key of a lesson's quiz, or of the final quiz (`answers('final')`). */
  answers: (slug: string) => `/answers/${slug}`,
} as const;

/** The answer-key address of the final quiz: `/answers/final`. */
export const FINAL_ANSWERS = 'final';
