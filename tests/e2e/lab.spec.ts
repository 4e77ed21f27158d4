import { accessibilityViolations, expect, test } from './fixtures';

// A small text of the student's own, long enough to train on, with a small model so that the test
// stays quick on a busy machine.
const OWN_TEXT = Array.from(
  { length: 40 },
  (_, i) => `the cat sat on the mat ${i % 2 === 0 ? 'and the dog sat on the log' : 'while the bird sang'}. `,
).join('');

test('a student pastes a text, trains, samples at two temperatures, autocompletes, and finds the model after a reload', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto('/#/lab?hidden=24');
  await expect(page.getByRole('heading', { level: 1, name: 'Language lab' })).toBeVisible();
  await page.getByLabel('Text to learn').selectOption('own');
  await page.getByLabel(/Paste a text/).fill(OWN_TEXT);
  await page.getByRole('button', { name: 'Use this text' }).click();
  await expect(page.getByText(/In use: pasted text/)).toBeVisible();

  await page.getByRole('button', { name: 'Train', exact: true }).click();
  const samples = page.getByRole('list', { name: 'Samples, newest first' }).getByRole('listitem');
  await expect(samples.first()).toContainText(/step [\d,]+ · T 0\.5/, { timeout: 30_000 });

  // A new temperature gives a new sample at once, labelled with it.
  await page.getByLabel(/^Temperature/).fill('1.5');
  await expect(samples.first()).toContainText('T 1.5', { timeout: 15_000 });

  const box = page.getByLabel('Type, and see what the model expects next');
  await box.fill('the c');
  const bars = page.getByRole('list', { name: /Likeliest characters after/ });
  await expect(bars).toHaveAccessibleName(/the c”/, { timeout: 15_000 });
  await expect(bars.getByRole('listitem')).toHaveCount(8);

  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved in this browser' })).toBeVisible({
    timeout: 20_000,
  });
  const saved = await samples.count();

  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'Your saved model is back' })).toBeVisible({
    timeout: 20_000,
  });
  await expect(page.getByText(/In use: pasted text/)).toBeVisible();
  await expect(samples).toHaveCount(saved);
  // The restored model writes: a sample on demand, and guesses in the autocomplete box.
  await page.getByRole('button', { name: 'Sample now' }).click();
  await expect(samples).toHaveCount(saved + 1, { timeout: 15_000 });
  await page.getByLabel('Type, and see what the model expects next').fill('the d');
  await expect(page.getByRole('list', { name: /Likeliest characters after/ })).toHaveAccessibleName(
    /the d”/,
    {
      timeout: 15_000,
    },
  );

  // Inside the restored model: trace a passage, rank units for a hypothesis, show the best one.
  await page.getByLabel(/^Passage to look at/).fill('the cat sat on the mat and the dog sat on the log. ');
  await page.getByRole('button', { name: 'Look inside', exact: true }).click();
  const find = page.getByRole('region', { name: 'Find a unit for…' });
  await expect(find).toBeVisible({ timeout: 20_000 });
  await find.getByLabel('Hypothesis').selectOption({ label: 'Start of a word' });
  const best = find.getByRole('listitem').first();
  await expect(best).toContainText(/r = [−-]?\d/, { timeout: 15_000 });
  await best.getByRole('button', { name: /^Show / }).click();
  await expect(page.getByRole('button', { name: 'Look inside again' })).toBeEnabled();
  // The passage painted on its canvas, its text still there to read and select, and axe clean.
  await expect(page.locator('.inside-passage')).toHaveClass(/is-painted/);
  await expect(page.getByRole('region', { name: /The passage coloured by/ })).toContainText('the dog sat');
  expect(await accessibilityViolations(page)).toEqual([]);
});

test('a link with bad lab settings says so and uses the defaults', async ({ page }) => {
  await page.goto('/#/lab?text=novel&cell=transformer&layers=9&hidden=abc&seed=-1&colour=red');
  const notice = page.getByRole('status').filter({ hasText: 'could not be used' });
  await expect(notice).toContainText('text=novel');
  await expect(notice).toContainText('cell=transformer');
  await expect(notice).toContainText('layers=9');
  await expect(notice).toContainText('hidden=abc');
  await expect(notice).toContainText('seed=-1');
  await expect(notice).toContainText('colour');
  await expect(page.getByLabel('Cell')).toHaveValue('lstm');
  await expect(page.getByLabel('Text to learn')).toHaveValue('course-prose');
});

test('a typed hidden size that cannot be used holds Train until it is fixed', async ({ page }) => {
  await page.goto('/#/lab');
  const hidden = page.getByLabel('Hidden units per layer');
  await hidden.fill('999');
  await hidden.press('Enter');
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeDisabled();
  await expect(page.getByText('Fix 1 setting first')).toBeVisible();
  await hidden.fill('64');
  await hidden.press('Enter');
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled();
  await expect(page).toHaveURL(/hidden=64/);
});

test('a file that is not a lab model is refused with a message and the page keeps working', async ({
  page,
}) => {
  await page.goto('/#/lab');
  await page.getByLabel('Import a model…').setInputFiles({
    name: 'weights.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ weight_ih_l0: [[1]] })),
  });
  await expect(page.getByRole('alert').filter({ hasText: 'weights.json cannot be used' })).toContainText(
    'Nothing was changed',
  );
  await page.getByLabel('Import a model…').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format": '),
  });
  await expect(page.getByRole('alert').filter({ hasText: 'broken.json cannot be used' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled();
});

test('a damaged saved model is named in a message, left alone, and the lab still trains', async ({
  page,
}) => {
  await page.goto('/#/');
  // idb-keyval's own database and store, with a record that is not a model.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('keyval-store');
        open.onupgradeneeded = () => open.result.createObjectStore('keyval');
        open.onsuccess = () => {
          const write = open.result.transaction('keyval', 'readwrite');
          write
            .objectStore('keyval')
            .put({ format: 'unroll-language-lab', version: 1, choice: 7 }, 'unroll-lab-model');
          write.oncomplete = () => resolve();
          write.onerror = () => reject(write.error);
        };
        open.onerror = () => reject(open.error);
      }),
  );
  await page.goto('/#/lab');
  await expect(page.getByRole('alert').filter({ hasText: 'The saved model cannot be used' })).toContainText(
    'left as it is',
  );
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.locator('.run-status li').first()).toContainText(/training, step \d+/);
});
