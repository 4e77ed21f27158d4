import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { scrollToEnd } from './scrollToEnd.ts';

interface Guard {
  /** Console errors, uncaught exceptions and Content-Security-Policy violations seen so far. */
  readonly problems: string[];
  /** Requests to any origin but the app's own. */
  readonly foreignRequests: string[];
  /** Call in a test that provokes a problem on purpose, so that the guard does not fail it. */
  expectProblems(): void;
}

/**
 * Every test runs under a guard: it fails if the page logs an error, throws, violates the
 * Content-Security-Policy, or requests anything from another origin.
 */
export const test = base.extend<{ guard: Guard }>({
  guard: [
    async ({ page, baseURL }, use) => {
      const ownOrigin = new URL(baseURL ?? 'http://127.0.0.1').origin;
      const problems: string[] = [];
      const foreignRequests: string[] = [];
      let problemsExpected = false;
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          console.error(
            `CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline code'}`,
          );
        });
      });
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
      page.on('request', (request) => {
        const url = request.url();
        if (url.startsWith('data:') || url.startsWith('blob:')) return;
        if (new URL(url).origin !== ownOrigin) foreignRequests.push(url);
      });
      await use({
        problems,
        foreignRequests,
        expectProblems: () => {
          problemsExpected = true;
        },
      });
      expect(foreignRequests, 'the page requested another origin').toEqual([]);
      if (!problemsExpected) expect(problems, 'the page reported errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/**
 * Scrolls to the bottom a screen at a time until the page stops growing, then back to the top: a lesson
 * mounts its text a few blocks per idle slice and its live figures only near view, so a check of the
 * whole page (axe) must first bring every figure in, and must not run while they still arrive and move
 * the text under it.
 */
export async function mountWholePage(page: Page): Promise<void> {
  await scrollToEnd(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(300);
}

/**
 * Waits until a lesson has drawn all its text: it mounts a few blocks per idle slice, and the quiz below
 * the text moves down with each, so a click aimed at a question before then can land on something else.
 */
export async function lessonSettled(page: Page): Promise<void> {
  await expect(page.locator('.quiz')).toBeVisible();
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 30_000 });
}

/**
 * Brings a lesson figure in as a reader does, by scrolling: a figure is drawn only once it nears view,
 * so until then the target does not exist. Scrolls to each figure still waiting, in page order, until
 * the target is there, then scrolls it into view.
 */
export async function reachFigure(page: Page, target: Locator): Promise<void> {
  const waiting = page.locator('.figure-slot-waiting');
  // The text itself mounts a few blocks per idle slice, so a figure's slot may not be there at first.
  for (let tries = 0; tries < 80 && (await target.count()) === 0; tries += 1) {
    if ((await waiting.count()) > 0) await waiting.first().scrollIntoViewIfNeeded();
    await page.waitForTimeout(200);
  }
  await target.scrollIntoViewIfNeeded();
}

/**
 * Scrolls an element into view and waits until it has stood still for a few frames. A lesson's text
 * blocks are laid out at a guessed height until they first come near the screen, and then take their
 * real one: scrolling to a question can thereby move it a screen or more down one frame later, after
 * Playwright's own check that it stands still and before its click lands (a radio "did not change its
 * state" that way, about one run in thirty on a loaded machine).
 */
export async function inPlace(locator: Locator): Promise<void> {
  await locator.scrollIntoViewIfNeeded();
  await locator.evaluate(
    (element) =>
      new Promise<void>((resolve) => {
        let last = '';
        let still = 0;
        const look = () => {
          const box = element.getBoundingClientRect();
          const where = `${Math.round(box.top)},${Math.round(box.left)}`;
          still = where === last ? still + 1 : 0;
          last = where;
          if (still >= 4) resolve();
          else requestAnimationFrame(look);
        };
        requestAnimationFrame(look);
      }),
  );
}

/** Picks a radio button or a checkbox once it stands still in view (see {@link inPlace}). */
export async function choose(locator: Locator): Promise<void> {
  await inPlace(locator);
  await locator.check();
}

/** axe's own words on one failing node (for contrast, the two colours and the ratio it measured). */
const detail = (message: string | undefined) => (message ? ` [${message}]` : '');

type AxeViolations = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'];

/**
 * Where everything on the page is, in page coordinates, as one string: axe measures the boxes once per
 * run and then decides what lies under a text from them, so a page that moves while it runs can make
 * one element appear to lie on another.
 */
