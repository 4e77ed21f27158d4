import { formatNumber, scientific } from './figureText';

/** Groups of consecutive indices, at most `maxGroups` of them, covering 0..count-1: tables stay short. */
export function indexGroups(count: number, maxGroups = 60): { start: number; end: number }[] {
  if (count <= 0) return [];
  const size = Math.ceil(count / maxGroups);
  const groups: { start: number; end: number }[] = [];
  for (let start = 0; start < count; start += size)
    groups.push({ start, end: Math.min(count, start + size) });
  return groups;
}

/** Mean of the finite values in [start, end), or NaN when there are none. */
export function rangeMean(values: ArrayLike<number>, start: number, end: number): number {
  let sum = 0;
  let count = 0;
  for (let index = start; index < end; index++) {
    const value = values[index]!;
    if (Number.isFinite(value)) {
      sum += value;
      count++;
    }
  }
  return count > 0 ? sum / count : Number.NaN;
}

/** "1/300 of" for a third of a percent, "26% of", "40 times": how a ratio of gradient sizes reads. */
export function describeRatio(ratio: number): string {
  if (ratio < 1e-4) return `${scientific(ratio)} of`;
  if (ratio >= 1e4) return `${scientific(ratio)} times`;
  if (ratio < 0.1) return `1/${formatNumber(1 / ratio, 2)} of`;
  if (ratio < 1) return `${Math.round(ratio * 100)}% of`;
  return `${formatNumber(ratio, 2)} times`;
}

/** "4, 7 and 9" (at most five, then "and 3 more"). */
export function listSteps(steps: readonly number[]): string {
  const shown = steps.slice(0, 5).map(String);
  if (steps.length > 5) return `${shown.join(', ')} and ${steps.length - 5} more`;
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}
