import type { StateCreator } from 'zustand';
import type { Answer } from './answers';
import {
  EMPTY_LESSON,
  EMPTY_PROGRESS,
  type LessonPosition,
  type LessonProgress,
  type Progress,
  progressFormat,
} from './progressFormat';
import type { SettingsSlice } from './settingsSlice';
import { load, save } from './storage';

export interface ProgressSlice {
  progress: Progress;
  /** False when the browser would not save: progress then lasts only as long as the tab. */
  progressSaved: boolean;
  /** Reads saved progress; called once by app/main.tsx so that importing the store has no side effect. */
  hydrateProgress: () => void;
  visitLesson: (slug: string) => void;
  /** Remembers the section the learner reached, for "continue where you left off". */
  setLessonPosition: (slug: string, position: LessonPosition) => void;
  /**
   * Records one scored attempt. `quizQuestionIds` are every question of the lesson's quiz, so that the
   * lesson counts as completed once each has been answered.
   */
  recordAnswer: (
    slug: string,
    questionId: string,
    answer: Answer,
    score: number,
    quizQuestionIds: readonly string[],
  ) => void;
  resetProgress: () => void;
}

/** Where a copy of unreadable saved progress is kept, so that nothing is destroyed without a trace. */
export const DAMAGED_PROGRESS_KEY = 'unroll.progress.damaged';

function keepDamagedCopy(): void {
  try {
    const text = globalThis.localStorage?.getItem(progressFormat.key);
    if (text !== null && text !== undefined) globalThis.localStorage.setItem(DAMAGED_PROGRESS_KEY, text);
  } catch {
    // Storage that cannot be read cannot be copied either; the notice already says so.
  }
}

const now = () => new Date().toISOString();

// Needs the settings slice for `storageNotice`, the one notice the layout shows.
export const createProgressSlice: StateCreator<ProgressSlice & SettingsSlice, [], [], ProgressSlice> = (
  set,
  get,
) => {
  const commit = (progress: Progress) => {
    const notice = save(progressFormat, progress);
    const wasSaved = get().progressSaved;
    set({
      progress,
      progressSaved: notice === null,
      // Says so once when saving starts failing, not on every answer.
      ...(notice !== null && wasSaved ? { storageNotice: notice } : {}),
    });
  };
  const lesson = (slug: string): LessonProgress => get().progress.lessons[slug] ?? EMPTY_LESSON;
  const withLesson = (slug: string, next: LessonProgress): Progress => ({
    lessons: { ...get().progress.lessons, [slug]: next },
  });

  return {
    progress: EMPTY_PROGRESS,
    progressSaved: true,
    hydrateProgress: () => {
      const saved = load(progressFormat);
      if (saved.notice?.includes('damaged')) keepDamagedCopy();
      set({
        progress: saved.value,
        progressSaved: saved.notice === null || saved.notice.includes('damaged'),
        ...(saved.notice ? { storageNotice: `Your quiz progress: ${lowerFirst(saved.notice)}` } : {}),
      });
    },
    visitLesson: (slug) => {
      commit(withLesson(slug, { ...lesson(slug), visited: true, lastVisitedAt: now() }));
    },
    setLessonPosition: (slug, position) => {
      const current = lesson(slug);
      if (current.position?.id === position.id) return;
      commit(withLesson(slug, { ...current, visited: true, position }));
    },
    recordAnswer: (slug, questionId, answer, score, quizQuestionIds) => {
      const current = lesson(slug);
      const before = current.questions[questionId];
      const bounded = Math.min(1, Math.max(0, Number.isFinite(score) ? score : 0));
      const questions = {
        ...current.questions,
        [questionId]: {
          attempts: (before?.attempts ?? 0) + 1,
          bestScore: Math.max(before?.bestScore ?? 0, bounded),
          lastScore: bounded,
          lastAnswer: answer,
          completed: (before?.completed ?? false) || bounded >= 1,
          answeredAt: now(),
        },
      };
      const completed =
        quizQuestionIds.length > 0 && quizQuestionIds.every((id) => (questions[id]?.attempts ?? 0) > 0);
      commit(withLesson(slug, { ...current, visited: true, questions, completed }));
    },
    resetProgress: () => commit(EMPTY_PROGRESS),
  };
};

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