async function layoutSignature(page: Page): Promise<string> {
  return page.evaluate(() => {
    let sum = 0;
    let count = 0;
    for (const element of document.body.querySelectorAll('*')) {
      const box = element.getBoundingClientRect();
      sum =
        (sum * 31 +
          Math.round(box.top + window.scrollY) * 7 +
          Math.round(box.left) +
          Math.round(box.height)) %
        1_000_000_007;
      count += 1;
    }
    return `${count}:${sum}:${window.scrollY}`;
  });
}

/** Waits until nothing on the page has moved for half a second (at most `forMs`). */
async function layoutStill(page: Page, forMs = 10_000): Promise<string> {
  let last = await layoutSignature(page);
  let stillSince = Date.now();
  const until = Date.now() + forMs;
  while (Date.now() < until && Date.now() - stillSince < 500) {
    await page.waitForTimeout(100);
    const now = await layoutSignature(page);
    if (now !== last) stillSince = Date.now();
    last = now;
  }
  return last;
}

/** One axe run on a page that stood still before it and was still the same after it (three tries). */
async function axeViolations(page: Page): Promise<AxeViolations> {
  let violations: AxeViolations = [];
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const before = await layoutStill(page);
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
      .analyze();
    violations = results.violations;
    if (violations.length === 0 || (await layoutSignature(page)) === before) return violations;
    console.warn('axe: the page moved while axe ran; running it again');
  }
  return violations;
}

/** For a contrast finding: what the browser itself draws at the middle of the text, to tell a real fault from a misreading. */
async function topmostAt(page: Page, selector: string): Promise<string> {
  return page.evaluate((target) => {
    const element = document.querySelector(target);
    if (!element) return '';
    element.scrollIntoView({ block: 'center' });
    const box = element.getBoundingClientRect();
    const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    if (!top) return '';
    const style = getComputedStyle(top);
    const name = `${top.tagName.toLowerCase()}${top.className && typeof top.className === 'string' ? `.${top.className.split(' ').join('.')}` : ''}`;
    return ` (the browser draws ${top === element || element.contains(top) ? 'the text itself' : name} there, background ${style.backgroundColor})`;
  }, selector);
}

/**
 * Runs axe-core against WCAG 2.x A/AA rules and best practices; returns readable violations. A page found
 * at fault is checked again a second later, and only what both checks find is reported, with axe's own
 * message: a colour caught mid-change (once on a loaded CI machine, never reproduced) is not a defect of
 * the page, while a real one is there both times.
 */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const keys = (violations: AxeViolations) =>
    new Set(
      violations.flatMap((violation) =>
        violation.nodes.map((node) => `${violation.id} ${node.target.join(' ')}`),
      ),
    );
  const first = await axeViolations(page);
  if (first.length === 0) return [];
  await page.waitForTimeout(1000);
  const again = await axeViolations(page);
  const seen = keys(first);
  const still = keys(again);
  const passing = [...seen].filter((key) => !still.has(key));
  // Left in the log, so that a transient finding that keeps coming back can be looked into.
  if (passing.length > 0) console.warn(`axe: found once, gone a second later: ${passing.join('; ')}`);
  const found = again
    .map((violation) => ({
      ...violation,
      nodes: violation.nodes.filter((node) => seen.has(`${violation.id} ${node.target.join(' ')}`)),
    }))
    .filter((violation) => violation.nodes.length > 0);
  const report: string[] = [];
  for (const violation of found) {
    const nodes: string[] = [];
    for (const node of violation.nodes.slice(0, 3)) {
      const selector = node.target.join(' ');
      const drawn = violation.id === 'color-contrast' ? await topmostAt(page, selector) : '';
      nodes.push(`${selector}${detail(node.any[0]?.message)}${drawn}`);
    }
    report.push(`${violation.id} (${violation.impact}): ${violation.help} — ${nodes.join(', ')}`);
  }
  return report;
}

/**
 * Every address in the app: the lessons read from the course map (so that a new lesson is covered without
 * editing tests), and the pages that are not lessons.
 */
export async function allRoutes(page: Page): Promise<string[]> {
  await page.goto('/');
  const hrefs = await page
    .locator('.course-map a')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  const pages = ['/#/glossary', '/#/progress', '/#/review', '/#/quiz/final'];
  return ['/', ...new Set(hrefs.map((href) => `/${href}`)), ...pages, '/#/no-such-page'];
}
