import type { StateCreator } from 'zustand';
import type { Answer } from './answers';
import {
  DAMAGED_PREFIX,
  type DamagedCopy,
  discardDamagedCopy,
  keepDamagedCopy,
  listDamagedCopies,
  MAX_DAMAGED_COPIES,
  recoverProgress,
} from './damagedCopies';
import {
  EMPTY_LESSON,
  EMPTY_PROGRESS,
  type LessonPosition,
  type Progress,
  progressFormat,
} from './progressFormat';
import { mergeProgress } from './progressMerge';
import { cardFromAnswer, reviewCard, seedCard } from './review';
import type { SettingsSlice } from './settingsSlice';
import { load, parseSaved, type Saved, save } from './storage';

/**
 * Why saved progress is left alone: it was written by a newer version of Unroll, or it could not be read
 * and the browser had no room to keep a copy of it (the reader chooses on the Progress page).
 */
export type ProgressLock = 'newer' | 'unkept';

export interface ProgressSlice {
  progress: Progress;
  /** False when progress is not being saved: the browser refuses, or the saved copy is locked. */
  progressSaved: boolean;
  progressLock: ProgressLock | null;
  /** The unreadable saved text under the progress key while locked 'unkept', to download or restore. */
  heldProgressText: string | null;
  damagedCopies: readonly DamagedCopy[];
  /** Reads saved progress; called once by app/main.tsx so that importing the store has no side effect. */
  hydrateProgress: () => void;
  /** Follows another tab's write of the progress (the `storage` event): merges it in, saves nothing. */
  followProgress: (event: Pick<StorageEvent, 'key' | 'newValue'>) => void;
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
  /**
   * Completes the last attempt instead of counting a new one: a predict question's reason arrives after
   * its outcome was saved. The score can only rise from the saved one, so the best score stays honest.
   * Does nothing if the question has no saved attempt.
   */
  amendAnswer: (slug: string, questionId: string, answer: Answer, score: number) => void;
  /**
   * Records an answer given on the Review page: moves the question's card (app/store/review.ts) up a box
   * when right, back to box 1 when not. The lesson's attempts and scores are left as they were.
   * Does nothing if the question was never answered.
   */
  recordReview: (slug: string, questionId: string, right: boolean) => void;
  resetProgress: () => void;
  /** Merges progress from elsewhere (an LMS's suspend data) into this tab's, and saves the result. */
  mergeInProgress: (incoming: Progress) => void;
  /**
   * Merges what can be read of a kept damaged copy (or of the held text, by its key `unroll.progress`)
   * into the progress; returns how many answered questions it found, or null when none could be read.
   */
  restoreDamagedCopy: (key: string) => number | null;
  discardDamagedCopy: (key: string) => void;
  /** Lifts an 'unkept' lock: the reader chose to replace the unreadable saved text with this tab's progress. */
  replaceHeldProgress: () => void;
}

const now = () => new Date().toISOString();
const answered = (progress: Progress) =>
  Object.values(progress.lessons).reduce((sum, lesson) => sum + Object.keys(lesson.questions).length, 0);

const UNKEPT =
  'Your saved quiz progress could not be read, and the browser had no room to keep a copy of it. It is left as it was, and nothing new is saved until you choose what to do with it on the Progress page.';
const NEWER =
  'Your quiz progress was saved by a newer version of Unroll; this page will not change it, so answers given here last until you close the tab.';

