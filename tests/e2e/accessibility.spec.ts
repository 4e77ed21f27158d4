import { accessibilityViolations, allRoutes, expect, test } from './fixtures';

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds no violation on any route in the ${colorScheme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    const routes = await allRoutes(page);
    expect(routes.length).toBeGreaterThan(2);
    for (const route of routes) {
      await page.goto(route);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await page.waitForLoadState('networkidle');
      expect(await accessibilityViolations(page), `violations on ${route}`).toEqual([]);
    }
  });
}
