import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { lessons } from '../../../app/course';
import { progressDocument } from '../../../app/quiz/exportProgress';
import { useStore } from '../../../app/store';
import { recoverProgress } from '../../../app/store/damagedCopies';
import {
  EMPTY_PROGRESS,
  type Progress,
  progressFormat,
  unreadProgress,
} from '../../../app/store/progressFormat';
import { mergeProgress } from '../../../app/store/progressMerge';
import { type ReviewCard, seedCard, UNKNOWN_TIME } from '../../../app/store/review';
import { parseSaved } from '../../../app/store/storage';
import { resetProgressStore, savedProgress } from './progressStore';

const saved = savedProgress;
const start = new Date('2026-03-02T09:00:00.000Z');
const later = (days: number) => new Date(start.getTime() + days * 24 * 60 * 60 * 1000);
const days = later;
const card = (progress: Progress, id = 'q1') => progress.lessons['01-x']?.questions[id]?.review;

beforeEach(() => {
  localStorage.clear();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(start);
  resetProgressStore();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('review cards in the store', () => {
  it('seeds a card with the first answer and leaves it alone on later attempts in the lesson', () => {
    const { recordAnswer } = useStore.getState();
    recordAnswer('01-x', 'q1', { kind: 'single', choice: 'b' }, 0, ['q1']);
    expect(card(useStore.getState().progress)).toEqual(seedCard(start));
    vi.setSystemTime(later(0.5));
    recordAnswer('01-x', 'q1', { kind: 'single', choice: 'a' }, 1, ['q1']);
    expect(card(useStore.getState().progress)).toEqual(seedCard(start));
    expect(card(saved().data)).toEqual(seedCard(start));
  });

  it('gives a predict question no card: its answer is a live experiment run in the lesson', () => {
    useStore
      .getState()
      .recordAnswer('01-x', 'p1', { kind: 'predict', choice: 'lstm', outcome: null }, 0, ['p1']);
    expect(card(useStore.getState().progress, 'p1')).toBeUndefined();
  });

  it('moves a card up on a right review and back to box 1 on a wrong one, keeping the lesson score', () => {
    const state = useStore.getState();
    state.recordAnswer('01-x', 'q1', { kind: 'single', choice: 'a' }, 1, ['q1']);
    vi.setSystemTime(later(1));
    state.recordReview('01-x', 'q1', true);
    expect(card(useStore.getState().progress)).toMatchObject({ box: 2, dueAt: later(4).toISOString() });
    vi.setSystemTime(later(4));
    state.recordReview('01-x', 'q1', true);
    expect(card(saved().data)).toMatchObject({ box: 3, dueAt: later(11).toISOString() });
    vi.setSystemTime(later(11));
    state.recordReview('01-x', 'q1', false);
    expect(card(saved().data)).toMatchObject({ box: 1, dueAt: later(12).toISOString() });
    expect(useStore.getState().progress.lessons['01-x']?.questions.q1).toMatchObject({
      attempts: 1,
      bestScore: 1,
      lastScore: 1,
      answeredAt: start.toISOString(),
    });
  });

  it('ignores a review of a question never answered', () => {
    useStore.getState().recordReview('01-x', 'never', true);
    expect(useStore.getState().progress).toEqual(EMPTY_PROGRESS);
  });

  it('carries the cards in an exported progress file, and reads them back from it', () => {
    const state = useStore.getState();
    state.recordAnswer('01-x', 'q1', { kind: 'single', choice: 'a' }, 1, ['q1']);
    vi.setSystemTime(later(1));
    state.recordReview('01-x', 'q1', true);
    const progress = useStore.getState().progress;
    const file = progressDocument(lessons, progress, {}, later(2));
    expect(JSON.parse(file).progress.lessons['01-x'].questions.q1.review.box).toBe(2);
    const recovered = recoverProgress(file);
    expect(card(recovered ?? EMPTY_PROGRESS)).toEqual(card(progress));
  });
});

const question = (extra: Record<string, unknown> = {}) => ({
  attempts: 1,
  bestScore: 1,
  lastScore: 1,
  lastAnswer: { kind: 'single', choice: 'a' },
  completed: true,
  answeredAt: start.toISOString(),
  ...extra,
});

describe('review cards in saved progress', () => {
  it('migrates version 2 progress by seeding a card from every answer but a prediction', () => {
    const data = {
      lessons: {
        '01-x': {
          visited: true,
          questions: {
            q1: question(),
            q2: question({ answeredAt: null, lastAnswer: null }),
            q3: question({ lastAnswer: { kind: 'predict', choice: 'lstm', outcome: null } }),
          },
        },
      },
    };
    const saved = parseSaved(progressFormat, JSON.stringify({ version: 2, data }));
    expect(saved.status).toBe('ok');
    const questions = saved.value.lessons['01-x']?.questions;
    expect(questions?.q1?.review).toEqual(seedCard(start));
    expect(questions?.q2?.review).toEqual({ box: 1, dueAt: UNKNOWN_TIME, updatedAt: UNKNOWN_TIME });
    expect(questions?.q3?.review).toBeUndefined();
    expect(questions?.q1?.attempts).toBe(1);
  });

  it('drops a malformed card but keeps the answers, seeds a fresh card and counts the part as unread', () => {
    const card = { box: 3, dueAt: days(7).toISOString(), updatedAt: days(1).toISOString() };
    const data = {
      lessons: {
        '01-x': {
          visited: true,
          questions: { q1: question({ review: { box: 9, dueAt: 'soon' } }), q2: question({ review: card }) },
        },
      },
    };
    const saved = parseSaved(progressFormat, JSON.stringify({ version: 3, data }));
    expect(saved.status).toBe('ok');
    expect(saved.unread).toBe(1);
    expect(unreadProgress(data)).toBe(1);
    const questions = saved.value.lessons['01-x']?.questions;
    expect(questions?.q1).toMatchObject({ attempts: 1, bestScore: 1, review: seedCard(start) });
    expect(questions?.q2?.review).toEqual(card);
  });

  it('merges two tabs by keeping the card that changed later, whichever copy answered later', () => {
    const reviewed: ReviewCard = { box: 2, dueAt: days(4).toISOString(), updatedAt: days(1).toISOString() };
    const a: Progress = {
      lessons: {
        '01-x': {
          visited: true,
          lastVisitedAt: null,
          position: null,
          completed: true,
          questions: { q1: { ...question(), lastAnswer: null, review: reviewed } },
        },
      },
    };
    // The other tab answered again in the lesson later, which leaves its older card as it was.
    const b: Progress = {
      lessons: {
        '01-x': {
          visited: true,
          lastVisitedAt: null,
          position: null,
          completed: true,
          questions: {
            q1: {
              ...question({ attempts: 3, answeredAt: days(2).toISOString() }),
              lastAnswer: null,
              review: seedCard(start),
            },
          },
        },
      },
    };
    for (const merged of [mergeProgress(a, b), mergeProgress(b, a)]) {
      const q1 = merged.lessons['01-x']?.questions.q1;
      expect(q1?.attempts).toBe(3);
      expect(q1?.answeredAt).toBe(days(2).toISOString());
      expect(q1?.review).toEqual(reviewed);
    }
  });
});
