// Takes screenshots of the built app in Debian's Chromium, for looking at pages as a person would.
//   npm run build && npx tsx scripts/screenshots.ts [outDir] [route ...]
// Serves dist/ with `vite preview` on port 4180 and writes <outDir>/<name>-<width>.png.
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../tools/chromium.ts';
import { startPreview } from '../tools/previewServer.ts';

const outDir = process.argv[2] ?? 'screenshots';
const routes =
  process.argv.length > 3
    ? process.argv.slice(3)
    : ['/', '/#/lessons/01-what-is-a-recurrent-network', '/#/review'];
const viewports = [
  { width: 375, height: 812 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
];
const port = 4180;

async function main() {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('Chromium not found: apt-get install -y chromium');
  mkdirSync(outDir, { recursive: true });
  const server = await startPreview(port);
  try {
    const browser = await chromium.launch({ executablePath, args: chromiumArgs, headless: true });
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const viewport of viewports) {
        const page = await browser.newPage({ viewport, colorScheme, deviceScaleFactor: 1 });
        for (const route of routes) {
          await page.goto(`${server.origin}${route}`);
          await page.waitForLoadState('networkidle');
          await page
            .getByText(/^Loading/)
            .first()
            .waitFor({ state: 'detached', timeout: 10_000 })
            .catch(() => {});
          await page.waitForTimeout(400);
          const name = route.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'home';
          await page.screenshot({
            path: `${outDir}/${name}-${viewport.width}-${colorScheme}.png`,
            fullPage: false,
          });
        }
        await page.close();
      }
    }
    await browser.close();
  } finally {
    server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
