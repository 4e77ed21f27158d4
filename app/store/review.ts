/**
 * The spaced-review schedule: three Leitner boxes (Leitner, 1972) whose questions fall due 1, 3 and 7
 * days after they were last answered. Retrieving an answer again after a gap is what makes it last
 * (Karpicke and Roediger, 2007); the boxes space the gaps out as the answer holds.
 *
 * The rules, as pure functions of a card and the time (no clock is read here, so tests are exact):
 * - A question's first answer in a lesson puts it in box 1, due a day later, right or wrong: the lesson
 *   has just shown the explanation, and asking again minutes later would test short-term memory.
 * - Later attempts in the lesson leave the card alone: only the Review page moves it, so practising in
 *   the lesson cannot skip a review.
 * - In review, a right answer moves the card up a box; a wrong (or partly right) one sends it back to
 *   box 1. Box 3 keeps its 7-day interval and is never retired: a mastered answer that is forgotten is
 *   exactly what review exists to catch, and a question a week costs little.
 * Predict-then-run questions get no card: their answer is a live experiment's outcome, run in the lesson.
 */
import { isObject } from '../shared/isObject';

export type ReviewBox = 1 | 2 | 3;

/** A question's place in the schedule, saved beside its answers. */
export interface ReviewCard {
  readonly box: ReviewBox;
  /** When it next falls due (ISO 8601). */
  readonly dueAt: string;
  /** When the card last changed (the first answer or the last review); of two copies the later wins. */
  readonly updatedAt: string;
}

/** Days until a card in each box is due again. */
export const REVIEW_INTERVAL_DAYS: Readonly<Record<ReviewBox, number>> = { 1: 1, 2: 3, 3: 7 };

const DAY_MS = 24 * 60 * 60 * 1000;

/** Answered at a time nobody knows (data from before answer times were saved): long ago, so due at once. */
export const UNKNOWN_TIME = new Date(0).toISOString();

function placed(box: ReviewBox, at: Date): ReviewCard {
  return {
    box,
    dueAt: new Date(at.getTime() + REVIEW_INTERVAL_DAYS[box] * DAY_MS).toISOString(),
    updatedAt: at.toISOString(),
  };
}

/** The card a question's first answer (given at `at`) starts: box 1, due a day later. */
export function seedCard(at: Date): ReviewCard {
  return placed(1, at);
}

/** The card after a review answered at `at`: up a box when right (box 3 stays), back to box 1 when not. */
export function reviewCard(card: ReviewCard, right: boolean, at: Date): ReviewCard {
  const box: ReviewBox = !right ? 1 : card.box === 1 ? 2 : 3;
  return placed(box, at);
}

/** Whether the card is due at `at`. */
export function isDue(card: ReviewCard, at: Date): boolean {
  return Date.parse(card.dueAt) <= at.getTime();
}

/** What a question's saved record needs for a card to be seeded from it. */
export interface AnsweredRecord {
  readonly attempts: number;
  readonly answeredAt: string | null;
  readonly lastAnswer: { readonly kind: string } | null;
}

/**
 * The card of a question answered before cards were saved (older progress, or a card that could not be
 * read): seeded at its answer time, so due a day after it; due at once when that time is unknown. Null
 * for an unanswered question or a predict question.
 */
export function cardFromAnswer(record: AnsweredRecord): ReviewCard | null {
  if (record.attempts === 0 || record.lastAnswer?.kind === 'predict') return null;
  if (record.answeredAt === null) return { box: 1, dueAt: UNKNOWN_TIME, updatedAt: UNKNOWN_TIME };
  return seedCard(new Date(record.answeredAt));
}

const instant = (value: unknown): string | null =>
  typeof value === 'string' && value.length <= 40 && !Number.isNaN(Date.parse(value)) ? value : null;

/** Checks a saved card; null when any field is unusable (the caller seeds a fresh one from the answer). */
export function readCard(value: unknown): ReviewCard | null {
  if (!isObject(value)) return null;
  const { box } = value;
  const dueAt = instant(value.dueAt);
  const updatedAt = instant(value.updatedAt);
  if ((box !== 1 && box !== 2 && box !== 3) || dueAt === null || updatedAt === null) return null;
  return { box, dueAt, updatedAt };
}

/** Of two copies of one question's card, the one changed later; `a` wins ties. */
export function laterCard(a: ReviewCard | undefined, b: ReviewCard | undefined): ReviewCard | undefined {
  if (!a || !b) return a ?? b;
  return Date.parse(b.updatedAt) > Date.parse(a.updatedAt) ? b : a;
}
