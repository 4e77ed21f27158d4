/**
 * The saved shape of a learner's progress (`unroll.progress`, schema version 3), how it is checked when
 * read back, and how older shapes are brought up to date.
 *
 * Version 0 never shipped: it is the shape the quiz prototype kept during development,
 *   { answers: { "<lesson slug>/<question id>": { tries: number, best: number } }, visited: string[] }
 * with `best` in [0, 1]. It is migrated (attempts and best score kept, no last answer) so that the
 * migration path is real and tested rather than a stub.
 *
 * Version 2 has the shape of version 1; what changed is the lessons' slugs, the keys of `lessons`: the
 * summary moved from 06-summary to 07-summary when the language-models lesson took place 6. Version 1
 * data is migrated by renaming its keys (app/shared/lessonRenames.ts); question ids and section ids did
 * not change. The number went up so that an older tab of the app, which would look for the old slug,
 * leaves the migrated data alone ('newer') instead of merging its old keys back in.
 *
 * Version 3 adds each answered question's spaced-review card (`review`, app/store/review.ts). Version 2
 * data gets a card seeded from each answer (due a day after it was answered); so does a question whose
 * saved card cannot be read, which loses its place in the schedule but never its answers. The number
 * went up so that an older tab leaves version 3 data alone rather than saving it without the cards.
 */

import { isObject } from '../shared/isObject';
import { currentLessonSlug } from '../shared/lessonRenames';
import { type Answer, readAnswer } from './answers';
import { cardFromAnswer, type ReviewCard, readCard } from './review';
import type { VersionedFormat } from './storage';

export interface QuestionProgress {
  readonly attempts: number;
  /** The best score of any attempt, in [0, 1]. */
  readonly bestScore: number;
  readonly lastScore: number;
  readonly lastAnswer: Answer | null;
  /** Answered fully right at least once. */
  readonly completed: boolean;
  /** When it was last answered (ISO 8601), or null if unknown (migrated data). */
  readonly answeredAt: string | null;
  /**
   * Its place in the spaced-review schedule. Reading saved progress always fills it for an answered
   * question (other than a predict question); progress made elsewhere (an LMS's suspend data) may lack it.
   */
  readonly review?: ReviewCard;
}

export interface LessonPosition {
  /** The id of the section heading the learner last reached. */
  readonly id: string;
  readonly title: string;
}

export interface LessonProgress {
  readonly visited: boolean;
  readonly lastVisitedAt: string | null;
  readonly position: LessonPosition | null;
  /** Every question of the lesson's quiz has been answered at least once. */
  readonly completed: boolean;
  readonly questions: Readonly<Record<string, QuestionProgress>>;
}

export interface Progress {
  readonly lessons: Readonly<Record<string, LessonProgress>>;
  /**
   * When the learner last reset their progress (ISO 8601). Another tab that still holds older answers
   * merges them in only if they are newer than this, so a deliberate reset wins over a stale tab.
   */
  readonly resetAt?: string;
}

export const EMPTY_PROGRESS: Progress = { lessons: {} };

export const EMPTY_LESSON: LessonProgress = {
  visited: false,
  lastVisitedAt: null,
  position: null,
  completed: false,
  questions: {},
};

const MAX_KEY = 200;
// `__proto__` as a key would set the object's prototype instead of adding an entry.
const isKey = (key: string) => key.length > 0 && key.length <= MAX_KEY && key !== '__proto__';
const share = (value: unknown): number | null =>
  typeof value === 'number' && value >= 0 && value <= 1 ? value : null;
const count = (value: unknown): number | null =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null;
const date = (value: unknown): string | null =>
  typeof value === 'string' && value.length <= 40 && !Number.isNaN(Date.parse(value)) ? value : null;

function readQuestion(value: unknown): QuestionProgress | null {
  if (!isObject(value)) return null;
  const attempts = count(value.attempts);
  const bestScore = share(value.bestScore);
  const lastScore = share(value.lastScore);
  if (attempts === null || bestScore === null || lastScore === null) return null;
  const read = {
    attempts,
    bestScore,
    lastScore,
    lastAnswer: value.lastAnswer === null ? null : readAnswer(value.lastAnswer),
    completed: value.completed === true,
    answeredAt: date(value.answeredAt),
  };
  // A card that is missing (older data) or unreadable is seeded again from the answer.
  const review =
    (read.lastAnswer?.kind === 'predict' ? null : readCard(value.review)) ?? cardFromAnswer(read);
  return review === null ? read : { ...read, review };
}

/** A saved card that is there but cannot be read (a missing one is older data, not damage). */
const unreadCard = (value: Record<string, unknown>) =>
  value.review !== undefined && readCard(value.review) === null;

function readPosition(value: unknown): LessonPosition | null {
  if (!isObject(value) || typeof value.id !== 'string' || typeof value.title !== 'string') return null;
  if (!isKey(value.id) || value.title.length > 300) return null;
  return { id: value.id, title: value.title };
}

function readLesson(value: unknown): LessonProgress | null {
  if (!isObject(value)) return null;
  const questions: Record<string, QuestionProgress> = {};
  if (isObject(value.questions)) {
    for (const [id, entry] of Object.entries(value.questions)) {
      const question = isKey(id) ? readQuestion(entry) : null;
      if (question) questions[id] = question; // A damaged entry is dropped; the rest are kept.
    }
  }
  return {
    visited: value.visited === true,
    lastVisitedAt: date(value.lastVisitedAt),
    position: readPosition(value.position),
    completed: value.completed === true,
    questions,
  };
}

