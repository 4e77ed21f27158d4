/**
 * What the line charts say in words and tables: sentences about values that could not be drawn, and
 * which steps become table rows.
 */

import { plural } from '../../shared/format';
import { formatCaptionNumber, formatStep } from '../frame/figureText';
import type { PlotSeries, SeriesIssues } from './lineSeries';

function nonFiniteKind(issues: SeriesIssues): string {
  if (issues.hasNaN && issues.hasInfinity) return 'NaN or infinite';
  return issues.hasNaN ? 'NaN (not a number)' : 'infinite';
}

/**
 * The caption's sentence about values that could not be drawn, or null when there were none:
 * "For RNN, the loss became NaN (not a number) at step 180; those 121 points are not drawn."
 */
export function nonFiniteSentence(
  issues: SeriesIssues,
  options: { label?: string; noun: string; at?: (x: number) => string },
): string | null {
  if (issues.nonFinite === 0) return null;
  const subject = options.label ? `For ${options.label}, the ${options.noun}` : `The ${options.noun}`;
  const at = options.at ?? ((x: number) => `step ${formatStep(x)}`);
  const where = at(issues.firstNonFiniteX ?? 0);
  if (issues.nonFiniteToEnd) {
    const those =
      issues.nonFinite === 1 ? 'that point is' : `those ${formatStep(issues.nonFinite)} points are`;
    return `${subject} became ${nonFiniteKind(issues)} at ${where}; ${those} not drawn.`;
  }
  const count = issues.nonFinite === 1 ? 'one value is' : `${formatStep(issues.nonFinite)} values are`;
  return `${subject}: ${count} ${nonFiniteKind(issues)} (first at ${where}) and not drawn.`;
}

/** The caption's sentence about values drawn at a log axis's floor, or null when there were none. */
export function floorSentence(clamped: number, floor: number, explicitFloor: boolean): string | null {
  if (clamped === 0) return null;
  const what = explicitFloor ? `below ${formatCaptionNumber(floor)}` : 'of zero or less';
  const verb = clamped === 1 ? 'is' : 'are';
  return `On the log axis, ${plural(clamped, 'value')} ${what} ${verb} drawn at the floor, ${formatCaptionNumber(floor)}.`;
}

/**
 * Which x values (steps, distances) become table rows: all when they fit, else those nearest to
 * round multiples (every 100 steps, say), always with the first and the last.
 */
export function tableSteps(
  sortedSteps: readonly number[],
  maxRows = 50,
): { steps: number[]; stride: number } {
  const count = sortedSteps.length;
  if (count <= maxRows) return { steps: sortedSteps.slice(), stride: 1 };
  const first = sortedSteps[0]!;
  const last = sortedSteps[count - 1]!;
  const stride = niceStride((last - first) / (maxRows - 2));
  const chosen = new Set<number>([first]);
  let cursor = 0;
  for (let target = Math.ceil(first / stride) * stride; target < last; target += stride) {
    while (
      cursor + 1 < count &&
      Math.abs(sortedSteps[cursor + 1]! - target) <= Math.abs(sortedSteps[cursor]! - target)
    ) {
      cursor++;
    }
    chosen.add(sortedSteps[cursor]!);
  }
  chosen.add(last);
  return { steps: [...chosen].sort((a, b) => a - b), stride };
}

/** The distinct finite x values of several series, ascending. */
export function unionOfSteps(series: readonly PlotSeries[]): number[] {
  const steps = new Set<number>();
  for (const one of series) for (const point of one.points) if (Number.isFinite(point.x)) steps.add(point.x);
  return [...steps].sort((a, b) => a - b);
}

/** The smallest of 1, 2, 5, 10, 20, 50... that is at least `raw`. */
export function niceStride(raw: number): number {
  if (!(raw > 1)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const multiple of [1, 2, 5, 10]) {
    if (multiple * power >= raw - 1e-9) return multiple * power;
  }
  return 10 * power;
}
