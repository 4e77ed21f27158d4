import { readdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import type { PredictQuestion, Question } from '../../app/lessonTypes';
import { questions as lessonOneQuestions } from '../../lessons/01-what-is-a-recurrent-network/quiz';
import { accessibilityViolations, choose, expect, lessonSettled, test } from './fixtures';

const LESSON_ONE = '01-what-is-a-recurrent-network';

/** axe-core on the quiz section alone (accessibility.spec.ts checks whole pages, figures included). */
async function quizViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .include('section.quiz')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  return results.violations.map((violation) => `${violation.id}: ${violation.help}`);
}

/** The question's card on the page: each is an item with the id `question-<id>`. */
const card = (page: Page, question: Question) => page.locator(`li#question-${question.id}`);
const verdict = (item: Locator) => item.locator('.feedback-verdict');

/** Sorts an ordering question's items with the Move up buttons, as a keyboard user would. */
async function sortItems(item: Locator, correct: readonly string[]) {
  for (let target = 0; target < correct.length; target++) {
    const order = await item
      .locator('li.ordering-item')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-item-id') ?? ''));
    for (let position = order.indexOf(correct[target]!); position > target; position--) {
      await item
        .locator('li.ordering-item')
        .nth(position)
        .getByRole('button', { name: 'Move up' })
        .press('Enter');
    }
  }
}

/** Gives a right or a wrong answer to a question the way a student would, then presses Check. */
async function answer(item: Locator, question: Question, right: boolean) {
  switch (question.kind) {
    case 'single': {
      const index = question.choices.findIndex((choice) => (choice.id === question.answer) === right);
      await choose(item.getByRole('radio').nth(index));
      break;
    }
    case 'multiple': {
      const picks = right
        ? question.answers
        : [question.choices.find((choice) => !question.answers.includes(choice.id))!.id];
      // Try again keeps the last answer, so every box is set, not only the ones to tick.
      for (const [index, choice] of question.choices.entries()) {
        await item.getByRole('checkbox').nth(index).setChecked(picks.includes(choice.id));
      }
      break;
    }
    case 'numeric': {
      const value = right ? question.answer : question.answer + 10 * question.tolerance + 1;
      await item.getByRole('textbox', { name: 'Your answer' }).fill(String(value));
      break;
    }
    case 'ordering':
      // The shuffled starting order is never the right one.
      if (right)
        await sortItems(
          item,
          question.items.map((entry) => entry.id),
        );
      break;
    case 'predict':
      throw new Error('predict questions are answered by running their experiment');
  }
  await item.getByRole('button', { name: 'Check' }).click();
}

test('a student answers lesson 1’s quiz, some wrong then right, and finds the progress kept after a reload', async ({
  page,
}) => {
  // Two dozen checks, a reload and two axe scans: on a loaded shared machine this outgrows 60 s.
  test.setTimeout(150_000);
  const questions = lessonOneQuestions.filter((question) => question.kind !== 'predict');
  expect(questions.length).toBeGreaterThanOrEqual(6);
  await page.goto(`/#/lessons/${LESSON_ONE}`);
  await lessonSettled(page);
  const quiz = page.getByRole('region', { name: 'Check yourself' });
  await expect(quiz.getByRole('heading', { level: 2, name: 'Check yourself' })).toHaveAttribute(
    'id',
    'check-yourself',
  );

  const first = card(page, questions[0]!);
  await first.getByRole('button', { name: 'Hint' }).click();
  await expect(first.locator('.question-hint')).toBeVisible();

  for (const [index, question] of questions.entries()) {
    const item = card(page, question);
    await item.scrollIntoViewIfNeeded();
    if (index % 2 === 0) {
      await answer(item, question, false);
      await expect(verdict(item)).toContainText(/Not quite|Partly right/);
      if (question.kind === 'numeric') {
        // A wrong number gets the hint first; the worked solution waits for the button.
        await expect(item.locator('.feedback-hint')).toBeVisible();
        await expect(item.locator('.feedback-explanation')).toHaveCount(0);
        await item.getByRole('button', { name: 'Show the worked solution' }).click();
      }
      await expect(item.locator('.feedback-explanation')).toBeVisible();
      await item.getByRole('button', { name: 'Try again' }).click();
    }
    await answer(item, question, true);
    await expect(verdict(item)).toContainText('Right');
  }
  const total = lessonOneQuestions.length;
  const answered = questions.length;
  await expect(quiz.locator('.quiz-score')).toContainText(`${answered} of ${total} answered · 100%`);
  expect(await quizViolations(page), 'violations with feedback shown').toEqual([]);

  await page.reload();
  await expect(verdict(card(page, questions[0]!))).toContainText('Right');
  await expect(card(page, questions[0]!).getByText('2 attempts · best 100%')).toBeVisible();
  await expect(page.locator('.quiz-score')).toContainText(`${answered} of ${total} answered · 100%`);

  await page.getByRole('link', { name: 'Course', exact: true }).click();
  const lessonCard = page.locator('.course-map li').first();
  await expect(lessonCard).toContainText(`${answered} of ${total} answered · 100%`);
  await expect(page.getByRole('link', { name: /^Continue where you left off/ })).toBeVisible();

  await page.getByRole('link', { name: 'Progress', exact: true }).click();
  const row = page.getByRole('row', { name: /What a recurrent network is/ });
  await expect(row).toContainText(`${answered} of ${total} answered`);
  await expect(row).toContainText('100%');
});

