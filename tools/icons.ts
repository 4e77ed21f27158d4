// Renders the app's icons (public/icon.svg, public/icon-maskable.svg) to the PNG sizes the web app
// manifest and iOS ask for, in headless Chromium so that no image library is needed.
//   npx tsx tools/icons.ts
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './chromium.ts';

const renders = [
  { source: 'public/icon.svg', size: 192, out: 'public/icon-192.png' },
  { source: 'public/icon.svg', size: 512, out: 'public/icon-512.png' },
  { source: 'public/icon-maskable.svg', size: 512, out: 'public/icon-maskable-512.png' },
  // iOS rounds the corners itself, so its icon is the full-bleed square.
  { source: 'public/icon-maskable.svg', size: 180, out: 'public/apple-touch-icon.png' },
];

async function main() {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('Chromium not found: apt-get install -y chromium');
  const browser = await chromium.launch({ executablePath, args: chromiumArgs, headless: true });
  try {
    for (const { source, size, out } of renders) {
      const page = await browser.newPage({ viewport: { width: size, height: size } });
      const svg = readFileSync(source, 'utf8');
      await page.setContent(
        `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
      );
      await page.screenshot({ path: out, omitBackground: true });
      await page.close();
      console.log(`${out} (${size} px)`);
    }
  } finally {
    await browser.close();
  }
}

await main();
