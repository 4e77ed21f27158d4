import type { MDXContent } from 'mdx/types';

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
}

// Lessons are discovered from the folders: adding lessons/<nn>-<slug>/ with meta.json and lesson.mdx
// adds a lesson to the course. Only the small meta.json files are bundled with the app; each lesson's
// text is a chunk of its own, loaded when the lesson is opened.
const metas = import.meta.glob<LessonMeta>('../lessons/*/meta.json', { import: 'default', eager: true });
const loaders = import.meta.glob<{ default: MDXContent }>('../lessons/*/lesson.mdx');

function slugOf(path: string): string {
  const parts = path.split('/');
  return parts[parts.length - 2] ?? path;
}

/** Every lesson, in course order. Throws at start-up if a lesson's metadata is malformed, naming the folder. */
export const lessons: readonly LessonEntry[] = Object.entries(metas)
  .map(([path, meta]): LessonEntry => {
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
    const load = loaders[path.replace(/meta\.json$/, 'lesson.mdx')];
    if (!load) throw new Error(`lessons/${slug}/lesson.mdx could not be loaded`);
    return { ...meta, slug, load };
  })
  .sort((a, b) => a.order - b.order);

export function findLesson(slug: string): LessonEntry | undefined {
  return lessons.find((lesson) => lesson.slug === slug);
}

/** Where each page lives; the one place that knows the app's addresses. */
export const paths = {
  home: '/',
  lesson: (slug: string) => `/lessons/${slug}`,
  playground: '/playground',
} as const;
