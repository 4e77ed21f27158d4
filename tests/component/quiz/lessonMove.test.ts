// The summary moved from lessons/06-summary to lessons/07-summary. A learner who answered its quiz
// before the move must find every answer, their reading position and their visit where they left them.
import { beforeEach, describe, expect, it } from 'vitest';
import { findLesson } from '../../../app/course';
import { useStore } from '../../../app/store';
import { recoverProgress } from '../../../app/store/damagedCopies';
import { PROGRESS_VERSION, progressFormat } from '../../../app/store/progressFormat';
import { seedCard } from '../../../app/store/review';
import { questions } from '../../../lessons/07-summary/quiz';
import { resetProgressStore } from './progressStore';

const KEY = 'unroll.progress';

const answered = (choice: string, when: string) => ({
  attempts: 2,
  bestScore: 1,
  lastScore: 1,
  lastAnswer: { kind: 'single', choice },
  completed: true,
  answeredAt: when,
});

// Saved by the app before the move: schema version 1, the summary under its old slug.
const oldQuestions = Object.fromEntries(
  questions
    .slice(0, 5)
    .map((question, index) => [
      question.id,
      answered(`choice-${index}`, `2026-03-0${index + 1}T10:00:00.000Z`),
    ]),
);
// What reading them gives: the same answers, each with a review card seeded at its answer time.
const readQuestions = Object.fromEntries(
  Object.entries(oldQuestions).map(([id, question]) => [
    id,
    { ...question, review: seedCard(new Date(question.answeredAt)) },
  ]),
);
const oldData = {
  lessons: {
    '03-lstm': {
      visited: true,
      lastVisitedAt: '2026-02-01T09:00:00.000Z',
      position: { id: 'the-forget-gate', title: 'The forget gate' },
      completed: false,
      questions: { 'l3-forget-gate-history': answered('gers', '2026-02-01T09:05:00.000Z') },
    },
    '06-summary': {
      visited: true,
      lastVisitedAt: '2026-03-05T11:00:00.000Z',
      position: { id: 'where-to-go-next', title: 'Where to go next' },
      completed: false,
      questions: oldQuestions,
    },
  },
};

beforeEach(() => {
  localStorage.clear();
  resetProgressStore();
});

describe('progress saved before the summary moved', () => {
  it('loads with every summary answer, the position and the visit under 07-summary, and the rest untouched', () => {
    expect(findLesson('07-summary')).toBeDefined();
    expect(findLesson('06-summary')).toBeUndefined();
    localStorage.setItem(KEY, JSON.stringify({ version: 1, data: oldData }));
    useStore.getState().hydrateProgress();
    const { progress, storageNotice } = useStore.getState();
    expect(storageNotice).toBeNull();
    expect(Object.keys(progress.lessons).sort()).toEqual(['03-lstm', '07-summary']);
    const summary = progress.lessons['07-summary']!;
    expect(summary.questions).toEqual(readQuestions);
    expect(summary.position).toEqual({ id: 'where-to-go-next', title: 'Where to go next' });
    expect(summary.visited).toBe(true);
    expect(summary.lastVisitedAt).toBe('2026-03-05T11:00:00.000Z');
    const lstm = oldData.lessons['03-lstm'];
    const lstmQuestion = lstm.questions['l3-forget-gate-history'];
    expect(progress.lessons['03-lstm']).toEqual({
      ...lstm,
      questions: {
        'l3-forget-gate-history': { ...lstmQuestion, review: seedCard(new Date(lstmQuestion.answeredAt)) },
      },
    });
    // Every migrated answer still belongs to a question of the summary's quiz.
    const ids = questions.map((question) => question.id);
    for (const id of Object.keys(summary.questions)) expect(ids).toContain(id);
  });

  it('writes the migrated progress back as the current version on the next answer', () => {
    localStorage.setItem(KEY, JSON.stringify({ version: 1, data: oldData }));
    useStore.getState().hydrateProgress();
    const question = questions[5]!;
    useStore.getState().recordAnswer('07-summary', question.id, { kind: 'single', choice: 'x' }, 0, []);
    const stored = JSON.parse(localStorage.getItem(KEY) ?? 'null') as {
      version: number;
      data: { lessons: Record<string, { questions: Record<string, unknown> }> };
    };
    expect(stored.version).toBe(PROGRESS_VERSION);
    expect(Object.keys(stored.data.lessons).sort()).toEqual(['03-lstm', '07-summary']);
    expect(Object.keys(stored.data.lessons['07-summary']!.questions)).toEqual([
      ...Object.keys(oldQuestions),
      question.id,
    ]);
  });

  it('joins answers kept under both slugs, the later answer of a question winning', () => {
    const first = questions[0]!.id;
    const both = {
      lessons: {
        '06-summary': oldData.lessons['06-summary'],
        '07-summary': {
          visited: true,
          lastVisitedAt: '2026-04-01T08:00:00.000Z',
          position: null,
          completed: false,
          questions: { [first]: answered('later', '2026-04-01T08:00:00.000Z') },
        },
      },
    };
    const read = progressFormat.migrate(both, 1);
    const summary = read?.lessons['07-summary'];
    expect(Object.keys(read?.lessons ?? {})).toEqual(['07-summary']);
    expect(Object.keys(summary?.questions ?? {}).sort()).toEqual(Object.keys(oldQuestions).sort());
    expect(summary?.questions[first]?.lastAnswer).toEqual({ kind: 'single', choice: 'later' });
    expect(summary?.lastVisitedAt).toBe('2026-04-01T08:00:00.000Z');
    // The later visit had no position; the earlier one's is kept rather than lost.
    expect(summary?.position).toEqual({ id: 'where-to-go-next', title: 'Where to go next' });
  });

  it('restores a progress file exported before the move under the new slug', () => {
    const exported = JSON.stringify({
      app: 'Unroll',
      kind: 'progress',
      schemaVersion: 1,
      exportedAt: '2026-03-06T12:00:00.000Z',
      summary: [],
      progress: oldData,
    });
    const recovered = recoverProgress(exported);
    expect(Object.keys(recovered?.lessons ?? {}).sort()).toEqual(['03-lstm', '07-summary']);
    expect(recovered?.lessons['07-summary']?.questions).toEqual(readQuestions);
  });
});
