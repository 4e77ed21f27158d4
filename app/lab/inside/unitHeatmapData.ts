/**
 * The numbers behind the heatmap of all units: its pixels, each unit's summary for the data table and
 * the caption.
 */

import type { TraceValues } from '../../../engine/lab/trace';
import type { FigureTable } from '../../figures/frame/FigureFrame';
import { quoteCharacter, type UnitScale } from './unitScale';

/** The lookup's colours packed as one 32-bit RGBA word each, in the platform's byte order. */
function packedColors(lookup: Uint8Array): Uint32Array {
  const packed = new Uint32Array(lookup.length / 3 + 1);
  const bytes = new Uint8Array(packed.buffer);
  for (let index = 0; index < packed.length; index++) {
    // The last entry is the grey of a value that is not finite.
    const at = index * 3;
    const missing = index === packed.length - 1;
    bytes.set(
      missing ? [163, 163, 163, 255] : [lookup[at]!, lookup[at + 1]!, lookup[at + 2]!, 255],
      index * 4,
    );
  }
  return packed;
}

/**
 * RGBA bytes [H][T] of a [T][H] series: unit u is row u, character t column t; grey where not finite.
 * Writes one packed word per cell, reading the series in order (half a million cells for 2,000 × 256).
 */
export function heatmapPixels(
  series: TraceValues,
  steps: number,
  hiddenSize: number,
  scale: UnitScale,
): Uint8ClampedArray<ArrayBuffer> {
  const pixels = new Uint8ClampedArray(steps * hiddenSize * 4);
  const words = new Uint32Array(pixels.buffer);
  const colors = packedColors(scale.lookup);
  const missing = colors.length - 1;
  const [low, high] = scale.domain;
  const top = missing - 1;
  const toIndex = top / (high - low);
  // Blocks of 16 characters keep both the reads and the writes within a few cache lines.
  const block = 16;
  for (let start = 0; start < steps; start += block) {
    const end = Math.min(steps, start + block);
    for (let unit = 0; unit < hiddenSize; unit++) {
      for (let t = start; t < end; t++) {
        const value = series[t * hiddenSize + unit]!;
        // scaleFraction and lookupIndex written out: this runs once per cell of the map.
        const fraction = (value - low) * toIndex;
        let index: number;
        if (fraction >= 0 && fraction <= top) index = (fraction + 0.5) | 0;
        else if (fraction > top) index = value === Number.POSITIVE_INFINITY ? missing : top;
        else index = value > Number.NEGATIVE_INFINITY ? 0 : missing; // NaN and −∞ are grey
        words[unit * steps + t] = colors[index]!;
      }
    }
  }
  return pixels;
}

/** One unit over the passage: mean, range, and where it is highest. */
export interface UnitSummary {
  readonly unit: number;
  readonly mean: number;
  readonly min: number;
  readonly max: number;
  /** The character after which the unit is highest. */
  readonly argmax: number;
}

/** Every unit's summary over the passage (finite values only; NaN when a unit has none). */
export function summariseUnits(series: TraceValues, steps: number, hiddenSize: number): UnitSummary[] {
  const sum = new Float64Array(hiddenSize);
  const count = new Float64Array(hiddenSize);
  const min = new Float64Array(hiddenSize).fill(Number.POSITIVE_INFINITY);
  const max = new Float64Array(hiddenSize).fill(Number.NEGATIVE_INFINITY);
  const argmax = new Int32Array(hiddenSize);
  // Character by character, so the series is read in memory order.
  for (let t = 0; t < steps; t++) {
    for (let unit = 0; unit < hiddenSize; unit++) {
      const value = series[t * hiddenSize + unit]!;
      if (!Number.isFinite(value)) continue;
      sum[unit]! += value;
      count[unit]!++;
      if (value < min[unit]!) min[unit] = value;
      if (value > max[unit]!) {
        max[unit] = value;
        argmax[unit] = t;
      }
    }
  }
  return Array.from({ length: hiddenSize }, (_, unit) =>
    count[unit] === 0
      ? { unit, mean: Number.NaN, min: Number.NaN, max: Number.NaN, argmax: 0 }
      : { unit, mean: sum[unit]! / count[unit]!, min: min[unit]!, max: max[unit]!, argmax: argmax[unit]! },
  );
}

/** The heatmap's data table: one row per unit. */
export function unitTable(
  summaries: readonly UnitSummary[],
  characters: readonly string[],
  seriesLabel: string,
): FigureTable {
  return {
    caption: `Each unit of ${seriesLabel} over the passage of ${characters.length} characters.`,
    columns: ['Unit', 'Mean', 'Lowest', 'Highest', 'Highest after character'],
    rows: summaries.map((summary) => [
      String(summary.unit + 1),
      summary.mean,
      summary.min,
      summary.max,
      Number.isFinite(summary.max)
        ? `${summary.argmax + 1} ${quoteCharacter(characters[summary.argmax])}`
        : 'no value',
    ]),
  };
}
