/**
 * Reports to the LMS that launched the course, when there is one (see README, "SCORM"). Outside an LMS
 * `connectToLms` finds no API and does nothing else. Every API call is guarded: an LMS that throws or
 * refuses a value never breaks the page, the course simply goes on without it.
 */
import { finalQuizLesson, lessons } from '../course';
import type { useStore } from '../store';
import { findScormApi, type Scorm12Api, type WindowLike } from './findApi';
import { MASTERY_SCORE } from './mastery';
import { scormReport } from './report';
import { decodeSuspendData, encodeSuspendData } from './suspendData';

type AppStore = typeof useStore;

/** The API behind guards: a call that throws counts as a refusal. */
function guarded(api: Scorm12Api) {
  const attempt = (call: () => string): string => {
    try {
      return String(call());
    } catch {
      return 'false';
    }
  };
  return {
    initialize: () => attempt(() => api.LMSInitialize('')) === 'true',
    get: (element: string) => {
      const value = attempt(() => api.LMSGetValue(element));
      return value === 'false' ? '' : value;
    },
    set: (element: string, value: string) => attempt(() => api.LMSSetValue(element, value)) === 'true',
    commit: () => attempt(() => api.LMSCommit('')),
    finish: () => attempt(() => api.LMSFinish('')),
  };
}

/** SCORM 1.2's CMITimespan, HHHH:MM:SS. */
export function timespan(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(Math.floor(seconds / 3600), 4)}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
}

/**
 * Connects to the LMS's SCORM 1.2 API if one is found from `win`: restores progress from suspend data,
 * then reports status, score and suspend data whenever the progress changes (committing each change),
 * and finishes the session when the page goes away. Resolves to false outside an LMS.
 */
export async function connectToLms(win: Window & WindowLike, store: AppStore): Promise<boolean> {
  const found = findScormApi(win);
  if (!found) return false;
  const lms = guarded(found);
  if (!lms.initialize()) return false;
  const started = Date.now();
  const slugs = lessons.map((lesson) => lesson.slug);
  const resumed = decodeSuspendData(lms.get('cmi.suspend_data'), slugs);
  if (resumed) store.getState().mergeInProgress(resumed);
  const mastery = Number.parseFloat(lms.get('cmi.student_data.mastery_score'));

  const quizzes: Record<string, readonly string[]> = {};
  await Promise.all(
    lessons.map(async (lesson) => {
      if (!lesson.loadQuiz) return;
      try {
        quizzes[lesson.slug] = (await lesson.loadQuiz()).map((question) => question.id);
      } catch {
        // A quiz chunk that fails to load (offline, mid-update) leaves its lesson out of the report.
      }
    }),
  );

  const sent = new Map<string, string>();
  const send = (element: string, value: string): boolean => {
    if (sent.get(element) === value) return false;
    if (lms.set(element, value)) sent.set(element, value);
    return true;
  };
  const report = () => {
    const { status, score } = scormReport(
      store.getState().progress,
      quizzes,
      finalQuizLesson()?.slug ?? null,
      Number.isFinite(mastery) ? mastery : MASTERY_SCORE,
    );
    let changed = send('cmi.core.lesson_status', status);
    if (score !== null) {
      changed = send('cmi.core.score.min', '0') || changed;
      changed = send('cmi.core.score.max', '100') || changed;
      changed = send('cmi.core.score.raw', String(score)) || changed;
    }
    changed = send('cmi.suspend_data', encodeSuspendData(store.getState().progress, slugs)) || changed;
    changed = send('cmi.core.exit', status === 'incomplete' ? 'suspend' : '') || changed;
    return changed;
  };
  if (report()) lms.commit();
  const stop = store.subscribe((state, previous) => {
    if (state.progress !== previous.progress && report()) lms.commit();
  });
  const finish = () => {
    stop();
    win.removeEventListener('pagehide', finish);
    report();
    lms.set('cmi.core.session_time', timespan(Date.now() - started));
    lms.commit();
    lms.finish();
  };
  win.addEventListener('pagehide', finish);
  return true;
}
