import type { Page } from '@playwright/test';
import { accessibilityViolations, expect, test } from './fixtures';

const slide = (page: Page, number: number, of = 15) =>
  page.getByRole('region', { name: new RegExp(`^Slide ${number} of ${of}:`) });
const speakerSlide = (page: Page, number: number) =>
  page.getByRole('region', { name: new RegExp(`^Current slide ${number} of 15:`) });

/** The fixture guards the first window only; the speaker view gets the same watch here. */
function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  return problems;
}

test('a teacher presents lesson 3 with the keyboard alone', async ({ page }) => {
  await page.goto('/#/lessons/03-lstm');
  await page.getByRole('link', { name: /^Present/ }).click();
  await expect(page).toHaveURL(/#\/present\/03-lstm\/1$/);
  await expect(slide(page, 1)).toBeVisible();
  await expect(slide(page, 1)).toBeFocused();
  await expect(page.locator('.site-header')).toHaveCount(0);
  const counter = page.locator('.presenter-count');
  const steps: [string, number][] = [
    ['ArrowRight', 2],
    ['Space', 3],
    ['PageDown', 4],
    ['ArrowLeft', 3],
    ['PageUp', 2],
    ['End', 15],
    ['ArrowRight', 15],
    ['Home', 1],
    ['ArrowLeft', 1],
  ];
  for (const [key, number] of steps) {
    await page.keyboard.press(key);
    await expect(page).toHaveURL(new RegExp(`#/present/03-lstm/${number}$`));
    await expect(slide(page, number)).toBeVisible();
    await expect(counter).toHaveText(`Slide ${number} / 15`);
  }
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/#\/lessons\/03-lstm$/);
  await expect(page.getByRole('heading', { level: 1, name: /Long short-term memory/ })).toBeVisible();
});

test('B blanks the screen and B, or a move key, brings the same slide back', async ({ page }) => {
  await page.goto('/#/present/03-lstm/3');
  await expect(slide(page, 3)).toBeFocused();
  const blank = page.getByRole('button', { name: 'Blank screen: show the slide again' });
  await page.keyboard.press('b');
  await expect(blank).toBeVisible();
  await expect(slide(page, 3)).toBeHidden();
  await page.keyboard.press('b');
  await expect(blank).toHaveCount(0);
  await expect(slide(page, 3)).toBeVisible();
  await page.keyboard.press('b');
  await expect(blank).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(slide(page, 3)).toBeVisible();
  await expect(page).toHaveURL(/#\/present\/03-lstm\/3$/);
});

test("a slide's address reloads to the same slide", async ({ page }) => {
  await page.goto('/#/present/03-lstm/7');
  await expect(slide(page, 7)).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/#\/present\/03-lstm\/8$/);
  await page.reload();
  await expect(slide(page, 8)).toBeVisible();
  await expect(slide(page, 8)).toContainText('One step by hand');
});

test('?controls=0 shows the slides and no presenter chrome, before or inside the hash', async ({ page }) => {
  for (const address of ['/?controls=0#/present/03-lstm/2', '/#/present/03-lstm/2?controls=0']) {
    await page.goto(address);
    await expect(slide(page, 2)).toBeFocused();
    await expect(page.getByRole('navigation', { name: 'Presenter controls' })).toHaveCount(0);
    await expect(page.locator('.presenter-progress, .presenter-count')).toHaveCount(0);
    await expect(page.getByRole('button')).toHaveCount(0);
    await page.keyboard.press('ArrowRight');
    await expect(slide(page, 3)).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Presenter controls' })).toHaveCount(0);
    expect(new URL(page.url()).search).toBe('?controls=0');
  }
});

test('S opens the speaker view, and the two windows follow whichever one moves', async ({
  page,
  context,
}) => {
  await page.goto('/#/present/03-lstm/2');
  await expect(slide(page, 2)).toBeVisible();
  const [speaker] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('s')]);
  const speakerProblems = watch(speaker);
  await expect(speaker).toHaveURL(/#\/speaker\/03-lstm\/2$/);
  await expect(speakerSlide(speaker, 2)).toBeVisible();
  await expect(speaker.getByRole('region', { name: 'Notes' })).toContainText(
    'Remind the class where we left off',
  );
  await expect(speaker.getByRole('region', { name: 'Next' })).toContainText('A memory cell with valves');
  await expect(speaker.getByRole('timer')).toHaveText(/^\d+:\d\d$/);
  await expect(speaker.getByText('The slides window follows this one.')).toBeVisible();

  // The slides window moves: the speaker view follows.
  await page.keyboard.press('ArrowRight');
  await expect(speakerSlide(speaker, 3)).toBeVisible();
  await expect(speaker).toHaveURL(/#\/speaker\/03-lstm\/3$/);
  await expect(speaker.getByRole('region', { name: 'Notes' })).toContainText('notebook picture');

  // The speaker view moves, by key and by button: the slides follow.
  await speaker.keyboard.press('ArrowRight');
  await expect(slide(page, 4)).toBeVisible();
  await speaker.getByRole('navigation', { name: 'Slides' }).getByRole('button', { name: /Next/ }).click();
  await expect(slide(page, 5)).toBeVisible();
  await expect(page).toHaveURL(/#\/present\/03-lstm\/5$/);
  await speaker.keyboard.press('End');
  await expect(slide(page, 15)).toBeVisible();
  await page.keyboard.press('Home');
  await expect(speakerSlide(speaker, 1)).toBeVisible();

  // Blank from the speaker view, back from the slides window.
  await speaker.keyboard.press('b');
  await expect(page.getByRole('button', { name: 'Blank screen: show the slide again' })).toBeVisible();
  await expect(speaker.getByText(/The audience sees a blank screen/)).toBeVisible();
  await page.keyboard.press('b');
  await expect(slide(page, 1)).toBeVisible();
  await expect(speaker.getByText(/The audience sees a blank screen/)).toHaveCount(0);

  expect(await accessibilityViolations(speaker)).toEqual([]);
  expect(speakerProblems).toEqual([]);
});

test("the speaker view's Train, Pause and Step drive the run in the slides window", async ({
  page,
  context,
}) => {
  await page.goto('/#/present/03-lstm/13');
  await expect(slide(page, 13)).toBeVisible();
  const [speaker] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('s')]);
  const speakerProblems = watch(speaker);
  const current = speakerSlide(speaker, 13);
  await expect(current).toBeVisible();
  await expect(speaker.getByText('The slides window follows this one.')).toBeVisible();
  // Slow enough to pause half way, whatever the machine.
  await current.getByLabel('Speed').selectOption({ label: '10 steps a second' });
  await current.getByRole('button', { name: 'Train', exact: true }).click();

  const audienceLstm = slide(page, 13).locator('.run-status li', { hasText: 'LSTM' });
  const speakerLstm = current.locator('.run-status li', { hasText: 'LSTM' });
  await expect(audienceLstm).toContainText(/training, step \d+ of 500/);
  await expect(speakerLstm).toContainText(/training, step \d+ of 500/);

  await current.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(audienceLstm).toContainText(/paused at step \d+/);
  const pausedAt = Number((await audienceLstm.textContent())?.match(/paused at step (\d+)/)?.[1]);
  await expect(speakerLstm).toContainText(`paused at step ${pausedAt}`);

  await current.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(audienceLstm).toContainText(`paused at step ${pausedAt + 1}`);
  await expect(speakerLstm).toContainText(`paused at step ${pausedAt + 1}`);

  await current.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(audienceLstm).toContainText('not started');
  await expect(speakerLstm).toContainText('not started');
  expect(speakerProblems).toEqual([]);
});

test('axe-core finds no violation on a slide with a live figure, in either theme', async ({ page }) => {
  await page.goto('/#/present/03-lstm/13');
  await expect(slide(page, 13)).toBeVisible();
  await expect(slide(page, 13).getByRole('button', { name: 'Train', exact: true })).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Dark slides' }).click();
  await expect(page.locator('.presenter')).toHaveAttribute('data-projector', 'dark');
  expect(await accessibilityViolations(page)).toEqual([]);
  await page.reload();
  await expect(page.locator('.presenter')).toHaveAttribute('data-projector', 'dark');
});

test('every lesson has a Present link that opens its first slide', async ({ page }) => {
  await page.goto('/');
  const hrefs = await page
    .locator('.course-map a')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  expect(hrefs.length).toBeGreaterThan(0);
  const lessonLinks = new Set(hrefs.filter((href) => /^#\/lessons\/[^/]+$/.test(href)));
  expect(lessonLinks.size).toBeGreaterThan(0);
  for (const href of lessonLinks) {
    const slug = href.replace(/^#\/lessons\//, '');
    await page.goto(`/${href}`);
    await page.getByRole('link', { name: /^Present/ }).click();
    await expect(page).toHaveURL(new RegExp(`#/present/${slug}/1$`));
    await expect(page.getByRole('region', { name: /^Slide 1 of \d+:/ })).toBeVisible();
  }
});
