// The inside panel's main-thread tasks at full size, measured in headless Chromium against the build: a
// 3-layer LSTM of 256 units, imported untrained, traced over a 2,000-character passage; then the unit, the
// layer and the series are changed a few times each, and a PerformanceObserver('longtask') reports every
// task over 50 ms per change (the goal is none).
//   npm run build && npx tsx scripts/lab-inside-tasks.ts [--json]      (E2E_PORT picks the port)
// --trace-open and --trace print what filled each long task (Chromium's timeline, with each task's CPU
// time next to its wall time: on a loaded machine the two differ several-fold) while the panel opens
// or while the layer and series change; after `npx vite build --minify false` functions keep names.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { LAB_FORMAT, LAB_VERSION, type SavedLab, savedLabFile } from '../app/lab/labSaved.ts';
import { createModel } from '../engine/model.ts';
import { createRng } from '../engine/rng.ts';
import { exportStateDict, stringifyStateDict } from '../engine/statedict.ts';
import { COURSE_PROSE } from '../engine/text/courseProse.ts';
import { buildVocabulary, DEFAULT_VOCABULARY } from '../engine/text/vocabulary.ts';
import { chromiumArgs, chromiumPath } from '../tools/chromium.ts';
import { startPreview } from '../tools/previewServer.ts';

const port = Number(process.env.E2E_PORT ?? 4283);
const json = process.argv.includes('--json');
const hiddenFlag = process.argv.indexOf('--hidden');
const HIDDEN = hiddenFlag > 0 ? Number(process.argv[hiddenFlag + 1]) : 256;
const PASSAGE = Array.from(COURSE_PROSE).slice(-2000).join('');

/** A lab export file: an untrained 3-layer LSTM of 256 units on the course prose (its traces are as costly). */
function fullSizeModel(): string {
  const { vocabulary } = buildVocabulary(COURSE_PROSE, DEFAULT_VOCABULARY);
  const V = vocabulary.symbols.length;
  const model = createModel('lstm', V, HIDDEN, V, createRng(1), { scheme: 'pytorch' }, 3);
  // Four decimals keep the file under the lab's size limit; the values do not matter, only the sizes.
  for (const param of model.params)
    for (let i = 0; i < param.w.length; i++) param.w[i] = Math.round(param.w[i]! * 1e4) / 1e4;
  const saved: SavedLab = {
    format: LAB_FORMAT,
    version: LAB_VERSION,
    savedAt: new Date().toISOString(),
    choice: {
      text: { kind: 'builtin', id: 'course-prose' },
      cell: 'lstm',
      layers: 3,
      hiddenSize: HIDDEN,
      seed: 1,
    },
    step: 0,
    weights: stringifyStateDict(exportStateDict(model.layers, model.head)),
    vocabulary: vocabulary.symbols,
    history: { stepOffset: 0, steps: [], loss: [], evaluations: [] },
    samples: [],
    profiles: [],
  };
  return savedLabFile(saved);
}

interface Change {
  readonly change: string;
  /** Every long task (ms) from the change until the panel settled. */
  readonly tasks: number[];
}

/** The long tasks seen since the last call, emptied. */
async function takeTasks(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const state = window as unknown as { __tasks: number[] };
    const tasks = state.__tasks.map((duration) => Math.round(duration));
    state.__tasks = [];
    return tasks;
  });
}

/** Runs `act`, waits until the panel is no longer drawing, and returns the long tasks in between. */
async function measureChange(page: Page, change: string, act: () => Promise<void>): Promise<Change> {
  await page.waitForTimeout(300);
  await takeTasks(page);
  await act();
  await page.waitForFunction(
    () => document.querySelector('.inside-panel')?.getAttribute('aria-busy') === 'false',
  );
  // Two frames and a breath more, so a task that follows the render is counted with it.
  await page.waitForTimeout(400);
  return { change, tasks: await takeTasks(page) };
}

type TraceEvent = {
  name?: string;
  ph?: string;
  ts?: number;
  dur?: number;
  /** The thread's CPU time in the event, µs: the work, without the time the thread waited for a core. */
  tdur?: number;
  pid?: number;
  tid?: number;
  args?: { name?: string; data?: { functionName?: string } };
};
type CpuProfile = {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
};

/** An event's name, with the function a FunctionCall ran. */
function eventName(event: TraceEvent): string {
  return event.name === 'FunctionCall'
    ? `FunctionCall ${event.args?.data?.functionName ?? ''}`
    : (event.name ?? '');
}

/**
 * Records Chromium's timeline and a CPU profile until the returned function is called, which prints
 * each long task on the page's main thread with what filled it (Paint, PrePaint, script by function),
 * then the profile's functions by self time. A non-minified build (npx vite build --minify false)
 * gives the functions their names.
 */
