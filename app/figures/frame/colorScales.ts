import { color, interpolateRdBu, interpolateViridis } from 'd3';

/**
 * Colour maps shared by the heatmaps and the cell diagram, so that "0.97 forget" is the same yellow
 * everywhere. Viridis (perceptually uniform, colour-blind safe) for values in [0, 1] or magnitudes;
 * RdBu reversed (blue negative, red positive, white at 0; ColorBrewer marks it colour-blind safe) for
 * signed values on a symmetric domain.
 */
export type ColorMap = (fraction: number) => string;

export const sequentialMap: ColorMap = interpolateViridis;
export const divergingMap: ColorMap = (fraction) => interpolateRdBu(1 - fraction);

/** Cells whose value is NaN, ±Infinity or missing: a neutral grey that no map above uses. */
export const missingColor = '#a3a3a3';

export type Rgb = readonly [number, number, number];

const lookupSize = 256;

/**
 * The map sampled at 256 points as packed RGB bytes: colouring a 400,000-cell heatmap then costs one
 * array read per cell instead of one string parse.
 */
export function colorLookup(map: ColorMap): Uint8Array {
  const table = new Uint8Array(lookupSize * 3);
  for (let index = 0; index < lookupSize; index++) {
    const rgb = color(map(index / (lookupSize - 1)))?.rgb();
    table[index * 3] = rgb ? Math.round(rgb.r) : 0;
    table[index * 3 + 1] = rgb ? Math.round(rgb.g) : 0;
    table[index * 3 + 2] = rgb ? Math.round(rgb.b) : 0;
  }
  return table;
}

/** Index into a lookup table for a fraction in [0, 1] (clamped). */
export function lookupIndex(fraction: number): number {
  return Math.round(Math.min(1, Math.max(0, fraction)) * (lookupSize - 1));
}

/** Black or white, whichever reads better on the given background (WCAG relative luminance). */
export function inkOn(background: string): string {
  const rgb = color(background)?.rgb();
  if (!rgb) return '#000000';
  const channel = (value: number) => {
    const scaled = value / 255;
    return scaled <= 0.03928 ? scaled / 12.92 : ((scaled + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(rgb.r) + 0.7152 * channel(rgb.g) + 0.0722 * channel(rgb.b);
  return luminance > 0.22 ? '#111111' : '#ffffff';
}

/** A symmetric bound for signed values: at least 1 (tanh's range), rounded up to a half. */
export function symmetricBound(values: Iterable<number>): number {
  let largest = 1;
  for (const value of values) {
    if (Number.isFinite(value) && Math.abs(value) > largest) largest = Math.abs(value);
  }
  return Math.ceil(largest * 2) / 2;
}
