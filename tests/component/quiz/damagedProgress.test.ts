import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../../../app/store';
import { DAMAGED_PREFIX, listDamagedCopies } from '../../../app/store/damagedCopies';
import { PROGRESS_VERSION } from '../../../app/store/progressFormat';

const KEY = 'unroll.progress';
const single = { kind: 'single', choice: 'a' } as const;
let store = createAppStore();

beforeEach(() => {
  store = createAppStore();
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

/** Makes the browser refuse every new key that starts with `prefix`, as a full quota does. */
function fullFor(prefix: string) {
  const setItem = Storage.prototype.setItem;
  vi.spyOn(Storage.prototype, 'setItem').mockImplementation(function (this: Storage, key, value) {
    if (key.startsWith(prefix)) throw new DOMException('full', 'QuotaExceededError');
    setItem.call(this, key, value);
  });
}

describe('damaged saved progress', () => {
  it('keeps a copy of progress with unreadable parts before saving the rest, and says how many were left out', () => {
    const good = { visited: true, lastVisitedAt: null, position: null, completed: false, questions: {} };
    const text = JSON.stringify({
      version: 1,
      data: {
        lessons: {
          '01-x': { ...good, questions: { q1: { attempts: -3, bestScore: 2, lastScore: 'x' } } },
          '02-y': { ...good, visited: 'yes' },
          '03-z': 'done',
          ['x'.repeat(500)]: good,
          '04-w': good,
        },
      },
    });
    localStorage.setItem(KEY, text);
    store.getState().hydrateProgress();
    expect(store.getState().storageNotice).toMatch(
      /^4 parts of your saved quiz progress could not be read, so Unroll uses the rest without them\. A copy of it as it was saved is kept on the Progress page/,
    );
    expect(listDamagedCopies().map((copy) => copy.text)).toEqual([text]);
    const saved = JSON.parse(localStorage.getItem(KEY) ?? '');
    expect(Object.keys(saved.data.lessons).sort()).toEqual(['01-x', '02-y', '04-w']);
    // Read clean now: a second load keeps no second copy.
    store = createAppStore();
    store.getState().hydrateProgress();
    expect(listDamagedCopies()).toHaveLength(1);
    expect(store.getState().storageNotice).toBeNull();
  });

  it('does not let a "__proto__" lesson set the prototype of the progress it is read into', () => {
    localStorage.setItem(
      KEY,
      '{"version":1,"data":{"lessons":{"__proto__":{"visited":true},"01-x":{"visited":true}}}}',
    );
    store.getState().hydrateProgress();
    const lessons = store.getState().progress.lessons;
    expect(Object.getPrototypeOf(lessons)).toBe(Object.prototype);
    expect(Object.keys(lessons)).toEqual(['01-x']);
    expect(store.getState().storageNotice).toMatch(/^One part of your saved quiz progress could not be read/);
  });

  it('when no copy can be kept (quota), says exactly that and leaves the original until the reader chooses', () => {
    localStorage.setItem(KEY, '{"version":1,"data":');
    fullFor(DAMAGED_PREFIX);
    store.getState().hydrateProgress();
    expect(store.getState().progressLock).toBe('unkept');
    expect(store.getState().progressSaved).toBe(false);
    expect(store.getState().storageNotice).toMatch(/no room to keep a copy/);
    expect(store.getState().storageNotice).not.toMatch(/set aside|started fresh/);
    store.getState().recordAnswer('01-x', 'q1', single, 1, ['q1']);
    store.getState().resetProgress();
    store.getState().recordAnswer('01-x', 'q1', single, 1, ['q1']);
    expect(localStorage.getItem(KEY)).toBe('{"version":1,"data":');
    expect(store.getState().progress.lessons['01-x']?.questions.q1?.attempts).toBe(1);
    expect(store.getState().heldProgressText).toBe('{"version":1,"data":');
    // The reader chooses to replace it: only now is it written over.
    store.getState().replaceHeldProgress();
    expect(store.getState().progressLock).toBeNull();
    expect(JSON.parse(localStorage.getItem(KEY) ?? '').data.lessons['01-x'].questions.q1.attempts).toBe(1);
  });

  it('keeps a second damage under its own key instead of overwriting the first copy', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-01T10:00:00.000Z'));
    localStorage.setItem(KEY, 'first damage');
    store.getState().hydrateProgress();
    vi.setSystemTime(new Date('2026-03-02T10:00:00.000Z'));
    localStorage.setItem(KEY, 'second damage');
    createAppStore().getState().hydrateProgress();
    expect(listDamagedCopies()).toEqual([
      {
        key: `${DAMAGED_PREFIX}.2026-03-01T10:00:00.000Z`,
        keptAt: '2026-03-01T10:00:00.000Z',
        text: 'first damage',
      },
      {
        key: `${DAMAGED_PREFIX}.2026-03-02T10:00:00.000Z`,
        keptAt: '2026-03-02T10:00:00.000Z',
        text: 'second damage',
      },
    ]);
  });

  it('keeps one copy of the same damage found again, and at most three, saying when the oldest went', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    localStorage.setItem(DAMAGED_PREFIX, 'kept by an older Unroll');
    for (const [day, text] of [
      [1, 'one'],
      [2, 'two'],
      [3, 'two'],
    ] as const) {
      vi.setSystemTime(new Date(`2026-03-0${day}T10:00:00.000Z`));
      localStorage.setItem(KEY, text);
      createAppStore().getState().hydrateProgress();
    }
    expect(listDamagedCopies().map((copy) => copy.text)).toEqual(['kept by an older Unroll', 'one', 'two']);
    vi.setSystemTime(new Date('2026-03-04T10:00:00.000Z'));
    localStorage.setItem(KEY, 'three');
    store.getState().hydrateProgress();
    expect(listDamagedCopies().map((copy) => copy.text)).toEqual(['one', 'two', 'three']);
    expect(store.getState().storageNotice).toMatch(
      /Only the 3 most recent copies are kept, so the oldest was deleted/,
    );
  });

  it('restores what it can read of a kept copy, and says when it can read nothing', () => {
    const oldVersion = JSON.stringify({
      version: -1,
      data: {
        lessons: {
          '01-x': {
            visited: true,
            questions: {
              q1: { attempts: 2, bestScore: 1, lastScore: 1, lastAnswer: single, completed: true },
            },
          },
        },
      },
    });
    localStorage.setItem(`${DAMAGED_PREFIX}.2026-03-01T10:00:00.000Z`, oldVersion);
    localStorage.setItem(`${DAMAGED_PREFIX}.2026-03-02T10:00:00.000Z`, '{"version":1,"da');
    store.getState().hydrateProgress();
    store.getState().recordAnswer('02-y', 'q', single, 0, ['q']);
    const [readable, unreadable] = store.getState().damagedCopies;
    expect(store.getState().restoreDamagedCopy(unreadable!.key)).toBeNull();
    expect(store.getState().restoreDamagedCopy(readable!.key)).toBe(1);
    const saved = JSON.parse(localStorage.getItem(KEY) ?? '').data;
    expect(saved.lessons['01-x'].questions.q1.attempts).toBe(2);
    expect(saved.lessons['02-y'].questions.q.attempts).toBe(1);
    store.getState().discardDamagedCopy(readable!.key);
    expect(store.getState().damagedCopies.map((copy) => copy.key)).toEqual([unreadable!.key]);
  });
});

