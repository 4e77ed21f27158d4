/**
 * The numbers behind the heatmap of all units: its pixels, each unit's summary for the data table and
 * the caption, and the canvas's pixel density (kept under what browsers allow for a long passage).
 */

import { lookupIndex } from '../../figures/frame/colorScales';
import type { FigureTable } from '../../figures/frame/FigureFrame';
import { quoteCharacter, scaleFraction, type UnitScale } from './unitScale';

/** RGBA bytes [H][T] of a [T][H] series: unit u is row u, character t column t. Grey where not finite. */
export function heatmapPixels(
  series: Float64Array,
  steps: number,
  hiddenSize: number,
  scale: UnitScale,
): Uint8ClampedArray<ArrayBuffer> {
  const pixels = new Uint8ClampedArray(steps * hiddenSize * 4);
  const { lookup } = scale;
  for (let t = 0; t < steps; t++) {
    for (let unit = 0; unit < hiddenSize; unit++) {
      const value = series[t * hiddenSize + unit]!;
      const at = (unit * steps + t) * 4;
      if (!Number.isFinite(value)) {
        pixels.fill(163, at, at + 3);
      } else {
        const index = lookupIndex(scaleFraction(scale, value)) * 3;
        pixels[at] = lookup[index]!;
        pixels[at + 1] = lookup[index + 1]!;
        pixels[at + 2] = lookup[index + 2]!;
      }
      pixels[at + 3] = 255;
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
export function summariseUnits(series: Float64Array, steps: number, hiddenSize: number): UnitSummary[] {
  return Array.from({ length: hiddenSize }, (_, unit) => {
    let sum = 0;
    let count = 0;
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    let argmax = 0;
    for (let t = 0; t < steps; t++) {
      const value = series[t * hiddenSize + unit]!;
      if (!Number.isFinite(value)) continue;
      sum += value;
      count++;
      if (value < min) min = value;
      if (value > max) {
        max = value;
        argmax = t;
      }
    }
    return count === 0
      ? { unit, mean: Number.NaN, min: Number.NaN, max: Number.NaN, argmax: 0 }
      : { unit, mean: sum / count, min, max, argmax };
  });
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

/** Browsers refuse canvases much beyond 16,384 pixels a side or about 16 million pixels in all. */
const maxSide = 16_384;
const maxArea = 16_000_000;

/** The backing store's pixels per CSS pixel: the screen's density, lowered where the canvas would be too big. */
export function canvasDensity(width: number, height: number, screenDensity: number): number {
  const wanted = screenDensity > 0 ? screenDensity : 1;
  return Math.min(
    wanted,
    maxSide / Math.max(1, width),
    maxSide / Math.max(1, height),
    Math.sqrt(maxArea / Math.max(1, width * height)),
  );
}
