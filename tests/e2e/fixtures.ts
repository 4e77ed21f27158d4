import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
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

/** axe's own words on one failing node (for contrast, the two colours and the ratio it measured). */
const detail = (message: string | undefined) => (message ? ` [${message}]` : '');

type AxeViolations = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'];

async function axeViolations(page: Page): Promise<AxeViolations> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  return results.violations;
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
  return again
    .map((violation) => ({
      ...violation,
      nodes: violation.nodes.filter((node) => seen.has(`${violation.id} ${node.target.join(' ')}`)),
    }))
    .filter((violation) => violation.nodes.length > 0)
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
          .slice(0, 3)
          .map((node) => `${node.target.join(' ')}${detail(node.any[0]?.message)}`)
          .join(', ')}`,
    );
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
