import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAppStore, followOtherTabs, type StorageEventSource } from '../../../app/store';
import type { Progress, QuestionProgress } from '../../../app/store/progressFormat';
import { mergeProgress } from '../../../app/store/progressMerge';

const KEY = 'unroll.progress';
const stored = () => JSON.parse(localStorage.getItem(KEY) ?? 'null') as { version: number; data: Progress };
const single = (choice: string) => ({ kind: 'single', choice }) as const;

/** Stands in for one tab's window: hears `storage` events that the test delivers. */
class Ear implements StorageEventSource {
  private readonly listeners = new Set<(event: StorageEvent) => void>();
  addEventListener(_type: 'storage', listener: (event: StorageEvent) => void) {
    this.listeners.add(listener);
  }
  removeEventListener(_type: 'storage', listener: (event: StorageEvent) => void) {
    this.listeners.delete(listener);
  }
  dispatchEvent(event: StorageEvent) {
    for (const listener of this.listeners) listener(event);
  }
}

/** Two tabs: two stores on the one jsdom localStorage, each hearing only the other's writes. */
function twoTabs() {
  const tabs = [createAppStore(), createAppStore()] as const;
  for (const tab of tabs) tab.getState().hydrateProgress();
  const stops: (() => void)[] = [];
  const ears = tabs.map((tab) => {
    const ear = new Ear();
    stops.push(followOtherTabs(tab, ear));
    return ear;
  });
  /** What the browser does after `writer` wrote the key: fire `storage` in every other tab. */
  const deliver = (writer: 0 | 1, oldValue: string | null) => {
    const event = new StorageEvent('storage', {
      key: KEY,
      oldValue,
      newValue: localStorage.getItem(KEY),
      storageArea: localStorage,
    });
    ears[writer === 0 ? 1 : 0]!.dispatchEvent(event);
  };
  return {
    tabs,
    deliver,
    stop: () => {
      for (const stop of stops) stop();
    },
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('two tabs on one saved progress', () => {
  it('keeps the answers of both tabs, even when neither has heard of the other yet', () => {
    const { tabs, stop } = twoTabs();
    tabs[0].getState().recordAnswer('01-x', 'q1', single('a'), 1, ['q1', 'q2']);
    // Tab B writes from its stale copy (the event has not arrived): it must not erase q1.
    tabs[1].getState().recordAnswer('01-x', 'q2', single('b'), 0, ['q1', 'q2']);
    const questions = stored().data.lessons['01-x']?.questions ?? {};
    expect(Object.keys(questions).sort()).toEqual(['q1', 'q2']);
    expect(stored().data.lessons['01-x']?.completed).toBe(true);
    // And tab A's next write keeps B's answer too.
    tabs[0].getState().visitLesson('02-y');
    expect(Object.keys(stored().data.lessons['01-x']?.questions ?? {}).sort()).toEqual(['q1', 'q2']);
    stop();
  });

  it('counts attempts across tabs: the second tab builds on the stored attempts', () => {
    const { tabs, stop } = twoTabs();
    tabs[0].getState().recordAnswer('01-x', 'q1', single('a'), 0, ['q1']);
    tabs[0].getState().recordAnswer('01-x', 'q1', single('b'), 1, ['q1']);
    tabs[1].getState().recordAnswer('01-x', 'q1', single('c'), 0, ['q1']);
    expect(stored().data.lessons['01-x']?.questions.q1).toMatchObject({
      attempts: 3,
      bestScore: 1,
      lastAnswer: single('c'),
      completed: true,
    });
    stop();
  });

  it('updates the other tab live through the storage event', () => {
    const { tabs, deliver, stop } = twoTabs();
    const before = localStorage.getItem(KEY);
    tabs[0].getState().recordAnswer('01-x', 'q1', single('a'), 1, ['q1']);
    expect(tabs[1].getState().progress.lessons['01-x']).toBeUndefined();
    deliver(0, before);
    expect(tabs[1].getState().progress.lessons['01-x']?.questions.q1?.lastAnswer).toEqual(single('a'));
    stop();
  });

  it('lets a deliberate reset win over a tab that still holds older answers', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-01T10:00:00.000Z'));
    const { tabs, deliver, stop } = twoTabs();
    tabs[0].getState().recordAnswer('01-x', 'q1', single('a'), 1, ['q1', 'q2']);
    deliver(0, null);
    expect(tabs[1].getState().progress.lessons['01-x']).toBeDefined();
    vi.setSystemTime(new Date('2026-03-01T10:05:00.000Z'));
    tabs[0].getState().resetProgress();
    // Tab B answers before hearing of the reset: its new answer stays, the answer from before goes.
    vi.setSystemTime(new Date('2026-03-01T10:06:00.000Z'));
    tabs[1].getState().recordAnswer('01-x', 'q2', single('b'), 1, ['q1', 'q2']);
    const lesson = stored().data.lessons['01-x'];
    expect(Object.keys(lesson?.questions ?? {})).toEqual(['q2']);
    expect(lesson?.completed).toBe(false);
    expect(tabs[1].getState().progress.lessons['01-x']?.questions.q1).toBeUndefined();
    // A reset heard live empties the other tab at once.
    tabs[0].getState().hydrateProgress();
    vi.setSystemTime(new Date('2026-03-01T10:07:00.000Z'));
    const beforeReset = localStorage.getItem(KEY);
    tabs[1].getState().resetProgress();
    deliver(1, beforeReset);
    expect(tabs[0].getState().progress.lessons).toEqual({});
    stop();
  });

  it('follows the theme chosen in another tab', () => {
    const [a, b] = [createAppStore(), createAppStore()];
    const ear = new Ear();
    const stopFollowing = followOtherTabs(b, ear);
    a.getState().setTheme('dark');
    ear.dispatchEvent(
      new StorageEvent('storage', {
        key: 'unroll.settings',
        newValue: localStorage.getItem('unroll.settings'),
        storageArea: localStorage,
      }),
    );
    expect(b.getState().settings.theme).toBe('dark');
    stopFollowing();
  });
});

describe('merging two copies of the progress', () => {
  const question = (attempts: number, answeredAt: string, lastScore: number): QuestionProgress => ({
    attempts,
    bestScore: lastScore,
    lastScore,
    lastAnswer: single(String(attempts)),
    completed: lastScore >= 1,
    answeredAt,
  });
  const lesson = (questions: Record<string, QuestionProgress>, lastVisitedAt: string | null = null) => ({
    visited: true,
    lastVisitedAt,
    position: lastVisitedAt ? { id: `at-${lastVisitedAt}`, title: 't' } : null,
    completed: false,
    questions,
  });

  it('takes the most attempts, the best score and the later last answer of one question', () => {
    const a: Progress = { lessons: { x: lesson({ q: question(3, '2026-01-01T10:00:00Z', 1) }) } };
    const b: Progress = { lessons: { x: lesson({ q: question(2, '2026-01-01T11:00:00Z', 0) }) } };
    expect(mergeProgress(a, b).lessons.x?.questions.q).toEqual({
      attempts: 3,
      bestScore: 1,
      lastScore: 0,
      lastAnswer: single('2'),
      completed: true,
      answeredAt: '2026-01-01T11:00:00Z',
    });
  });

  it('keeps the reading position of the copy that was there later', () => {
    const a: Progress = { lessons: { x: lesson({}, '2026-01-01T10:00:00Z') } };
    const b: Progress = { lessons: { x: lesson({}, '2026-01-01T12:00:00Z') } };
    expect(mergeProgress(a, b).lessons.x?.position?.id).toBe('at-2026-01-01T12:00:00Z');
    expect(mergeProgress(b, a).lessons.x?.position?.id).toBe('at-2026-01-01T12:00:00Z');
  });

  it('drops what the stale copy recorded before the newest reset, and keeps what came after', () => {
    const stale: Progress = {
      lessons: {
        x: lesson({
          old: question(1, '2026-01-01T09:00:00Z', 1),
          late: question(1, '2026-01-01T11:00:00Z', 1),
        }),
        y: lesson({}, '2026-01-01T09:30:00Z'),
      },
    };
    const reset: Progress = { lessons: {}, resetAt: '2026-01-01T10:00:00.000Z' };
    const merged = mergeProgress(stale, reset);
    expect(merged.resetAt).toBe('2026-01-01T10:00:00.000Z');
    expect(Object.keys(merged.lessons)).toEqual(['x']);
    expect(Object.keys(merged.lessons.x?.questions ?? {})).toEqual(['late']);
  });
});
