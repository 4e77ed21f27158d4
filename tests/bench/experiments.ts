// Every live experiment a lesson places, timed as its reader gets it: open the lesson, press Train at the
// default speed ("As fast as possible"), wait until every run of the experiment has ended, and take the
// wall time, with the CPU time Chromium spent meanwhile and the load average (the machine's other work
// stretches the wall time; the CPU time hardly moves with it). Then lesson 2's memory-horizon sweep. The
// goal of issue 12: each finishes within 10 s on this machine when it is quiet.
//   npm run bench:experiments                 (builds first)
//   npx tsx tests/bench/experiments.ts [--only <slug text>] [--json]   after a build
import { readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { chromium, type Locator, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../tools/chromium.ts';
import { startPreview } from '../../tools/previewServer.ts';
import { scrollToEnd } from '../e2e/scrollToEnd.ts';
import { measureSweep, treeCpuSeconds } from './sweepTime.ts';

const GOAL_SECONDS = 10;
const port = Number(process.env.EXPERIMENTS_PORT ?? 4188);
const json = process.argv.includes('--json');
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt >= 0 ? process.argv[onlyAt + 1] : undefined;

interface Timing {
  readonly lesson: string;
  readonly experiment: string;
  readonly runs: number;
  readonly seconds: number;
  readonly cpuSeconds: number | null;
  readonly outcome: string;
  readonly load: readonly number[];
}

const load = () => loadavg().map((value) => Number(value.toFixed(2)));

/**
 * Scrolls to the bottom a screen at a time until the page has stopped growing for a second and a half,
 * so the lesson's progressively mounted blocks and its figures that mount near view are all there.
 */
const over = /finished|stopped|diverged|could not start|the worker stopped/;

async function timeExperiment(page: Page, panel: Locator): Promise<Omit<Timing, 'lesson' | 'load'>> {
  await panel.scrollIntoViewIfNeeded();
  const experiment =
    (await panel.getAttribute('aria-label')) ??
    ((await panel.locator('h3, h2').first().textContent()) ?? 'experiment').trim();
  const lines = panel.locator('.run-status li');
  const cpuBefore = treeCpuSeconds(process.pid);
  const started = Date.now();
  await panel.getByRole('button', { name: 'Train', exact: true }).first().click();
  const done = async () =>
    (await panel.getByRole('button', { name: 'Train again', exact: true }).count()) > 0 &&
    (await lines.allTextContents()).every((line) => over.test(line));
  for (let waited = 0; waited < 180_000 && !(await done()); waited += 100) await page.waitForTimeout(100);
  const seconds = (Date.now() - started) / 1000;
  const cpuAfter = treeCpuSeconds(process.pid);
  const texts = await lines.allTextContents();
  return {
    experiment,
    runs: texts.length,
    seconds: Number(seconds.toFixed(1)),
    cpuSeconds: cpuBefore === null || cpuAfter === null ? null : Number((cpuAfter - cpuBefore).toFixed(1)),
    outcome: texts.map((text) => text.replace(/\s+/g, ' ').trim()).join('; '),
  };
}

async function main() {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('Chromium not found: apt-get install -y chromium');
  const slugs = readdirSync('lessons', { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .filter((slug) => !only || slug.includes(only))
    .sort();
  const server = await startPreview(port);
  const timings: Timing[] = [];
  try {
    const browser = await chromium.launch({ executablePath, args: chromiumArgs, headless: true });
    for (const slug of slugs) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(`${server.origin}/#/lessons/${slug}`);
      await scrollToEnd(page, { step: 800, stillFor: 30, maxTurns: 1200 });
      // Which panels train (found once: a trained panel's button then reads Train again).
      const all = page.locator('.live-panel');
      const trainable: number[] = [];
      for (let index = 0; index < (await all.count()); index += 1) {
        const train = all.nth(index).getByRole('button', { name: 'Train', exact: true });
        if ((await train.count()) > 0) trainable.push(index);
      }
      for (const index of trainable) {
        const before = load();
        const timing = await timeExperiment(page, all.nth(index));
        timings.push({ lesson: slug, ...timing, load: before });
        if (!json) {
          const cpu = timing.cpuSeconds === null ? '' : `, ${timing.cpuSeconds} CPU s`;
          console.log(
            `${slug} · ${timing.experiment}: ${timing.seconds} s wall${cpu} (load ${before.join(' ')}) · ${timing.outcome}`,
          );
        }
      }
      await page.close();
    }
    const sweep =
      only && !'02-backpropagation-through-time'.includes(only)
        ? null
        : await measureSweep(browser, server.origin);
    await browser.close();
    if (json) {
      console.log(JSON.stringify({ goalSeconds: GOAL_SECONDS, timings, sweep }, null, 2));
      return;
    }
    if (sweep) {
      console.log(
        `02-backpropagation-through-time · memory-horizon sweep: ${sweep.seconds} s wall, ${sweep.cpuSeconds ?? '?'} CPU s (load ${sweep.loadBefore.join(' ')})`,
      );
    }
    const slowest = Math.max(...timings.map((timing) => timing.seconds), sweep?.seconds ?? 0);
    console.log(
      `\n${timings.length} experiments${sweep ? ' and the sweep' : ''}; the slowest took ${slowest.toFixed(1)} s (goal ≤ ${GOAL_SECONDS} s on a quiet machine; load average now ${load().join(' ')})`,
    );
  } finally {
    server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
