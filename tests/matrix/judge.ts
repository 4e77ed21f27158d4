/**
 * How the bad-input matrix judges one case, the same way for every area: a page error, console error,
 * unhandled rejection, uncaught exception or the error box is a crash; a page that does not answer
 * `evaluate` within a few seconds is a freeze; a case's own check reports a stuck worker or lost data;
 * input refused with no visible message (role=alert or role=status text, a field's error, the missing
 * page) is silent; anything else is clear.
 */
import type { BrowserContext, Page } from 'playwright-core';

export type Outcome = 'clear' | 'silent' | 'crash' | 'freeze' | 'stuck' | 'loss';

export interface CaseResult {
  readonly area: string;
  readonly name: string;
  readonly outcome: Outcome;
  readonly detail: string;
}

/** What a case's own check found beyond the generic watch (a stuck run, lost data, a silent refusal). */
export type Finding = { readonly outcome: Outcome; readonly detail: string } | null;

/** One check inside a case that tries many inputs on one page; each counts as a case of its own. */
export interface Check {
  readonly name: string;
  check(): Promise<Finding>;
}

/** One case: what it does to the page and its own verdict, or the checks it makes on one page. */
export interface MatrixCase {
  readonly area: string;
  readonly name: string;
  run(session: Session): Promise<Finding | readonly Check[]>;
}

/** Text the app shows when a render error reached an error boundary. */
const ERROR_BOX = 'This part of the page could not be shown';

/**
 * Everything a case may use: a fresh page in its own context (so storage and workers start empty), the
 * origin of the build, and the problems seen on every page of the context so far.
 */
export class Session {
  readonly problems: string[] = [];
  page!: Page;

  constructor(
    readonly context: BrowserContext,
    readonly origin: string,
  ) {}

  /** Watches a page of this case (the first one, or a second tab or window it opens). */
  watch(page: Page): Page {
    page.on('console', (message) => {
      if (message.type() === 'error') this.problems.push(`console error: ${message.text().slice(0, 200)}`);
    });
    page.on('pageerror', (error) => this.problems.push(`uncaught: ${error.message.slice(0, 200)}`));
    page.on('crash', () => this.problems.push('the page crashed'));
    return page;
  }

  async newPage(): Promise<Page> {
    return this.watch(await this.context.newPage());
  }

  /** Opens an address of the app (a path and hash such as `/#/glossary`) and waits for the app to draw. */
  async open(page: Page, address: string): Promise<void> {
    await page.goto(this.origin + address, { waitUntil: 'load', timeout: 20_000 });
    await page.waitForSelector('#root > *', { timeout: 15_000 });
  }
}

/** The init script of every context: unhandled rejections become console errors the watch sees. */
export function watchRejections(): void {
  window.addEventListener('unhandledrejection', (event) => {
    console.error(`unhandled rejection: ${String(event.reason)}`);
  });
}

/** Whether the page's main thread answers within `ms`. */
export async function responsive(page: Page, ms = 5000): Promise<boolean> {
  const answer = page
    .evaluate(() => 1)
    .then(
      () => true,
      () => false,
    );
  const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms));
  return Promise.race([answer, timeout]);
}

/** Every message the page shows: role=alert and role=status text, field errors, the missing page. */
export async function visibleMessages(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts: string[] = [];
    for (const element of document.querySelectorAll<HTMLElement>(
      '[role="alert"], [role="status"], .config-problem, .notice',
    )) {
      const text = (element.textContent ?? '').trim();
      // Fixed-position notices have no offsetParent: visible means laid out with a box.
      if (text && element.getClientRects().length > 0) texts.push(text);
    }
    const heading = document.querySelector('h1')?.textContent ?? '';
    if (heading.startsWith('There is no page')) texts.push(heading);
    return texts;
  });
}

/** Messages in `after` that were not already shown in `before` (a baseline of the same page). */
export function newMessages(before: readonly string[], after: readonly string[]): string[] {
  const seen = new Set(before);
  return after.filter((text) => !seen.has(text));
}

/**
 * The generic verdict after a case ran: crash, then freeze, then the case's own finding. Problems are
 * counted from `since`, so each check of a page is judged by what it caused.
 */
export async function judge(
  session: Session,
  finding: Finding,
  since = 0,
): Promise<{ outcome: Outcome; detail: string }> {
  const pages = session.context.pages();
  for (const page of pages) {
    if (!(await responsive(page))) return { outcome: 'freeze', detail: `no answer from ${page.url()}` };
  }
  for (const page of pages) {
    const box = await page
      .evaluate((text) => (document.body.textContent ?? '').includes(text), ERROR_BOX)
      .catch(() => false);
    if (box && !session.problems.slice(since).some((problem) => problem.startsWith('error box')))
      session.problems.push(`error box on ${page.url()}`);
  }
  const problems = session.problems.slice(since);
  if (problems.length > 0) return { outcome: 'crash', detail: problems.join(' | ') };
  return finding ?? { outcome: 'clear', detail: '' };
}

/** A refused input is clear only if a message says so. */
export function refusedWithMessage(messages: readonly string[], what: string): Finding {
  return messages.length > 0 ? null : { outcome: 'silent', detail: `${what}: no message` };
}
