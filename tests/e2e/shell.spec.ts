import { expect, test } from './fixtures';

test('the home page shows the course map with no console error', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'The course' })).toBeVisible();
  await expect(page.locator('.course-map li').first()).toContainText('What a recurrent network is');
});

test('a student reaches lesson 1 with the keyboard alone', async ({ page }) => {
  await page.goto('/');
  // Tab only once the page is drawn, and count only a focused link: before that the focus can sit on the
  // body, whose text holds every title.
  await expect(page.locator('.course-map li').first()).toBeVisible();
  let reached = false;
  for (let presses = 0; presses < 30 && !reached; presses++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => {
      const active = document.activeElement;
      return active?.tagName === 'A' && (active.textContent ?? '').includes('What a recurrent network is');
    });
  }
  expect(reached, 'Tab reaches the link to lesson 1').toBe(true);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/lessons\/01-what-is-a-recurrent-network$/);
  await expect(page.getByRole('heading', { level: 1, name: 'What a recurrent network is' })).toBeVisible();
});

test('lesson 1 renders its formulas with KaTeX, as HTML and as MathML', async ({ page }) => {
  await page.goto('/#/lessons/01-what-is-a-recurrent-network');
  await expect(page.locator('.prose .katex').first()).toBeVisible();
  // The lesson text mounts a few blocks per idle slice (ProgressiveMdx): wait until it is all in.
  await expect(page.locator('.prose[aria-busy="true"], .prose [aria-busy="true"]')).toHaveCount(0);
  await expect.poll(() => page.locator('.prose .katex-html').count()).toBeGreaterThan(5);
  await expect.poll(() => page.locator('.prose .katex-mathml math').count()).toBeGreaterThan(5);
  await expect.poll(() => page.locator('.prose .katex-display').count()).toBeGreaterThan(0);
  await expect(page.locator('.prose .katex-error')).toHaveCount(0);
  // The recurrence itself is there, readable by assistive technology through MathML.
  await expect
    .poll(async () =>
      (await page.locator('.prose annotation').allTextContents()).some(
        (tex) => tex.includes('\\tanh') && tex.includes('h_{t-1}'),
      ),
    )
    .toBe(true);
});

test('a deep link to a lesson survives a reload', async ({ page }) => {
  await page.goto('/#/lessons/01-what-is-a-recurrent-network');
  await expect(page.getByRole('heading', { level: 1, name: 'What a recurrent network is' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'What a recurrent network is' })).toBeVisible();
  await expect(page).toHaveTitle(/What a recurrent network is/);
});

test('an unknown address says so and links back to the course', async ({ page }) => {
  await page.goto('/#/lessons/no-such-lesson');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('There is no page at this address');
  await page.getByRole('link', { name: 'Go to the course map' }).click();
  await expect(page.getByRole('heading', { name: 'The course' })).toBeVisible();
});

test('the chosen theme is remembered across a reload', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Dark' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('button', { name: 'Dark' })).toHaveAttribute('aria-pressed', 'true');
});

test('corrupt saved settings fall back to the default theme with a note that does not speak of progress', async ({
  page,
}) => {
  // Damaged before the app's first start (once, so the app's own saving cannot race it).
  await page.addInitScript(() => {
    if (sessionStorage.getItem('test.damaged') !== null) return;
    sessionStorage.setItem('test.damaged', 'yes');
    localStorage.setItem('unroll.settings', '{not json');
  });
  await page.goto('/');
  await expect(page.getByRole('status')).toContainText('saved theme choice could not be read');
  await expect(page.getByRole('status')).not.toContainText('progress');
  await expect(page.getByRole('heading', { name: 'The course' })).toBeVisible();
});
