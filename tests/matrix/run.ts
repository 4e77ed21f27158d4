// The bad-input matrix: a hostile or clumsy user's inputs against the production build in Chromium,
// each case judged automatically (see judge.ts), and a table by area. Exits 1 if any case is not clear.
//   npm run matrix                      (builds first; serves dist/ on MATRIX_PORT, default 4290)
//   npm run matrix -- --area storage    only the areas whose name contains the word
//   npm run matrix -- --only "lag"      only the cases whose name contains the text
//   npm run matrix -- --list            every case that is not clear, with what was found
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../tools/chromium.ts';
import { startPreview } from '../../tools/previewServer.ts';
import { faultCases } from './faults.ts';
import { type CaseResult, judge, type MatrixCase, type Outcome, Session, watchRejections } from './judge.ts';
import { fieldCases, linkCases } from './playground.ts';
import { routeCases } from './routes.ts';
import { storageCases } from './storage.ts';
import { weightCases } from './weights.ts';

const port = Number(process.env.MATRIX_PORT ?? 4290);
const argument = (name: string) => {
  const index = process.argv.indexOf(name);
  return index === -1 ? undefined : process.argv[index + 1];
};
const areaFilter = argument('--area');
const onlyFilter = argument('--only');
const listAll = process.argv.includes('--list');
const PARALLEL = Number(process.env.MATRIX_PARALLEL ?? 2);
const CASE_TIMEOUT_MS = 90_000;

const allCases: MatrixCase[] = [
  ...routeCases(),
  ...linkCases(),
  ...fieldCases(),
  ...weightCases(),
  ...storageCases(),
  ...faultCases(),
].filter(
  (one) =>
    (!areaFilter || one.area.includes(areaFilter)) &&
    (!onlyFilter || one.name.includes(onlyFilter) || one.area.includes(onlyFilter)),
);

/** Runs one case in a fresh context: its own storage, no service worker, its own workers. */
async function runCase(
  browser: Awaited<ReturnType<typeof chromium.launch>>,
  origin: string,
  one: MatrixCase,
): Promise<CaseResult[]> {
  const context = await browser.newContext({
    serviceWorkers: 'block',
    viewport: { width: 1280, height: 900 },
  });
  await context.addInitScript(watchRejections);
  const session = new Session(context, origin);
  session.page = await session.newPage();
  const results: CaseResult[] = [];
  try {
    const outcome = await Promise.race([
      one.run(session),
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error('case timed out')), CASE_TIMEOUT_MS),
      ),
    ]);
    if (Array.isArray(outcome)) {
      for (const check of outcome) {
        const since = session.problems.length;
        let finding: Awaited<ReturnType<typeof check.check>>;
        try {
          finding = await check.check();
        } catch (error) {
          finding = { outcome: 'stuck', detail: `the page never got there: ${String(error).slice(0, 160)}` };
        }
        const verdict = await judge(session, finding, since);
        results.push({ area: one.area, name: `${one.name} · ${check.name}`, ...verdict });
      }
    } else {
      const verdict = await judge(session, outcome as Awaited<ReturnType<typeof judge>> | null);
      results.push({ area: one.area, name: one.name, ...verdict });
    }
  } catch (error) {
    const verdict = await judge(session, {
      outcome: 'stuck',
      detail: `the page never got there: ${String(error).split('\n')[0]!.slice(0, 200)}`,
    }).catch(() => ({ outcome: 'freeze' as Outcome, detail: String(error) }));
    results.push({ area: one.area, name: one.name, ...verdict });
  } finally {
    await context.close().catch(() => {});
  }
  return results;
}

const OUTCOMES: readonly Outcome[] = ['clear', 'silent', 'crash', 'freeze', 'stuck', 'loss'];

function table(results: readonly CaseResult[]): string {
  const areas = [...new Set(results.map((result) => result.area))];
  const rows = [...areas, 'all'].map((area) => {
    const own = results.filter((result) => area === 'all' || result.area === area);
    const count = (outcome: Outcome) => own.filter((result) => result.outcome === outcome).length;
    return [area, String(own.length), ...OUTCOMES.map((outcome) => String(count(outcome)))];
  });
  const header = ['area', 'cases', ...OUTCOMES];
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => row[column]!.length)));
  const line = (row: readonly string[]) =>
    `| ${row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join(' | ')} |`;
  return [
    line(header),
    `|${widths.map((width, column) => (column === 0 ? '-'.repeat(width + 2) : `${'-'.repeat(width + 1)}:`)).join('|')}|`,
    ...rows.map(line),
  ].join('\n');
}

async function main() {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('Chromium not found: sudo apt-get install -y chromium');
  const server = await startPreview(port);
  // Interrupted (Ctrl-C, a timeout): the preview server is this run's child and goes with it.
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.on(signal, () => {
      server.stop();
      process.exit(130);
    });
  const started = Date.now();
  const browser = await chromium.launch({ executablePath, args: chromiumArgs, headless: true });
  const results: CaseResult[] = [];
  try {
    const queue = [...allCases];
    let done = 0;
    const lanes = Array.from({ length: PARALLEL }, async () => {
      for (let one = queue.shift(); one; one = queue.shift()) {
        const own = await runCase(browser, server.origin, one);
        results.push(...own);
        done++;
        for (const result of own.filter((item) => item.outcome !== 'clear'))
          process.stderr.write(`  ${result.outcome}: [${result.area}] ${result.name}: ${result.detail}\n`);
        if (done % 10 === 0) process.stderr.write(`${done} of ${allCases.length} pages…\n`);
      }
    });
    await Promise.all(lanes);
  } finally {
    await browser.close();
    server.stop();
  }
  const seconds = Math.round((Date.now() - started) / 1000);
  console.log(`Bad-input matrix: ${results.length} cases in ${seconds} s (Chromium, production build)\n`);
  console.log(table(results));
  const bad = results.filter((result) => result.outcome !== 'clear');
  if (listAll || bad.length <= 40)
    for (const result of bad)
      console.log(`${result.outcome}\t[${result.area}] ${result.name}\t${result.detail}`);
  process.exit(bad.length === 0 ? 0 : 1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