async function startTrace(page: Page): Promise<() => Promise<void>> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (data) => events.push(...(data.value as TraceEvent[])));
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute,toplevel',
  });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  return async () => {
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await done;
    const main = events.find(
      (event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain',
    );
    const onMain = events.filter(
      (event) => event.tid === main?.tid && event.pid === main?.pid && event.ph === 'X',
    );
    for (const task of onMain.filter((event) => event.name === 'RunTask' && (event.dur ?? 0) > 50_000)) {
      const start = task.ts ?? 0;
      const end = start + (task.dur ?? 0);
      const inside = new Map<string, number>();
      for (const event of onMain) {
        if (event === task || (event.ts ?? 0) < start || (event.ts ?? 0) >= end) continue;
        inside.set(eventName(event), (inside.get(eventName(event)) ?? 0) + (event.dur ?? 0) / 1000);
      }
      const parts = [...inside].sort((a, b) => b[1] - a[1]).slice(0, 8);
      console.log(
        `long task ${((task.dur ?? 0) / 1000).toFixed(0)} ms (CPU ${((task.tdur ?? 0) / 1000).toFixed(0)} ms): ${parts.map(([name, ms]) => `${name} ${ms.toFixed(0)}`).join(', ')}`,
      );
    }
    const selfTime = new Map<string, number>();
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    profile.samples.forEach((id, index) => {
      const frame = byId.get(id)?.callFrame;
      const name = frame
        ? `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber}`
        : '?';
      selfTime.set(name, (selfTime.get(name) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
    });
    console.log('CPU profile, self time:');
    for (const [name, ms] of [...selfTime].sort((a, b) => b[1] - a[1]).slice(0, 25))
      console.log(`  ${ms.toFixed(1).padStart(8)} ms  ${name}`);
  };
}

async function main() {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('Chromium not found: apt-get install -y chromium');
  const server = await startPreview(port);
  try {
    const browser = await chromium.launch({ executablePath, args: chromiumArgs, headless: true });
    const size = process.argv.indexOf('--viewport');
    const [width, height] = (size > 0 ? process.argv[size + 1]! : '1280x900').split('x').map(Number);
    const page = await browser.newPage({ viewport: { width: width!, height: height! } });
    await page.addInitScript(() => {
      const state = window as unknown as { __tasks: number[] };
      state.__tasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) state.__tasks.push(entry.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(`${server.origin}/#/lab?text=course-prose`);
    // A model of the full size, imported (training one would take minutes and a step outlasts Pause).
    const file = join(mkdtempSync(join(tmpdir(), 'unroll-lab-')), 'full-size.json');
    writeFileSync(file, fullSizeModel());
    await page.getByLabel('Import a model…').setInputFiles(file, { timeout: 120_000 });
    await page
      .getByRole('button', { name: 'Look inside', exact: true })
      .and(page.locator(':enabled'))
      .waitFor({ timeout: 120_000 })
      .catch(async (error: Error) => {
        throw new Error(
          `${error.message}\nThe page shows: ${(await page.locator('[role=alert], [role=status], .run-status').allInnerTexts()).join(' | ')}`,
        );
      });
    await page.getByLabel(/^Passage to look at/).fill(PASSAGE);
    // The import's own tasks (reading the file, building the model) are not the panel's.
    await page.waitForTimeout(500);
    await takeTasks(page);
    const traceOpening = process.argv.includes('--trace-open') ? await startTrace(page) : null;
    await page.getByRole('button', { name: 'Look inside', exact: true }).click();
    await page
      .getByRole('region', { name: 'Find a unit for…' })
      .waitFor({ timeout: 120_000 })
      .catch(async (error: Error) => {
        const seen = `${await page.locator('.run-status').textContent()}\n${await page.locator('.lab-inside').textContent()}`;
        throw new Error(`${error.message}\nThe inside section shows: ${seen.slice(0, 600)}`);
      });
    await page.waitForFunction(
      () => document.querySelector('.inside-panel')?.getAttribute('aria-busy') === 'false',
    );
    await page.waitForTimeout(400);
    const opened = await takeTasks(page);
    await traceOpening?.();
    const panel = page.locator('.inside-panel');
    const traceChanges = process.argv.includes('--trace') ? await startTrace(page) : null;
    const changes: Change[] = [];
    for (let i = 0; i < 4; i++) {
      changes.push(
        await measureChange(page, 'next unit', () =>
          panel.getByRole('button', { name: 'Next unit' }).click(),
        ),
      );
    }
    for (const layer of ['1', '2', '3']) {
      changes.push(
        await measureChange(page, `layer ${layer}`, async () => {
          await panel
            .locator('.inside-picker')
            .getByLabel('Layer')
            .selectOption(layer === '1' ? '0' : String(Number(layer) - 1));
        }),
      );
    }
    for (const kind of ['c', 'o', 'h']) {
      changes.push(
        await measureChange(page, `series ${kind}`, async () => {
          await panel.locator('.inside-picker').getByLabel('Series').selectOption(kind);
        }),
      );
    }
    await traceChanges?.();
    const shot = process.argv.indexOf('--shot');
    if (shot > 0) {
      // With the best unit for "inside quotes" shown, so its signal's bars sit under the text.
      const best = page.getByRole('region', { name: 'Find a unit for…' }).getByRole('listitem').first();
      await best.getByRole('button', { name: /^Show / }).click();
      await page.locator('.inside-strip').first().waitFor();
      await page.waitForTimeout(500);
      await page.locator('.inside-panel').screenshot({ path: process.argv[shot + 1]! });
    }
    await browser.close();
    const all = changes.flatMap((change) => change.tasks);
    const result = {
      opened,
      changes,
      longestMs: Math.max(0, ...all),
      over50: all.length,
      changesWithTask: changes.filter((change) => change.tasks.length > 0).length,
    };
    if (json) {
      console.log(JSON.stringify(result));
      return;
    }
    console.log(`Inside panel, 2,000 characters × ${HIDDEN} units × 3 layers (LSTM), 1280×900`);
    console.log(`  opening the panel: tasks ${opened.join(', ') || 'none'} ms`);
    for (const change of changes)
      console.log(`  ${change.change.padEnd(10)} tasks > 50 ms: ${change.tasks.join(', ') || 'none'}`);
    console.log(
      `  ${result.changesWithTask} of ${changes.length} changes had a task over 50 ms; longest ${result.longestMs} ms`,
    );
  } finally {
    server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
