import { expect, test } from './fixtures';

test('a playground link with its query inside the hash opens the form, and names what it ignored', async ({
  page,
}) => {
  await page.goto('/#/playground?cell=gru&foo=1&lr=0.05&lr=0.5&b.nonsense=3&task=sine&batching=buckets');
  await expect(page.getByRole('heading', { level: 1, name: 'Playground' })).toBeVisible();
  const notice = page.getByRole('status').filter({ hasText: 'could not be used' });
  await expect(notice).toContainText(
    'Ignored: foo (unknown), lr (given twice, used the first), b.nonsense (unknown).',
  );
  await expect(notice).toContainText('only the recall and adding tasks have');
  await expect(notice).not.toContainText('one of fixed, padding, buckets');
  await expect(page.getByLabel('Cell')).toHaveValue('gru');
  await expect(page.getByLabel('Learning rate')).toHaveValue('0.05');
  await expect(page.getByLabel('Task')).toHaveValue('sine');
  // An unknown b. key adds no configuration B.
  await expect(page.getByRole('tab')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled();
});

test('a lesson link with a query inside the hash opens the lesson, not the missing page', async ({
  page,
}) => {
  await page.goto('/#/lessons/03-lstm?from=slides');
  await expect(page.locator('article.lesson h1')).toBeVisible();
  await expect(page.getByText('There is no page at this address')).toHaveCount(0);
});
