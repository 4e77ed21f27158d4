import type { Page } from '@playwright/test';
import type { SingleChoiceQuestion } from '../../app/lessonTypes';
import { questions } from '../../lessons/06-language-models/quiz';
import { choose, expect, reachFigure, test } from './fixtures';

const LESSON = '06-language-models';
const uniform = questions.find((question) => question.id === 'lm-uniform-baseline') as SingleChoiceQuestion;
const card = (page: Page) => page.locator(`li#question-${uniform.id}`);

test('every old address of the summary lands on its new one, replacing the old entry in history', async ({
  page,
}) => {
  await page.goto('/#/glossary');
  await page.goto('/#/lessons/06-summary/check-yourself');
  await expect(page).toHaveURL(/#\/lessons\/07-summary\/check-yourself$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Summary and final quiz' })).toBeVisible();
  await expect(page.getByText('There is no page at this address')).toHaveCount(0);
  // Back goes to the page before, not to the old address (which would only redirect again).
  await page.goBack();
  await expect(page).toHaveURL(/#\/glossary$/);

  await page.goto('/#/present/06-summary/2?controls=0');
  await expect(page).toHaveURL(/\?controls=0#\/present\/07-summary\/2$/);
  await expect(page.getByText('There is no page at this address')).toHaveCount(0);
  await page.goto('/#/speaker/06-summary/3');
  await expect(page).toHaveURL(/#\/speaker\/07-summary\/3$/);
});

test('the language-models lesson keeps an answer across a reload, and its widgets work', async ({ page }) => {
  await page.goto(`/#/lessons/${LESSON}/check-yourself`);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Recurrent networks that read and write' }),
  ).toBeVisible();
  const item = card(page);
  await item.scrollIntoViewIfNeeded();
  const right = uniform.choices.findIndex((choice) => choice.id === uniform.answer);
  await choose(item.getByRole('radio').nth(right));
  await item.getByRole('button', { name: 'Check' }).click();
  await expect(item.locator('.feedback-verdict')).toContainText('Right');

  await page.reload();
  await expect(card(page).locator('.feedback-verdict')).toContainText('Right');
  await expect(card(page).getByRole('radio').nth(right)).toBeChecked();

  // The temperature widget: at 0.1 the bigram model of the course prose loops. (The lab's samples
  // below have a temperature slider of their own, which mounts when it comes near view.)
  const widget = page.locator('.temperature-sampler');
  const slider = widget.getByRole('slider', { name: /Temperature/ });
  await reachFigure(page, slider);
  await slider.fill('0.1');
  await expect(widget.locator('.temperature-sample-text')).toContainText('the the the');
});