// Needs the settings slice for `storageNotice`, the one notice the layout shows.
export const createProgressSlice: StateCreator<ProgressSlice & SettingsSlice, [], [], ProgressSlice> = (
  set,
  get,
) => {
  /**
   * Acts on saved progress that this version must not write over: a newer version's is locked; a damaged
   * one is kept as a copy (then replaced by a fresh start), or locked when no copy could be kept.
   * Returns true when saving may go on.
   */
  const guard = (saved: Saved<Progress>): boolean => {
    if (saved.status === 'newer') {
      set({ progressLock: 'newer', progressSaved: false, heldProgressText: null, storageNotice: NEWER });
      return false;
    }
    const partial = saved.status === 'ok' && (saved.unread ?? 0) > 0;
    if ((saved.status !== 'damaged' && !partial) || saved.text === null) return true;
    const kept = keepDamagedCopy(saved.text, new Date());
    if (!kept.kept) {
      set({
        progressLock: 'unkept',
        progressSaved: false,
        heldProgressText: saved.text,
        storageNotice: UNKEPT,
      });
      return false;
    }
    const dropped =
      kept.dropped > 0
        ? ` Only the ${MAX_DAMAGED_COPIES} most recent copies are kept, so the oldest ${kept.dropped === 1 ? 'was' : `${kept.dropped} were`} deleted.`
        : '';
    const unread = saved.unread ?? 0;
    set({
      damagedCopies: listDamagedCopies(),
      storageNotice: partial
        ? `${unread === 1 ? 'One part' : `${unread} parts`} of your saved quiz progress could not be read, so Unroll uses the rest without ${unread === 1 ? 'it' : 'them'}. A copy of it as it was saved is kept on the Progress page, where you can download it.${dropped}`
        : `Your saved quiz progress could not be read, so Unroll started fresh. A copy of it is kept on the Progress page, where you can download it or try to restore it.${dropped}`,
    });
    return true;
  };

  /** Applies a change to this tab's progress merged with the stored copy, and saves the result. */
  const commit = (change: (progress: Progress) => Progress) => {
    const state = get();
    if (state.progressLock !== null) {
      set({ progress: change(state.progress) });
      return;
    }
    const saved = load(progressFormat);
    if (!guard(saved)) {
      set({ progress: change(get().progress) });
      return;
    }
    const base = saved.status === 'ok' ? mergeProgress(state.progress, saved.value) : state.progress;
    const progress = change(base);
    const notice = save(progressFormat, progress);
    set({
      progress,
      progressSaved: notice === null,
      // Says so once when saving starts failing, not on every answer.
      ...(notice !== null && state.progressSaved ? { storageNotice: notice } : {}),
    });
  };
  const inLesson = (
    slug: string,
    change: (lesson: Progress['lessons'][string]) => Progress['lessons'][string] | null,
  ) =>
    commit((progress) => {
      const next = change(progress.lessons[slug] ?? EMPTY_LESSON);
      return next === null ? progress : { ...progress, lessons: { ...progress.lessons, [slug]: next } };
    });

  return {
    progress: EMPTY_PROGRESS,
    progressSaved: true,
    progressLock: null,
    heldProgressText: null,
    damagedCopies: [],
    hydrateProgress: () => {
      const saved = load(progressFormat);
      set({ progressLock: null, heldProgressText: null, damagedCopies: listDamagedCopies() });
      if ((saved.status === 'ok' && !saved.unread) || saved.status === 'empty') {
        set({ progress: saved.value, progressSaved: true });
      } else if (saved.status === 'ok') {
        // Parts could not be read: the whole text is kept as a copy before the rest is saved without them.
        set({ progress: saved.value, progressSaved: true });
        if (guard(saved)) set({ progressSaved: save(progressFormat, saved.value) === null });
      } else if (saved.status === 'newer' || saved.status === 'damaged') {
        set({ progress: saved.value, progressSaved: true });
        // Started fresh only once the damaged text is safely kept; the fresh start is then saved.
        if (guard(saved) && saved.status === 'damaged') {
          set({ progressSaved: save(progressFormat, saved.value) === null });
        }
      } else {
        set({
          progress: saved.value,
          progressSaved: false,
          storageNotice: `Your quiz progress: ${lowerFirst(saved.notice ?? '')}`,
        });
      }
    },
    followProgress: (event) => {
      if (event.key?.startsWith(DAMAGED_PREFIX)) {
        set({ damagedCopies: listDamagedCopies() });
        return;
      }
      // A null key means another tab cleared all storage: this tab keeps what it has.
      if (event.key !== progressFormat.key) return;
      const saved = parseSaved(progressFormat, event.newValue);
      if (saved.status === 'newer') {
        if (get().progressLock !== 'newer') guard(saved);
        set({ progress: saved.value });
      } else if (saved.status === 'ok') {
        const wasLocked = get().progressLock !== null;
        set({
          // Another tab has written readable progress: whatever was held has been dealt with there.
          progress: wasLocked ? saved.value : mergeProgress(get().progress, saved.value),
          ...(wasLocked ? { progressLock: null, heldProgressText: null, progressSaved: true } : {}),
        });
      }
      // Damaged text from another tab is dealt with by the next write here, which reads it first.
    },
    visitLesson: (slug) => {
      inLesson(slug, (lesson) => ({ ...lesson, visited: true, lastVisitedAt: now() }));
    },
    setLessonPosition: (slug, position) => {
      if (get().progress.lessons[slug]?.position?.id === position.id) return;
      // The time says which tab's position is the latest when two tabs' progress is merged.
      inLesson(slug, (lesson) => ({ ...lesson, visited: true, position, lastVisitedAt: now() }));
    },
    recordAnswer: (slug, questionId, answer, score, quizQuestionIds) => {
      const bounded = Math.min(1, Math.max(0, Number.isFinite(score) ? score : 0));
      inLesson(slug, (lesson) => {
        const before = lesson.questions[questionId];
        const at = new Date();
        const attempt = {
          attempts: (before?.attempts ?? 0) + 1,
          bestScore: Math.max(before?.bestScore ?? 0, bounded),
          lastScore: bounded,
          lastAnswer: answer,
          completed: (before?.completed ?? false) || bounded >= 1,
          answeredAt: at.toISOString(),
        };
        // The first answer seeds the review card; later attempts in the lesson leave it where it is.
        const review = before?.review ?? (answer.kind === 'predict' ? undefined : seedCard(at));
        const questions = { ...lesson.questions, [questionId]: review ? { ...attempt, review } : attempt };
        const completed =
          quizQuestionIds.length > 0 && quizQuestionIds.every((id) => (questions[id]?.attempts ?? 0) > 0);
        return { ...lesson, visited: true, questions, completed };
      });
    },
    amendAnswer: (slug, questionId, answer, score) => {
      const bounded = Math.min(1, Math.max(0, Number.isFinite(score) ? score : 0));
      inLesson(slug, (lesson) => {
        const before = lesson.questions[questionId];
        if (!before || before.attempts === 0) return null;
        const amended = {
          ...before,
          bestScore: Math.max(before.bestScore, bounded),
          lastScore: bounded,
          lastAnswer: answer,
          completed: before.completed || bounded >= 1,
          answeredAt: now(),
        };
        return { ...lesson, questions: { ...lesson.questions, [questionId]: amended } };
      });
    },
    recordReview: (slug, questionId, right) => {
      inLesson(slug, (lesson) => {
        const before = lesson.questions[questionId];
        const card = before ? (before.review ?? cardFromAnswer(before)) : null;
        if (!before || !card) return null;
        const review = reviewCard(card, right, new Date());
        return { ...lesson, questions: { ...lesson.questions, [questionId]: { ...before, review } } };
      });
    },
    // The time of the reset travels with the empty progress, so that a tab still holding older answers
    // does not merge them back.
    resetProgress: () => commit(() => ({ lessons: {}, resetAt: now() })),
    mergeInProgress: (incoming) => commit((progress) => mergeProgress(progress, incoming)),
    restoreDamagedCopy: (key) => {
      const text =
        key === progressFormat.key
          ? get().heldProgressText
          : get().damagedCopies.find((c) => c.key === key)?.text;
      const recovered = text ? recoverProgress(text) : null;
      if (recovered === null) return null;
      // A restore is deliberate: a reset made since does not filter the restored answers out.
      const restore = (progress: Progress): Progress => {
        const merged = mergeProgress({ lessons: progress.lessons }, { lessons: recovered.lessons });
        return progress.resetAt ? { ...merged, resetAt: progress.resetAt } : merged;
      };
      if (key === progressFormat.key) {
        set({ progress: restore(get().progress) });
        get().replaceHeldProgress();
      } else commit(restore);
      return answered(recovered);
    },
    discardDamagedCopy: (key) => {
      discardDamagedCopy(key);
      set({ damagedCopies: listDamagedCopies() });
    },
    replaceHeldProgress: () => {
      if (get().progressLock !== 'unkept') return;
      set({ progressLock: null, heldProgressText: null, progressSaved: true });
      // Written as it is: the unreadable text it replaces is exactly what the reader chose to give up.
      const notice = save(progressFormat, get().progress);
      set({ progressSaved: notice === null, ...(notice ? { storageNotice: notice } : {}) });
    },
  };
};

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
