import { render } from '@testing-library/react';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import type { LessonEntry } from '../../../app/course';
import type { Question } from '../../../app/lessonTypes';
import { QuizSection } from '../../../app/quiz/QuizSection';

let made = 0;

/** A lesson with the given quiz, as app/course.ts would discover it (a new slug each time: quizzes are cached by slug). */
export function lessonWith(questions: readonly Question[], slug = `00-test-${++made}`): LessonEntry {
  return {
    slug,
    title: 'A test lesson',
    summary: 'For tests.',
    order: 1,
    minutes: 1,
    load: async () => ({ default: () => null }),
    loadQuiz: async () => questions,
    loadGlossary: null,
  };
}

/** Renders a lesson's "Check yourself" section with the given questions; pass `lesson` to render it again. */
export function renderQuiz(questions: readonly Question[], lesson = lessonWith(questions)) {
  const { hook } = memoryLocation({ path: `/lessons/${lesson.slug}` });
  const view = render(
    <Router hook={hook}>
      <QuizSection lesson={lesson} />
    </Router>,
  );
  return { ...view, lesson };
}
