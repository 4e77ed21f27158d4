// Main-thread tasks on every route of the production build, as a phone would feel them: each route is
// opened cold (a fresh browser context: no cache, no service worker) in a 412×823 mobile viewport, left to
// settle, then scrolled to the bottom a screen at a time, once at full speed and once with the CPU slowed
// 4× (Chromium's CPU throttling, as Lighthouse's mobile profile does). A Chromium trace of the page's
// main thread gives every top-level task; per route it prints the longest and the total blocking time
// (the sum of each task's time over 50 ms). Goals: no task over 50 ms at full speed, none over 200 ms
// at 4×; exits 1 when a route misses one.
//   npm run bench:tasks                  (builds first)
//   npm run bench:tasks -- --json        rows as JSON
//   npm run bench:tasks -- --only lessons/03 --rate 4     routes containing a text, one speed
// TASKS_PORT picks the preview port (default 4187); TRACE_DIR keeps each trace (with V8's sampling
// profile) for a closer look in DevTools.
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { type Browser, chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../tools/chromium.ts';
import { startPreview } from '../../tools/previewServer.ts';
import { routes } from './routes.ts';

const { values: options } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    only: { type: 'string' },
    rate: { type: 'string' },
  },
});
const port = Number(process.env.TASKS_PORT ?? 4187);
const traceDir = process.env.TRACE_DIR;
/** CPU slowdown -> the longest task allowed, in ms. */
const goals = new Map([
  [1, 50],
  [4, 200],
]);
const blockingThresholdMs = 50;

interface Task {
  readonly start: number;
  readonly ms: number;
}

interface Row {
  readonly route: string;
  readonly rate: number;
  readonly longestMs: number;
  /** Whether the longest task came while the page settled after opening, or while scrolling. */
  readonly longestWhen: 'load' | 'scroll';
  readonly totalBlockingMs: number;
  readonly tasksOver50: number;
  readonly pass: boolean;
}

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  readonly ts: number;
  readonly dur?: number;
  readonly args?: { readonly name?: string };
}

/** Names Chromium gives a top-level task of a thread's run loop (Lighthouse counts the same ones). */
const taskNames = new Set(['RunTask', 'ThreadControllerImpl::RunTask', 'ThreadControllerImpl::DoWork']);

/**
 * The top-level tasks of the busiest renderer main thread in a trace (the page's; other renderers are
 * about:blank or none), nested task events folded into the one that contains them.
 */
export function mainThreadTasks(events: readonly TraceEvent[]): Task[] {
  const mainThreads = new Set(
    events
      .filter(
        (event) => event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain',
      )
      .map((event) => `${event.pid}:${event.tid}`),
  );
  const byThread = new Map<string, TraceEvent[]>();
  for (const event of events) {
    const key = `${event.pid}:${event.tid}`;
    if (event.ph !== 'X' || !taskNames.has(event.name) || !mainThreads.has(key)) continue;
    byThread.set(key, [...(byThread.get(key) ?? []), event]);
  }
  let busiest: Task[] = [];
  let busiestTotal = -1;
  for (const list of byThread.values()) {
    const sorted = [...list].sort((a, b) => a.ts - b.ts);
    const tasks: Task[] = [];
    let end = -Infinity;
    for (const event of sorted) {
      const stop = event.ts + (event.dur ?? 0);
      if (event.ts < end) continue;
      tasks.push({ start: event.ts / 1000, ms: (event.dur ?? 0) / 1000 });
      end = stop;
    }
    const total = tasks.reduce((sum, task) => sum + task.ms, 0);
    if (total > busiestTotal) {
      busiest = tasks;
      busiestTotal = total;
    }
  }
  return busiest;
}

