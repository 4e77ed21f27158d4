// Lighthouse (mobile profile: a mid-range phone on a slow 4G link, simulated) on every route of the
// production build, served by `vite preview` with the site's Content-Security-Policy header. Prints
// performance, accessibility, best practices and SEO (0-100) and total blocking time per route.
//   npm run bench:lighthouse          (builds first)     npm run bench:lighthouse -- --json
//   npm run bench:lighthouse -- --only lessons/02      routes containing a text
// Chromium: CHROME_PATH, else CHROMIUM_PATH, else Debian's /usr/bin/chromium.
import { type ChildProcess, spawn } from 'node:child_process';
import lighthouse from 'lighthouse';
import { chromiumArgs, chromiumPath } from '../../tools/chromium.ts';
import { startPreview } from '../../tools/previewServer.ts';
import { routes } from './routes.ts';

// LIGHTHOUSE_PORT and LIGHTHOUSE_DEBUGGING_PORT move the preview server and Chromium's DevTools port.
const port = Number(process.env.LIGHTHOUSE_PORT ?? 4186);
const debuggingPort = Number(process.env.LIGHTHOUSE_DEBUGGING_PORT ?? 9336);
const json = process.argv.includes('--json');
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt >= 0 ? process.argv[onlyAt + 1] : undefined;
const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

interface Row {
  readonly route: string;
  readonly scores: Record<(typeof categories)[number], number | null>;
  readonly totalBlockingTimeMs: number | null;
  /** First and largest contentful paint and speed index (ms, simulated), layout shift. */
  readonly firstPaintMs: number | null;
  readonly largestPaintMs: number | null;
  readonly speedIndexMs: number | null;
  readonly layoutShift: number | null;
}

/** Chromium with a DevTools port for Lighthouse to drive; resolves once the port answers. */
async function launchChromium(executable: string): Promise<ChildProcess> {
  const child = spawn(
    executable,
    ['--headless', ...chromiumArgs, `--remote-debugging-port=${debuggingPort}`, 'about:blank'],
    { stdio: 'ignore' },
  );
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${debuggingPort}/json/version`)).ok) return child;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline || child.exitCode !== null) {
      child.kill();
      throw new Error(`Chromium did not open its DevTools port ${debuggingPort}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function audit(url: string, route: string): Promise<Row> {
  const result = await lighthouse(url, {
    port: debuggingPort,
    output: 'json',
    logLevel: 'error',
    onlyCategories: [...categories],
  });
  if (!result) throw new Error(`Lighthouse returned nothing for ${route}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`${route}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const score = (id: (typeof categories)[number]) => {
    const value = lhr.categories[id]?.score;
    return value === null || value === undefined ? null : Math.round(value * 100);
  };
  const findings = Object.values(lhr.audits)
    .filter((entry) => entry.score !== null && entry.score < 1 && entry.scoreDisplayMode === 'binary')
    .map((entry) => entry.id);
  if (findings.length > 0 && !json) console.error(`  ${route}: failed audits: ${findings.join(', ')}`);
  return {
    route,
    scores: {
      performance: score('performance'),
      accessibility: score('accessibility'),
      'best-practices': score('best-practices'),
      seo: score('seo'),
    },
    totalBlockingTimeMs: lhr.audits['total-blocking-time']?.numericValue ?? null,
    firstPaintMs: lhr.audits['first-contentful-paint']?.numericValue ?? null,
    largestPaintMs: lhr.audits['largest-contentful-paint']?.numericValue ?? null,
    speedIndexMs: lhr.audits['speed-index']?.numericValue ?? null,
    layoutShift: lhr.audits['cumulative-layout-shift']?.numericValue ?? null,
  };
}

function table(rows: readonly Row[]): string {
  const cell = (value: number | null) => (value === null ? '–' : String(value));
  const ms = (value: number | null) => (value === null ? '–' : `${Math.round(value)} ms`);
  const lines = [
    '| route | performance | accessibility | best practices | SEO | total blocking time | FCP | LCP | speed index | CLS |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (row) =>
        `| \`${row.route}\` | ${cell(row.scores.performance)} | ${cell(row.scores.accessibility)} | ${cell(row.scores['best-practices'])} | ${cell(row.scores.seo)} | ${ms(row.totalBlockingTimeMs)} | ${ms(row.firstPaintMs)} | ${ms(row.largestPaintMs)} | ${ms(row.speedIndexMs)} | ${row.layoutShift === null ? '–' : row.layoutShift.toFixed(3)} |`,
    ),
  ];
  return lines.join('\n');
}

async function main() {
  const executable = process.env.CHROME_PATH ?? chromiumPath();
  if (!executable) throw new Error('Chromium not found: apt-get install -y chromium, or set CHROME_PATH');
  const server = await startPreview(port);
  const chromium = await launchChromium(executable).catch((error: unknown) => {
    server.stop();
    throw error;
  });
  try {
    const rows: Row[] = [];
    for (const route of routes().filter((each) => only === undefined || each.includes(only))) {
      if (!json) console.error(`auditing ${route}`);
      rows.push(await audit(`${server.origin}${route}`, route));
    }
    console.log(json ? JSON.stringify(rows, null, 2) : table(rows));
  } finally {
    chromium.kill();
    server.stop();
  }
}

await main();
