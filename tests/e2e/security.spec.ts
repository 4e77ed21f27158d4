import { expect, test } from './fixtures';

test('the server and the page both carry a Content-Security-Policy without inline script or eval', async ({
  page,
}) => {
  const response = await page.goto('/');
  const header = response?.headers()['content-security-policy'] ?? '';
  // Same-origin scripts, and WebAssembly compilation (the engine's kernel); never JavaScript eval.
  const scripts = "script-src 'self' 'wasm-unsafe-eval';";
  expect(header).toContain(scripts);
  expect(header).not.toContain("'unsafe-eval'");
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(meta).toContain(scripts);
  expect(meta).not.toContain("'unsafe-eval'");
});

test('the policy blocks an inline script and eval, and the guard notices', async ({ page, guard }) => {
  guard.expectProblems();
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'The course' })).toBeVisible();
  const ran = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true';
    document.body.append(script);
    return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
  });
  expect(ran).toBe(false);
  // A string handed to setTimeout is compiled like eval; the policy must refuse it.
  await page.evaluate(() => {
    (setTimeout as unknown as (code: string, ms: number) => number)('window.__evalRan = true', 0);
  });
  await page.waitForTimeout(200);
  const evaluated = await page.evaluate(
    () => (window as unknown as { __evalRan?: boolean }).__evalRan === true,
  );
  expect(evaluated, 'eval is refused').toBe(false);
  await expect.poll(() => guard.problems.join('\n')).toContain('CSP violation');
});
