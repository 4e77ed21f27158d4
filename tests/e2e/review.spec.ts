import type { Page } from '@playwright/test';
import type { SingleChoiceQuestion } from '../../app/lessonTypes';
import { questions } from '../../lessons/01-what-is-a-recurrent-network/quiz';
import { accessibilityViolations, choose, expect, test } from './fixtures';

const LESSON = '01-what-is-a-recurrent-network';
const HOUR = 60 * 60 * 1000;
const start = new Date('2026-03-02T10:00:00Z');
const at = (hours: number) => new Date(start.getTime() + hours * HOUR);

const windowQuestion = questions.find(
  (question): question is SingleChoiceQuestion => question.id === 'l1-window' && question.kind === 'single',
);
const rightChoice = windowQuestion?.choices.find((choice) => choice.id === windowQuestion.answer)?.text ?? '';
// Every question of lesson 1 can be reviewed (it has no predict-then-run question).
const reviewable = questions.filter((question) => question.kind !== 'predict').length;

/** The first course card's mastery line, in words. */
const lessonOneMastery = (page: Page) => page.locator('.course-card').first().locator('.course-card-mastery');

/** Opens the Review page at `time` (a reload, so the page reads the clock afresh) and answers right. */
async function reviewRightAt(page: Page, time: Date) {
  await page.clock.setFixedTime(time);
  await page.goto('/#/review');
  await page.reload();
  await expect(page.getByText('1 question due now.')).toBeVisible();
  await choose(page.getByRole('radio', { name: rightChoice }));
  await page.getByRole('button', { name: 'Check' }).click();
  await expect(page.locator('.feedback-verdict')).toContainText(/right/i);
  await page.getByRole('button', { name: 'Finish the review' }).click();
  await expect(page.getByRole('heading', { name: 'Review done' })).toBeFocused();
}

test('a question answered in a lesson comes back in review when due, and its lesson’s mastery climbs', async ({
  page,
}) => {
  expect(windowQuestion, 'lesson 1 still has its window question').toBeDefined();
  await page.clock.setFixedTime(start);
  await page.goto(`/#/lessons/${LESSON}/question-l1-window`);
  const item = page.locator('li#question-l1-window');
  await choose(item.getByRole('radio', { name: rightChoice }));
  await item.getByRole('button', { name: 'Check' }).click();
  await expect(item.locator('.feedback-verdict')).toBeVisible();

  // The same day, nothing is due yet; the page says when it will be, and passes axe.
  await page.goto('/#/review');
  await expect(page.getByText(/^Nothing due — next review /)).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);
  await page.goto('/');
  await expect(lessonOneMastery(page)).toHaveText(`Mastery: Learning · 0 of ${reviewable} mastered`);

  // A day later it is due: box 1 to box 2. The question links back to its place in the lesson.
  await page.clock.setFixedTime(at(25));
  await page.goto('/');
  await page.reload();
  await expect(page.getByRole('link', { name: '1 question from earlier is due for review' })).toBeVisible();
  await page.goto('/#/review');
  await expect(page.getByText('1 question due now.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Open this question in its lesson' })).toHaveAttribute(
    'href',
    `#/lessons/${LESSON}/question-l1-window`,
  );
  expect(await accessibilityViolations(page)).toEqual([]);
  await reviewRightAt(page, at(25));

  // Three days after that it is due again: box 2 to box 3, mastered.
  await page.clock.setFixedTime(at(26));
  await page.reload();
  await expect(page.getByText(/^Nothing due — next review /)).toBeVisible();
  await reviewRightAt(page, at(25 + 72 + 1));

  await page.goto('/');
  await expect(lessonOneMastery(page)).toHaveText(`Mastery: Learning · 1 of ${reviewable} mastered`);
  await page.reload();
  await expect(lessonOneMastery(page)).toHaveText(`Mastery: Learning · 1 of ${reviewable} mastered`);
  expect(await accessibilityViolations(page)).toEqual([]);
  await page.goto('/#/progress');
  await expect(page.getByRole('row', { name: /^1\. / })).toContainText(`Learning (1 of ${reviewable})`);
});

test('the Review page reads at 375 px and is used with the keyboard alone', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await page.clock.setFixedTime(start);
  await page.goto(`/#/lessons/${LESSON}/question-l1-window`);
  const item = page.locator('li#question-l1-window');
  await choose(item.getByRole('radio', { name: rightChoice }));
  await item.getByRole('button', { name: 'Check' }).click();
  await page.clock.setFixedTime(at(30));
  await page.goto('/#/review');
  await page.reload();
  await expect(page.getByText('1 question due now.')).toBeVisible();
  // Nothing wider than the screen.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  // Space picks the first choice, the arrows move to the right one; Enter presses Check.
  const radios = page.getByRole('radio');
  const rightIndex = windowQuestion?.choices.findIndex((choice) => choice.id === windowQuestion.answer) ?? 0;
  await radios.first().focus();
  await page.keyboard.press('Space');
  for (let step = 0; step < rightIndex; step++) await page.keyboard.press('ArrowDown');
  await expect(radios.nth(rightIndex)).toBeChecked();
  await page.getByRole('button', { name: 'Check' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Finish the review' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Review done' })).toBeFocused();
});
