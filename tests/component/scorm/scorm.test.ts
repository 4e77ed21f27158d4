import { describe, expect, it } from 'vitest';
import { finalQuizLesson, lessons } from '../../../app/course';
import { connectToLms, timespan } from '../../../app/scorm/connect';
import { findScormApi, MAX_PARENTS, type Scorm12Api, type WindowLike } from '../../../app/scorm/findApi';
import { scormReport } from '../../../app/scorm/report';
import { decodeSuspendData, encodeSuspendData, SUSPEND_LIMIT } from '../../../app/scorm/suspendData';
import { createAppStore } from '../../../app/store';
import { EMPTY_LESSON, type Progress, type QuestionProgress } from '../../../app/store/progressFormat';

/** A SCORM 1.2 API that records what it is given, the way an LMS would keep it. */
class FakeLms implements Scorm12Api {
  readonly values: Record<string, string>;
  readonly calls: string[] = [];
  constructor(initial: Record<string, string> = {}) {
    this.values = { ...initial };
  }
  LMSInitialize() {
    this.calls.push('init');
    return 'true';
  }
  LMSFinish() {
    this.calls.push('finish');
    return 'true';
  }
  LMSGetValue(element: string) {
    return this.values[element] ?? '';
  }
  LMSSetValue(element: string, value: string) {
    this.values[element] = value;
    return 'true';
  }
  LMSCommit() {
    this.calls.push('commit');
    return 'true';
  }
  LMSGetLastError() {
    return '0';
  }
}

/** An LMS whose every call throws, as a broken or half-loaded one might. */
class BrokenLms extends FakeLms {
  setCalls = 0;
  override LMSSetValue(): string {
    this.setCalls++;
    throw new Error('LMS is down');
  }
  override LMSCommit(): string {
    throw new Error('LMS is down');
  }
}

/** Something called API in a parent window that is not the SCORM API. */
const notAnApi = { initialize: () => 'true' };

const top = (extra: Partial<WindowLike> = {}): WindowLike => {
  const win: { parent: WindowLike | null } & Partial<WindowLike> = { parent: null, ...extra };
  win.parent = win as WindowLike;
  return win as WindowLike;
};

describe('findScormApi', () => {
  it('finds the API in a parent, skipping frames that throw on access', () => {
    const api = new FakeLms();
    const lms = top({ API: api });
    const foreign = new Proxy({} as WindowLike, {
      get: (_, key) => {
        if (key === 'parent') return lms;
        throw new DOMException('Blocked a frame with origin', 'SecurityError');
      },
    });
    expect(findScormApi({ parent: foreign })).toBe(api);
  });

  it('looks in the opener window when no parent has it', () => {
    const api = new FakeLms();
    expect(findScormApi(top({ opener: top({ API: api }) }))).toBe(api);
  });

  it('gives up beyond the ADL depth and outside an LMS', () => {
    const api = new FakeLms();
    let win: WindowLike = top({ API: api });
    for (let i = 0; i <= MAX_PARENTS; i++) win = { parent: win };
    expect(findScormApi(win)).toBeNull();
    expect(findScormApi(top())).toBeNull();
    // Something called API that is not the SCORM API is not taken for it.
    expect(findScormApi(top({ API: notAnApi }))).toBeNull();
  });
});

const question = (attempts: number, bestScore: number): QuestionProgress => ({
  attempts,
  bestScore,
  lastScore: bestScore,
  lastAnswer: null,
  completed: bestScore >= 1,
  answeredAt: '2026-01-01T00:00:00.000Z',
});
const progressOf = (lessonsById: Record<string, Record<string, QuestionProgress>>): Progress => ({
  lessons: Object.fromEntries(
    Object.entries(lessonsById).map(([slug, questions]) => [
      slug,
      { ...EMPTY_LESSON, visited: true, questions },
    ]),
  ),
});

describe('suspend data', () => {
  it('round-trips attempts and best scores, by lesson slug', () => {
    const progress = progressOf({ a: { q1: question(2, 1), q2: question(1, 0.5) }, c: {} });
    const text = encodeSuspendData(progress, ['a', 'b', 'c']);
    expect(text).toBe('u1|a:q1=2.100,q2=1.50|c:');
    const back = decodeSuspendData(text, ['a', 'b', 'c']);
    expect(back?.lessons.a?.questions.q1).toMatchObject({ attempts: 2, bestScore: 1, completed: true });
    expect(back?.lessons.a?.questions.q2).toMatchObject({ attempts: 1, bestScore: 0.5, completed: false });
    expect(back?.lessons.c?.visited).toBe(true);
    expect(back?.lessons.b).toBeUndefined();
    // A lesson the course no longer has is left out.
    expect(decodeSuspendData(text, ['c'])?.lessons).toEqual({
      c: expect.objectContaining({ visited: true }),
    });
  });

  it('stays under the SCORM 1.2 limit and refuses text it did not write', () => {
    const many = Object.fromEntries(
      Array.from({ length: 400 }, (_, i) => [`question-${i}`, question(3, 0.75)]),
    );
    const slugs = ['a', 'b', 'c'];
    const text = encodeSuspendData(progressOf({ a: many, b: many, c: many }), slugs);
    expect(text.length).toBeLessThanOrEqual(SUSPEND_LIMIT);
    expect(decodeSuspendData(text, slugs)?.lessons.a?.questions['question-0']?.attempts).toBe(3);
    expect(text.length).toBeGreaterThan(SUSPEND_LIMIT - 30);
    expect(decodeSuspendData('', slugs)).toBeNull();
    expect(decodeSuspendData('{"lessons":{}}', slugs)).toBeNull();
  });
});

