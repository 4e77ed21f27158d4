// The language lab's goals, measured in headless Chromium against the build with the lab's defaults on
// the course prose: seconds from pressing Train until held-out perplexity falls below the bigram
// baseline; the share of sampled words (temperature 0.5) that are words of the text after 3 minutes;
// and frames per second and the longest main-thread task while it trains, samples and autocompletes.
// The inside panel is open on the page (a look inside after 25 s) while frames are counted.
// With --text toy-code: the defaults on the toy code, then after the time budget "find a unit" for
// inside quotes and bracket depth (every series searched), and the best |r| (goal ≥ 0.6).
//   npm run bench:lab            (builds first)     npm run bench:lab -- --json --minutes 3
//   E2E_PORT=4314 npx tsx scripts/lab-goals.ts --text toy-code        (the port defaults to 4282)
import { chromium, type Page } from 'playwright-core';
import { COURSE_PROSE } from '../engine/text/courseProse.ts';
import { chromiumArgs, chromiumPath } from '../tools/chromium.ts';
import { startPreview } from '../tools/previewServer.ts';
import { wordShare } from './labWords.ts';

const port = Number(process.env.E2E_PORT ?? 4282);
const toyCode = process.argv.includes('toy-code');
const json = process.argv.includes('--json');
const minutesFlag = process.argv.indexOf('--minutes');
const trainMs = (minutesFlag > 0 ? Number(process.argv[minutesFlag + 1]) : 3) * 60_000;
const goals = { bigramSeconds: 60, wordShare: 0.6, fps: 55, longestTaskMs: 50 };

