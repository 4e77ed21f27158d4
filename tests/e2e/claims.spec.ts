import { accessibilityViolations, expect, test } from './fixtures';

test('the header links to the claims page, which lists every claim with its lessons', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Claims' }).click();
  await expect(page).toHaveURL(/#\/claims$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Claims, measured' })).toBeVisible();
  for (const id of ['memory-horizon', 'gru-parameters', 'step-time', 'clipping', 'forget-bias']) {
    await expect(page.locator(`section#${id}`)).toBeVisible();
    await expect(
      page
        .locator(`section#${id}`)
        .getByRole('link', { name: /^lesson \d/ })
        .first(),
    ).toBeVisible();
  }
  expect(await accessibilityViolations(page)).toEqual([]);
});

test("a lesson's claim link opens the claims page at that claim, computed exactly", async ({ page }) => {
  await page.goto('/#/lessons/04-gru');
  await page.getByRole('link', { name: /measure it: parameter counts of GRU and LSTM/ }).click();
  await expect(page).toHaveURL(/#\/claims#gru-parameters$/);
  const claim = page.locator('section#gru-parameters');
  await expect(claim).toBeFocused();
  await expect(claim).toBeInViewport();
  const row = claim.getByRole('row').filter({ hasText: /^8\s*32/ });
  await expect(row.getByRole('cell')).toHaveText(['8', '32', '1,344', '5,376', '4,032', '0.75']);
  await expect(claim).toContainText('GRU ÷ LSTM = 0.75: 25% fewer parameters');
});

test('the clipping claim is measured live: unclipped the run diverges, clipped it trains', async ({
  page,
}) => {
  await page.goto('/#/claims#clipping');
  const claim = page.locator('section#clipping');
  await expect(claim).toBeFocused();
  await claim.locator('.widget-buttons button').first().click();
  const results = claim.locator('.widget-result');
  await expect(results.filter({ hasText: /^No clipping: .*diverged/i })).toBeVisible({ timeout: 45_000 });
  await expect(results.filter({ hasText: /^Clipping at 1: finished 400 steps/ })).toBeVisible({
    timeout: 45_000,
  });
  await expect(results.filter({ hasText: /clipping fired on \d+ of 400 steps/ })).toBeVisible();
  await expect(claim).toContainText('seed 1');
});

test('the step-time claim is measured live on this machine', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/#/claims#step-time');
  const claim = page.locator('section#step-time');
  await claim.getByRole('button', { name: 'Measure' }).click();
  await expect(claim.getByText('Done: all three cells measured.')).toBeVisible({ timeout: 100_000 });
  await expect(claim).toContainText(/Measured: RNN [\d.]+ ms, LSTM [\d.]+ ms, GRU [\d.]+ ms\./);
  await expect(claim).toContainText(/GRU ÷ LSTM time per step: \d+\.\d\d/);
  await expect(claim).toContainText('seed 1');
  // Under the site's Content-Security-Policy the worker still compiled the WebAssembly kernel.
  await expect(claim).toContainText('The matrix products and gate functions ran in WebAssembly with SIMD.');
});
