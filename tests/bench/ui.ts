// UI benchmark: frame rate and the longest main-thread task in headless Chromium while three runs
// train side by side in the playground, and the size of the JavaScript a first visit downloads.
// Measured twice: at the top of the page (the loss chart in view), then scrolled to the first run's
// gate heatmap and cell diagram, the costliest figures to keep live. Then the wall time of lesson 2's
// memory-horizon sweep (goal: 10 s on a quiet two-core machine), with the load average around it.
//   npm run bench:ui            (builds first)     npm run bench:ui -- --json
//   npm run bench:ui -- --sweep                    the sweep's wall time alone
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../tools/chromium.ts';
import { startPreview } from '../../tools/previewServer.ts';
import { measureSweep, type SweepTiming } from './sweepTime.ts';

const port = 4185;
const seconds = 6;
const json = process.argv.includes('--json');
const sweepOnly = process.argv.includes('--sweep');
const goals = { fps: 55, longestTaskMs: 50, initialJsKbGzip: 200, sweepSeconds: 10 };

function sweepLine(sweep: SweepTiming): string {
  const cpu = sweep.cpuSeconds === null ? '' : `, ${sweep.cpuSeconds.toFixed(1)} CPU s in Chromium`;
  return `memory-horizon sweep     ${sweep.seconds.toFixed(1)} s wall${cpu} (goal ≤ ${goals.sweepSeconds} s on a quiet machine; ${sweep.cores} cores, load average ${sweep.loadBefore.join(' ')} before, ${sweep.loadAfter.join(' ')} after)`;
}

/** The scripts index.html loads at once (entry and modulepreloads), gzipped as a server would send them. */
function initialJavaScriptKb(): { kb: number; files: string[] } {
  const html = readFileSync('dist/index.html', 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((match) => match[1]!);
  const bytes = files.reduce(
    (sum, file) => sum + gzipSync(readFileSync(`dist/${file}`), { level: 9 }).length,
    0,
  );
  return { kb: bytes / 1024, files };
}

async function main() {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('Chromium not found: apt-get install -y chromium');
  const server = await startPreview(port);
  try {
    const browser = await chromium.launch({ executablePath, args: chromiumArgs, headless: true });
    if (sweepOnly) {
      const sweep = await measureSweep(browser, server.origin);
      await browser.close();
      console.log(json ? JSON.stringify({ sweep }) : `UI benchmark: ${sweepLine(sweep)}`);
      return;
    }
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.addInitScript(() => {
      const state = window as unknown as { __longest: number };
      state.__longest = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) state.__longest = Math.max(state.__longest, entry.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(`${server.origin}/?until=100000&b.cell=gru&c.cell=rnn#/playground`);
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await page.waitForFunction(() =>
      /training, step [1-9]/.test(document.querySelector('.run-status li')?.textContent ?? ''),
    );
    // Measure after the first snapshots have arrived and the figures are drawing.
    const top = await measure(page);
    // Far figures wait to redraw until they come near; the gate figures follow the run picker.
    await page.locator('.run-focus').scrollIntoViewIfNeeded();
    const gateHeading = page.getByRole('heading', { name: 'LSTM gates over time' });
    await gateHeading.waitFor();
    await gateHeading.evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await page.waitForTimeout(500);
    const gates = await measure(page);
    const steps = await page.locator('.run-status li').allTextContents();
    await page.close();
    // The playground's runs are gone with its page, so the sweep has the machine to itself.
    const sweep = await measureSweep(browser, server.origin);
    await browser.close();
    const initial = initialJavaScriptKb();
    const result = {
      fps: top.fps,
      longestTaskMs: top.longestTaskMs,
      gates,
      initialJsKbGzip: Number(initial.kb.toFixed(1)),
      runs: steps,
      sweep,
    };
    if (json) {
      console.log(JSON.stringify(result));
      return;
    }
    console.log(
      `UI benchmark: three runs (LSTM, GRU, RNN) training in the playground, ${seconds} s, 1280×900`,
    );
    for (const [where, figures] of [
      ['top of the page (loss chart)', top],
      ['scrolled to the gate figures', gates],
    ] as const) {
      console.log(`  ${where}:`);
      console.log(
        `    frames per second        ${figures.fps.toFixed(1)}   (goal ≥ ${goals.fps}; ratio ${(figures.fps / goals.fps).toFixed(2)})`,
      );
      console.log(
        `    longest main-thread task ${figures.longestTaskMs.toFixed(1)} ms (goal ≤ ${goals.longestTaskMs} ms; 0 means no task over 50 ms was reported)`,
      );
    }
    console.log(
      `  initial JavaScript       ${result.initialJsKbGzip.toFixed(1)} KB gzip (goal ≤ ${goals.initialJsKbGzip}; ${initial.files.join(', ')})`,
    );
    for (const line of steps) console.log(`  ${line}`);
    console.log(`  ${sweepLine(sweep)}`);
  } finally {
    server.stop();
  }
}

/** Frames per second and the longest task over the next `seconds` seconds, as the page sees them. */
async function measure(page: Page): Promise<{ fps: number; longestTaskMs: number }> {
  await page.evaluate(() => {
    (window as unknown as { __longest: number }).__longest = 0;
  });
  // Passed as text: tsx would otherwise wrap named functions in a helper the page does not have.
  const frames = (await page.evaluate(`new Promise((resolve) => {
    let count = 0;
    const start = performance.now();
    function tick(now) {
      count++;
      if (now - start < ${seconds * 1000}) requestAnimationFrame(tick);
      else resolve((count * 1000) / (now - start));
    }
    requestAnimationFrame(tick);
  })`)) as number;
  const longest = await page.evaluate(() => (window as unknown as { __longest: number }).__longest);
  return { fps: Number(frames.toFixed(1)), longestTaskMs: Number(longest.toFixed(1)) };
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
