/**
 * Worker faults and presenter-channel messages. A training worker that throws, closes itself, posts
 * nonsense or stalls inside a step must be reported or replaced, never leave "training" on screen
 * forever; Pause must act at once even during a long step. Messages posted from a third page on the
 * presenter channel (unknown kinds, empty arrays, forged runs and starts, huge payloads) must be
 * ignored: both windows keep moving and no window starts workers for them.
 */
import type { Page, Worker } from 'playwright-core';
import type { Finding, MatrixCase, Session } from './judge';

const stepOf = async (page: Page) =>
  Number((await page.locator('.run-status li').first().textContent())?.match(/step (\d+)/)?.[1] ?? -1);

/** Opens the playground with a long run training, and returns its worker. */
async function training(session: Session): Promise<Worker> {
  const page = session.page;
  await session.open(page, '/?until=100000#/playground');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await page
    .locator('.run-status li')
    .first()
    .filter({ hasText: /training, step [1-9]/ })
    .waitFor({ timeout: 20_000 });
  const worker = page.workers().at(-1);
  if (!worker) throw new Error('no worker');
  return worker;
}

/** After a fault: within `ms`, the run trains on, or the page says what happened. Else it is stuck. */
async function notStuck(page: Page, ms: number, expectAlert: boolean): Promise<Finding> {
  const first = await stepOf(page);
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    await page.waitForTimeout(300);
    const alert = await page.getByRole('alert').count();
    if (alert > 0) return null;
    if (!expectAlert && (await stepOf(page)) > first) return null;
  }
  const status = await page.locator('.run-status li').first().textContent();
  return { outcome: expectAlert ? 'stuck' : 'stuck', detail: `after ${ms} ms: "${status}"` };
}

interface Fault {
  readonly name: string;
  /** Runs in the worker (its global scope as `self`); not awaited, so it may block the worker. */
  readonly inWorker: string;
  /** Whether the page must report the run as stopped (else it may also train on). */
  readonly reported: boolean;
}

const FAULTS: readonly Fault[] = [
  { name: 'throws', inWorker: 'setTimeout(() => { throw new Error("matrix fault"); })', reported: true },
  { name: 'closes itself', inWorker: 'self.close()', reported: true },
  { name: 'posts null', inWorker: 'self.postMessage(null)', reported: false },
  { name: 'posts a string', inWorker: 'self.postMessage("hello")', reported: false },
  {
    name: 'posts an unknown kind',
    inWorker: 'self.postMessage({ kind: "surprise", runId: "x" })',
    reported: false,
  },
  {
    name: 'posts a forged snapshot',
    inWorker: 'self.postMessage({ kind: "snapshot", runId: 7, steps: "many", loss: [NaN] })',
    reported: false,
  },
  {
    name: 'posts a huge message',
    inWorker: 'self.postMessage({ kind: "snapshot", blob: "x".repeat(20000000) })',
    reported: false,
  },
];

function faultCase(fault: Fault): MatrixCase {
  return {
    area: 'worker faults',
    name: fault.name,
    run: async (session) => {
      const worker = await training(session);
      void worker.evaluate(fault.inWorker).catch(() => {});
      // Liveness is checked against a timeout of a few seconds; allow for it and a busy machine.
      return notStuck(session.page, fault.reported ? 12_000 : 4000, fault.reported);
    },
  };
}

/** A step that takes 4 s (a busy loop in the worker): Pause must show within a second. */
const slowStep: MatrixCase = {
  area: 'worker faults',
  name: 'pause during a 4 s step',
  run: async (session) => {
    const worker = await training(session);
    void worker
      .evaluate('(() => { const end = Date.now() + 4000; while (Date.now() < end); })()')
      .catch(() => {});
    await session.page.waitForTimeout(300);
    const started = Date.now();
    await session.page.getByRole('button', { name: 'Pause', exact: true }).first().click();
    await session.page
      .locator('.run-status li')
      .first()
      .filter({ hasText: /paused|stopped/ })
      .waitFor({ timeout: 1500 })
      .catch(() => {});
    const text = (await session.page.locator('.run-status li').first().textContent()) ?? '';
    return /paused|stopped/.test(text)
      ? null
      : { outcome: 'stuck', detail: `Pause not shown ${Date.now() - started} ms later: "${text}"` };
  },
};

const DECK = '/#/present/03-lstm/1';
const sender = 'matrix-third-page';
const position = { slug: '03-lstm', index: 0, blank: false, at: Date.now() + 60_000 };
const config = { cell: 'lstm' };

/** Messages a third page posts on the presenter channel. */
/**
 * `make` builds a message inside the third page instead of sending it through Playwright: a 20 MB string
 * or a 500-deep object passed to `evaluate` costs Playwright's serialiser seconds, which the judge would
 * count against the app.
 */