describe('progress saved by a newer version of Unroll', () => {
  it('is not called damaged, and is left untouched by answers and resets', () => {
    const text = JSON.stringify({
      version: PROGRESS_VERSION + 1,
      data: { lessons: { '01-x': { visited: true, questions: {} } }, newField: [1, 2] },
    });
    localStorage.setItem(KEY, text);
    store.getState().hydrateProgress();
    expect(store.getState().storageNotice).toMatch(
      /saved by a newer version of Unroll; this page will not change it/,
    );
    expect(store.getState().storageNotice).not.toMatch(/damaged|set aside/);
    expect(store.getState().progressLock).toBe('newer');
    expect(store.getState().progress.lessons['01-x']?.visited).toBe(true);
    expect(listDamagedCopies()).toEqual([]);
    store.getState().recordAnswer('01-x', 'q1', single, 1, ['q1']);
    store.getState().resetProgress();
    expect(localStorage.getItem(KEY)).toBe(text);
  });
});

describe('a bad saved theme', () => {
  it('goes back to the default with its own note, once, and says nothing about progress', () => {
    localStorage.setItem('unroll.settings', JSON.stringify({ version: 1, data: { theme: 'purple' } }));
    localStorage.setItem(
      KEY,
      JSON.stringify({ version: 1, data: { lessons: { '01-x': { visited: true, questions: {} } } } }),
    );
    store.getState().hydrateSettings();
    store.getState().hydrateProgress();
    expect(store.getState().settings.theme).toBe('system');
    expect(store.getState().storageNotice).toMatch(/theme/);
    expect(store.getState().storageNotice).not.toMatch(/progress|set aside|started fresh/);
    expect(store.getState().progress.lessons['01-x']?.visited).toBe(true);
    const again = createAppStore();
    again.getState().hydrateSettings();
    again.getState().hydrateProgress();
    expect(again.getState().storageNotice).toBeNull();
  });
});
