import type { Page } from 'playwright-core';

/**
 * Scrolls down a wheel turn at a time until the page stops growing: its bottom reached, its height
 * unchanged and nothing `aria-busy` for `stillFor` turns in a row (the lessons mount their text in idle
 * slices and their figures near view, so one scroll to the end is not enough). Leaves the page there.
 */
export async function scrollToEnd(
  page: Page,
  { step = 700, stillFor = 12, maxTurns = 600 }: { step?: number; stillFor?: number; maxTurns?: number } = {},
): Promise<void> {
  let lastHeight = -1;
  let still = 0;
  for (let turn = 0; turn < maxTurns && still < stillFor; turn += 1) {
    await page.mouse.wheel(0, step);
    await page.waitForTimeout(50);
    const { bottom, height, busy } = await page.evaluate(() => ({
      bottom: Math.round(window.scrollY + window.innerHeight),
      height: document.documentElement.scrollHeight,
      busy: document.querySelector('[aria-busy="true"]') !== null,
    }));
    still = !busy && bottom >= height - 2 && height === lastHeight ? still + 1 : 0;
    lastHeight = height;
  }
}