describe('scormReport', () => {
  const quizzes = { a: ['q1', 'q2'], final: ['f1', 'f2', 'f3', 'f4', 'f5'] };
  it('is incomplete until every question is answered, then passed or failed by the final quiz', () => {
    expect(scormReport({ lessons: {} }, quizzes, 'final')).toEqual({ status: 'incomplete', score: null });
    const partial = progressOf({ final: { f1: question(1, 1) } });
    expect(scormReport(partial, quizzes, 'final')).toEqual({ status: 'incomplete', score: 20 });
    const finals = (best: number) => Object.fromEntries(quizzes.final.map((id) => [id, question(1, best)]));
    const all = (best: number) =>
      progressOf({ a: { q1: question(1, 0), q2: question(1, 0) }, final: finals(best) });
    expect(scormReport(all(1), quizzes, 'final')).toEqual({ status: 'passed', score: 100 });
    expect(scormReport(all(0.6), quizzes, 'final')).toEqual({ status: 'failed', score: 60 });
    expect(scormReport(all(0.6), quizzes, 'final', 60).status).toBe('passed');
    expect(scormReport(all(1), { a: quizzes.a }, null)).toEqual({ status: 'completed', score: null });
  });
});

describe('connectToLms', () => {
  const windowWith = (api?: Scorm12Api) => {
    const listeners = new EventTarget();
    const win = {
      parent: null as unknown,
      API: api,
      addEventListener: listeners.addEventListener.bind(listeners),
      removeEventListener: listeners.removeEventListener.bind(listeners),
      dispatchEvent: listeners.dispatchEvent.bind(listeners),
    };
    win.parent = win;
    return win as unknown as Window & WindowLike;
  };

  it('changes nothing outside an LMS', async () => {
    const store = createAppStore();
    const before = store.getState().progress;
    expect(await connectToLms(windowWith(), store)).toBe(false);
    expect(store.getState().progress).toBe(before);
    expect(localStorage.length).toBe(0);
  });

  it('resumes from suspend data, reports answers, and finishes on pagehide', async () => {
    const final = finalQuizLesson();
    expect(final?.loadQuiz).toBeTruthy();
    const finalIds = (await final!.loadQuiz!()).map((q) => q.id);
    const api = new FakeLms({ 'cmi.suspend_data': `u1|${final!.slug}:${finalIds[0]}=1.100` });
    const { values, calls } = api;
    const store = createAppStore();
    const win = windowWith(api);
    expect(await connectToLms(win, store)).toBe(true);
    expect(store.getState().progress.lessons[final!.slug]?.questions[finalIds[0]!]?.bestScore).toBe(1);
    expect(values['cmi.core.lesson_status']).toBe('incomplete');
    expect(values['cmi.core.score.raw']).toBe(String(Math.round(100 / finalIds.length)));
    expect(values['cmi.core.score.max']).toBe('100');
    expect(calls).toEqual(['init', 'commit']);

    store.getState().recordAnswer(final!.slug, finalIds[1]!, { kind: 'single', choice: 'x' }, 1, finalIds);
    expect(values['cmi.core.score.raw']).toBe(String(Math.round(200 / finalIds.length)));
    expect(values['cmi.suspend_data']).toContain(`${finalIds[1]}=1.100`);
    expect(calls).toEqual(['init', 'commit', 'commit']);

    win.dispatchEvent(new Event('pagehide'));
    expect(calls.slice(-2)).toEqual(['commit', 'finish']);
    expect(values['cmi.core.session_time']).toMatch(/^\d{4}:\d\d:\d\d$/);
  });

  it('fits the whole course, every question answered, in suspend data', async () => {
    const all: Record<string, Record<string, QuestionProgress>> = {};
    for (const lesson of lessons) {
      const ids = lesson.loadQuiz ? (await lesson.loadQuiz()).map((q) => q.id) : [];
      all[lesson.slug] = Object.fromEntries(ids.map((id) => [id, question(12, 0.67)]));
    }
    const slugs = lessons.map((lesson) => lesson.slug);
    const text = encodeSuspendData(progressOf(all), slugs);
    expect(text.length).toBeLessThan(SUSPEND_LIMIT);
    const back = decodeSuspendData(text, slugs);
    for (const slug of slugs) {
      expect(Object.keys(back?.lessons[slug]?.questions ?? {})).toEqual(Object.keys(all[slug] ?? {}));
    }
  });

  it('keeps the page working when the LMS API throws', async () => {
    const broken = new BrokenLms();
    const store = createAppStore();
    expect(await connectToLms(windowWith(broken), store)).toBe(true);
    const slug = lessons[0]!.slug;
    expect(() =>
      store.getState().recordAnswer(slug, 'q', { kind: 'single', choice: 'a' }, 1, ['q']),
    ).not.toThrow();
    expect(broken.setCalls).toBeGreaterThan(0);
  });

  it('formats session time as CMITimespan', () => {
    expect(timespan(3_723_000)).toBe('0001:02:03');
  });
});
