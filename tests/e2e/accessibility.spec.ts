import { readdirSync } from 'node:fs';
import { accessibilityViolations, allRoutes, expect, mountWholePage, test } from './fixtures';

// One test per route and theme, so each stays short and a failure names its page. The lesson list
// is read from the lessons folder, as the app discovers it; a test below checks the course map agrees.
const lessonRoutes = readdirSync('lessons', { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => `/#/lessons/${entry.name}`);
const routes = [
  '/',
  ...lessonRoutes,
  '/#/playground',
  '/#/lab',
  '/#/answers/final',
  '/#/answers/01-what-is-a-recurrent-network',
  '/#/glossary',
  '/#/progress',
  '/#/review',
  '/#/quiz/final',
  '/#/claims',
  '/#/no-such-page',
];

test('every page of the course map is covered by the accessibility checks', async ({ page }) => {
  const linked = await allRoutes(page);
  for (const route of linked) expect(routes, `${route} is not checked by axe`).toContain(route);
});

for (const colorScheme of ['light', 'dark'] as const) {
  for (const route of routes) {
    test(`axe finds no violation on ${route} in the ${colorScheme} theme`, async ({ page }) => {
      // A whole lesson with every figure mounted is a large page for axe on a loaded machine.
      test.setTimeout(150_000);
      await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
      await page.goto(route);
      await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
      await page.waitForLoadState('networkidle');
      // Every block and live figure in, and nothing still arriving to move the text under axe.
      await mountWholePage(page);
      expect(await accessibilityViolations(page), `violations on ${route}`).toEqual([]);
    });
  }
}

test('the check itself reports a real fault: a grey-on-grey line planted on a lesson', async ({ page }) => {
  // axe runs twice on a fault, each a matter of seconds on a loaded machine.
  test.setTimeout(150_000);
  await page.goto('/#/lessons/01-what-is-a-recurrent-network');
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  await expect(page.locator('.prose[aria-busy]')).toHaveCount(0, { timeout: 30_000 });
  await page.evaluate(() => {
    const line = document.createElement('p');
    line.id = 'planted-fault';
    line.textContent = 'Hard to read on purpose.';
    line.style.cssText = 'color: #777; background: #888;';
    document.querySelector('main')?.prepend(line);
  });
  const found = await accessibilityViolations(page);
  expect(found.some((line) => line.startsWith('color-contrast') && line.includes('#planted-fault'))).toBe(
    true,
  );
});

// Lighthouse runs axe on a lesson just opened: the blocks below the first screen have never been drawn,
// so each is as tall as a guess while axe lays out what is inside it at its real size.
for (const lesson of ['04-gru', '02-backpropagation-through-time']) {
  test(`axe finds no violation on lesson ${lesson} opened on a phone and not scrolled, as Lighthouse sees it`, async ({
    page,
  }) => {
    test.setTimeout(150_000);
    await page.setViewportSize({ width: 412, height: 823 });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(`/#/lessons/${lesson}`);
    await expect(page.locator('.prose[aria-busy]')).toHaveCount(0, { timeout: 30_000 });
    expect(await accessibilityViolations(page)).toEqual([]);
  });
}
