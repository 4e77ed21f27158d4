import { accessibilityViolations, expect, test } from './fixtures';

const LESSON = '/#/lessons/06-language-models';

test('lesson 6 trains the lab’s model in place, and the lab page has the same model', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(LESSON);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // Far below the top, the lab's widgets are placeholders: nothing of the lab is drawn at load.
  await expect(page.getByText('The language lab’s trainer loads as you reach it.')).toBeAttached();
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toHaveCount(0);

  const trainer = page
    .locator('.lab-embed-slot')
    .filter({ has: page.getByRole('heading', { name: 'Held-out perplexity' }) });
  await page.getByText('The language lab’s trainer loads as you reach it.').scrollIntoViewIfNeeded();
  await expect(trainer).toHaveCount(1, { timeout: 20_000 });
  // A plain RNN: the quickest of the three cells on a busy machine.
  await trainer.getByLabel('Cell').selectOption('rnn');
  await trainer.getByRole('button', { name: 'Train', exact: true }).click();
  // A curve point: the held-out perplexity of the first evaluation, read against the baselines.
  const standing = trainer.getByRole('status').filter({ hasText: /Held-out perplexity .* at step/ });
  await expect(standing).toBeVisible({ timeout: 90_000 });

  // The samples, further down, write from the same model as it trains.
  const samplesSlot = page.locator('.lab-embed-slot').filter({ hasText: 'Start each sample with' });
  await page.getByText('The language lab’s samples loads as you reach it.').scrollIntoViewIfNeeded();
  const samples = samplesSlot.getByRole('list', { name: 'Samples, newest first' }).getByRole('listitem');
  await expect(samples.first()).toContainText(/step [\d,]+ · T 0\.5/, { timeout: 30_000 });
  // Both widgets drive the one run: the samples' controls offer Pause too.
  await expect(samplesSlot.getByRole('button', { name: 'Pause' })).toBeVisible();

  // Every lab widget of the lesson, drawn, has no accessibility violation.
  for (const what of ['autocomplete', 'inside view', 'connectivity']) {
    const waiting = page.getByText(`The language lab’s ${what} loads as you reach it.`);
    // It may load (and go) between the count and the scroll: then there is nothing to scroll to.
    if ((await waiting.count()) > 0) await waiting.scrollIntoViewIfNeeded().catch(() => {});
    await expect(waiting).toHaveCount(0, { timeout: 20_000 });
  }
  expect(await accessibilityViolations(page), 'violations on lesson 6 with its lab widgets').toEqual([]);

  // Open it in the lab: the same model, with its curve and its samples.
  await trainer.getByRole('link', { name: 'Language lab' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Language lab' })).toBeVisible();
  await expect(page.getByLabel('Cell', { exact: true })).toHaveValue('rnn', { timeout: 20_000 });
  await expect(page.getByRole('status').filter({ hasText: /Held-out perplexity .* at step/ })).toBeVisible({
    timeout: 20_000,
  });
  await expect(
    page.getByRole('list', { name: 'Samples, newest first' }).getByRole('listitem').first(),
  ).toContainText(/step [\d,]+ · T 0\.5/);
  await expect(page.getByText(/The text or model changed since this model was made/)).toHaveCount(0);
});
