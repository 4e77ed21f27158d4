// The memory-horizon sweep's wall time in Chromium, as lesson 2's reader gets it: press Run, wait until
// every run is done, and read the time the widget itself reports ("the sweep took … on this machine"),
// with the load average before and after (the machine's other work slows the sweep). On Linux it also
// counts the CPU time Chromium spent meanwhile: unlike the wall time, that hardly depends on what else
// the machine runs, so two builds compare fairly on a busy machine, and on a quiet one with two cores the
// sweep cannot take less than half of it.
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import type { Browser } from 'playwright-core';

export interface SweepTiming {
  /** What the widget reports, in seconds. */
  readonly seconds: number;
  /** The status line at the end ("15 of 15 runs done · the sweep took 8.1 s on this machine"). */
  readonly status: string;
  readonly cores: number;
  /**
   * CPU seconds this process's descendants used during the sweep (Chromium, launched by Playwright, with
   * every thread: workers, page, GPU; and the preview server, idle meanwhile); null off Linux.
   */
  readonly cpuSeconds: number | null;
  readonly loadBefore: readonly number[];
  readonly loadAfter: readonly number[];
}

/** The seconds in "the sweep took 8.1 s" or "the sweep took 1 min 4 s" (formatDuration's forms). */
export function reportedSeconds(status: string): number {
  const match = /the sweep took (?:(\d+) min )?([\d.]+) s/.exec(status);
  if (!match) throw new Error(`No sweep time in "${status}"`);
  return Number(match[1] ?? 0) * 60 + Number(match[2]);
}

/** Linux's clock ticks per second for /proc times (USER_HZ, 100 on every architecture Chromium runs on). */
const TICKS_PER_SECOND = 100;

/** CPU seconds (user and system) of `root` and all its descendants so far, from /proc; null without it. */
export function treeCpuSeconds(root: number): number | null {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return null;
  }
  const parent = new Map<number, number>();
  const ticks = new Map<number, number>();
  for (const name of entries) {
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name is in parentheses and may hold spaces: the fields after it are fixed.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(name), Number(fields[1]));
      ticks.set(Number(name), Number(fields[11]) + Number(fields[12]));
    } catch {
      // The process ended while we read.
    }
  }
  const inTree = (pid: number): boolean => {
    for (let at: number | undefined = pid, hops = 0; at !== undefined && hops < 64; hops++) {
      if (at === root) return true;
      at = parent.get(at);
    }
    return false;
  };
  let total = 0;
  for (const [pid, value] of ticks) if (inTree(pid)) total += value;
  return total / TICKS_PER_SECOND;
}

const route = '/#/lessons/02-backpropagation-through-time';

/** Opens lesson 2, runs its memory-horizon sweep once and returns its wall time (at most 5 minutes). */
export async function measureSweep(browser: Browser, origin: string): Promise<SweepTiming> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    await page.goto(`${origin}${route}`);
    const widget = page.getByRole('region', { name: 'Memory horizon experiment' });
    // The lesson mounts its text progressively and live figures near view: scroll until it is there.
    for (let step = 0; step < 400 && (await widget.count()) === 0; step += 1) {
      await page.mouse.wheel(0, 600);
      await page.waitForTimeout(50);
    }
    await widget.scrollIntoViewIfNeeded();
    const cores = Number(await page.evaluate('navigator.hardwareConcurrency'));
    const loadBefore = loadavg().map((value) => Number(value.toFixed(2)));
    const cpuBefore = treeCpuSeconds(process.pid);
    await widget.getByRole('button', { name: /^Run/ }).click();
    const status = widget.locator('.widget-status');
    await status.filter({ hasText: 'the sweep took' }).waitFor({ timeout: 300_000 });
    const text = (await status.textContent()) ?? '';
    const loadAfter = loadavg().map((value) => Number(value.toFixed(2)));
    const cpuAfter = treeCpuSeconds(process.pid);
    const cpuSeconds =
      cpuBefore === null || cpuAfter === null ? null : Number((cpuAfter - cpuBefore).toFixed(1));
    return { seconds: reportedSeconds(text), status: text.trim(), cores, cpuSeconds, loadBefore, loadAfter };
  } finally {
    await page.close();
  }
}