/** How many fields of a saved lesson `readLesson` cannot read (a wrong type, a damaged question). */
function unreadInLesson(value: Record<string, unknown>): number {
  let unread = 0;
  if (value.visited !== undefined && typeof value.visited !== 'boolean') unread++;
  if (value.completed !== undefined && typeof value.completed !== 'boolean') unread++;
  if (value.lastVisitedAt !== undefined && value.lastVisitedAt !== null && date(value.lastVisitedAt) === null)
    unread++;
  if (value.position !== undefined && value.position !== null && readPosition(value.position) === null)
    unread++;
  if (value.questions !== undefined && !isObject(value.questions)) unread++;
  else if (isObject(value.questions))
    for (const [id, entry] of Object.entries(value.questions))
      if (!isKey(id) || !readQuestion(entry) || (isObject(entry) && unreadCard(entry))) unread++;
  return unread;
}

/**
 * How many parts of version-1 (or later) data `validateProgress` leaves out: lessons or questions it cannot read,
 * and fields of the wrong type. Those are lost on the next save unless a copy is kept first.
 */
export function unreadProgress(data: unknown): number {
  if (!isObject(data) || !isObject(data.lessons)) return 0;
  let unread = 0;
  for (const [slug, entry] of Object.entries(data.lessons)) {
    if (!isKey(slug) || !isObject(entry)) unread++;
    else unread += unreadInLesson(entry);
  }
  return unread;
}

/** Checks data of version 1 or later; keeps every usable entry, or returns null if the shape is wrong. */
export function validateProgress(data: unknown): Progress | null {
  if (!isObject(data) || !isObject(data.lessons)) return null;
  const lessons: Record<string, LessonProgress> = {};
  for (const [slug, entry] of Object.entries(data.lessons)) {
    const lesson = isKey(slug) ? readLesson(entry) : null;
    if (lesson) lessons[slug] = lesson;
  }
  const resetAt = date(data.resetAt);
  return resetAt === null ? { lessons } : { lessons, resetAt };
}

/** Version 0 (the prototype, see above) to version 1. */
function fromVersion0(data: unknown): unknown {
  if (!isObject(data) || !isObject(data.answers)) return null;
  const lessons: Record<string, { visited: boolean; questions: Record<string, QuestionProgress> }> = {};
  const lessonFor = (slug: string) => {
    lessons[slug] ??= { visited: false, questions: {} };
    return lessons[slug];
  };
  for (const [key, entry] of Object.entries(data.answers)) {
    const cut = key.lastIndexOf('/');
    if (cut <= 0 || !isObject(entry)) continue;
    const attempts = count(entry.tries);
    const best = share(entry.best);
    if (attempts === null || best === null) continue;
    lessonFor(key.slice(0, cut)).questions[key.slice(cut + 1)] = {
      attempts,
      bestScore: best,
      lastScore: best,
      lastAnswer: null,
      completed: best >= 1,
      answeredAt: null,
    };
  }
  if (Array.isArray(data.visited)) {
    for (const slug of data.visited) if (typeof slug === 'string') lessonFor(slug).visited = true;
  }
  return { lessons };
}

const time = (iso: string | null): number => (iso === null ? Number.NEGATIVE_INFINITY : Date.parse(iso));

/**
 * Two entries of one lesson saved under its old and its new slug, as one. Only hand-edited or
 * development data has both; each question keeps the entry answered later (on a tie, more attempts).
 */
function joinLesson(a: LessonProgress, b: LessonProgress): LessonProgress {
  const questions: Record<string, QuestionProgress> = { ...a.questions };
  for (const [id, question] of Object.entries(b.questions)) {
    const mine = questions[id];
    const bWins =
      mine === undefined ||
      time(question.answeredAt) > time(mine.answeredAt) ||
      (time(question.answeredAt) === time(mine.answeredAt) && question.attempts > mine.attempts);
    if (bWins) questions[id] = question;
  }
  const bLater = time(b.lastVisitedAt) > time(a.lastVisitedAt);
  return {
    visited: a.visited || b.visited,
    lastVisitedAt: bLater ? b.lastVisitedAt : a.lastVisitedAt,
    position: (bLater ? b.position : a.position) ?? (bLater ? a.position : b.position),
    completed: a.completed || b.completed,
    questions,
  };
}

/** Version 1 to version 2: each lesson under its current slug (see the module comment). */
function fromVersion1(data: unknown): unknown {
  const progress = validateProgress(data);
  if (progress === null) return null;
  const lessons: Record<string, LessonProgress> = {};
  for (const [slug, lesson] of Object.entries(progress.lessons)) {
    const current = currentLessonSlug(slug);
    const there = lessons[current];
    lessons[current] = there ? joinLesson(there, lesson) : lesson;
  }
  return progress.resetAt === undefined ? { lessons } : { lessons, resetAt: progress.resetAt };
}

/**
 * Each step turns data of version n into version n + 1. Version 2 to 3 has nothing to change: reading
 * seeds the review card of every answered question that has none.
 */
const MIGRATIONS: Readonly<Record<number, (data: unknown) => unknown>> = {
  0: fromVersion0,
  1: fromVersion1,
  2: (data) => data,
};

export const PROGRESS_VERSION = 3;

export const progressFormat: VersionedFormat<Progress> = {
  key: 'unroll.progress',
  version: PROGRESS_VERSION,
  fallback: EMPTY_PROGRESS,
  migrate: (data, fromVersion) => {
    let current = data;
    for (let version = fromVersion; version < PROGRESS_VERSION; version++) {
      const step = MIGRATIONS[version];
      if (!step) return null;
      current = step(current);
    }
    return validateProgress(current);
  },
  validate: validateProgress,
  // Versions 1 to 3 share one shape (slugs changed, then cards were added); version 0's answers are read as they can be.
  unread: (data, version) => (version >= 1 ? unreadProgress(data) : 0),
};
