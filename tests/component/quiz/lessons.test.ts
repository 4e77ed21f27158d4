// Every lesson's quiz and glossary, checked as the learner will meet them. The second describe block
// is the course's completeness check: it fails until every lesson has its quiz and study notes.
import { describe, expect, it } from 'vitest';
import { FINAL_QUIZ_LESSON_ORDER, lessons } from '../../../app/course';
import type { GlossaryTerm, Question } from '../../../app/lessonTypes';
import { validateGlossary, validateQuestions } from '../../../app/quiz/validate';

const quizzes = import.meta.glob<readonly Question[]>('../../../lessons/*/quiz.ts', {
  import: 'questions',
  eager: true,
});
const glossaries = import.meta.glob<readonly GlossaryTerm[]>('../../../lessons/*/glossary.ts', {
  import: 'glossary',
  eager: true,
});
// The MDX plugin compiles every .mdx import (even ?raw), so the lesson source is read from disk. This
// project's tsconfig gives component tests DOM types only, hence the small hand-written type.
const fs = (await import('node:fs' as string)) as {
  readFileSync(path: URL, encoding: 'utf8'): string;
};
const texts = Object.fromEntries(
  Object.keys(import.meta.glob('../../../lessons/*/lesson.mdx')).map((path) => [
    path,
    fs.readFileSync(new URL(path, import.meta.url), 'utf8'),
  ]),
);

const slideTexts = Object.fromEntries(
  Object.keys(import.meta.glob('../../../lessons/*/slides.mdx')).map((path) => [
    path,
    fs.readFileSync(new URL(path, import.meta.url), 'utf8'),
  ]),
);

const slugOf = (path: string) => path.split('/').at(-2) ?? path;
const bySlug = <T>(modules: Record<string, T>) =>
  new Map(Object.entries(modules).map(([path, value]) => [slugOf(path), value]));
const quizOf = bySlug(quizzes);
const glossaryOf = bySlug(glossaries);
const textOf = bySlug(texts);
const slidesOf = bySlug(slideTexts);

describe('every lesson quiz and glossary that exists', () => {
  it('finds the quizzes to check', () => {
    expect(quizOf.size).toBeGreaterThan(0);
  });

  it.each([...quizOf.entries()])('lessons/%s/quiz.ts is well formed', (slug, questions) => {
    expect(validateQuestions(slug, questions)).toEqual([]);
  });

  it.each([...glossaryOf.entries()])('lessons/%s/glossary.ts is well formed', (slug, terms) => {
    expect(validateGlossary(slug, terms)).toEqual([]);
  });
});

describe('the course is complete', () => {
  it('has the syllabus lessons 1 to 7, the summary with the final quiz last', () => {
    expect(lessons.map((lesson) => lesson.order)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(lessons.at(-1)?.order).toBe(FINAL_QUIZ_LESSON_ORDER);
  });

  it.each(lessons.map((lesson) => [lesson.slug, lesson.order] as const))(
    'lessons/%s has a quiz of at least 6 questions (the final quiz 15) and a "## Study notes" section',
    (slug, order) => {
      const questions = quizOf.get(slug) ?? [];
      const minimum = order === FINAL_QUIZ_LESSON_ORDER ? 15 : 6;
      expect(questions.length, `lessons/${slug}/quiz.ts questions`).toBeGreaterThanOrEqual(minimum);
      const text = textOf.get(slug) ?? '';
      expect(text, `lessons/${slug}/lesson.mdx`).toMatch(/^## Study notes\s*$/m);
      // The page adds the quiz under its own "Check yourself" heading, the quiz's anchor.
      expect(text, `lessons/${slug}/lesson.mdx`).not.toMatch(/^## Check yourself\s*$/m);
    },
  );

  it.each(lessons.map((lesson) => lesson.slug))(
    'lessons/%s has slides, each with a title and speaker notes',
    (slug) => {
      const slides = [...(slidesOf.get(slug) ?? '').matchAll(/<Slide\b([^>]*)>/g)].map(
        (match) => match[1] ?? '',
      );
      expect(slides.length, `lessons/${slug}/slides.mdx slides`).toBeGreaterThanOrEqual(5);
      for (const attributes of slides) {
        expect(attributes, `lessons/${slug}/slides.mdx`).toMatch(/\btitle="[^"]+"/);
        expect(attributes, `lessons/${slug}/slides.mdx`).toMatch(/\bnotes="[^"]{20,}"/);
      }
    },
  );
});
