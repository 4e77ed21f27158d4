import { useEffect, useState } from 'react';
import type { LessonEntry } from '../course';
import type { Question } from '../lessonTypes';

export type QuizState =
  | { readonly status: 'loading' }
  | { readonly status: 'none' }
  | { readonly status: 'ready'; readonly questions: readonly Question[] }
  | { readonly status: 'error'; readonly message: string };

const LOADING: QuizState = { status: 'loading' };
const NONE: QuizState = { status: 'none' };

// One load per lesson for the whole session: the course map, the lesson and the progress page share it.
const cache = new Map<string, Promise<QuizState>>();
const settled = new Map<string, QuizState>();

function loadQuiz(lesson: LessonEntry): Promise<QuizState> {
  const loader = lesson.loadQuiz;
  if (!loader) return Promise.resolve(NONE);
  let pending = cache.get(lesson.slug);
  if (!pending) {
    pending = loader().then(
      (questions): QuizState =>
        Array.isArray(questions) && questions.length > 0 ? { status: 'ready', questions } : NONE,
      (error: unknown): QuizState => ({
        status: 'error',
        message: error instanceof Error ? error.message : String(error),
      }),
    );
    pending.then((state) => settled.set(lesson.slug, state));
    cache.set(lesson.slug, pending);
  }
  return pending;
}

function known(lesson: LessonEntry): QuizState {
  if (!lesson.loadQuiz) return NONE;
  return settled.get(lesson.slug) ?? LOADING;
}

/** The quiz of one lesson, loaded on demand (a lesson without quiz.ts has status 'none'). */
export function useQuiz(lesson: LessonEntry | undefined): QuizState {
  const [state, setState] = useState<QuizState>(() => (lesson ? known(lesson) : NONE));
  useEffect(() => {
    if (!lesson) {
      setState(NONE);
      return;
    }
    let live = true;
    setState(known(lesson));
    loadQuiz(lesson).then((next) => {
      if (live) setState(next);
    });
    return () => {
      live = false;
    };
  }, [lesson]);
  return state;
}

/** What is known now of several lessons' quizzes, without loading any: the first state of useQuizzes. */
export function knownQuizzes(lessons: readonly LessonEntry[]): Readonly<Record<string, QuizState>> {
  return Object.fromEntries(lessons.map((lesson) => [lesson.slug, known(lesson)]));
}

/** The quizzes of several lessons, by slug; each fills in when its chunk arrives. */
export function useQuizzes(lessons: readonly LessonEntry[]): Readonly<Record<string, QuizState>> {
  const [states, setStates] = useState<Record<string, QuizState>>(() => ({ ...knownQuizzes(lessons) }));
  useEffect(() => {
    let live = true;
    for (const lesson of lessons) {
      loadQuiz(lesson).then((next) => {
        if (live) setStates((current) => ({ ...current, [lesson.slug]: next }));
      });
    }
    return () => {
      live = false;
    };
  }, [lessons]);
  return states;
}
