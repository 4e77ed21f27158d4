import { readdirSync } from 'node:fs';
import { expect, test } from './fixtures';

// Lighthouse counted 0.19-0.37 of cumulative layout shift on every lesson opened on a phone: the footer
// and the lesson's pager sat under "Loading…" and were pushed down the screen as the text mounted in
// slices. What is in view when a page opens must stay where it is; Lighthouse scores full under 0.1.
const lessonSlugs = readdirSync('lessons', { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && readdirSync(`lessons/${entry.name}`).includes('meta.json'))
  .map((entry) => entry.name)
  .sort();

for (const route of ['/', ...lessonSlugs.map((slug) => `/#/lessons/${slug}`)]) {
  test(`${route} opens on a phone without shifting what is in view`, async ({ page }) => {
    await page.setViewportSize({ width: 412, height: 823 });
    await page.addInitScript(() => {
      const shifts: { value: number; sources: string[] }[] = [];
      (window as unknown as { layoutShifts: typeof shifts }).layoutShifts = shifts;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as unknown as {
          value: number;
          hadRecentInput: boolean;
          sources: { node?: Node | null }[];
        }[]) {
          if (entry.hadRecentInput) continue;
          const sources = entry.sources.map((source) => {
            const node = source.node;
            return node instanceof Element
              ? `${node.tagName.toLowerCase()}.${node.className}`
              : String(node?.nodeName);
          });
          shifts.push({ value: entry.value, sources });
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(route);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    // A lesson is in once its text has every block (ProgressiveMdx drops aria-busy then).
    if (route !== '/')
      await expect(page.locator('.prose:not([aria-busy])')).toHaveCount(1, { timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    const shifts = await page.evaluate(
      () => (window as unknown as { layoutShifts: { value: number; sources: string[] }[] }).layoutShifts,
    );
    const total = shifts.reduce((sum, shift) => sum + shift.value, 0);
    expect(total, `layout shifts: ${JSON.stringify(shifts)}`).toBeLessThan(0.1);
  });
}
