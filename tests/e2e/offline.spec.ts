import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const stepOf = (text: string | null) => Number(/step (\d+)/.exec(text ?? '')?.[1] ?? Number.NaN);

/** Waits until the service worker has installed (precached the whole site) and controls this page. */
async function installServiceWorker(page: Page) {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'The course' })).toBeVisible();
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // No clientsClaim: the page that installed the worker stays as it loaded; the next load is controlled.
  await page.reload();
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? 'none'))
    .toBe('activated');
}

test('after one visit every route works offline: a lesson reads and the playground trains', async ({
  page,
  context,
}) => {
  await installServiceWorker(page);
  await context.setOffline(true);
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'The course' })).toBeVisible();

  // A lesson never opened online: its text, formulas (KaTeX's CSS and fonts) and figures come from the cache.
  await page.goto('/#/lessons/03-lstm');
  await expect(page.getByRole('heading', { level: 1, name: /Long short-term memory/ })).toBeVisible();
  await expect(page.locator('.prose .katex').first()).toBeVisible();
  // The lesson text mounts a few blocks per idle slice (ProgressiveMdx): wait for it to fill in.
  await expect.poll(() => page.locator('.prose p').count()).toBeGreaterThan(5);
  expect(await page.evaluate(() => document.fonts.check('16px KaTeX_Main')), "KaTeX's font is loaded").toBe(
    true,
  );

  // The training worker and its WebAssembly kernel come from the cache too.
  await page.goto('/#/playground');
  await expect(page.getByRole('heading', { level: 1, name: 'Playground' })).toBeVisible();
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  const status = page.locator('.run-status li').first();
  await expect(status).toContainText(/training, step \d+/);
  const first = stepOf(await status.textContent());
  await expect.poll(async () => stepOf(await status.textContent())).toBeGreaterThan(first);
});

test('offline before a page was ever saved: it says so in plain words, and navigating clears it', async ({
  page,
  context,
  guard,
}) => {
  // No service worker yet (this is the first visit), and the lesson's chunks cannot be downloaded.
  await context.route('**/sw.js', (route) => route.abort('internetdisconnected'));
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'The course' })).toBeVisible();
  await context.setOffline(true);
  guard.expectProblems();

  await page.goto('/#/lessons/02-backpropagation-through-time');
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('heading', { name: 'You seem to be offline' })).toBeVisible();
  await expect(alert.getByRole('button', { name: 'Try again' })).toBeVisible();
  await expect(alert).not.toContainText('dynamically imported module');

  // Still offline, Try again says the same; the header's links stay usable.
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { name: 'You seem to be offline' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Course' }).click();
  await expect(page.getByRole('heading', { name: 'The course' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);

  // Back online, the same lesson loads. Chromium keeps a failed module download for the life of the
  // document, so the app reloads the page once to download it anew; nothing saved is lost.
  await context.setOffline(false);
  await page.goto('/#/lessons/02-backpropagation-through-time');
  await expect(page.getByRole('heading', { level: 1, name: /Backpropagation through time/i })).toBeVisible();
  await expect(page.locator('.prose p').first()).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);

  // The only problems logged were the downloads that failed offline.
  expect(guard.problems.length).toBeGreaterThan(0);
  for (const problem of guard.problems)
    expect(problem).toMatch(
      /ERR_INTERNET_DISCONNECTED|Failed to load resource|dynamically imported module|Unable to preload CSS|error occurred when fetching the script/,
    );
});

/**
 * A static server of dist/ that can pretend a new version was deployed: from then on its service worker
 * script differs by a byte, as a rebuilt one would. (Playwright cannot intercept the browser's update
 * check of a service worker script, so the version has to change on the server.)
 */
interface Deploy {
  readonly origin: string;
  deployNewVersion(): void;
}

const types: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain',
};

function serveDist(): Promise<{ server: Server; deploy: Deploy }> {
  let version = 1;
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const file = normalize(join('dist', path === '/' ? 'index.html' : path));
    let body: Buffer;
    try {
      if (!file.startsWith('dist')) throw new Error('outside dist');
      body = readFileSync(file);
    } catch {
      response.writeHead(404).end();
      return;
    }
    if (path === '/sw.js' && version > 1) body = Buffer.concat([body, Buffer.from(`\n// v${version}\n`)]);
    response.writeHead(200, {
      'Content-Type': types[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-cache',
    });
    response.end(body);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        server,
        deploy: { origin: `http://127.0.0.1:${port}`, deployNewVersion: () => version++ },
      });
    }),
  );
}

const withDeploy = test.extend<{ deploy: Deploy }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's needs from this pattern; it has none.
  deploy: async ({}, use) => {
    const { server, deploy } = await serveDist();
    await use(deploy);
    server.close();
  },
  baseURL: async ({ deploy }, use) => use(deploy.origin),
});

withDeploy(
  'a new version waits for the reader: "Update available: reload" swaps it in on request',
  async ({ page, deploy }) => {
    await installServiceWorker(page);
    const oldWorker = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL);
    await page.goto('/#/lessons/01-what-is-a-recurrent-network');
    const title = page.getByRole('heading', { level: 1, name: 'What a recurrent network is' });
    await expect(title).toBeVisible();

    deploy.deployNewVersion();
    await page.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())?.update();
    });
    const prompt = page.getByRole('status', { name: 'Update' });
    await expect(prompt).toContainText('Update available: reload');
    // Nothing was swapped: the new version waits, and the old one still serves the lesson on screen.
    expect(
      await page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting)),
    ).toBe(true);
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(oldWorker);
    await expect(title).toBeVisible();

    // "Later" keeps the old version; the prompt comes back on the next load while the new one waits.
    await prompt.getByRole('button', { name: 'Later' }).click();
    await expect(prompt).toHaveCount(0);
    await page.reload();
    await prompt.getByRole('button', { name: 'Reload' }).click();
    // Reload swaps the worker and then reloads the page (and, should Chromium leave the new worker
    // waiting, reloads after 3 s anyway: takeOverOrReload). A check that lands mid-navigation loses its
    // context, which means "not yet", not a failure.
    await expect
      .poll(
        () =>
          page
            .evaluate(async () => {
              const registration = await navigator.serviceWorker.getRegistration();
              return (
                registration?.waiting === null && registration.active === navigator.serviceWorker.controller
              );
            })
            .catch(() => false),
        // The swap, the reload and the lesson's first paint: slow on a loaded machine.
        { timeout: 45_000 },
      )
      .toBe(true);
    await expect(title).toBeVisible();
    await expect(prompt).toHaveCount(0);
  },
);
