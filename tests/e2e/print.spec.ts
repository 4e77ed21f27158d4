// Printing: the teacher's answer key built from the quiz data, and print media hiding controls.
import { questions } from '../../lessons/01-what-is-a-recurrent-network/quiz';
import { expect, test } from './fixtures';

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