async function measure(browser: Browser, origin: string, route: string, rate: number): Promise<Row> {
  const context = await browser.newContext({
    viewport: { width: 412, height: 823 },
    deviceScaleFactor: 1.75,
    isMobile: true,
    hasTouch: true,
  });
  const page = await context.newPage();
  const session = await context.newCDPSession(page);
  await session.send('Emulation.setCPUThrottlingRate', { rate });
  const categories = [
    'devtools.timeline',
    'disabled-by-default-devtools.timeline',
    'toplevel',
    'blink.user_timing',
  ];
  if (traceDir) categories.push('disabled-by-default-v8.cpu_profiler', 'v8.execute');
  await browser.startTracing(page, { categories });
  await page.goto(`${origin}${route}`, { waitUntil: 'load' });
  // Settle: lazy chunks, fonts, the worker's first answers, idle-time mounting.
  await page.waitForTimeout(1500 * rate);
  // A user-timing mark in the trace separates opening from scrolling.
  await page.evaluate(() => performance.mark('bench:scroll'));
  for (let step = 0; step < 200; step += 1) {
    const atBottom = await page.evaluate(() => {
      const before = window.scrollY;
      window.scrollBy(0, Math.round(window.innerHeight * 0.9));
      return window.scrollY === before;
    });
    if (atBottom) break;
    await page.waitForTimeout(150 * rate);
  }
  await page.waitForTimeout(1000 * rate);
  const trace = await browser.stopTracing();
  await context.close();
  const parsed = JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  if (traceDir) {
    mkdirSync(traceDir, { recursive: true });
    writeFileSync(`${traceDir}/${route.replace(/[^a-z0-9]+/gi, '_')}-x${rate}.json`, trace);
  }
  const tasks = mainThreadTasks(events);
  const longest = tasks.reduce<Task>((best, task) => (task.ms > best.ms ? task : best), { start: 0, ms: 0 });
  const mark = events.find((event) => event.name === 'bench:scroll');
  const settleAt = mark ? mark.ts / 1000 : Infinity;
  const over = tasks.filter((task) => task.ms > blockingThresholdMs);
  const goal = goals.get(rate) ?? 50 * rate;
  return {
    route,
    rate,
    longestMs: Math.round(longest.ms),
    longestWhen: longest.start < settleAt ? 'load' : 'scroll',
    totalBlockingMs: Math.round(over.reduce((sum, task) => sum + task.ms - blockingThresholdMs, 0)),
    tasksOver50: over.length,
    pass: longest.ms <= goal,
  };
}

function table(rows: readonly Row[]): string {
  const lines = [
    '| route | CPU | longest task | when | total blocking time | tasks over 50 ms | goal |',
    '| --- | ---: | ---: | --- | ---: | ---: | --- |',
    ...rows.map(
      (row) =>
        `| \`${row.route}\` | ${row.rate}× | ${row.longestMs} ms | ${row.longestWhen} | ${row.totalBlockingMs} ms | ${row.tasksOver50} | ${row.pass ? 'met' : `missed (≤ ${goals.get(row.rate) ?? 50 * row.rate} ms)`} |`,
    ),
  ];
  return lines.join('\n');
}

async function main() {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('Chromium not found: apt-get install -y chromium');
  const rates = options.rate ? [Number(options.rate)] : [...goals.keys()];
  const list = routes().filter((route) => !options.only || route.includes(options.only));
  if (list.length === 0) throw new Error(`No route contains "${options.only}"`);
  const server = await startPreview(port);
  const rows: Row[] = [];
  try {
    const browser = await chromium.launch({ executablePath, args: chromiumArgs, headless: true });
    try {
      for (const route of list) {
        for (const rate of rates) {
          const row = await measure(browser, server.origin, route, rate);
          if (!options.json)
            console.error(`  ${route} ${rate}×: longest ${row.longestMs} ms (${row.longestWhen})`);
          rows.push(row);
        }
      }
    } finally {
      await browser.close();
    }
  } finally {
    server.stop();
  }
  console.log(options.json ? JSON.stringify(rows, null, 2) : table(rows));
  if (rows.some((row) => !row.pass)) process.exitCode = 1;
}

await main();
