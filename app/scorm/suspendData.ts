/**
 * Progress as SCORM 1.2 `cmi.suspend_data`: a compact text (the standard allows 4,096 characters)
 * that lets a learner resume on another computer, where this browser's saved progress is not.
 *
 * Format: `u1` then one `|`-separated group per lesson, `<lesson slug>:<question>=<attempts>.<best %>,…`,
 * e.g. `u1|01-intro:q1=2.100,q2=1.50|04-gru:`. Lessons go by slug, not by place, so that a package
 * with a lesson added still reads older suspend data; a group with no questions says the lesson was
 * opened. Last answers and reading positions are left out: they do not fit.
 */
import { EMPTY_LESSON, type Progress, type QuestionProgress } from '../store/progressFormat';

/** SCORM 1.2's limit for cmi.suspend_data (CMIString4096). */
export const SUSPEND_LIMIT = 4096;
const VERSION = 'u1';
const SAFE_ID = /^[A-Za-z0-9_-]+$/;

/**
 * Encodes the progress of the given lessons (in course order). What would pass the limit is left out,
 * question by question from the end, so that what is sent is always valid.
 */
export function encodeSuspendData(progress: Progress, slugs: readonly string[]): string {
  let text = VERSION;
  for (const slug of slugs) {
    const lesson = progress.lessons[slug];
    if (!SAFE_ID.test(slug) || !lesson || (!lesson.visited && Object.keys(lesson.questions).length === 0))
      continue;
    const head = `|${slug}:`;
    if (text.length + head.length > SUSPEND_LIMIT) continue;
    text += head;
    let first = true;
    for (const [id, q] of Object.entries(lesson.questions)) {
      if (!SAFE_ID.test(id) || q.attempts === 0) continue;
      const entry = `${first ? '' : ','}${id}=${q.attempts}.${Math.round(q.bestScore * 100)}`;
      if (text.length + entry.length > SUSPEND_LIMIT) continue;
      text += entry;
      first = false;
    }
  }
  return text;
}

/** Reads suspend data back into progress for the given lessons; null when it is not this format. */
export function decodeSuspendData(text: string, slugs: readonly string[]): Progress | null {
  const [version, ...groups] = text.split('|');
  if (version !== VERSION) return null;
  const lessons: Record<string, Progress['lessons'][string]> = {};
  for (const group of groups) {
    const match = /^([A-Za-z0-9_-]+):(.*)$/.exec(group);
    const slug = match?.[1];
    // A lesson this version of the course does not have is left out.
    if (!match || slug === undefined || !slugs.includes(slug)) continue;
    const questions: Record<string, QuestionProgress> = {};
    for (const entry of (match[2] ?? '').split(',')) {
      const parts = /^([A-Za-z0-9_-]+)=(\d+)\.(\d+)$/.exec(entry);
      if (!parts) continue;
      const attempts = Number(parts[2]);
      const best = Math.min(100, Number(parts[3])) / 100;
      if (attempts === 0) continue;
      questions[parts[1] ?? ''] = {
        attempts,
        bestScore: best,
        lastScore: best,
        lastAnswer: null,
        completed: best >= 1,
        answeredAt: null,
      };
    }
    lessons[slug] = { ...EMPTY_LESSON, visited: true, questions };
  }
  return { lessons };
}
