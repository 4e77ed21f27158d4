import type { Page } from '@playwright/test';
import type { SingleChoiceQuestion } from '../../app/lessonTypes';
import { questions } from '../../lessons/01-what-is-a-recurrent-network/quiz';
import { choose, expect, test } from './fixtures';

const LESSON_ONE = '01-what-is-a-recurrent-network';
const singles = questions.filter((question): question is SingleChoiceQuestion => question.kind === 'single');

/** Answers a single-choice question rightly, the way a student would. */
async function answerRight(page: Page, question: SingleChoiceQuestion) {
  const item = page.locator(`li#question-${question.id}`);
  await choose(
    item.getByRole('radio').nth(question.choices.findIndex((choice) => choice.id === question.answer)),
  );
  await item.getByRole('button', { name: 'Check' }).click();
  await expect(item.locator('.feedback-verdict')).toContainText('Right');
}

const savedQuestionIds = (page: Page) =>
  page.evaluate((slug) => {
    const saved = JSON.parse(localStorage.getItem('unroll.progress') ?? 'null');
    return Object.keys(saved?.data?.lessons?.[slug]?.questions ?? {}).sort();
  }, LESSON_ONE);

test('two tabs keep each other’s answers, and each follows the other live', async ({ page, context }) => {
  const [first, second] = singles;
  if (!first || !second) throw new Error('lesson 1 needs two single-choice questions for this test');
  const other = await context.newPage();
  const otherProblems: string[] = [];
  other.on('console', (message) => {
    if (message.type() === 'error') otherProblems.push(message.text());
  });
  other.on('pageerror', (error) => otherProblems.push(error.message));

  await page.goto(`/#/lessons/${LESSON_ONE}/check-yourself`);
  await other.goto('/#/progress');
  const row = other.getByRole('row', { name: /What a recurrent network is/ });
  // (Already "Reading": the first tab's visit reached it, at load or live.)
  await expect(row).toContainText(/(?<!\d)0 of \d+ answered/);

  await answerRight(page, first);
  // The progress page in the other tab changes without a reload.
  await expect(row).toContainText(/(?<!\d)1 of \d+ answered/);
  await expect(row).toContainText('Quiz begun');

  await other.goto(`/#/lessons/${LESSON_ONE}/check-yourself`);
  await answerRight(other, second);
  // The first tab, still open on the quiz, shows the answer given in the other tab.
  await expect(page.locator(`li#question-${second.id}`).getByText('1 attempt · best 100%')).toBeVisible();
  expect(await savedQuestionIds(page)).toEqual([first.id, second.id].sort());
  // And answering again there counts the other tab's attempt too.
  await answerRight(page, second);
  await expect(other.locator(`li#question-${second.id}`).getByText('2 attempts · best 100%')).toBeVisible();
  expect(await savedQuestionIds(other)).toEqual([first.id, second.id].sort());
  expect(otherProblems, 'the second tab reported errors').toEqual([]);
});