const MESSAGES: readonly {
  readonly name: string;
  readonly message: unknown;
  readonly make?: 'deep' | 'padding';
}[] = [
  { name: 'null', message: null },
  { name: 'a number', message: 42 },
  { name: 'a string', message: 'next' },
  { name: 'an empty array', message: [] },
  { name: 'an empty object', message: {} },
  { name: 'an unknown kind', message: { sender, role: 'speaker', kind: 'dance' } },
  { name: 'no sender', message: { role: 'speaker', kind: 'bye' } },
  { name: 'an unknown role', message: { sender, role: 'director', kind: 'hello', position } },
  { name: 'position without fields', message: { sender, role: 'speaker', kind: 'position' } },
  {
    name: 'position at slide -5',
    message: { sender, role: 'speaker', kind: 'position', position: { ...position, index: -5 } },
  },
  {
    name: 'position at slide 1e9',
    message: { sender, role: 'speaker', kind: 'position', position: { ...position, index: 1e9 } },
  },
  {
    name: 'position at NaN time',
    message: { sender, role: 'speaker', kind: 'position', position: { ...position, at: Number.NaN } },
  },
  {
    name: 'position of another lesson',
    message: { sender, role: 'speaker', kind: 'position', position: { ...position, slug: '../x' } },
  },
  {
    name: 'runs: empty arrays',
    message: { sender, role: 'audience', kind: 'runs', slug: '03-lstm', runs: [], slots: [] },
  },
  {
    name: 'runs: forged run',
    message: {
      sender,
      role: 'audience',
      kind: 'runs',
      slug: '03-lstm',
      runs: [{ slot: 'x', phase: 'running', history: null }],
      slots: ['x'],
    },
  },
  {
    name: 'runs: 10,000 slots',
    message: {
      sender,
      role: 'audience',
      kind: 'runs',
      slug: '03-lstm',
      runs: [],
      slots: Array.from({ length: 10_000 }, (_, index) => `s${index}`),
    },
  },
  {
    name: 'run-command without command',
    message: { sender, role: 'speaker', kind: 'run-command', slug: '03-lstm' },
  },
  {
    name: 'start with null config',
    message: {
      sender,
      role: 'speaker',
      kind: 'run-command',
      slug: '03-lstm',
      command: {
        action: 'start',
        slot: 'a',
        config: null,
        options: { maxSteps: 10, speed: { kind: 'max' } },
      },
    },
  },
  {
    name: 'start with a partial config',
    message: {
      sender,
      role: 'speaker',
      kind: 'run-command',
      slug: '03-lstm',
      command: { action: 'start', slot: 'a', config, options: { maxSteps: 10, speed: { kind: 'max' } } },
    },
  },
  {
    name: 'step of a billion',
    message: {
      sender,
      role: 'speaker',
      kind: 'run-command',
      slug: '03-lstm',
      command: { action: 'step', slot: 'a', steps: 1e9 },
    },
  },
  {
    name: 'speed of Infinity',
    message: {
      sender,
      role: 'speaker',
      kind: 'run-command',
      slug: '03-lstm',
      command: {
        action: 'speed',
        slot: 'a',
        speed: { kind: 'paced', stepsPerSecond: Number.POSITIVE_INFINITY },
      },
    },
  },
  {
    name: 'an unknown action',
    message: {
      sender,
      role: 'speaker',
      kind: 'run-command',
      slug: '03-lstm',
      command: { action: 'explode', slot: 'a' },
    },
  },
  {
    name: 'a 20 MB payload',
    message: { sender, role: 'speaker', kind: 'hello', position },
    make: 'padding',
  },
  { name: 'deeply nested', message: null, make: 'deep' },
];

/** The number in "Slide N of M" of the deck's current slide. */
const slideOf = async (page: Page) =>
  Number(
    (
      await page
        .getByRole('region', { name: /^Slide \d+ of/ })
        .first()
        .getAttribute('aria-label')
    )?.match(/Slide (\d+)/)?.[1] ?? -1,
  );

/** One page load: the deck, a third page posting each message, and the deck still moving after each. */
const presenterCase: MatrixCase = {
  area: 'presenter messages',
  name: 'messages from a third page',
  run: async (session) => {
    const deck = session.page;
    await session.open(deck, DECK);
    await deck.getByRole('region', { name: /^Slide 1 of/ }).waitFor({ timeout: 15_000 });
    const third = await session.newPage();
    await session.open(third, '/#/glossary');
    await third.evaluate(() => {
      (window as unknown as { matrixChannel: BroadcastChannel }).matrixChannel = new BroadcastChannel(
        'unroll-present',
      );
    });
    return MESSAGES.map(({ name, message, make }) => ({
      name,
      check: async (): Promise<Finding> => {
        await third.evaluate(
          ({ data, make }) => {
            let sent: unknown = data;
            if (make === 'padding') sent = { ...(data as object), padding: 'x'.repeat(20_000_000) };
            if (make === 'deep') {
              sent = 1;
              for (let depth = 0; depth < 500; depth++) sent = { a: sent };
            }
            (window as unknown as { matrixChannel: BroadcastChannel }).matrixChannel.postMessage(sent);
          },
          { data: message, make },
        );
        await deck.waitForTimeout(250);
        const before = await slideOf(deck);
        await deck.keyboard.press(before >= 10 ? 'Home' : 'ArrowRight');
        await deck.waitForTimeout(250);
        const after = await slideOf(deck);
        if (after === before) return { outcome: 'stuck', detail: `the deck stayed on slide ${before}` };
        const workers = deck.workers().length;
        return workers > 3 ? { outcome: 'stuck', detail: `${workers} workers started` } : null;
      },
    }));
  },
};

export function faultCases(): MatrixCase[] {
  return [...FAULTS.map(faultCase), slowStep, presenterCase];
}
