import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { lessons } from '../../../app/course';
import {
  continueTarget,
  describeQuiz,
  lessonStatus,
  questionOutcome,
  summarizeQuiz,
} from '../../../app/quiz/summary';
import type { QuizState } from '../../../app/quiz/useQuiz';
import { useStore } from '../../../app/store';
import { listDamagedCopies } from '../../../app/store/damagedCopies';
import {
  EMPTY_PROGRESS,
  PROGRESS_VERSION,
  type Progress,
  progressFormat,
} from '../../../app/store/progressFormat';
import { UNKNOWN_TIME } from '../../../app/store/review';
import { load } from '../../../app/store/storage';
import { PROGRESS_KEY, resetProgressStore, savedProgress } from './progressStore';

const KEY = PROGRESS_KEY;
const saved = savedProgress;

beforeEach(() => {
  resetProgressStore();
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('saved progress', () => {
  it('records attempts, best and last score, the last answer and completion, and saves them with the current version', () => {
    const { recordAnswer } = useStore.getState();
    recordAnswer('01-x', 'q1', { kind: 'single', choice: 'b' }, 0, ['q1', 'q2']);
    recordAnswer('01-x', 'q1', { kind: 'single', choice: 'a' }, 1, ['q1', 'q2']);
    recordAnswer('01-x', 'q1', { kind: 'single', choice: 'b' }, 0, ['q1', 'q2']);
    const question = useStore.getState().progress.lessons['01-x']?.questions.q1;
    expect(question).toMatchObject({
      attempts: 3,
      bestScore: 1,
      lastScore: 0,
      lastAnswer: { kind: 'single', choice: 'b' },
      completed: true,
    });
    expect(useStore.getState().progress.lessons['01-x']?.completed).toBe(false);
    recordAnswer('01-x', 'q2', { kind: 'numeric', text: '4' }, 0.5, ['q1', 'q2']);
    expect(useStore.getState().progress.lessons['01-x']?.completed).toBe(true);
    expect(saved().version).toBe(PROGRESS_VERSION);
    expect(saved().data.lessons['01-x']?.questions.q2?.bestScore).toBe(0.5);
  });

  it('reads back exactly what it saved', () => {
    const state = useStore.getState();
    state.visitLesson('02-y');
    state.setLessonPosition('02-y', { id: 'the-same-weights', title: 'The same weights' });
    state.recordAnswer('02-y', 'order', { kind: 'ordering', order: ['b', 'a', 'c'] }, 1 / 3, ['order']);
    state.recordAnswer(
      '02-y',
      'guess',
      {
        kind: 'predict',
        choice: 'lstm',
        outcome: { values: [{ runId: 'lstm', value: 0.9 }], winner: 'lstm', metricName: 'accuracy' },
      },
      1,
      ['order', 'guess'],
    );
    const written = useStore.getState().progress;
    useStore.setState({ progress: EMPTY_PROGRESS });
    useStore.getState().hydrateProgress();
    expect(useStore.getState().progress).toEqual(written);
    expect(useStore.getState().storageNotice).toBeNull();
  });

  it('completes the last attempt with a predict reason without counting another, and reads the reason back', () => {
    const state = useStore.getState();
    const outcome = { values: [{ runId: 'lstm', value: 0.9 }], winner: 'lstm' };
    // Nothing to amend before an attempt exists.
    state.amendAnswer('02-y', 'guess', { kind: 'predict', choice: 'lstm', outcome, reason: 'cell' }, 1);
    expect(useStore.getState().progress.lessons['02-y']).toBeUndefined();
    state.recordAnswer('02-y', 'guess', { kind: 'predict', choice: 'lstm', outcome }, 0.5, ['guess']);
    state.amendAnswer('02-y', 'guess', { kind: 'predict', choice: 'lstm', outcome, reason: 'size' }, 0.5);
    expect(useStore.getState().progress.lessons['02-y']?.questions.guess).toMatchObject({
      attempts: 1,
      bestScore: 0.5,
      completed: false,
      lastAnswer: { reason: 'size' },
    });
    state.recordAnswer('02-y', 'guess', { kind: 'predict', choice: 'lstm', outcome }, 0.5, ['guess']);
    state.amendAnswer('02-y', 'guess', { kind: 'predict', choice: 'lstm', outcome, reason: 'cell' }, 1);
    const written = useStore.getState().progress;
    expect(written.lessons['02-y']?.questions.guess).toMatchObject({
      attempts: 2,
      bestScore: 1,
      completed: true,
    });
    useStore.setState({ progress: EMPTY_PROGRESS });
    useStore.getState().hydrateProgress();
    expect(useStore.getState().progress).toEqual(written);
  });

  it('drops a malformed predict reason on reading, and keeps the rest of the answer', () => {
    const outcome = { values: [{ runId: 'lstm', value: 0.9 }], winner: 'lstm' };
    const entry = (lastAnswer: unknown) => ({
      attempts: 1,
      bestScore: 1,
      lastScore: 1,
      lastAnswer,
      completed: true,
      answeredAt: '2026-12-01T00:00:00.000Z',
    });
    localStorage.setItem(
      KEY,
      JSON.stringify({
        version: 2,
        data: {
          lessons: {
            '02-y': {
              visited: true,
              completed: true,
              questions: {
                a: entry({ kind: 'predict', choice: 'lstm', outcome, reason: 7 }),
                b: entry({ kind: 'predict', choice: 'lstm', outcome: null, reason: 'cell' }),
              },
            },
          },
        },
      }),
    );
    useStore.getState().hydrateProgress();
    const questions = useStore.getState().progress.lessons['02-y']?.questions;
    expect(questions?.a?.lastAnswer).toEqual({ kind: 'predict', choice: 'lstm', outcome });
    expect(questions?.b?.lastAnswer).toEqual({ kind: 'predict', choice: 'lstm', outcome: null });
  });

  it('migrates the version 0 prototype shape, keeping attempts and best scores', () => {
    localStorage.setItem(
      KEY,
      JSON.stringify({
        version: 0,
        data: {
          answers: {
            '01-x/q1': { tries: 2, best: 1 },
            '01-x/q2': { tries: 1, best: 0.5 },
            broken: { tries: 1, best: 1 },
          },
          visited: ['01-x', '02-y'],
        },
      }),
    );
    const { value, notice } = load(progressFormat);
    expect(notice).toBeNull();
    // The prototype kept no answer times, so each answer's review card is due at once.
    const review = { box: 1, dueAt: UNKNOWN_TIME, updatedAt: UNKNOWN_TIME };
    expect(value.lessons['01-x']?.questions).toEqual({
      q1: {
        attempts: 2,
        bestScore: 1,
        lastScore: 1,
        lastAnswer: null,
        completed: true,
        answeredAt: null,
        review,
      },
      q2: {
        attempts: 1,
        bestScore: 0.5,
        lastScore: 0.5,
        lastAnswer: null,
        completed: false,
        answeredAt: null,
        review,
      },
    });
    expect(value.lessons['02-y']).toMatchObject({ visited: true, questions: {} });
  });

  it('keeps the usable entries of partly damaged data and drops the rest', () => {
    localStorage.setItem(
      KEY,
      JSON.stringify({
        version: 1,
        data: {
          lessons: {
            '01-x': {
              visited: true,
              questions: {
                good: {
                  attempts: 1,
                  bestScore: 1,
                  lastScore: 1,
                  lastAnswer: { kind: 'single', choice: 'a' },
                  completed: true,
                },
                negative: { attempts: -1, bestScore: 1, lastScore: 1 },
                tooHigh: { attempts: 1, bestScore: 7, lastScore: 1 },
                oddAnswer: { attempts: 1, bestScore: 0, lastScore: 0, lastAnswer: { kind: 'essay' } },
              },
            },
            '02-y': 'not a lesson',
          },
        },
      }),
    );
    const { value } = load(progressFormat);
    expect(Object.keys(value.lessons)).toEqual(['01-x']);
    expect(Object.keys(value.lessons['01-x']!.questions)).toEqual(['good', 'oddAnswer']);
    expect(value.lessons['01-x']!.questions.oddAnswer!.lastAnswer).toBeNull();
  });

  it.each([
    ['text that is not JSON', '{"version":1,'],
    ['the wrong shape', JSON.stringify({ version: 1, data: { lessons: [] } })],
    ['an unknown old version', JSON.stringify({ version: -1, data: {} })],
  ])('sets aside %s: a copy is kept, the notice says so, and it starts fresh', (_label, text) => {
    localStorage.setItem(KEY, text);
    useStore.getState().hydrateProgress();
    expect(useStore.getState().progress).toEqual(EMPTY_PROGRESS);
    expect(useStore.getState().storageNotice).toMatch(
      /^Your saved quiz progress could not be read, so Unroll started fresh\. A copy of it is kept on the Progress page/,
    );
    expect(listDamagedCopies().map((copy) => copy.text)).toEqual([text]);
    expect(useStore.getState().damagedCopies).toHaveLength(1);
    expect(useStore.getState().progressSaved).toBe(true);
    expect(saved().data).toEqual(EMPTY_PROGRESS);
  });

  it('keeps working in memory, with one notice, when the browser refuses to save', () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    const { recordAnswer } = useStore.getState();
    recordAnswer('01-x', 'q1', { kind: 'single', choice: 'a' }, 1, ['q1']);
    expect(useStore.getState().progress.lessons['01-x']?.questions.q1?.attempts).toBe(1);
    expect(useStore.getState().progressSaved).toBe(false);
    expect(useStore.getState().storageNotice).toMatch(/refused to save/);
    useStore.getState().dismissStorageNotice();
    recordAnswer('01-x', 'q1', { kind: 'single', choice: 'a' }, 1, ['q1']);
    expect(useStore.getState().storageNotice).toBeNull();
    expect(useStore.getState().progress.lessons['01-x']?.questions.q1?.attempts).toBe(2);
  });

  it('falls back to memory when storage cannot even be read (private mode)', () => {
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    expect(() => useStore.getState().hydrateProgress()).not.toThrow();
    expect(useStore.getState().progress).toEqual(EMPTY_PROGRESS);
    expect(useStore.getState().progressSaved).toBe(false);
    expect(useStore.getState().storageNotice).toMatch(/could not be read/);
  });

  it('forgets everything on reset', () => {
    useStore.getState().recordAnswer('01-x', 'q1', { kind: 'single', choice: 'a' }, 1, ['q1']);
    useStore.getState().resetProgress();
    expect(useStore.getState().progress.lessons).toEqual({});
    expect(saved().data.lessons).toEqual({});
  });
});

describe('progress summaries', () => {
  const questionIds = ['a', 'b', 'c', 'd', 'e', 'f'];
  const attempt = (bestScore: number) => ({
    attempts: 1,
    bestScore,
    lastScore: bestScore,
    lastAnswer: null,
    completed: bestScore >= 1,
    answeredAt: null,
  });
  const lesson = {
    visited: true,
    lastVisitedAt: '2026-11-26T10:00:00.000Z',
    position: null,
    completed: false,
    questions: { a: attempt(1), b: attempt(1), c: attempt(1), d: attempt(1 / 3), stale: attempt(1) },
  };

  it('counts answered questions and averages their best scores: "4 of 6 answered · 83%"', () => {
    const summary = summarizeQuiz(questionIds, lesson);
    expect(summary).toEqual({ total: 6, answered: 4, right: 3, score: (3 + 1 / 3) / 4 });
    expect(describeQuiz(summary)).toBe('4 of 6 answered · 83%');
    expect(describeQuiz(summarizeQuiz(questionIds, { ...lesson, questions: {} }))).toBe('6 questions');
  });

  it('reads progress saved for questions a later version removed, and counts only the current ones', async () => {
    // The final quiz once asked these; saved answers to them must load and then simply not count.
    const removed = ['final-adam-default', 'final-gru-params', 'final-lstm-step-order'];
    const { questions } = await import('../../../lessons/07-summary/quiz');
    const current = questions.map((question) => question.id);
    for (const id of removed) expect(current).not.toContain(id);
    const stored = {
      lessons: {
        '07-summary': {
          ...lesson,
          questions: {
            ...Object.fromEntries(removed.map((id) => [id, attempt(1)])),
            [current[0]!]: attempt(1),
          },
        },
      },
    };
    const read = progressFormat.validate(JSON.parse(JSON.stringify(stored)));
    expect(Object.keys(read?.lessons['07-summary']?.questions ?? {})).toHaveLength(4);
    const summary = summarizeQuiz(current, read?.lessons['07-summary'] ?? lesson);
    expect(summary).toEqual({ total: current.length, answered: 1, right: 1, score: 1 });
  });

  it('leads "continue" to the last section of the most recent unfinished lesson, else the next one', () => {
    const [first, second] = lessons;
    if (!first || !second) return;
    const ready = (ids: string[]): QuizState => ({
      status: 'ready',
      questions: ids.map((id) => ({
        id,
        kind: 'numeric',
        prompt: 'p',
        hint: 'h',
        explanation: 'e',
        answer: 1,
        tolerance: 0,
      })),
    });
    const quizzes = { [first.slug]: ready(['a']), [second.slug]: ready(['a']) };
    expect(continueTarget(lessons, EMPTY_PROGRESS, quizzes)).toMatchObject({ lesson: first, kind: 'start' });
    const reading: Progress = {
      lessons: {
        [second.slug]: { ...lesson, questions: {}, position: { id: 'unrolling', title: 'Unrolling' } },
      },
    };
    expect(continueTarget(lessons, reading, quizzes)).toMatchObject({
      lesson: second,
      href: `/lessons/${second.slug}/unrolling`,
      where: '“Unrolling”',
    });
    const secondDone: Progress = { lessons: { [second.slug]: { ...lesson, questions: { a: attempt(0) } } } };
    expect(lessonStatus(quizzes[second.slug], secondDone.lessons[second.slug]!)).toBe('done');
    expect(continueTarget(lessons, secondDone, quizzes)).toMatchObject({ lesson: first, kind: 'start' });
  });
});

describe('the result of one question', () => {
  const answered = (bestScore: number, completed: boolean) => ({
    attempts: 1,
    bestScore,
    lastScore: bestScore,
    lastAnswer: null,
    completed,
    answeredAt: null,
  });
  const lesson = {
    visited: true,
    lastVisitedAt: null,
    position: null,
    completed: false,
    questions: { right: answered(1, true), partly: answered(0.5, false), wrong: answered(0, false) },
  };

  it('is right, partly right, wrong or not yet answered', () => {
    expect(questionOutcome(lesson, 'right')).toBe('right');
    expect(questionOutcome(lesson, 'partly')).toBe('partly');
    expect(questionOutcome(lesson, 'wrong')).toBe('wrong');
    expect(questionOutcome(lesson, 'never')).toBe('not-yet');
  });
});
