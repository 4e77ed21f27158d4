// Printing: the teacher's answer key built from the quiz data, and print media hiding controls.
import type { Page } from '@playwright/test';
import { questions } from '../../lessons/01-what-is-a-recurrent-network/quiz';
import { choose, expect, lessonSettled, test } from './fixtures';

const LESSON_ONE = '01-what-is-a-recurrent-network';
const plain = (text: string) => !/[$*`]/.test(text);

test('the answer key shows every question of a lesson with its right answer', async ({ page }) => {
  await page.goto(`/#/lessons/${LESSON_ONE}`);
  await page.getByRole('link', { name: /Answer key for this lesson/ }).click();
  await expect(page).toHaveURL(new RegExp(`#/answers/${LESSON_ONE}$`));
  await expect(page.locator('.answer-key-item')).toHaveCount(questions.length);
  for (const question of questions) {
    const item = page.locator(`li#answer-${question.id}`);
    await expect(item.locator('.answer-key-answer')).toContainText('Answer:');
    if (question.kind === 'single') {
      const right = question.choices.find((choice) => choice.id === question.answer)!;
      if (plain(right.text)) await expect(item.locator('.answer-key-answer')).toContainText(right.text);
      for (const wrong of question.choices.filter((c) => c.id !== question.answer && plain(c.text))) {
        await expect(item.locator('.answer-key-answer')).not.toContainText(wrong.text);
      }
    }
    if (question.kind === 'numeric') {
      await expect(item.locator('.answer-key-answer')).toContainText(String(question.answer));
    }
  }
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
  await expect(page.locator('.answer-key-item').first()).toBeVisible();
});

test('the final quiz has an answer key, linked from the progress page', async ({ page }) => {
  await page.goto('/#/progress');
  await page.getByRole('link', { name: 'Answer key (for teachers)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Answer key: final quiz' })).toBeVisible();
  await expect(page.locator('.answer-key-item').first()).toBeVisible();
});

test('an answer key for a lesson that does not exist says so', async ({ page }) => {
  await page.goto('/#/answers/no-such-lesson');
  await expect(page.getByRole('alert')).toContainText('There is no lesson “no-such-lesson”');
  await page.getByRole('alert').getByRole('link', { name: 'the course map' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('a printed lesson hides its controls and keeps room to answer', async ({ page }) => {
  await page.goto(`/#/lessons/${LESSON_ONE}`);
  const check = page.getByRole('button', { name: 'Check' }).first();
  await expect(check).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(check).toBeHidden();
  await expect(page.locator('.site-header')).toBeHidden();
  const room = await page
    .locator(`li#question-${questions[0]!.id}`)
    .evaluate((item) => Number.parseFloat(getComputedStyle(item, '::after').height));
  expect(room).toBeGreaterThan(30);
});

/**
 * What a printed PDF holds that a test can read without a PDF library: its page count, and the titles
 * of its outline (Chromium writes one bookmark per heading, as plain or UTF-16 strings outside the
 * compressed page contents).
 */
async function printed(page: Page): Promise<{ pages: number; headings: string[] }> {
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  const pdf = (
    await page.pdf({ format: 'A4', outline: true, tagged: true, printBackground: false })
  ).toString('latin1');
  const pages = (pdf.match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
  const headings: string[] = [];
  for (const match of pdf.matchAll(/\/Title\s*(?:<([0-9A-Fa-f]+)>|\(((?:\\.|[^\\)])*)\))/g)) {
    const [, hex, literal] = match;
    if (hex) {
      const bytes = Buffer.from(hex, 'hex');
      const body = bytes[0] === 0xfe && bytes[1] === 0xff ? bytes.subarray(2) : bytes;
      headings.push(body.swap16().toString('utf16le'));
    } else if (literal !== undefined) {
      headings.push(literal.replace(/\\(.)/g, '$1'));
    }
  }
  return { pages, headings };
}

test('a printed lesson keeps its figures, by title, on a sensible number of pages', async ({ page }) => {
  await page.goto(`/#/lessons/${LESSON_ONE}`);
  await lessonSettled(page);
  // A reader who prints has had the page open a moment: the figures' code, asked for once the page is
  // idle, has arrived.
  await page.waitForLoadState('networkidle');
  // Figures are drawn as the reader nears them; none has been reached yet, and printing draws them all.
  await expect(page.locator('.figure-slot-waiting').first()).toBeAttached();
  const { pages, headings } = await printed(page);
  await expect(page.locator('.figure-slot-waiting')).toHaveCount(0);
  const titles = await page.locator('.figure-title').allTextContents();
  expect(titles.length).toBeGreaterThan(0);
  expect(pages).toBeGreaterThanOrEqual(4);
  expect(pages).toBeLessThanOrEqual(30);
  for (const title of titles) expect(headings).toContain(title);
  // Drawings print as drawings: every figure has its SVG or canvas in the printed page.
  const empty = await page
    .locator('.figure')
    .evaluateAll((figures) =>
      figures
        .filter((figure) => !figure.querySelector('.figure-graphic svg, .figure-graphic canvas, .line-empty'))
        .map((figure) => figure.querySelector('.figure-title')?.textContent ?? '?'),
    );
  expect(empty).toEqual([]);
});

test('the printed progress has a line for a name and every question with its result', async ({ page }) => {
  await page.goto(`/#/lessons/${LESSON_ONE}`);
  await lessonSettled(page);
  const single = questions.flatMap((question, index) =>
    question.kind === 'single' ? [{ question, index }] : [],
  );
  const [first, second] = [single[0]!, single[1]!];
  for (const [{ question }, right] of [
    [first, true],
    [second, false],
  ] as const) {
    if (question.kind !== 'single') continue;
    const item = page.locator(`li#question-${question.id}`);
    const index = question.choices.findIndex((choice) => (choice.id === question.answer) === right);
    await choose(item.getByRole('radio').nth(index));
    await item.getByRole('button', { name: 'Check' }).click();
  }
  await page.goto('/#/progress');
  const results = page.getByRole('region', { name: 'What a recurrent network is', exact: true });
  const items = results.getByRole('listitem');
  await expect(items).toHaveCount(questions.length);
  await expect(items.nth(first.index)).toContainText('Right');
  await expect(items.nth(second.index)).toContainText('Wrong');
  const untouched = questions.findIndex((_, index) => index !== first.index && index !== second.index);
  await expect(items.nth(untouched)).toContainText('Not yet answered');
  const name = page.locator('.progress-name-line');
  await expect(name).toBeHidden();
  const { pages, headings } = await printed(page);
  await expect(name).toBeVisible();
  await expect(name).toHaveText('Name:');
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
  expect(pages).toBeGreaterThanOrEqual(1);
  expect(pages).toBeLessThanOrEqual(12);
  expect(headings).toContain('Question by question');
});

test('a printed answer key fits its questions on a few pages', async ({ page }) => {
  await page.goto(`/#/answers/${LESSON_ONE}`);
  await expect(page.locator('.answer-key-item')).toHaveCount(questions.length);
  const { pages } = await printed(page);
  expect(pages).toBeGreaterThanOrEqual(1);
  expect(pages).toBeLessThanOrEqual(questions.length);
});