/** Every predict question of every lesson, the quickest experiment first. */
async function predictQuestions(): Promise<{ slug: string; question: PredictQuestion }[]> {
  const found: { slug: string; question: PredictQuestion }[] = [];
  for (const slug of readdirSync('lessons').sort()) {
    let questions: readonly Question[] = [];
    try {
      ({ questions } = (await import(`../../lessons/${slug}/quiz.ts`)) as { questions: readonly Question[] });
    } catch {
      continue; // A lesson without a quiz yet.
    }
    for (const question of questions) if (question.kind === 'predict') found.push({ slug, question });
  }
  // Sampling experiments train nothing (tests/e2e/lesson7.spec.ts runs one); this test is about the worker.
  const cost = ({ question }: { question: PredictQuestion }) =>
    question.experiment.kind === 'sampling'
      ? Number.POSITIVE_INFINITY
      : question.experiment.steps * question.experiment.runs.length;
  return found.sort((a, b) => cost(a) - cost(b));
}

test('a predict-then-run question trains its runs in the real worker and shows the measured outcome', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const [entry] = await predictQuestions();
  expect(entry, 'some lesson has a predict question').toBeDefined();
  const { slug, question } = entry!;
  const { experiment } = question;
  if (experiment.kind === 'sampling') throw new Error('every predict question samples: none trains');
  await page.goto(`/#/lessons/${slug}/check-yourself`);
  const item = card(page, question);
  await item.scrollIntoViewIfNeeded();
  await choose(item.getByRole('radio').first());
  await item.getByRole('button', { name: 'Lock in my prediction' }).click();
  await expect(item.getByRole('radio').first()).toBeDisabled();
  // The cheapest question may train a single step, so its progress list can give way to the results
  // before a check lands: record every progress line the card shows, and check them after the run.
  await item.evaluate((element) => {
    const seen: string[] = [];
    (window as unknown as { experimentSteps: string[] }).experimentSteps = seen;
    const record = () => {
      if (!element.querySelector('ul[aria-label="Progress of the experiment"]')) return;
      for (const line of element.querySelectorAll('.experiment-steps')) seen.push(line.textContent ?? '');
    };
    new MutationObserver(record).observe(element, { subtree: true, childList: true, characterData: true });
  });
  await item.getByRole('button', { name: 'Run the experiment' }).click();

  const results = item.getByRole('table');
  await expect(results).toBeVisible({ timeout: 220_000 });
  const progress = await page.evaluate(
    () => (window as unknown as { experimentSteps: string[] }).experimentSteps,
  );
  expect(progress.length, 'the card showed the progress of the experiment').toBeGreaterThan(0);
  const total = experiment.steps.toLocaleString('en');
  for (const line of progress) expect(line).toMatch(new RegExp(`^(waiting|[\\d,]+ / ${total} steps)$`));
  const rows = results.locator('tbody tr');
  await expect(rows).toHaveCount(question.experiment.runs.length);
  for (const run of question.experiment.runs) {
    await expect(
      results.getByRole('row', { name: new RegExp(run.label.replace(/[()]/g, '.')) }),
    ).toContainText(/\d/);
  }
  await expect(verdict(item).first()).toContainText(/^.\s*(Your prediction matches|Not quite)/);
  // The explanation waits until the reason is picked: it would give the reason away.
  await expect(item.locator('.feedback-explanation')).toHaveCount(0);
  await expect(item.getByRole('button', { name: 'Try again' })).toBeVisible();
  // Predict, observe, explain: the reason for the outcome is picked and scored next.
  const reasons = item.getByRole('group', { name: /Explain what you observed/ });
  await choose(reasons.getByRole('radio').first());
  await item.getByRole('button', { name: 'Check my reason' }).click();
  await expect(verdict(item).first()).toContainText(/^.\s*(Right|Partly right|Not quite)/);
  await expect(reasons.getByRole('radio').first()).toBeDisabled();
  await expect(item.locator('.feedback-explanation')).toBeVisible();
  // The measured outcome is part of the saved progress.
  const saved = await page.evaluate(() => localStorage.getItem('unroll.progress') ?? '');
  expect(saved).toContain(`"${question.id}"`);
  expect(saved).toContain('"outcome"');
});

