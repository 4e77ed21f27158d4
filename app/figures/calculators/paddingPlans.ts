/**
 * What the padding-vs-buckets figure draws: the engine's two batch plans (engine/batching.ts) for one list
 * of lengths, with bucket bounds chosen so each bucket holds about the same number of sequences, and a
 * seeded source of realistic lengths for the "new batch" button.
 */
import type { BatchPlan } from '../../../engine/batching';
import { createRng, planBucketing, planPadding } from '../../engine';

/**
 * Upper bounds (ascending, each < the longest length) splitting the sorted lengths into `buckets` groups
 * of about equal size, as one would pick them from a data set's length quantiles. Fewer bounds come back
 * when the lengths have too few distinct values.
 */
export function quantileBoundaries(lengths: readonly number[], buckets: number): number[] {
  const sorted = [...lengths].sort((a, b) => a - b);
  const n = sorted.length;
  const longest = sorted[n - 1] ?? 0;
  const bounds: number[] = [];
  for (let j = 1; j < buckets; j++) {
    const bound = sorted[Math.max(0, Math.round((j * n) / buckets) - 1)]!;
    if (bound < longest && (bounds.length === 0 || bound > bounds[bounds.length - 1]!)) bounds.push(bound);
  }
  return bounds;
}

export interface PaddingComparison {
  readonly padding: BatchPlan;
  readonly bucketing: BatchPlan;
  readonly boundaries: readonly number[];
  /** Buckets that received sequences (≤ the number asked for). */
  readonly bucketCount: number;
}

/** Both plans for the lengths; throws RangeError (from the engine) on lengths or batch sizes < 1. */
export function comparePlans(
  lengths: readonly number[],
  batchSize: number,
  buckets: number,
): PaddingComparison {
  const boundaries = quantileBoundaries(lengths, Math.max(1, Math.round(buckets)));
  const padding = planPadding(lengths, batchSize);
  const bucketing = planBucketing(lengths, batchSize, { boundaries });
  const used = new Set(
    lengths.map((length) => {
      const index = boundaries.findIndex((bound) => length <= bound);
      return index === -1 ? boundaries.length : index;
    }),
  );
  return { padding, bucketing, boundaries, bucketCount: used.size };
}

/**
 * `count` sequence lengths from `createRng(seed)`, skewed like sentence lengths (log-normal around a
 * median of about a third of the way up, most short, a few long), clamped to [minLength, maxLength].
 */
export function sampleLengths(seed: number, count: number, minLength: number, maxLength: number): number[] {
  const rng = createRng(seed);
  const median = minLength + (maxLength - minLength) / 3;
  return Array.from({ length: count }, () => {
    const length = Math.round(median * Math.exp(0.5 * rng.normal()));
    return Math.min(maxLength, Math.max(minLength, length));
  });
}
