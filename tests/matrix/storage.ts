/**
 * Saved states the app may find in localStorage (corrupt JSON, wrong types, a newer schema version,
 * settings of another shape), a browser whose storage is full or refuses every write, and two tabs
 * answering at once. Nothing stored may be lost or changed without the reader's action, and a saved
 * state that cannot be used must be named.
 */
import { type Finding, type MatrixCase, newMessages, type Session, visibleMessages } from './judge';

const LESSON = '01-what-is-a-recurrent-network';
const lesson = (fields: Record<string, unknown> = {}) => ({
  visited: true,
  lastVisitedAt: '2026-11-30T10:00:00.000Z',
  position: null,
  completed: false,
  questions: {},
  ...fields,
});
const progress = (data: unknown, version: unknown = 1) => JSON.stringify({ version, data });

/** Saved progress that cannot be read as it is: each must be named and kept. */
const DAMAGED: readonly { readonly name: string; readonly value: string }[] = [
  { name: 'not JSON', value: '{"version":1,"data":' },
  { name: 'empty string', value: '' },
  { name: 'JSON null', value: 'null' },
  { name: 'a number', value: '42' },
  { name: 'an array', value: '[1,2,3]' },
  { name: 'no version', value: JSON.stringify({ data: { lessons: {} } }) },
  { name: 'version as text', value: progress({ lessons: {} }, '1') },
  { name: 'negative version', value: progress({ lessons: {} }, -1) },
  { name: 'lessons as an array', value: progress({ lessons: [] }) },
  { name: 'lesson as text', value: progress({ lessons: { [LESSON]: 'done' } }) },
  { name: 'visited as text', value: progress({ lessons: { [LESSON]: lesson({ visited: 'yes' }) } }) },
  {
    name: 'attempts negative',
    value: progress({
      lessons: { [LESSON]: lesson({ questions: { q1: { attempts: -3, bestScore: 2, lastScore: 'x' } } }) },
    }),
  },
  { name: 'huge key', value: progress({ lessons: { ['x'.repeat(5000)]: lesson() } }) },
  { name: 'prototype key', value: `{"version":1,"data":{"lessons":{"__proto__":{"visited":true}}}}` },
];

/** Saved progress of a version this build does not know: left untouched, read-only, with a notice. */
const NEWER = progress({ lessons: { [LESSON]: lesson() }, future: true }, 7);

/** Settings (theme and the like) of the wrong shape: progress must not be called damaged for them. */
const SETTINGS: readonly string[] = ['not json', '{"theme":"purple"}', '{"theme":42}', '[]', 'null'];

/** Reads every key of localStorage. */
async function stored(session: Session): Promise<Record<string, string>> {
  return session.page.evaluate(() => {
    const all: Record<string, string> = {};
    for (let index = 0; index < localStorage.length; index++) {
      const key = localStorage.key(index)!;
      all[key] = localStorage.getItem(key) ?? '';
    }
    return all;
  });
}

/** Opens the progress page with `key` holding `value` before the app starts. */
async function openWith(session: Session, key: string, value: string, address = '/#/progress') {
  await session.page.addInitScript(
    ([name, text]) => {
      if (sessionStorage.getItem('matrix-seeded')) return;
      sessionStorage.setItem('matrix-seeded', '1');
      localStorage.setItem(name!, text!);
    },
    [key, value],
  );
  await session.open(session.page, address);
  await session.page.waitForTimeout(800);
}

const baselineMessages = async (session: Session): Promise<string[]> => {
  const page = await session.context.newPage();
  await session.open(page, '/#/progress');
  await page.waitForTimeout(500);
  const messages = await visibleMessages(page);
  await page.close();
  return messages;
};

function damagedCase(entry: (typeof DAMAGED)[number]): MatrixCase {
  return {
    area: 'storage',
    name: `progress: ${entry.name}`,
    run: async (session): Promise<Finding> => {
      const before = await baselineMessages(session);
      await session.page.evaluate(() => localStorage.clear()).catch(() => {});
      await openWith(session, 'unroll.progress', entry.value);
      const values = Object.values(await stored(session));
      if (!values.includes(entry.value)) return { outcome: 'loss', detail: 'the damaged copy is gone' };
      const added = newMessages(before, await visibleMessages(session.page));
      return added.length > 0 ? null : { outcome: 'silent', detail: 'no message about the saved progress' };
    },
  };
}