test('the progress page prints a clean summary, exports JSON and resets only after asking', async ({
  page,
}) => {
  await page.goto('/');
  await page.evaluate((slug) => {
    const question = {
      attempts: 2,
      bestScore: 1,
      lastScore: 1,
      lastAnswer: null,
      completed: true,
      answeredAt: null,
    };
    const lesson = {
      visited: true,
      lastVisitedAt: new Date().toISOString(),
      position: null,
      completed: false,
      questions: { 'l1-window': question },
    };
    localStorage.setItem(
      'unroll.progress',
      JSON.stringify({ version: 1, data: { lessons: { [slug]: lesson } } }),
    );
  }, LESSON_ONE);
  await page.goto('/#/progress');
  await page.reload(); // A hash change alone does not reload the page, which reads saved progress at start.
  await expect(page.getByRole('heading', { level: 1, name: 'Your progress' })).toBeVisible();
  const row = page.getByRole('row', { name: /What a recurrent network is/ });
  await expect(row).toContainText(`1 of ${lessonOneQuestions.length} answered`);

  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
  const ink = await page.locator('.progress-table').evaluate((table) => {
    const style = getComputedStyle(table);
    return { color: style.color, background: getComputedStyle(document.body).backgroundColor };
  });
  expect(ink).toEqual({ color: 'rgb(0, 0, 0)', background: 'rgb(255, 255, 255)' });
  await page.emulateMedia({ media: 'screen' });

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export as JSON' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^unroll-progress-\d{4}-\d{2}-\d{2}\.json$/);
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  const exported = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  expect(exported).toMatchObject({ app: 'Unroll', schemaVersion: 3 });
  expect(exported.progress.lessons[LESSON_ONE].questions['l1-window'].attempts).toBe(2);

  await page.getByRole('button', { name: 'Reset progress' }).click();
  const dialog = page.getByRole('dialog', { name: 'Reset all progress?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  expect(await accessibilityViolations(page), 'violations with the dialog open').toEqual([]);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(row).toContainText('1 of');
  await page.getByRole('button', { name: 'Reset progress' }).click();
  await dialog.getByRole('button', { name: 'Reset progress' }).click();
  await expect(row).toContainText('Not started');
  await page.reload();
  await expect(page.getByRole('row', { name: /What a recurrent network is/ })).toContainText('Not started');
});

test('corrupt saved progress is kept as a copy with a notice and the quiz still works', async ({ page }) => {
  // Damaged before the app's first start (once: a running app may save its own progress over it).
  await page.addInitScript(() => {
    if (sessionStorage.getItem('test.damaged') !== null) return;
    sessionStorage.setItem('test.damaged', 'yes');
    localStorage.setItem('unroll.progress', '{"version":1,"data":');
  });
  await page.goto(`/#/lessons/${LESSON_ONE}/check-yourself`);
  await expect(
    page.getByRole('status').filter({ hasText: 'could not be read, so Unroll started fresh' }),
  ).toBeVisible();
  const question = lessonOneQuestions.find((entry) => entry.kind === 'single')!;
  await answer(card(page, question), question, true);
  await expect(verdict(card(page, question))).toContainText('Right');
  // Kept under its own timestamped key, so that a later damage cannot overwrite it.
  const kept = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((key) => key.startsWith('unroll.progress.damaged.'))
      .map((key) => localStorage.getItem(key)),
  );
  expect(kept).toEqual(['{"version":1,"data":']);
});

test('the glossary gathers the lessons’ terms, filters them and jumps by letter', async ({ page }) => {
  await page.goto('/#/glossary');
  await expect(page.getByRole('heading', { level: 1, name: 'Glossary' })).toBeVisible();
  const count = page.locator('.glossary-count');
  await expect(count).toHaveText(/^\d+ terms$/);
  await expect(page.getByRole('term').first()).toBeVisible();
  await expect(page.getByRole('link', { name: /^lesson 1, / }).first()).toBeVisible();
  await page.getByRole('searchbox', { name: 'Filter terms' }).fill('hidden state');
  await expect(count).toHaveText(/^\d+ of \d+ terms match$/);
  await expect(
    page
      .getByRole('term')
      .filter({ hasText: /hidden state/i })
      .first(),
  ).toBeVisible();
  await page.getByRole('searchbox', { name: 'Filter terms' }).fill('');
  await page.getByRole('navigation', { name: 'Jump to a letter' }).getByRole('button').first().click();
  await expect(page.locator('.glossary-group h2').first()).toBeFocused();
});

test('the final quiz has its own address and shares progress with its lesson', async ({ page }) => {
  await page.goto('/#/quiz/final');
  await expect(page.getByRole('heading', { level: 1, name: 'Final quiz' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Questions' })).toBeVisible();
  await expect(page.locator('li.question').first()).toBeVisible();
  // Questions mount two per idle slice (useProgressiveCount): wait for them all.
  await expect.poll(() => page.locator('li.question').count()).toBeGreaterThanOrEqual(15);
  const slug = readdirSync('lessons').find((name) => name.endsWith('-summary'))!;
  const { questions: finalQuestions } = (await import(`../../lessons/${slug}/quiz.ts`)) as {
    questions: readonly Question[];
  };
  const question = finalQuestions.find((entry) => entry.kind !== 'predict')!;
  await answer(card(page, question), question, true);
  await expect(verdict(card(page, question))).toContainText('Right');
  await page.goto(`/#/lessons/${slug}/check-yourself`);
  await expect(verdict(card(page, question))).toContainText('Right');
});

test('the course map leads back to the section of the lesson where the student stopped reading', async ({
  page,
}) => {
  await page.goto(`/#/lessons/${LESSON_ONE}`);
  const heading = page.getByRole('heading', { level: 2, name: 'The same weights at every step' });
  await heading.scrollIntoViewIfNeeded();
  await page.mouse.wheel(0, 10); // A small scroll, as a reader would, after the jump.
  await expect
    .poll(() => page.evaluate(() => localStorage.getItem('unroll.progress') ?? ''))
    .toContain('"the-same-weights-at-every-step"');
  await page.getByRole('link', { name: 'Course', exact: true }).click();
  const resume = page.getByRole('link', { name: /^Continue where you left off/ });
  await expect(resume).toContainText('“The same weights at every step”');
  await resume.click();
  await expect(page).toHaveURL(/#\/lessons\/01-what-is-a-recurrent-network\/the-same-weights-at-every-step$/);
  await expect(heading).toBeInViewport();
  await expect(heading).toBeFocused();
});