/** The page's standing line: "Held-out perplexity 8.43 at step 300 (bigram 12.8, unigram 25.7): …". */
async function standing(page: Page): Promise<{ perplexity: number; bigram: number } | null> {
  const text =
    (await page
      .locator('.lab-standing')
      .textContent()
      .catch(() => null)) ?? '';
  const match = /perplexity ([\d.,]+) at step [\d,]+ \(bigram ([\d.,]+)/.exec(text);
  if (!match) return null;
  const read = (value: string) => Number(value.replace(/,/g, ''));
  return { perplexity: read(match[1]!), bigram: read(match[2]!) };
}

/** Presses Look inside (the default passage, the end of the text) and waits for the panel. */
async function lookInside(page: Page) {
  await page.getByRole('button', { name: /^Look inside/ }).click();
  await page.getByRole('region', { name: 'Find a unit for…' }).waitFor({ timeout: 120_000 });
}

/** The best |r| "find a unit" ranks for each hypothesis (it searches every series), as "Inside quotes: Unit 5 (cell state c): r = 0.71". */
async function findUnits(page: Page): Promise<{ label: string; r: number }[]> {
  const find = page.getByRole('region', { name: 'Find a unit for…' });
  const found: { label: string; r: number }[] = [];
  for (const hypothesis of ['Inside quotes', 'Bracket depth']) {
    await find.getByLabel('Hypothesis').selectOption({ label: hypothesis });
    await page.waitForFunction(
      () => !document.querySelector('.inside-panel')?.textContent?.includes('Ranking every unit'),
    );
    const first = (await find.locator('.inside-ranking li').first().textContent({ timeout: 60_000 })) ?? '';
    const r = Number(/r = (−?-?[\d.]+)/.exec(first)?.[1]?.replace('−', '-') ?? Number.NaN);
    found.push({ label: `${hypothesis}: ${first.replace(/\s*Show$/, '')}`, r: Math.abs(r) });
  }
  return found;
}

/** Frames per second and the longest task over `seconds`, while `busy` types into the page. */
async function measure(page: Page, seconds: number, busy: () => Promise<void>) {
  await page.evaluate(() => {
    (window as unknown as { __longest: number }).__longest = 0;
  });
  // Passed as text: tsx would otherwise wrap named functions in a helper the page does not have.
  const frames = page.evaluate(`new Promise((resolve) => {
    let count = 0;
    const start = performance.now();
    function tick(now) {
      count++;
      if (now - start < ${seconds * 1000}) requestAnimationFrame(tick);
      else resolve((count * 1000) / (now - start));
    }
    requestAnimationFrame(tick);
  })`) as Promise<number>;
  await busy();
  const fps = await frames;
  const longest = await page.evaluate(() => (window as unknown as { __longest: number }).__longest);
  return { fps: Number(fps.toFixed(1)), longestTaskMs: Number(longest.toFixed(1)) };
}

async function main() {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('Chromium not found: apt-get install -y chromium');
  const server = await startPreview(port);
  try {
    const browser = await chromium.launch({ executablePath, args: chromiumArgs, headless: true });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.addInitScript(() => {
      const state = window as unknown as { __longest: number };
      state.__longest = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) state.__longest = Math.max(state.__longest, entry.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(`${server.origin}/#/lab?text=${toyCode ? 'toy-code' : 'course-prose'}`);
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    const start = Date.now();
    let bigramSeconds: number | null = null;
    let frames: { fps: number; longestTaskMs: number } | null = null;
    const box = page.getByLabel('Type, and see what the model expects next');
    while (Date.now() - start < trainMs) {
      const now = await standing(page);
      if (bigramSeconds === null && now && now.perplexity < now.bigram)
        bigramSeconds = (Date.now() - start) / 1000;
      // Once, after half a minute: six seconds of frames while it trains, samples and autocompletes,
      // with the inside panel open further down the page.
      if (frames === null && Date.now() - start > 25_000) {
        await lookInside(page);
        frames = await measure(page, 6, async () => {
          await box.click();
          await box.press('End');
          await page.keyboard.type(' the network learns', { delay: 150 });
        });
      }
      await page.waitForTimeout(500);
    }
    if (toyCode) {
      // The steps it reached, for a Node cross-check of the same model (scripts/lab-node.ts --train-steps).
      const run = await page.locator('.run-status li').first().textContent();
      await lookInside(page);
      const found = await findUnits(page);
      await browser.close();
      const best = Math.max(...found.map((one) => one.r));
      const status = `bigram after ${bigramSeconds ?? 'never'} s; frames ${JSON.stringify(frames)}; ${run}`;
      if (json) console.log(JSON.stringify({ best, found, trainedSeconds: trainMs / 1000, ...frames, run }));
      else {
        console.log(`Language lab goals in Chromium (toy code, the lab’s defaults, ${trainMs / 1000} s)`);
        for (const one of found) console.log(`  ${one.label}`);
        console.log(`  best |r| ${best.toFixed(2)} (goal ≥ 0.6); ${status}`);
      }
      return;
    }
    // The samples taken after the time budget, at temperature 0.5 (the slider's start).
    const status = await page.locator('.run-status li').first().textContent();
    const problems = await page.locator('.run-problem').allTextContents();
    if (problems.length > 0 || !(await page.getByRole('button', { name: 'Sample now' }).isEnabled())) {
      throw new Error(`The lab cannot sample: ${status}; ${problems.join(' ')}`);
    }
    // The timeline keeps the newest 40, so a new sample shows as a new first entry, not a longer list.
    const first = page.locator('.lab-sample-list li').first();
    const before = (await first.textContent().catch(() => null)) ?? '';
    console.error(`bigram after ${bigramSeconds} s; frames ${JSON.stringify(frames)}; ${status}`);
    await page.getByRole('button', { name: 'Sample now' }).click();
    await page.waitForFunction(
      (previous) => (document.querySelector('.lab-sample-list li')?.textContent ?? '') !== previous,
      before,
      { timeout: 120_000 },
    );
    const sample = (await page.locator('.lab-sample-list li .lab-sample-text').first().textContent()) ?? '';
    const prime = (await page.locator('.lab-sample-list li .lab-sample-prime').first().textContent()) ?? '';
    const written = sample.slice(prime.length);
    await browser.close();
    const result = {
      bigramSeconds,
      wordShare: Number(wordShare(written, COURSE_PROSE).toFixed(3)),
      trainedSeconds: trainMs / 1000,
      ...frames,
      status,
      sample: written,
    };
    if (json) {
      console.log(JSON.stringify(result));
      return;
    }
    console.log('Language lab goals in Chromium (course prose, the lab’s defaults, 1280×900)');
    console.log(
      `  below the bigram after    ${bigramSeconds ?? 'never'} s (goal ≤ ${goals.bigramSeconds} s)`,
    );
    console.log(
      `  words of the text         ${(100 * result.wordShare).toFixed(1)}% after ${trainMs / 1000} s at T 0.5 (goal ≥ ${100 * goals.wordShare}%)`,
    );
    console.log(`  frames per second         ${frames?.fps} (goal ≥ ${goals.fps})`);
    console.log(
      `  longest main-thread task  ${frames?.longestTaskMs} ms (goal ≤ ${goals.longestTaskMs}; 0: none over 50 ms)`,
    );
    console.log(`  ${status}`);
    console.log(`  sample: ${prime}${written}`);
  } finally {
    server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