const newerCase: MatrixCase = {
  area: 'storage',
  name: 'progress: newer schema version',
  run: async (session) => {
    await openWith(session, 'unroll.progress', NEWER, `/#/lessons/${LESSON}`);
    await session.open(session.page, '/#/progress');
    await session.page.waitForTimeout(500);
    const after = await stored(session);
    if (after['unroll.progress'] !== NEWER)
      return { outcome: 'loss', detail: 'the newer copy was rewritten' };
    const messages = await visibleMessages(session.page);
    return messages.some((text) => /newer/i.test(text))
      ? null
      : { outcome: 'silent', detail: 'no notice about the newer version' };
  },
};

function settingsCase(value: string): MatrixCase {
  return {
    area: 'storage',
    name: `settings: ${JSON.stringify(value)}`,
    run: async (session) => {
      const good = progress({ lessons: { [LESSON]: lesson() } });
      await session.page.addInitScript(
        ([settings, saved]) => {
          if (sessionStorage.getItem('matrix-seeded')) return;
          sessionStorage.setItem('matrix-seeded', '1');
          localStorage.setItem('unroll.settings', settings!);
          localStorage.setItem('unroll.progress', saved!);
        },
        [value, good],
      );
      await session.open(session.page, '/#/progress');
      await session.page.waitForTimeout(800);
      const messages = await visibleMessages(session.page);
      if (messages.some((text) => /progress/i.test(text) && /set aside|damaged|fresh/i.test(text)))
        return { outcome: 'silent', detail: `misleading: ${messages.join(' / ')}` };
      const after = await stored(session);
      const saved = JSON.parse(after['unroll.progress'] ?? 'null');
      return saved?.data?.lessons?.[LESSON]?.visited === true
        ? null
        : { outcome: 'loss', detail: 'progress lost over a bad settings value' };
    },
  };
}

/** A browser whose storage refuses writes: answering a question must say it is not saved. */
function refusingCase(name: string, error: string): MatrixCase {
  return {
    area: 'storage',
    name,
    run: async (session) => {
      await session.page.addInitScript((kind) => {
        Storage.prototype.setItem = () => {
          throw new DOMException('The quota has been exceeded.', kind);
        };
      }, error);
      await session.open(session.page, `/#/lessons/${LESSON}/check-yourself`);
      const question = session.page.locator('li[id^="question-"]:has(input[type="radio"])').first();
      await question.waitFor({ timeout: 15_000 });
      await question.getByRole('radio').first().check();
      await question.getByRole('button', { name: 'Check' }).click();
      await session.page.waitForTimeout(500);
      // The visit already tried to save, so the notice may have come before the answer: any counts.
      const shown = await visibleMessages(session.page);
      return shown.some((text) => /refused to save|not let Unroll save|could not be read/i.test(text))
        ? null
        : { outcome: 'silent', detail: `storage refused, no notice (${shown.join(' / ')})` };
    },
  };
}

/** Two tabs answering different questions: both answers stay saved. */
const twoTabs: MatrixCase = {
  area: 'storage',
  name: 'two tabs answer different questions',
  run: async (session) => {
    const other = await session.newPage();
    const address = `/#/lessons/${LESSON}/check-yourself`;
    await session.open(session.page, address);
    await session.open(other, address);
    for (const [page, index] of [
      [session.page, 0],
      [other, 1],
    ] as const) {
      const question = page.locator('li[id^="question-"]:has(input[type="radio"])').nth(index);
      await question.waitFor({ timeout: 15_000 });
      await question.getByRole('radio').first().check();
      await question.getByRole('button', { name: 'Check' }).click();
      await page.waitForTimeout(300);
    }
    const saved = JSON.parse((await stored(session))['unroll.progress'] ?? 'null');
    const count = Object.keys(saved?.data?.lessons?.[LESSON]?.questions ?? {}).length;
    return count === 2 ? null : { outcome: 'loss', detail: `${count} of 2 answers saved` };
  },
};

export function storageCases(): MatrixCase[] {
  return [
    ...DAMAGED.map(damagedCase),
    newerCase,
    ...SETTINGS.map(settingsCase),
    refusingCase('storage full (QuotaExceededError)', 'QuotaExceededError'),
    refusingCase('storage refused (SecurityError)', 'SecurityError'),
    twoTabs,
  ];
}
